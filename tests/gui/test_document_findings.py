"""The open plan's findings come from the incremental check, fed by what each change touched."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.gui.test_document_deletes import deletion, linked_plan

from planner.core.checks import check_plan
from planner.core.matrix import Cell
from planner.storage import PlanStore
from planner.ui.document import Change, PlanDocument, touched_parts
from planner.ui.operations.base import UpdateCommand


def test_a_change_maps_to_the_parts_the_check_looks_at_again():
    """Rows of a register by key, plan fields and key-less changes whole, "all" (or an unknown part) everything."""
    assert touched_parts(Change.of("stakeholders", "s1", "s2")) == {"stakeholders": {"s1", "s2"}}
    assert touched_parts(Change("plan")) == {"plan": None}
    assert touched_parts(Change("risks")) == {"risks": None}
    assert touched_parts(Change.rows({"stakeholders": ["s1"], "risks": ["r1", "r2"]})) == {
        "stakeholders": {"s1"}, "risks": {"r1", "r2"}}
    assert touched_parts(Change("all")) == {"all": None}
    assert touched_parts(Change.of("something new", "x")) == {"all": None}


def field_edit(document: PlanDocument, data):
    """An edit of one field of a stakeholder, a risk, a safeguard or the plan."""
    plan = document.plan
    choice = data.draw(st.sampled_from(["stakeholders", "risks", "safeguards", "plan"]))
    if choice == "plan":
        return UpdateCommand(document, "plan", None, "cells",
                             target_cell=data.draw(st.sampled_from([None, Cell.of("co", "co"), Cell.of("professionals", "co")])))
    rows = getattr(plan, choice)
    if not rows:
        return None
    key = data.draw(st.sampled_from([row.key for row in rows]))
    values = {"stakeholders": {"personal": data.draw(st.booleans()), "influence": data.draw(st.integers(1, 5))},
              "risks": {"likelihood": data.draw(st.integers(1, 5)), "impact": 5, "owner": None},
              "safeguards": {"review_date": data.draw(st.sampled_from([None, "2020-01-01", "2099-01-01"]))}}[choice]
    return UpdateCommand(document, choice, key, "edit", **values)


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_findings_after_any_edits_deletes_and_undos_equal_a_fresh_check(qapp, data):
    """Edits, deletes, undos and redos, with findings read after some and not others, give what a
    fresh check of the file gives, without reading the whole file again."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "linked.coplan"
        PlanStore.create_from(path, linked_plan()).close()
        document = PlanDocument(PlanStore.open(path))
        try:
            plan = document.plan
            assert document.findings == check_plan(document.store.load())
            for _ in range(data.draw(st.integers(1, 8))):
                move = data.draw(st.sampled_from(["edit", "edit", "delete", "undo", "redo"]))
                if move == "undo":
                    document.undo_stack.undo()
                elif move == "redo":
                    document.undo_stack.redo()
                else:
                    command = (field_edit if move == "edit" else deletion)(document, data)
                    if command is not None:
                        assert document.execute(command)
                if data.draw(st.booleans()):
                    assert document.findings == check_plan(document.store.load()), move
            assert document.findings == check_plan(document.store.load())
            assert document.plan is plan  # kept up to date in memory, never read again whole
        finally:
            document.close()
