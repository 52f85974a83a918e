"""A real refused write in the app (the file may not grow) shows storage's message, and the plan is as before."""

from __future__ import annotations

import sqlite3

import pytest
from faultkit import file_size_limit, integrity

from PySide6.QtCore import QSettings

from planner.ui.files import open_plan
from planner.ui.main_window import MainWindow
from planner.ui.settings import Settings

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


def test_a_full_disk_in_the_app_shows_the_message_and_keeps_the_plan(qtbot, tmp_path, plan_file, monkeypatch):
    """Typing a long summary when the file cannot grow: storage's WriteFailed message in a dialog, plan unchanged."""
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.close_document())
    shown = []
    monkeypatch.setattr(window, "show_message", lambda title, text: shown.append((title, text)))
    assert open_plan(window, plan_file)
    step = window.go_to_step("context")
    before = sqlite3.connect(plan_file).execute("SELECT summary, organisation FROM plan").fetchone()

    step.fields["organisation"].setText("Westshire Council")  # an edit that fits
    step.fields["organisation"].editingFinished.emit()
    summary = step.fields["summary"]
    summary.setPlainText("A summary far longer than the space left. " * 4_000)  # ~170 KB, under the 200,000-character limit
    with file_size_limit(plan_file.stat().st_size + 8_192):
        summary.editingFinished.emit()
    window.close_document()

    assert shown, "no dialog was shown"
    title, text = shown[-1]
    assert text.startswith("The change was not saved: ") and "as it was before this change" in text
    check, foreign = integrity(plan_file)
    assert check == ["ok"] and foreign == []
    db = sqlite3.connect(plan_file)
    assert db.execute("SELECT summary, organisation FROM plan").fetchone() == (before[0], "Westshire Council")
    db.close()
