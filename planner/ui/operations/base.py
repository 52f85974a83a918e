"""The base of every undoable edit: apply/revert call storage, then announce the change."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from planner.storage import PlanError
from planner.ui.document import Change, PlanDocument
from planner.ui.steps import registry


class PlanCommand(QUndoCommand):
    """One user action. Subclasses implement ``_apply`` and ``_revert`` and return a Change.

    The text is what the Edit menu shows after "Undo"/"Redo", e.g. "change stakeholder influence".
    """

    def __init__(self, document: PlanDocument, text: str):
        super().__init__(text)
        self.document = document
        self.applied_once = False

    def _apply(self) -> Change:
        raise NotImplementedError

    def _revert(self) -> Change:
        raise NotImplementedError

    _MATRIX_FIELDS = {"current_cell", "target_cell"}

    @staticmethod
    def place(register: str, keys) -> tuple[str, str, str | None] | None:
        """The step that shows rows of ``register`` (see the registry), its target type, and the first key."""
        step = registry.step_for_rows(register)
        if step is None:
            return None
        return step, registry.target_type(register), min(keys) if keys else None

    def where(self, change: Change) -> tuple[str, str, str | None] | None:
        """Where the officer sees what this edit changed: (step NAME, target type, key), or None."""
        return self.place(change.scope, change.keys)

    def apply(self) -> None:
        """First application, called by PlanDocument.execute; errors propagate to it."""
        self.document.notify(self._apply())

    def redo(self) -> None:
        if self.applied_once:  # QUndoStack.push() calls redo(); execute() already applied it
            self.applied_once = False
            return
        self._guarded(self._apply)

    def undo(self) -> None:
        self._guarded(self._revert)

    def _guarded(self, step) -> None:
        # Exceptions cannot cross Qt's virtual call; report them as a message instead.
        try:
            change = step()
            self.document.notify(change)
        except PlanError as error:
            # Storage rolled the change back, so the file is as it was before this undo/redo.
            # An obsolete command is dropped by QUndoStack, so the stack never claims a state
            # the file is not in (the edit stays in the file; it just cannot be undone now).
            self.setObsolete(True)
            self.document.write_failed.emit(str(error))
            return
        place = self.where(change)
        if place is not None:  # undo and redo show what they changed, as a word processor does
            self.document.replayed.emit(place)


class UpdateCommand(PlanCommand):
    """Change fields of one plan, stakeholder, risk or safeguard, e.g. influence 3 -> 4."""

    _METHODS = {
        "plan": "update_plan", "stakeholders": "update_stakeholder",
        "risks": "update_risk", "safeguards": "update_safeguard",
        "engagements": "update_engagement", "actions": "update_action",
    }

    def __init__(self, document: PlanDocument, scope: str, key: str | None, text: str, **changes):
        super().__init__(document, text)
        self.scope, self.key, self.changes = scope, key, changes
        self.old: dict = {}
        self._method = getattr(document.store, self._METHODS[scope])

    def where(self, change: Change) -> tuple[str, str, str | None] | None:
        if self.scope != "plan":
            return super().where(change)
        fields = set(self.changes)
        if fields & self._MATRIX_FIELDS:
            return "matrix", "plan", None
        if fields & {"decisions", "status_line"}:
            return "review", "plan", None
        if any(f.startswith("easy_read_") for f in fields):
            return None  # edited beside the easy-read export, not on a step
        return "context", "field", next(iter(self.changes), None)

    def _call(self, values: dict) -> dict:
        return self._method(**values) if self.key is None else self._method(self.key, **values)

    def _apply(self) -> Change:
        self.old = self._call(self.changes)
        return Change.of(self.scope, *([self.key] if self.key else []))

    def _revert(self) -> Change:
        self._call(self.old)
        return Change.of(self.scope, *([self.key] if self.key else []))


def update_row(document: PlanDocument, register: str, item, text: str, **changes) -> UpdateCommand:
    """One edit of a row of ``register``; editing a suggested row makes it the officer's own in the same step."""
    if getattr(item, "suggested", False) and "suggested" not in changes:
        changes["suggested"] = False
    return UpdateCommand(document, register, item.key, text, **changes)


def touched_by(removed) -> Change:
    """Every row a delete (storage's ``Removed``) changed, and so its undo changes back.

    The removed rows, and the rows that pointed at them: risks and safeguards whose owner was
    cleared, safeguards whose list of risks lost one, actions whose owner, risk or safeguard was
    cleared, and log entries whose lists lost one.
    """
    return Change.rows({
        "stakeholders": [s.key for _p, s in removed.stakeholders],
        "risks": [r.key for _p, r in removed.risks] + list(removed.risk_owners),
        "safeguards": ([g.key for _p, g in removed.safeguards] + list(removed.safeguard_owners)
                       + [safeguard for safeguard, _risk, _position in removed.links]),
        "actions": [action for action, _column, _key in removed.action_refs],
        "engagements": [entry for _table, _column, entry, _key, _position in removed.record_links],
    })


def record_touched(removed) -> Change:
    """The log entries and actions a delete (storage's ``RemovedRecord``) took away, and the
    actions whose log entry it cleared; its undo changes the same rows back."""
    return Change.rows({"engagements": [e.key for _p, e in removed.engagements],
                        "actions": [a.key for _p, a in removed.actions] + list(removed.action_entries)})


class AddCommand(PlanCommand):
    """Add rows to one register (Add, Duplicate, Suggest, a CSV import, a log entry, an action).

    However many rows, storage adds them in one transaction (all or, refused, none) and one
    undo takes them all away again.
    """

    def __init__(self, document: PlanDocument, register: str, items: list, text: str):
        super().__init__(document, text)
        self.register = register
        self.items = list(items)

    @property
    def keys(self) -> list[str]:
        return [item.key for item in self.items]

    def _apply(self) -> Change:
        self.document.store.add(self.register, self.items)
        return Change.of(self.register, *self.keys)

    def where(self, change: Change) -> tuple[str, str, str | None] | None:
        return self.place(self.register, self.keys)  # also after undo, whose change names more rows

    def _revert(self) -> Change:
        store = self.document.store
        if self.register in ("engagements", "actions"):
            return record_touched(store.delete_record(**{self.register: self.keys}))
        return touched_by(store.delete(**{self.register: self.keys}))


class DeleteCommand(PlanCommand):
    """Delete stakeholders, risks and/or safeguards; undo restores rows, owners and links."""

    def __init__(self, document: PlanDocument, text: str, stakeholders=(), risks=(), safeguards=()):
        super().__init__(document, text)
        self.keys = {"stakeholders": list(stakeholders), "risks": list(risks), "safeguards": list(safeguards)}
        self.removed = None

    def _apply(self) -> Change:
        self.removed = self.document.store.delete(**self.keys)
        return touched_by(self.removed)

    def _revert(self) -> Change:
        self.document.store.restore(self.removed)
        return touched_by(self.removed)

    def where(self, change: Change) -> tuple[str, str, str | None] | None:
        for scope in ("stakeholders", "risks", "safeguards"):
            if self.keys[scope]:
                return self.place(scope, self.keys[scope])
        return None


__all__ = ["AddCommand", "Change", "DeleteCommand", "PlanCommand", "PlanError", "UpdateCommand",
           "record_touched", "touched_by", "update_row"]
