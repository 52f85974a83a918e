"""The open plan as the app sees it: the store, the undo stack and the plan_changed signal."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from planner.core.checks import Finding
from planner.core.fields import Children, specs
from planner.core.incremental import IncrementalCheck
from planner.core.model import Plan
from planner.core.rules_base import PARTS
from planner.storage import NotFound, PlanError, PlanStore


# The registers and lists a change can name rows of (the plan's own fields are "plan").
REGISTERS = ("stakeholders", "risks", "safeguards")
RECORD = ("engagements", "actions", "versions")


@dataclass(frozen=True)
class Change:
    """What an edit touched, so each view refreshes only that.

    scope: "plan" (title, cells, drivers...), one of ``REGISTERS`` or ``RECORD``, "rows" (rows
    of several of them at once: a delete clears owners and links elsewhere), or "all" (Open,
    erase, import: read everything again).
    keys: the keys of the rows touched (empty for plan fields, "rows" or "all").
    more: for "rows", (part, keys) for each part it touched; see ``parts``.
    """

    scope: str
    keys: frozenset[str] = field(default_factory=frozenset)
    more: tuple[tuple[str, frozenset[str]], ...] = ()

    @classmethod
    def of(cls, scope: str, *keys: str) -> Change:
        return cls(scope, frozenset(keys))

    @classmethod
    def rows(cls, parts: Mapping[str, Iterable[str]]) -> Change:
        """A change of rows in one or more registers or lists, e.g. {"stakeholders": ["s3"], "risks": ["r1"]}.

        Parts with no keys are left out; one part alone is a plain ``Change.of`` of it.
        """
        touched = tuple(sorted((part, frozenset(keys)) for part, keys in parts.items() if keys))
        if not touched:
            return cls("plan")
        if len(touched) == 1:
            return cls(*touched[0])
        return cls("rows", frozenset(), touched)

    @property
    def everything(self) -> bool:
        """True for a change after which the whole plan is read again."""
        return self.scope == "all"

    @property
    def parts(self) -> dict[str, frozenset[str]]:
        """Each part this change touched, with the keys of its rows: {"plan": {}} for plan fields.

        A part with no keys (the plan's own fields, ``Change("versions")``) changed as a whole.
        Empty for "all", which touches everything (see ``everything``).
        """
        if self.scope == "rows":
            return dict(self.more)
        if self.scope == "all":
            return {}
        return {self.scope: self.keys}

    def touches(self, *parts: str) -> bool:
        """Whether any of ``parts`` ("plan", "risks"...) may have changed (always, for "all")."""
        return self.everything or any(part in self.parts for part in parts)

    def keys_in(self, part: str) -> frozenset[str]:
        """The keys of the rows of ``part`` this change touched (empty if none, or for "all")."""
        return self.parts.get(part, frozenset())


def touched_parts(change: Change) -> dict[str, frozenset[str] | None]:
    """What the plan check must look at again after ``change``: each part, with the keys of the
    rows touched, or None where the whole part may have changed ({"all": None} for everything)."""
    if change.everything or not set(change.parts) <= set(PARTS):
        return {"all": None}
    return {part: keys or None for part, keys in change.parts.items()}


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
        self._check = IncrementalCheck()  # fed what each change touched, read by ``findings``
        self._where: dict[int, tuple[list, dict[str, int]]] = {}  # see _places

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
        """The plan check's findings, worked out once per change however many views read them.

        Only the rules (and rows) the changes since the last read can affect run again.
        """
        if self._findings is None:
            self._findings = self._check.findings(self.plan)
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
        for part, keys in touched_parts(change).items():
            self._check.touch(part, keys)
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
        register are read by key, a register whose membership changed takes the stored order, and
        the record's lists (short) are read whole. A change of several parts (a delete and its
        undo: owners and links elsewhere move too) takes each. Only "all" reloads.
        """
        if change.everything:
            self._plan = None
            return
        plan = self._plan
        fresh = self.store.plan_fields()
        for spec in specs(Plan):
            if not isinstance(spec.kind, Children):
                setattr(plan, spec.name, getattr(fresh, spec.name))
        for part, keys in change.parts.items():
            if part in RECORD:
                setattr(plan, part, self.store.record_list(part))
            elif part in REGISTERS:
                self._take_rows(plan, part, keys)

    def _places(self, items: list) -> dict[str, int]:
        """Each row's place in a register's list, kept while the list is the same (a row edit)."""
        kept = self._where.get(id(items))
        if kept is None or kept[0] is not items:
            if len(self._where) > 8:  # lists replaced since (rows added, removed, a reload)
                self._where.clear()
            kept = self._where[id(items)] = (items, {item.key: i for i, item in enumerate(items)})
        return kept[1]

    # Rows coming back (an undone delete) or added above which the stored order is read whole.
    PLACED_BY_KEY = 20

    def _take_rows(self, plan: Plan, part: str, keys: frozenset[str]) -> None:
        store = self.store
        items = getattr(plan, part)
        if len(keys) > self.ROW_BY_ROW or not keys:
            setattr(plan, part, store.read_all(part))
            return
        fetch = {"stakeholders": store.stakeholder, "risks": store.risk, "safeguards": store.safeguard}[part]
        where = self._places(items)
        gone, new = set(), {}
        for key in keys:
            try:
                item = fetch(key)
            except NotFound:
                if key in where:
                    gone.add(key)
                continue
            if key in where:
                items[where[key]] = item
            else:
                new[key] = item
        if not gone and not new:
            return
        # Added or removed: the rows that stay keep their order, so only the new rows' places
        # in the stored order are asked for (reading 20,000 keys in order took longer).
        items = [item for item in items if item.key not in gone] if gone else list(items)
        if len(new) > self.PLACED_BY_KEY:
            by_key = {item.key: item for item in items} | new
            items = [by_key[key] for key in store.keys_in_order(part)]
        elif new:
            places = store.places(part, list(new))
            for key in sorted(new, key=places.__getitem__):
                items.insert(places[key], new[key])
        setattr(plan, part, items)

    def close(self) -> None:
        """Close the file and give back its lock."""
        self.undo_stack.clear()
        self.store.close()
