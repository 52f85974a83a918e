"""An edit updates the plan in memory from the change it made: no reload, and always what the file holds."""

from __future__ import annotations

import pytest

from planner.core.matrix import Cell
from planner.core.model import Risk, Safeguard, Stakeholder
from planner.storage import PlanStore
from planner.ui.document import PlanDocument
from planner.ui.operations.base import AddCommand, UpdateCommand
from planner.ui.operations.stakeholders import delete_stakeholders


@pytest.fixture
def document(qtbot, plan_file):
    doc = PlanDocument(PlanStore.open(plan_file))
    yield doc
    doc.close()


def on_disk(document: PlanDocument):
    """The plan as the file holds it, read afresh."""
    plan = document.store.load()
    return plan


def test_edits_update_the_plan_in_memory_without_reading_the_file_again(document, monkeypatch):
    """Field edits, adds and undo keep ``document.plan`` equal to the file, and never call load()."""
    document.plan  # the one full read, when the plan is opened
    loads = []
    real_load = document.store.load
    monkeypatch.setattr(document.store, "load", lambda: loads.append(1) or real_load())
    steps = [
        UpdateCommand(document, "stakeholders", "s1", "rename", name="Friends of the library"),
        UpdateCommand(document, "plan", None, "retitle", title="Renamed plan", target_cell=Cell.of("co", "co")),
        AddCommand(document, "stakeholders", [Stakeholder("s9", "New volunteer")], "add"),
        UpdateCommand(document, "risks", "r1", "likelihood", likelihood=5),
        AddCommand(document, "risks", [Risk("r9", "New risk", owner="s9")], "add risk"),
        AddCommand(document, "safeguards", [Safeguard("g9", "Rota", mitigates=["r9"])], "add safeguard"),
        UpdateCommand(document, "safeguards", "g9", "owner", owner="s1"),
    ]
    for command in steps:
        assert document.execute(command)
        assert not loads
        current = document.plan
        assert current.stakeholders == real_load().stakeholders
        assert current.risks == real_load().risks and current.safeguards == real_load().safeguards
        assert current.title == real_load().title and current.modified == real_load().modified
    for _ in steps:
        document.undo_stack.undo()
        assert document.plan == real_load()
    assert not loads
    assert [s.key for s in document.plan.stakeholders][-1] != "s9"


def test_a_delete_clears_owners_elsewhere_in_memory_too(document):
    """Deleting a stakeholder clears owners elsewhere in the plan in memory, as in the file."""
    owner = next(r.owner for r in document.plan.risks if r.owner)
    assert document.execute(delete_stakeholders(document, [owner]))
    assert document.plan == on_disk(document)
    assert all(r.owner != owner for r in document.plan.risks)
    document.undo_stack.undo()
    assert document.plan == on_disk(document)
