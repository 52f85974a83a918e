"""The export progress dialog has a Cancel that stops the PDF and leaves nothing behind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QPushButton

from planner.ui import export_dialog
from planner.ui.files import open_plan
from planner.ui.main_window import MainWindow
from planner.ui.settings import Settings

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, plan_file):
    """The sample plan open in a window whose messages are recorded instead of shown."""
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.close_document())
    window.shown = []
    monkeypatch.setattr(window, "show_message", lambda title, text: window.shown.append(text))
    assert open_plan(window, plan_file)
    yield window
    window.close_document()


def test_cancel_on_the_progress_dialog_writes_nothing(window, tmp_path, monkeypatch):
    """Pressing Cancel while the PDF is written stops it: no PDF, no partial file, no error dialog."""
    out = tmp_path / "out" / "plan.pdf"
    out.parent.mkdir()
    monkeypatch.setattr(window, "ask_save_path", lambda *args: str(out))
    seen = []

    def cancel_once_shown(dialog):
        seen.append([button.text() for button in dialog.findChildren(QPushButton)])
        return True  # the officer pressed Cancel
    monkeypatch.setattr(export_dialog.QProgressDialog, "wasCanceled", cancel_once_shown)
    options = {"paper": "a4", "include_personal": False, "status": "", "full": True}
    assert export_dialog.export_pdf(window, options) is None
    assert seen and "Cancel" in seen[0]  # the button is there to press
    assert list(out.parent.iterdir()) == []
    assert window.shown == [] and "cancelled" in window.statusBar().currentMessage()
