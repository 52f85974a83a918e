"""Undoable edits of the plan's own fields: title, context, drivers, stages and the two cells."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from planner.core.matrix import Cell
from planner.core.model import Driver, Stage
from planner.ui.document import PlanDocument
from planner.ui.operations.base import UpdateCommand


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlanOperations", text)


# What the Edit menu says after "Undo"/"Redo" for each plan field.
FIELD_TEXT = {
    "title": "change plan title",
    "organisation": "change organisation",
    "service_area": "change service area",
    "officer": "change officer",
    "summary": "change summary",
    "decisions": "change what the meeting is asked to do",
    "status_line": "change the status line",
    "drivers": "change drivers",
    "stages": "change value-chain stages",
    "target_cell": "choose target cell",
    "current_cell": "set where the service is today",
    "retention_months": "change how long people's details are kept",
    "dpia_screening": "answer the data-protection screening",
    "dpia_reference": "change the DPIA reference",
    "easy_read_service": "change easy read: what the service is",
    "easy_read_people": "change easy read: who is taking part",
    "easy_read_change": "change easy read: what will change",
    "easy_read_safety": "change easy read: what could go wrong",
    "easy_read_say": "change easy read: how to have a say",
    "easy_read_contact": "change easy read: who to contact",
}


def change_plan(document: PlanDocument, field: str, value) -> bool:
    """Change one plan field as one undoable action; False if storage refused it."""
    return document.execute(UpdateCommand(document, "plan", None, _tr(FIELD_TEXT[field]), **{field: value}))


def set_drivers(document: PlanDocument, drivers: list[Driver]) -> bool:
    """Replace the drivers of coproduction (kept in the Driver enum's order)."""
    ordered = [d for d in Driver if d in drivers]
    return change_plan(document, "drivers", ordered)


def set_stages(document: PlanDocument, stages: list[Stage]) -> bool:
    """Replace the value-chain stages in scope (kept in the value chain's order)."""
    ordered = [s for s in Stage if s in stages]
    return change_plan(document, "stages", ordered)


def set_target_cell(document: PlanDocument, cell: Cell | None) -> bool:
    """Choose the cell of Table 1 the plan aims for."""
    return change_plan(document, "target_cell", cell)


def set_current_cell(document: PlanDocument, cell: Cell | None) -> bool:
    """Mark the cell of Table 1 where the service is today."""
    return change_plan(document, "current_cell", cell)
