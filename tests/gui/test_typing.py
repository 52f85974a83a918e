"""Typing is never fought or thrown away: Ctrl+Z in a text box, and risk shares taken as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from planner.core.model import Risk, Shares
from planner.storage import PlanStore
from planner.ui.files import open_plan

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def risk_plan(tmp_path) -> Path:
    """A plan with one risk that professionals carry alone."""
    path = tmp_path / "Day centre.coplan"
    with PlanStore.create(path, "Day centre") as store:
        store.update_plan(officer="Jo Baker", summary="Day opportunities")
        store.add_risk(Risk("r1", "Volunteers burn out", description="Too few volunteers"))
    return path


def focus(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def leave(qtbot, widget: QWidget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not widget.hasFocus())


def end_of(qtbot, widget: QWidget) -> None:
    """Put the cursor after the text (Tab into a field selects it all)."""
    qtbot.keyClick(widget, Qt.Key.Key_End, CTRL if not isinstance(widget, QLineEdit) else Qt.KeyboardModifier.NoModifier)


def saved(path: Path):
    with PlanStore.open(path, read_only=True) as store:
        return store.load()


def test_ctrl_z_undoes_unsaved_typing_only_and_never_blanks_saved_text(make_window, risk_plan, qtbot):
    """Type, leave (saved), come back and type more: Ctrl+Z undoes the new typing only, not the saved text."""
    window = make_window(show=True)
    open_plan(window, risk_plan)
    area = window.go_to_step("context").fields["service_area"]
    stack = window.document.undo_stack
    focus(qtbot, area)
    qtbot.keyClicks(area, "Adult social care")
    leave(qtbot, area)
    assert saved(risk_plan).service_area == "Adult social care" and stack.count() == 1
    area.setFocus()  # by a click, say: the cursor stays after the text typed before
    qtbot.waitUntil(area.hasFocus)
    qtbot.keyClicks(area, ", day services")
    qtbot.keyClick(area, Qt.Key.Key_Z, CTRL)
    assert area.text() == "Adult social care"
    assert stack.count() == 1 and stack.canUndo()  # the plan's undo was not touched
    leave(qtbot, area)
    assert saved(risk_plan).service_area == "Adult social care" and stack.count() == 1


def test_ctrl_z_after_typing_saved_by_leaving_goes_to_the_plan(make_window, risk_plan, qtbot):
    """Typing saved by leaving the field is the plan's to undo: back in the field, Ctrl+Z restores the text before it."""
    window = make_window(show=True)
    open_plan(window, risk_plan)
    officer = window.go_to_step("context").fields["officer"]
    focus(qtbot, officer)
    end_of(qtbot, officer)
    qtbot.keyClicks(officer, " (lead)")
    leave(qtbot, officer)
    assert saved(risk_plan).officer == "Jo Baker (lead)"
    focus(qtbot, officer)
    qtbot.keyClick(officer, Qt.Key.Key_Z, CTRL)  # nothing unsaved: the plan's Undo
    assert officer.text() == "Jo Baker" and saved(risk_plan).officer == "Jo Baker"
    qtbot.keyClick(officer, Qt.Key.Key_Z, CTRL_SHIFT)
    assert officer.text() == "Jo Baker (lead)" and saved(risk_plan).officer == "Jo Baker (lead)"
    leave(qtbot, officer)
    assert saved(risk_plan).officer == "Jo Baker (lead)"


def test_enter_saves_and_then_ctrl_z_is_the_plans(make_window, risk_plan, qtbot):
    """Enter saves a one-line field; Ctrl+Z after it undoes that save as one plan step, never the whole field."""
    window = make_window(show=True)
    open_plan(window, risk_plan)
    title = window.go_to_step("context").fields["title"]
    focus(qtbot, title)
    end_of(qtbot, title)
    qtbot.keyClicks(title, " plan")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert saved(risk_plan).title == "Day centre plan"
    qtbot.keyClicks(title, "s")
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    assert title.text() == "Day centre plan"
    qtbot.keyClick(title, Qt.Key.Key_Z, CTRL)
    assert title.text() == "Day centre" and saved(risk_plan).title == "Day centre"


