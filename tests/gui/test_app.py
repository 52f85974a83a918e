"""planner.app.run builds the app, opens the plan it is given and returns the exit code."""

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from planner.app import run
from planner.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def event_loop_usable_afterwards(qapp):
    """Leave the app as later tests need it: the last window going away posts a Quit of its own,
    which, delivered after run()'s loop has ended, would make every later wait (qtbot.wait,
    waitSignal) return at once without running the event loop. One short exec() takes it."""
    yield
    QTimer.singleShot(0, qapp.quit)
    qapp.exec()


def test_run_opens_the_plan_given(qapp, plan_path, tmp_path):
    """Given a plan path, the window opens it with the guidance library, then quits cleanly."""
    seen = {}

    def look_and_quit():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        seen["title"] = window.windowTitle()
        seen["library"] = window.library is not None
        seen["icon"] = not qapp.windowIcon().isNull()
        window.close()
        qapp.quit()

    QTimer.singleShot(0, look_and_quit)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert run([str(plan_path)], qsettings=settings) == 0
    assert "Library services" in seen["title"]
    assert seen["library"] and seen["icon"]
    assert not plan_path.with_name(plan_path.name + ".lock").exists()


def test_guidance_is_read_when_first_shown(qapp, plan_path, tmp_path, monkeypatch):
    """The guidance library is not read before the window shows, but as soon as guidance is."""
    from planner import guidance

    reads = []
    real = guidance.load_library
    monkeypatch.setattr(guidance, "load_library", lambda: reads.append(1) or real())
    seen = {}

    def look_and_quit():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen["before"] = len(reads)
        window.guidance.show_guidance("cell", "co/co")
        seen["after"] = len(reads)
        seen["text"] = window.guidance.browser.toPlainText()
        window.close()
        qapp.quit()

    QTimer.singleShot(0, look_and_quit)
    assert run([str(plan_path)], qsettings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)) == 0
    assert seen["before"] == 0 and seen["after"] == 1
    assert "no guidance on this yet" not in seen["text"]
