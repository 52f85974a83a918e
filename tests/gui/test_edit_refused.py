"""A change the disk refuses shows a clear message and keeps what the officer typed."""

from planner.storage import PlanStore, WriteFailed
from planner.ui.files import open_plan


def test_failed_write_keeps_typed_text_and_earlier_edits(window, plan_path, dialogs, monkeypatch):
    """When a save fails the message says so, the typed text stays, and earlier edits are kept."""
    open_plan(window, plan_path)
    step = window.go_to_step("context")
    step.fields["organisation"].setText("Westshire Council")
    step.fields["organisation"].editingFinished.emit()
    assert window.statusBar().currentMessage() == "All changes saved"

    def refuse(**changes):
        raise WriteFailed("The change was not saved: the disk is full. Free some space, then try again.")

    monkeypatch.setattr(window.document.store, "update_plan", refuse)
    step.fields["officer"].setText("Priya Shah")
    step.fields["officer"].editingFinished.emit()
    assert dialogs.messages[-1] == ("The change was not saved",
                                    "The change was not saved: the disk is full. Free some space, then try again.")
    assert window.statusBar().currentMessage() == "The last change was not saved."
    assert step.fields["officer"].text() == "Priya Shah"

    # A later change elsewhere on the page must not wipe the unsaved text either.
    monkeypatch.undo()
    monkeypatch.setattr(window, "show_message", lambda title, text: dialogs.messages.append((title, text)))
    step.fields["service_area"].setText("Libraries")
    step.fields["service_area"].editingFinished.emit()
    assert step.fields["officer"].text() == "Priya Shah"

    # Trying again once the disk has room saves it.
    step.fields["officer"].editingFinished.emit()
    window.close_document()
    with PlanStore.open(plan_path, read_only=True) as store:
        plan = store.load()
    assert (plan.organisation, plan.service_area, plan.officer) == ("Westshire Council", "Libraries", "Priya Shah")


def test_failed_undo_says_so(window, plan_path, dialogs, monkeypatch):
    """An undo the disk refuses is reported, and the undo stack does not pretend it happened."""
    open_plan(window, plan_path)
    step = window.go_to_step("context")
    step.fields["officer"].setText("Sam")
    step.fields["officer"].editingFinished.emit()

    def refuse(*args, **changes):
        raise WriteFailed("The change was not saved: the network drive is gone.")

    monkeypatch.setattr(window.document.store, "_write", refuse)
    window.actions.undo.trigger()
    assert "network drive" in dialogs.messages[-1][1]
    assert window.document.plan.officer == "Sam"
    assert step.fields["officer"].text() == "Sam"
    assert window.document.undo_stack.count() == 0  # nothing left claiming to be undone
    assert window.document.undo_stack.index() == 0


def test_typing_is_saved_before_save_as_and_close(make_window, plan_path, tmp_path, monkeypatch):
    """Text still in the focused field is saved before Save As copies the plan."""
    window = make_window(show=True)
    open_plan(window, plan_path)
    step = window.go_to_step("context")
    field = step.fields["service_area"]
    field.setFocus()
    field.setText("Youth services")  # typed, not yet left
    copy = tmp_path / "copy.coplan"
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(copy))
    window.actions.save_as.trigger()
    with PlanStore.open(copy, read_only=True) as store:
        assert store.load().service_area == "Youth services"


def test_closing_with_an_unsaved_field_asks_first(make_window, plan_path, monkeypatch):
    """Closing while a refused edit is still on screen asks; saying no keeps the plan open."""
    window = make_window()
    open_plan(window, plan_path)
    step = window.go_to_step("context")

    def refuse(*args, **changes):
        raise WriteFailed("The change was not saved: the disk is full.")

    monkeypatch.setattr(window.document.store, "_write", refuse)
    step.fields["officer"].setText("Priya")
    step.fields["officer"].editingFinished.emit()
    asked = []
    monkeypatch.setattr(window, "ask_confirm", lambda title, text: asked.append(text) or False)
    window.actions.close_plan.trigger()
    assert "Officer" in asked[0]
    assert window.document is not None
    assert step.fields["officer"].text() == "Priya"


def test_a_programming_error_in_an_edit_surfaces_in_the_app(qtbot, plan_file):
    """A command that fails with a bug raises out of execute; storage's refusals become a message."""
    import pytest

    from planner.storage import PlanStore
    from planner.ui.document import PlanDocument

    class Buggy:
        def __init__(self, error):
            self.error = error

        def apply(self):
            raise self.error

    document = PlanDocument(PlanStore.open(plan_file))
    said = []
    document.write_failed.connect(said.append)
    try:
        with pytest.raises(ValueError, match="a bug"):
            document.execute(Buggy(ValueError("a bug")))
        assert said == []
        from planner.storage import InvalidValue
        assert not document.execute(Buggy(InvalidValue("Influence must be a whole number from 1 to 5.")))
        assert said == ["Influence must be a whole number from 1 to 5."]
    finally:
        document.close()
