"""Details of the stakeholder form and list: contributions, side, keys, guidance on focus, CSV refusals."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from plan_factory import make_step, open_plan  # noqa: F401  (open_plan is a fixture)
from planner.core.model import Contribution, ContributionKind, Side
from planner.ui.steps.stakeholders import StakeholdersStep


def test_contributions_are_added_changed_removed_and_undone(qtbot, open_plan, monkeypatch):
    """Each change to the contributions table is one undoable edit of the whole list."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    said = []
    monkeypatch.setattr(step, "show_message", said.append)
    step.select("stakeholder", "s2")  # brings 4 hours a week of time
    editor = step.form.contributions
    editor.add_button.click()
    combo = editor.table.cellWidget(1, 0)
    combo.setCurrentIndex(combo.findData("premises"))
    combo.activated.emit(combo.currentIndex())
    editor.table.item(1, 3).setText("Church hall on Tuesdays")
    assert document.store.stakeholder("s2").contributions == [
        Contribution(ContributionKind.TIME, 4, "hours a week", ""),
        Contribution(ContributionKind.PREMISES, None, "", "Church hall on Tuesdays")]
    editor.table.item(0, 1).setText("lots")  # not a number: refused, the old amount stays
    assert editor.table.item(0, 1).text() == "4"
    assert said and "lots" in said[0]
    editor.table.setCurrentCell(0, 1)
    editor.remove_button.click()
    assert [c.kind for c in document.store.stakeholder("s2").contributions] == [ContributionKind.PREMISES]
    assert document.undo_stack.undoText() == "change stakeholder contributions"
    for _ in range(4):
        document.undo_stack.undo()
    assert document.store.stakeholder("s2").contributions == [Contribution(ContributionKind.TIME, 4, "hours a week", "")]
    assert editor.table.rowCount() == 1


def test_side_follows_the_category_unless_set_by_hand(qtbot, open_plan):
    """The first side entry names the category's side; choosing it again clears a hand-set side."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.select("stakeholder", "s1")  # a service user
    form = step.form
    assert form.side.itemText(0) == "Same as category (Users and carers)"
    form.side.setCurrentIndex(form.side.findData("governance"))
    form.side.activated.emit(form.side.currentIndex())
    assert document.store.stakeholder("s1").side is Side.GOVERNANCE
    assert step.model.index(0, 3).data() == "Governance (set by hand)"
    form.side.setCurrentIndex(0)
    form.side.activated.emit(0)
    assert document.store.stakeholder("s1").side_override is None
    form.category.setCurrentIndex(form.category.findData("professional"))
    form.category.activated.emit(form.category.currentIndex())
    assert form.side.itemText(0) == "Same as category (Providers)"


def test_duplicates_get_fresh_keys_and_their_own_contributions(qtbot, open_plan):
    """A duplicate is a separate stakeholder: new key, "(copy)" name, copied contributions."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.select("stakeholder", "s2")
    step.duplicate()
    copy = document.store.stakeholder("s11")
    assert copy.name == "Bryn Jones (copy)" and copy.contributions == document.store.stakeholder("s2").contributions
    assert step.form.stakeholder.key == "s11"


def test_delete_key_deletes_the_selection(qtbot, open_plan):
    """Pressing Delete in the list deletes the selected stakeholders."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.pane.select_keys(["s4", "s5"])
    asked = []
    step.privacy.ask_delete_people = lambda names, n: asked.append(names) or "delete"  # s4 is a person
    step.pane.view.setFocus()
    QTest.keyClick(step.pane.view, Qt.Key.Key_Delete)
    assert asked == [["Dewi Morgan"]]
    assert step.model.rowCount() == 8 and document.undo_stack.undoText() == "delete 2 stakeholders"


def test_focusing_the_category_asks_for_guidance(qtbot, open_plan):
    """Moving into the category field asks the guidance panel about the category shown."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.select("stakeholder", "s2")
    # The offscreen test platform has no active window to give focus, so deliver the event itself.
    with qtbot.waitSignal(step.guidance_requested) as signal:
        QApplication.sendEvent(step.form.category,
                               QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.TabFocusReason))
    assert signal.args == ["stakeholder_category", "carer"]


def test_a_file_that_is_not_a_stakeholder_list_is_explained(qtbot, open_plan, tmp_path, monkeypatch):
    """A file with no header row adds nothing and tells the officer why."""
    document = open_plan(count=1)
    step = make_step(qtbot, StakeholdersStep, document)
    bad = tmp_path / "empty.csv"
    bad.write_text("\n\n", encoding="utf-8")
    messages = []
    monkeypatch.setattr(step, "ask_csv_path", lambda: str(bad))
    monkeypatch.setattr(step, "ask_import", lambda *a: (_ for _ in ()).throw(AssertionError("no preview expected")))
    monkeypatch.setattr(step, "show_message", messages.append)
    step.import_csv()
    assert len(messages) == 1 and "header row" in messages[0]
    assert step.model.rowCount() == 1 and not document.undo_stack.count()


def test_import_preview_cannot_add_when_every_row_is_refused(qtbot):
    """The preview's OK button is off when no row can be imported, or no column holds the names."""
    from planner.storage.csv_columns import read_table
    from planner.ui.csv_import_dialog import CsvImportDialog
    dialog = CsvImportDialog(read_table("name,influence\n,3\nAnn,7\n"), "x.csv")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert dialog.refused_list.count() == 2
    budget = CsvImportDialog(read_table("line,amount\nrent,300\n"), "budget.csv")
    qtbot.addWidget(budget)
    assert not budget.ok_button.isEnabled()
    assert "no column holds the names" in budget.summary.text()


def test_export_writes_every_stakeholder_and_reads_back(qtbot, open_plan, tmp_path, monkeypatch):
    """Export writes all stakeholders, even filtered out ones, in a CSV the import accepts."""
    from planner.storage.csv_format import parse_stakeholders_csv
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.pane.filter_box.setText("Amira")
    out = tmp_path / "out.csv"
    monkeypatch.setattr(step, "ask_export_path", lambda: str(out))
    monkeypatch.setattr(step.privacy, "ask_confirm", lambda title, text: True)  # Amira is a person
    step.export_button.click()
    result = parse_stakeholders_csv(out.read_text(encoding="utf-8"), set())
    assert [s.key for s in result.accepted] == [f"s{i}" for i in range(1, 11)] and not result.refused