@pytest.mark.parametrize(("step_name", "field"), [("context", "summary"), ("risks", "description")])
def test_ctrl_z_in_a_multi_line_box_stops_at_the_saved_text(make_window, risk_plan, qtbot, step_name, field):
    """In a multi-line box, Ctrl+Z undoes the typing since the box was entered and stops at the saved text."""
    window = make_window(show=True)
    open_plan(window, risk_plan)
    step = window.go_to_step(step_name)
    box = step.fields[field] if step_name == "context" else step.form.description

    def stored() -> str:
        plan = saved(risk_plan)
        return plan.summary if field == "summary" else plan.risks[0].description

    focus(qtbot, box)
    end_of(qtbot, box)
    qtbot.keyClicks(box, " and more")
    leave(qtbot, box)
    kept = stored()
    assert kept.endswith(" and more") and window.document.undo_stack.count() == 1
    focus(qtbot, box)
    end_of(qtbot, box)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.keyClicks(box, "a second line")
    for _ in range(5):
        if not box.document().isUndoAvailable():
            break
        qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.toPlainText() == kept
    leave(qtbot, box)
    assert stored() == kept and window.document.undo_stack.count() == 1


def type_share(qtbot, spin, text: str) -> None:
    focus(qtbot, spin)
    qtbot.keyClick(spin, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(spin, text)
    leave(qtbot, spin)


def test_shares_take_what_is_typed_with_a_running_total(make_window, risk_plan, qtbot):
    """50 for users and 20 for community stay 50 and 20; the total says what is missing and the plan check agrees."""
    window = make_window(show=True)
    open_plan(window, risk_plan)
    step = window.go_to_step("risks")
    step.select("risk", "r1")
    shares = step.form.shares
    type_share(qtbot, shares.spins["users"], "50")
    type_share(qtbot, shares.spins["community"], "20")
    type_share(qtbot, shares.spins["professionals"], "20")
    assert [spin.value() for spin in shares.spins.values()] == [50, 20, 20]
    assert shares.total.text() == "Total 90 % — should be 100 %"
    assert saved(risk_plan).risks[0].shares == Shares(50, 20, 20)
    assert any(f.rule == "shares-total" for f in window.document.findings)
    assert shares.share_rest.isEnabled()

    qtbot.mouseClick(shares.share_rest, Qt.MouseButton.LeftButton)  # keeps the 20 typed last
    assert saved(risk_plan).risks[0].shares == Shares(57, 23, 20)
    assert shares.total.text() == "Total 100 % ✔" and not shares.share_rest.isEnabled()
    assert not any(f.rule == "shares-total" for f in window.document.findings)


@pytest.mark.parametrize("typed", ["120", "-5", ""])
def test_out_of_range_share_is_refused_with_a_message(make_window, risk_plan, qtbot, typed):
    """A share above 100, below 0 or empty is refused with a message naming it; nothing is changed or saved."""
    window = make_window(show=True)
    open_plan(window, risk_plan)
    step = window.go_to_step("risks")
    step.select("risk", "r1")
    shares = step.form.shares
    spin = shares.spins["community"]
    focus(qtbot, spin)
    qtbot.keyClick(spin, Qt.Key.Key_A, CTRL)
    if typed:
        qtbot.keyClicks(spin, typed)
        assert spin.text().startswith(typed)  # kept as typed while in the box, not cut to "12"
    else:
        qtbot.keyClick(spin, Qt.Key.Key_Delete)
    leave(qtbot, spin)
    assert shares.message.isVisible()
    text = shares.message.text()
    assert (f"“{typed}” is not a share" if typed else "cannot be left empty") in text
    assert "Community stays at 0 %" in text
    assert spin.value() == 0
    assert saved(risk_plan).risks[0].shares == Shares(0, 0, 100)
    assert window.document.undo_stack.count() == 0
    type_share(qtbot, spin, "30")
    assert not shares.message.isVisible() and saved(risk_plan).risks[0].shares == Shares(0, 30, 100)
