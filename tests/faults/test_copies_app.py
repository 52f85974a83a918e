"""In the app, a CSV export on a full disk keeps the old file whole, and a crash's foreign journal is reported."""

from __future__ import annotations

import pytest
from faultkit import file_size_limit

from PySide6.QtCore import QSettings

from planner.ui.files import open_plan
from planner.ui.main_window import MainWindow
from planner.ui.settings import Settings

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    """A main window whose messages are recorded instead of shown."""
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.close_document())
    window.shown = []
    monkeypatch.setattr(window, "show_message", lambda title, text: window.shown.append((title, text)))
    yield window
    window.close_document()


def test_csv_export_on_a_full_disk_keeps_the_old_file(window, plan_file, tmp_path, monkeypatch):
    """Exporting stakeholders when the disk is full leaves the previous CSV complete and says why."""
    out = tmp_path / "stakeholders.csv"
    out.write_text("name\nOld export, complete\n", encoding="utf-8")
    assert open_plan(window, plan_file)
    step = window.go_to_step("stakeholders")
    messages = []
    monkeypatch.setattr(step, "ask_export_path", lambda: str(out))
    monkeypatch.setattr(step, "show_message", messages.append)
    # The plan names private individuals, so the export asks first: the officer says yes.
    monkeypatch.setattr(step.privacy, "ask_confirm", lambda title, text: True)
    with file_size_limit(100):
        step.export_csv()
    assert out.read_text(encoding="utf-8") == "name\nOld export, complete\n"
    assert messages and "stakeholders.csv" in messages[0] and "disk is full" in messages[0]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
