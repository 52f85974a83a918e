"""GUI test set-up: every test here is marked ``gui``; fixtures build plans and windows in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from planner.storage import PlanStore
from planner.ui.main_window import MainWindow
from planner.ui.settings import Settings

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)
            # The offscreen platform says so of what it cannot do (raise, size hints, grabbing
            # the keyboard for a popup); these are not the app's warnings.
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Preferences in a temporary ini file, never the officer's real ones."""
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def plan_path(tmp_path) -> Path:
    """A new, empty plan file (closed again, so the window can open it)."""
    path = tmp_path / "Library services.coplan"
    PlanStore.create(path, "Library services").close()
    return path


class DialogsNotExpected:
    """Stand-ins for every dialog: a test that meets one it did not answer fails loudly."""

    def __init__(self):
        self.messages: list[tuple[str, str]] = []

    def install(self, monkeypatch, window: MainWindow) -> None:
        def refuse(name):
            def ask(*args, **kwargs):
                raise AssertionError(f"unexpected dialog {name}{args}")
            return ask
        for name in ("ask_open_path", "ask_save_path", "ask_confirm", "ask_open_read_only",
                     "ask_locked_choice", "ask_export_options", "ask_text", "ask_folder", "ask_item"):
            monkeypatch.setattr(window, name, refuse(name))
        monkeypatch.setattr(window, "show_message", lambda title, text: self.messages.append((title, text)))
        # Exporting a plan with must-fix findings asks first: recorded, and answered "export anyway".
        monkeypatch.setattr(window, "ask_must_fix", lambda text: self.messages.append(("must fix", text)) or "export")
        monkeypatch.setattr(window, "open_external", lambda path: self.messages.append(("opened", str(path))))


@pytest.fixture
def dialogs() -> DialogsNotExpected:
    return DialogsNotExpected()


@pytest.fixture
def make_window(qtbot, settings, monkeypatch, dialogs):
    """Build a main window (not shown unless asked) with its dialogs replaced."""
    made = []

    def make(library=None, examples=None, show=False) -> MainWindow:
        window = MainWindow(settings, library=library, examples=examples)
        # Close the plan (and give back its lock) before pytest-qt closes the window, so a test
        # that leaves a refused edit on screen is not asked about it at teardown.
        qtbot.addWidget(window, before_close_func=lambda w: w.close_document())
        dialogs.install(monkeypatch, window)
        if show:
            with qtbot.waitExposed(window):
                window.show()
            with qtbot.waitActive(window):
                window.activateWindow()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close_document()  # give back the lock before tmp_path goes


@pytest.fixture
def window(make_window):
    return make_window()
