"""The Service and context step: fill it in, find it all again, undo and redo each kind of edit."""

from PySide6.QtCore import Qt

from planner.core.model import Driver, Stage
from planner.storage import PlanStore
from planner.ui.files import open_plan
from planner.ui.steps import ContextStep


def _context(window) -> ContextStep:
    step = window.go_to_step("context")
    assert isinstance(step, ContextStep)
    return step


def test_fill_in_context_and_find_it_after_reopening(make_window, plan_path, qtbot):
    """Typed fields, drivers and stages are on disk and come back when the plan is reopened."""
    window = make_window(show=True)
    open_plan(window, plan_path)
    step = _context(window)
    title = step.fields["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Village shop rescue")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    org = step.fields["organisation"]
    org.setFocus()
    qtbot.keyClicks(org, "Tackley Parish & <Westshire> Council")
    qtbot.keyClick(org, Qt.Key.Key_Tab)  # leaving the field commits it
    summary = step.fields["summary"]
    summary.setFocus()
    qtbot.keyClicks(summary, "Keep the shop open,")
    qtbot.keyClick(summary, Qt.Key.Key_Return)
    qtbot.keyClicks(summary, "run by volunteers.")
    step.fields["officer"].setFocus()  # leaving the summary commits it
    qtbot.waitUntil(lambda: window.document.plan.summary == "Keep the shop open,\nrun by volunteers.")
    qtbot.mouseClick(step.driver_checks[Driver.LOGISTICAL], Qt.MouseButton.LeftButton)
    step.stage_checks[Stage.DELIVERING].click()
    step.stage_checks[Stage.PLANNING].click()

    assert window.statusBar().currentMessage() == "All changes saved"
    assert "Village shop rescue" in window.windowTitle()
    window.close_document()

    with PlanStore.open(plan_path, read_only=True) as store:
        plan = store.load()
    assert plan.title == "Village shop rescue"
    assert plan.organisation == "Tackley Parish & <Westshire> Council"
    assert plan.drivers == [Driver.LOGISTICAL]
    assert plan.stages == [Stage.PLANNING, Stage.DELIVERING]

    open_plan(window, plan_path)
    step = _context(window)
    assert step.fields["organisation"].text() == "Tackley Parish & <Westshire> Council"
    assert step.fields["summary"].toPlainText() == "Keep the shop open,\nrun by volunteers."
    assert step.driver_checks[Driver.LOGISTICAL].isChecked()
    assert not step.driver_checks[Driver.GOVERNANCE].isChecked()
    assert step.stage_checks[Stage.PLANNING].isChecked()


def test_each_field_edit_is_one_named_undo_step(window, plan_path):
    """Changing the title is one undo step named after it, and undo/redo put the text back."""
    open_plan(window, plan_path)
    step = _context(window)
    step.fields["title"].setText("Mobile library")
    step.fields["title"].editingFinished.emit()
    assert window.actions.undo.text() == "Undo change plan title"
    assert window.changes_label.text() == "Saved · changed since opened (Undo goes back)"
    assert "*" not in window.windowTitle()  # an asterisk reads as unsaved work; all is saved
    window.actions.undo.trigger()
    assert step.fields["title"].text() == "Library services"
    assert window.document.plan.title == "Library services"
    assert window.changes_label.text() == "Saved · no changes since opened"
    window.actions.redo.trigger()
    assert step.fields["title"].text() == "Mobile library"
    assert window.actions.undo.text() == "Undo change plan title"


def test_unchanged_field_adds_no_undo_step(window, plan_path):
    """Leaving a field without changing it adds nothing to undo."""
    open_plan(window, plan_path)
    step = _context(window)
    step.fields["officer"].editingFinished.emit()
    assert window.document.undo_stack.count() == 0


def test_undo_redo_drivers_and_stages(window, plan_path):
    """Ticking a driver or a stage is undoable, and the boxes follow undo and redo."""
    open_plan(window, plan_path)
    step = _context(window)
    step.driver_checks[Driver.GOVERNANCE].click()
    assert window.actions.undo.text() == "Undo change drivers"
    step.stage_checks[Stage.MONITORING].click()
    assert window.actions.undo.text() == "Undo change value-chain stages"
    window.actions.undo.trigger()
    assert not step.stage_checks[Stage.MONITORING].isChecked()
    assert window.document.plan.stages == []
    window.actions.undo.trigger()
    assert not step.driver_checks[Driver.GOVERNANCE].isChecked()
    window.actions.redo.trigger()
    window.actions.redo.trigger()
    assert window.document.plan.drivers == [Driver.GOVERNANCE]
    assert step.stage_checks[Stage.MONITORING].isChecked()


def test_attention_count_shows_in_step_list(window, plan_path):
    """The step list says how many things the context still needs, in words."""
    open_plan(window, plan_path)
    step = _context(window)
    model = window.step_model
    assert "⚠ 6 to fix" in model.data(model.index(0))
    for name, text in (("organisation", "Westshire"), ("service_area", "Libraries"),
                       ("officer", "Sam"), ("summary", "Books")):
        step.fields[name].setFocus()
        if name == "summary":
            step.fields[name].setPlainText(text)
        else:
            step.fields[name].setText(text)
        step.fields[name].editingFinished.emit()
    step.driver_checks[Driver.GOVERNANCE].click()
    step.stage_checks[Stage.DESIGN].click()
    assert "Done" in model.data(model.index(0))


def test_empty_title_is_refused_and_kept_on_screen(window, plan_path, dialogs):
    """A plan needs a title: clearing it says so and leaves the field as typed."""
    open_plan(window, plan_path)
    step = _context(window)
    step.fields["title"].setText("")
    step.fields["title"].editingFinished.emit()
    assert dialogs.messages and "needs a title" in dialogs.messages[-1][1]
    assert step.fields["title"].text() == ""
    assert window.document.plan.title == "Library services"


def test_summary_edit_undo_redo(make_window, plan_path, qtbot):
    """The multi-line summary saves when left, as one undo step, and follows undo and redo."""
    window = make_window(show=True)
    open_plan(window, plan_path)
    step = _context(window)
    summary = step.fields["summary"]
    summary.setFocus()
    qtbot.waitUntil(summary.hasFocus)
    qtbot.keyClicks(summary, "Books for all")
    assert window.document.undo_stack.count() == 0  # nothing saved while typing
    step.fields["officer"].setFocus()
    qtbot.waitUntil(lambda: window.document.plan.summary == "Books for all")
    assert window.actions.undo.text() == "Undo change summary"
    window.actions.undo.trigger()
    assert summary.toPlainText() == ""
    window.actions.redo.trigger()
    assert summary.toPlainText() == "Books for all"


def test_leaving_an_untouched_summary_never_rewrites_it(qtbot, tmp_path):
    """A no-break space in the saved summary survives focusing and leaving the box."""
    from PySide6.QtCore import Qt

    from planner.storage import PlanStore
    from planner.ui.document import PlanDocument
    from planner.ui.steps.context import ContextStep

    path = tmp_path / "p.coplan"
    store = PlanStore.create(path, "Plan")
    store.update_plan(summary="Room\u00a04 on Tuesdays")
    document = PlanDocument(store)
    step = ContextStep()
    qtbot.addWidget(step)
    step.load(document)
    step.show()
    box = step.fields["summary"]
    box.setFocus(Qt.FocusReason.OtherFocusReason)
    step.fields["title"].setFocus(Qt.FocusReason.OtherFocusReason)
    box.editingFinished.emit()
    assert document.store.load().summary == "Room\u00a04 on Tuesdays"
    assert document.undo_stack.count() == 0
    document.close()
