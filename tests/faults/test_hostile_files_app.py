"""Hostile plan files opened in the app each give a dialog, and stay byte-for-byte unchanged."""

from __future__ import annotations

import pytest
from hostile import EXPECTED, PAGE, build, overwritten_page, real_plan, snapshot

from PySide6.QtCore import QSettings

from planner.ui.files import open_plan
from planner.ui.main_window import MainWindow
from planner.ui.settings import Settings

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """A main window whose dialogs are recorded (and declined) instead of shown."""
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.close_document())
    window.dialogs = []

    def record(name, answer):
        def dialog(*args, **kwargs):
            window.dialogs.append((name, *args))
            return answer
        return dialog

    monkeypatch.setattr(window, "show_message", record("show_message", None))
    for name in ("ask_open_read_only", "ask_confirm"):
        monkeypatch.setattr(window, name, record(name, False))
    monkeypatch.setattr(window, "ask_locked_choice", record("ask_locked_choice", None))
    yield window
    window.close_document()


def opens_with_a_dialog(window, path) -> str:
    """Open ``path`` in the window; assert it was refused with one dialog; return its text."""
    before = len(window.dialogs)
    assert not open_plan(window, path)
    assert window.document is None
    shown = window.dialogs[before:]
    assert len(shown) == 1, shown
    return " ".join(str(part) for part in shown[0][1:])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_hostile_file_gives_a_dialog(window, tmp_path, name):
    """Random bytes, empty, text, another app's database, a newer plan, a folder: each a dialog, file unchanged."""
    files = build(tmp_path)
    before = snapshot(tmp_path)
    text = opens_with_a_dialog(window, files[name])
    assert EXPECTED[name] in text
    assert "Traceback" not in text
    assert snapshot(tmp_path) == before


def test_truncated_and_damaged_plans_give_a_dialog(window, tmp_path):
    """Plans cut short or with a page of noise are refused with a dialog and never written to."""
    real = real_plan(tmp_path)
    target = tmp_path / "hurt.coplan"
    samples = [real[:size] for size in range(512, len(real), 512 * 7)]
    samples += [overwritten_page(real, page, seed=7) for page in range(0, len(real) // PAGE, 2)]
    for data in samples:
        target.write_bytes(data)
        assert not open_plan(window, target)
        assert window.dialogs and window.dialogs[-1][0] == "show_message"
        assert target.read_bytes() == data
        assert sorted(p.name for p in tmp_path.iterdir() if p.is_file() and p.suffix != ".ini") == [
            "hurt.coplan", "real.coplan"]  # no journal, no lock left behind
