"""The Stakeholders step: table, form, CSV import, undo and redo, read-only plans."""

from __future__ import annotations

from PySide6.QtCore import Qt

from plan_factory import make_step, open_plan  # noqa: F401  (open_plan is a fixture)
from planner.core.model import Category, Contribution, ContributionKind, Motive, Side
from planner.storage import PlanStore
from planner.ui.steps.stakeholders import StakeholdersStep


def test_add_through_the_form_and_find_it_after_reopening(qtbot, open_plan):
    """A stakeholder added and filled in through the form is in the file when it is opened again."""
    document = open_plan(count=0)
    step = make_step(qtbot, StakeholdersStep, document)
    with qtbot.waitSignal(document.plan_changed):
        step.pane.add_button.click()
    form = step.form
    assert form.stakeholder is not None and step.focusWidget() is form.name
    form.name.setText("Nia Roberts")
    form.name.editingFinished.emit()
    form.organisation.setText("Carers' network")
    form.organisation.editingFinished.emit()
    form.category.setCurrentIndex(form.category.findData("carer"))
    form.category.activated.emit(form.category.currentIndex())
    form.side.setCurrentIndex(form.side.findData("community"))
    form.side.activated.emit(form.side.currentIndex())
    form.influence.setValue(2)
    form.interest.setValue(5)
    form.motive.setCurrentIndex(form.motive.findData("affected_by_user"))
    form.motive.activated.emit(form.motive.currentIndex())
    form.personal.setChecked(True)
    form.contributions.add_button.click()
    form.contributions.table.item(0, 1).setText("6")
    form.contributions.table.item(0, 2).setText("hours a week")
    assert step.model.rowCount() == 1
    assert step.model.index(0, 0).data() == "Nia Roberts"
    path = document.store.path
    document.close()

    with PlanStore.open(path) as store:
        (s,) = store.load().stakeholders
    assert (s.name, s.organisation, s.category, s.side, s.influence, s.interest) == (
        "Nia Roberts", "Carers' network", Category.CARER, Side.COMMUNITY, 2, 5)
    assert s.motive is Motive.AFFECTED_BY_USER and s.personal
    assert s.contributions == [Contribution(ContributionKind.TIME, 6, "hours a week", "")]


def test_each_field_edit_is_one_undoable_step(qtbot, open_plan):
    """Undo puts a field back and redo applies it again, one field edit at a time."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.select("stakeholder", "s3")
    before = document.store.stakeholder("s3")
    step.form.influence.setValue(5 if before.influence != 5 else 1)
    step.form.notes.set_text(before.notes)
    step.form.notes.setPlainText("Chairs the residents' forum")
    step.form.notes.commit()
    stack = document.undo_stack
    assert stack.undoText() == "change stakeholder notes"
    stack.undo()
    assert document.store.stakeholder("s3").notes == ""
    assert step.form.notes.toPlainText() == ""
    stack.undo()
    assert document.store.stakeholder("s3").influence == before.influence
    assert step.form.influence.value() == before.influence
    stack.redo()
    stack.redo()
    assert document.store.stakeholder("s3").notes == "Chairs the residents' forum"


def test_duplicate_and_delete_several_then_undo(qtbot, open_plan):
    """Duplicating and deleting a multi-selection are single undoable steps."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.pane.select_keys(["s1", "s2"])
    step.pane.duplicate_button.click()
    assert step.model.rowCount() == 12
    assert document.undo_stack.undoText() == "duplicate 2 stakeholders"
    step.pane.select_keys(["s1", "s2", "s3"])
    step.privacy.ask_delete_people = lambda names, n: "delete"  # s1 is a private individual
    step.pane.delete_button.click()
    assert document.undo_stack.undoText() == "delete 3 stakeholders"
    assert step.model.rowCount() == 9 and step.model.row_of("s1") is None
    assert "s1" not in step.map.scene.stakeholders and len(step.map.scene.stakeholders) == 9
    document.undo_stack.undo()
    assert step.model.rowCount() == 12 and step.model.row_of("s1") is not None
    assert sorted(step.map.scene.stakeholders) == sorted(s.key for s in step.model.items())
    for keys in step.map.scene.groups.values():  # every marker in its own group, once
        assert len(keys) == len(set(keys))
    assert sum(len(keys) for keys in step.map.scene.groups.values()) == 12
    document.undo_stack.undo()
    assert step.model.rowCount() == 10


