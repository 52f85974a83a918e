"""On the Stakeholders and Risks steps, text whose save fails stays on screen and closing asks first."""

from __future__ import annotations

import pytest
from faultkit import file_size_limit

from PySide6.QtCore import QSettings

from planner.ui.files import open_plan
from planner.ui.main_window import MainWindow
from planner.ui.settings import Settings

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]

LONG = "A note far longer than the space left on the disk. " * 3_000  # ~156 KB


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch, plan_file):
    """The sample plan open in a window whose dialogs are recorded (and confirmations declined)."""
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.close_document())
    window.shown = []
    monkeypatch.setattr(window, "show_message", lambda title, text: window.shown.append(text))
    monkeypatch.setattr(window, "ask_confirm", lambda title, text: window.shown.append(text) or False)
    from planner.core.model import Contribution, ContributionKind
    from planner.storage import PlanStore
    with PlanStore.open(plan_file) as store:
        store.update_stakeholder("s2", contributions=[Contribution(ContributionKind.TIME, 4, "hours a week")])
    assert open_plan(window, plan_file)
    yield window
    window.document and window.document.undo_stack.clear()


def fail_to_save(window, box) -> None:
    """Commit what is typed in ``box`` while the plan file may not grow."""
    size = window.document.store.path.stat().st_size
    with file_size_limit(size + 4096):
        box.committed.emit(box.toPlainText()) if hasattr(box, "committed") else box.editingFinished.emit()


def test_stakeholder_notes_survive_a_failed_save(window):
    """Typed notes stay after the refused save, also after choosing another stakeholder and back."""
    step = window.go_to_step("stakeholders")
    step.select("stakeholder", "s1")
    stored = window.document.store.stakeholder("s1").notes
    step.form.notes.setPlainText(LONG)
    fail_to_save(window, step.form.notes)
    assert window.shown and window.shown[-1].startswith("The change was not saved")
    assert step.form.notes.toPlainText() == LONG
    assert window.document.store.stakeholder("s1").notes == stored
    step.select("stakeholder", "s2")
    step.select("stakeholder", "s1")
    assert step.form.notes.toPlainText() == LONG
    assert step.unsaved_changes()
    assert not window.may_leave_plan()  # asked, and the officer said no
    assert "could not be saved" in window.shown[-1]


def test_stakeholder_name_survives_a_failed_save(window):
    """A renamed stakeholder keeps the typed name on screen when the save is refused."""
    step = window.go_to_step("stakeholders")
    step.select("stakeholder", "s1")
    step.form.name.setText("N" * 30_000)
    fail_to_save(window, step.form.name)
    assert step.form.name.text() == "N" * 30_000
    assert step.unsaved_changes()


def test_risk_description_survives_a_failed_save(window):
    """On the Risks step the typed description stays and closing asks before it is lost."""
    step = window.go_to_step("risks")
    key = window.document.plan.risks[0].key
    step.select("risk", key)
    step.form.description.setPlainText(LONG)
    fail_to_save(window, step.form.description)
    assert step.form.description.toPlainText() == LONG
    assert step.unsaved_changes()
    assert not window.may_leave_plan()


def test_a_later_successful_save_clears_the_unsaved_mark(window):
    """Once the typed text is saved (space is back), nothing is reported as unsaved."""
    step = window.go_to_step("stakeholders")
    step.select("stakeholder", "s1")
    step.form.notes.setPlainText(LONG)
    fail_to_save(window, step.form.notes)
    step.form.notes.commit()
    assert window.document.store.stakeholder("s1").notes == LONG
    assert step.unsaved_changes() == []


@pytest.mark.parametrize("typed", ["1e20", "99999999999999999999", "inf"])
def test_an_out_of_range_amount_is_refused_with_a_message(window, monkeypatch, typed):
    """A huge or infinite contribution amount is refused with a message and the old amount shows."""
    step = window.go_to_step("stakeholders")
    said = []
    monkeypatch.setattr(step, "show_message", said.append)
    step.select("stakeholder", "s2")  # brings 4 hours a week
    editor = step.form.contributions
    editor.table.item(0, 1).setText(typed)
    assert editor.table.item(0, 1).text() == "4"
    assert said and "amount" in said[0] and typed in said[0]
    assert window.document.store.stakeholder("s2").contributions[0].amount == 4
