"""The open plan as the app sees it: the store, the undo stack and the plan_changed signal."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from planner.core.checks import Finding, check_plan
from planner.core.fields import Children, specs
from planner.core.model import Plan
from planner.storage import NotFound, PlanError, PlanStore


@dataclass(frozen=True)
class Change:
    """What an edit touched, so each view refreshes only that.

    scope: "plan" (title, cells, drivers...), "stakeholders", "risks", "safeguards",
    "engagements", "actions", "versions" or "all".
    keys: the keys of the rows touched (empty for plan fields or "all").
    """

    scope: str
    keys: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, scope: str, *keys: str) -> Change:
        return cls(scope, frozenset(keys))


class PlanDocument(QObject):
    """One open plan. Views read ``plan`` and listen to ``plan_changed``; they never write SQL.

    Every edit goes through ``execute`` with a command from ``planner.ui.operations``.
    """

    plan_changed = Signal(object)  # a Change
    replayed = Signal(object)  # (step NAME, target type, key or None) of an edit undone or redone
    write_failed = Signal(str)  # a message for the officer; nothing was saved

    def __init__(self, store: PlanStore, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = QUndoStack(self)
        self._plan: Plan | None = None
        self._findings: list[Finding] | None = None

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def plan(self) -> Plan:
        """The whole plan, loaded on first use after each change (a cache, never written)."""
        if self._plan is None:
            self._plan = self.store.load()
        return self._plan

    @property
    def findings(self) -> list[Finding]:
        """The plan check's findings, worked out once per change however many views read them."""
        if self._findings is None:
            self._findings = check_plan(self.plan)
        return self._findings

    def execute(self, command) -> bool:
        """Apply a command and put it on the undo stack; False (and ``write_failed``) if refused."""
        try:
            command.apply()
        except PlanError as error:  # storage's refusals only: a programming error stays one
            self.write_failed.emit(str(error))
            return False
        command.applied_once = True
        self.undo_stack.push(command)  # push() calls redo(), which skips the first time
        return True

    def notify(self, change: Change) -> None:
        """Called by commands after storage has committed: the plan in memory takes the change."""
        if self._plan is not None:
            try:
                self._take(change)
            except NotFound:  # the change was not what it said: read the whole plan again
                self._plan = None
        self._findings = None
        self.plan_changed.emit(change)

    def forget(self, key: str, anonymise: bool):
        """Erase or anonymise a person for real (storage.erase); returns what it did.

        Not an undoable command: its point is that no copy survives, so the undo history (which
        holds what earlier edits and deletes took away) is cleared too.
        """
        from planner.storage.erase import anonymise_stakeholder, erase_stakeholder

        done = (anonymise_stakeholder if anonymise else erase_stakeholder)(self.store, key)
        self.undo_stack.clear()
        self.notify(Change("all"))
        return done

    # Rows changed at once above which the register is read whole (one query beats hundreds).
    ROW_BY_ROW = 200

    def _take(self, change: Change) -> None:
        """Update the plan in memory from what ``change`` touched, instead of reloading the file.

        Plan fields are read again (one row; every edit stamps ``modified``); changed rows of a
        register are read by key, and a register whose membership changed takes the stored order.
        A change of scope "all" (deletes and their undo, which move owners and links) reloads.
        """
        store = self.store
        if change.scope == "all":
            self._plan = None
            return
        plan = self._plan
        fresh = store.plan_fields()
        for spec in specs(Plan):
            if not isinstance(spec.kind, Children):
                setattr(plan, spec.name, getattr(fresh, spec.name))
        if change.scope == "plan":
            return
        if change.scope in ("engagements", "actions", "versions"):  # the record: read its list whole
            setattr(plan, change.scope, store.record_list(change.scope))
            return
        items = getattr(plan, change.scope)
        if len(change.keys) > self.ROW_BY_ROW:
            setattr(plan, change.scope, store.read_all(change.scope))
            return
        fetch = {"stakeholders": store.stakeholder, "risks": store.risk, "safeguards": store.safeguard}[change.scope]
        where = {item.key: i for i, item in enumerate(items)}
        moved = False
        for key in change.keys:
            try:
                item = fetch(key)
            except NotFound:
                moved = moved or key in where
                continue
            if key in where:
                items[where[key]] = item
            else:
                where[key] = len(items)
                items.append(item)
                moved = True
        if moved:  # added or removed: the stored order says where each row now stands
            by_key = {item.key: item for item in items}
            fetched = {key: by_key[key] for key in change.keys if key in by_key}
            by_key.update(fetched)
            setattr(plan, change.scope, [by_key[key] for key in store.keys_in_order(change.scope)])

    def close(self) -> None:
        """Close the file and give back its lock."""
        self.undo_stack.clear()
        self.store.close()