def test_filter_and_sort(qtbot, open_plan):
    """The filter box narrows the table and the Influence header sorts by number."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    qtbot.keyClicks(step.pane.filter_box, "age cymru")
    shown = step.pane.proxy.rowCount()
    assert 0 < shown < 10
    step.pane.filter_box.clear()
    step.pane.view.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    assert step.pane.proxy.index(0, 6).data() == "5"


def test_csv_import_shows_refused_rows_and_undoes_as_one(qtbot, open_plan, tmp_path, monkeypatch):
    """A CSV import adds the good rows in one step and shows why the others were refused."""
    document = open_plan(count=2)
    step = make_step(qtbot, StakeholdersStep, document)
    csv = tmp_path / "people.csv"
    csv.write_text("name,category,influence\nOwen Hughes,carer,4\n,citizen,2\nSian Ellis,volunteer,9\n"
                   "Tomos Reed,professional,2\n", encoding="utf-8")
    seen = {}

    def ask_import(table, file_name, existing_keys):
        from planner.ui.csv_import_dialog import CsvImportDialog
        dialog = CsvImportDialog(table, file_name, existing_keys, step)
        qtbot.addWidget(dialog)
        seen["refused"] = [dialog.refused_list.item(i).text() for i in range(dialog.refused_list.count())]
        seen["accepted"] = dialog.accepted_table.rowCount()
        seen["ok"] = dialog.ok_button.text()
        return dialog.import_result
    monkeypatch.setattr(step, "ask_csv_path", lambda: str(csv))
    monkeypatch.setattr(step, "ask_import", ask_import)
    step.import_button.click()
    assert seen["accepted"] == 2 and seen["ok"] == "Add 2 stakeholders"
    assert len(seen["refused"]) == 2 and seen["refused"][0].startswith("Row 3:")
    assert step.model.rowCount() == 4
    assert document.undo_stack.undoText() == "import 2 stakeholders from CSV"
    document.undo_stack.undo()
    assert step.model.rowCount() == 2


def test_read_only_plan_disables_editing(qtbot, open_plan, tmp_path):
    """A plan opened read-only shows its stakeholders but offers no way to change them."""
    from plan_factory import make_plan
    document = open_plan(path=make_plan(tmp_path, 5, name="ro.coplan"), read_only=True)
    step = make_step(qtbot, StakeholdersStep, document)
    step.select("stakeholder", "s1")
    assert step.form.stakeholder.key == "s1"
    assert not step.form.name.isEnabled() and not step.form.influence.isEnabled()
    assert not step.pane.add_button.isEnabled() and not step.pane.delete_button.isEnabled()
    assert not step.import_button.isEnabled()
    assert step.map.scene.read_only  # its markers can be chosen on the map, not dragged


def test_category_and_side_ask_for_guidance(qtbot, open_plan):
    """Changing the category or side asks the guidance panel to explain the value."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.select("stakeholder", "s1")
    form = step.form
    index = form.category.findData("volunteer")
    form.category.setCurrentIndex(index)
    with qtbot.waitSignal(step.guidance_requested) as signal:
        form.category.activated.emit(index)
    assert signal.args == ["stakeholder_category", "volunteer"]
    with qtbot.waitSignal(step.guidance_requested) as signal:
        form.side.activated.emit(0)
    assert signal.args == ["side", "community"]


def test_a_new_document_replaces_the_old(qtbot, open_plan, tmp_path):
    """Loading a second plan shows its stakeholders and stops listening to the first."""
    from plan_factory import make_plan
    first = open_plan(count=3)
    step = make_step(qtbot, StakeholdersStep, first)
    second = open_plan(path=make_plan(tmp_path, 7, name="second.coplan"))
    step.load(second)
    assert step.model.rowCount() == 7 and len(step.map.scene.stakeholders) == 7


def test_a_refused_edit_keeps_typed_text_and_puts_other_values_back(qtbot, open_plan, monkeypatch):
    """When storage refuses an edit, typed text stays (reported unsaved), a choice shows the stored value, nothing is undoable."""
    from planner.storage import WriteFailed
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.select("stakeholder", "s1")

    def refuse(*args, **kwargs):
        raise WriteFailed("The change was not saved: the disk is full.")
    monkeypatch.setattr(document.store, "update_stakeholder", refuse)
    with qtbot.waitSignal(document.write_failed):
        step.form.name.setText("Someone else")
        step.form.name.editingFinished.emit()
    assert step.form.name.text() == "Someone else"
    assert document.store.stakeholder("s1").name == "Amira Khan"
    assert step.unsaved_changes() and "s1" in step.unsaved_changes()[0]
    influence = document.store.stakeholder("s1").influence
    with qtbot.waitSignal(document.write_failed):
        step.form.influence.setValue(1 if influence != 1 else 2)
    assert step.form.influence.value() == influence
    assert document.undo_stack.count() == 0


def test_wide_deletes_and_imports_reload_in_one_go(qtbot, open_plan, monkeypatch):
    """Past the row-by-row limit a delete reloads the list, with table and map still in step."""
    import planner.ui.steps.stakeholders as page
    monkeypatch.setattr(page, "ROW_BY_ROW", 1)
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.privacy.ask_delete_people = lambda names, n: "delete"  # s1 and s4 are private individuals
    step.pane.select_keys(["s1", "s2", "s3"])
    step.delete()
    assert step.model.rowCount() == 7 and sorted(step.map.scene.stakeholders) == sorted(s.key for s in step.model.items())
    step.pane.select_keys(["s4"])
    step.delete()  # one key: row by row
    assert step.model.rowCount() == 6 and "s4" not in step.map.scene.stakeholders
