"""Undoable edits of the partnership's record: log entries, actions, and agreeing a version."""

from __future__ import annotations

from planner.core.model import Action, Engagement
from planner.ui.document import Change, PlanDocument
from planner.ui.operations.base import AddCommand, PlanCommand, record_touched


class DeleteRecordCommand(PlanCommand):
    """Delete log entries or actions; undo puts them back with the actions that named an entry."""

    def __init__(self, document: PlanDocument, text: str, engagements=(), actions=()):
        super().__init__(document, text)
        self.keys = {"engagements": list(engagements), "actions": list(actions)}
        self.removed = None

    def _apply(self) -> Change:
        self.removed = self.document.store.delete_record(**self.keys)
        return record_touched(self.removed)

    def _revert(self) -> Change:
        self.document.store.restore_record(self.removed)
        return record_touched(self.removed)


class AgreeCommand(PlanCommand):
    """Store the plan as the version the partnership agreed; undo removes that version again."""

    def __init__(self, document: PlanDocument, label: str, date: str):
        super().__init__(document, "agree this version")
        self.label, self.date = label, date
        self.version = None

    def _apply(self) -> Change:
        self.version = self.document.store.agree(self.label, self.date)
        return Change("versions")

    def _revert(self) -> Change:
        self.document.store.delete_version(self.version.key)
        return Change("versions")


def add_engagement(document: PlanDocument, title: str, date: str | None = None) -> AddCommand:
    entry = Engagement(key=document.store.new_keys("engagements")[0], title=title, date=date)
    return AddCommand(document, "engagements", [entry], "add log entry")


def add_action(document: PlanDocument, title: str, **fields) -> AddCommand:
    action = Action(key=document.store.new_keys("actions")[0], title=title, **fields)
    return AddCommand(document, "actions", [action], "add action")


def delete(document: PlanDocument, scope: str, keys: list[str]) -> DeleteRecordCommand:
    noun = "log entry" if scope == "engagements" else "action"
    n = len(keys)
    return DeleteRecordCommand(document, f"delete {noun}" if n == 1 else f"delete {n} {scope}", **{scope: keys})
