"""Edits to an open plan: each method is one transaction, on disk when it returns."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from planner.core.fields import spec
from planner.core.kinds import Problem
from planner.core.model import Plan, Risk, Safeguard, Stakeholder
from planner.storage import rows
from planner.storage.errors import InvalidValue, ReadOnlyPlan, WriteFailed
from planner.storage.removed import Removed
from planner.storage.schema import SCHEMA_VERSION

PLAN_FIELDS = rows.plan_fields()
SQLITE_FULL = 13  # sqlite_errorcode's primary code (the low byte) for a full disk


def now() -> str:
    """The current time as stored in the plan (UTC, seconds)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


SQLITE_READONLY, SQLITE_CANTOPEN = 8, 14


def _write_failed(error: sqlite3.Error, path: Path) -> WriteFailed:
    """The refusal for a failed write, telling a full disk, a read-only place and a lost file apart."""
    code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
    if not path.exists():
        return WriteFailed(
            f"The change was not saved: there is no plan file at {path} any more (it was moved, "
            "renamed or deleted, or the network drive is gone). Use Save As to keep the plan as "
            "it is on screen.")
    if code == SQLITE_FULL:
        reason, advice = "the disk is full", "Free some space, then try again."
    elif code in (SQLITE_READONLY, SQLITE_CANTOPEN) or not os.access(path.parent, os.W_OK):
        reason = f"the folder {path.parent.name or path.parent} or the file has become read-only"
        advice = "Ask for write access, or use Save As to keep a copy in a folder you can write to."
    else:
        reason = f"the file could not be written ({error})"
        advice = "Reconnect the network drive or free some space, then try again."
    return WriteFailed(f"The change was not saved: {reason}. The plan on disk is as it was "
                       f"before this change. {advice}")


class PlanEdits:
    """The editing half of PlanStore (see store.py for opening, reading and copying)."""

    _conn: sqlite3.Connection
    read_only_reason: str | None

    @contextmanager
    def _write(self, touch: bool = True) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it on disk when the block ends, or none of it.

        Args:
            touch: stamp the plan as modified now (import keeps the stamps it was given).
        """
        if self.read_only:
            raise ReadOnlyPlan(f"This plan is open read-only. {self.read_only_reason}")
        self._check_still_there()
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            # The header first, so a crash's journal starts with the header the change began
            # from: that is how a journal is matched to its file (see journal.py).
            self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            yield self._conn
            if touch:
                self._conn.execute("UPDATE plan SET modified = ? WHERE id = 1", [now()])
            self._conn.execute("COMMIT")
        except BaseException as error:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.IntegrityError):
                raise InvalidValue(f"The change does not fit the plan: {error}.") from None
            if isinstance(error, UnicodeEncodeError):  # a lone surrogate: Python text, not UTF-8
                raise InvalidValue("The change was not saved: it has a character that is not valid text.") from None
            if isinstance(error, sqlite3.Error):
                raise _write_failed(error, self.path) from None
            raise

    def _check_still_there(self) -> None:
        """Refuse to write when the file at the plan's path is no longer the one opened.

        A plan deleted or moved while open would otherwise take the edit into a file no one
        will find again (the open handle follows the old file), with no error at all.
        """
        identity = getattr(self, "identity", None)
        if not identity:
            return
        try:
            info = os.stat(self.path)
        except OSError:
            raise _write_failed(sqlite3.OperationalError("missing"), self.path) from None
        if (info.st_dev, info.st_ino) != (identity["dev"], identity["ino"]):
            raise WriteFailed(
                f"The change was not saved: {self.path.name} was replaced by another file while it "
                "was open (a copy or a restored backup), so this change would not reach it. "
                "Close the plan and open it again, or use Save As to keep the plan as it is on screen.")

    def _insert(self, conn: sqlite3.Connection, table: str, row: dict) -> None:
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))

    def _make_room(self, conn: sqlite3.Connection, table: str, position: int | None) -> int:
        """The position for a new row: at the end, or at ``position`` after shifting the rest."""
        if position is None:
            (top,) = conn.execute(f"SELECT COALESCE(MAX(position) + 1, 0) FROM {table}").fetchone()
            return top
        conn.execute(f"UPDATE {table} SET position = position + 1 WHERE position >= ?", [position])
        return position

    def _put_back(self, conn: sqlite3.Connection, table: str, position: int) -> int:
        """The old position of a row an undo restores: shift the rest only if another row holds it.

        A delete leaves a gap where each row stood; shifting everything from there on would
        move the rows between two restored ones behind the second (s1 s2 s3, delete s1 and s3,
        undo: s1 s3 s2).
        """
        taken = conn.execute(f"SELECT 1 FROM {table} WHERE position = ?", [position]).fetchone()
        return self._make_room(conn, table, position) if taken else position

    def _link_back(self, conn: sqlite3.Connection, table: str, mine: str, owner: str, theirs: str,
                   key: str, position: int) -> None:
        """Put a removed link back at its old place in its owner's list, after the links before it.

        The list may have changed since (its owner deleted and restored on its own), so the
        links from that place on move down one rather than share the place.
        """
        if conn.execute(f"SELECT 1 FROM {table} WHERE {mine} = ? AND {theirs} = ?", [owner, key]).fetchone():
            return
        conn.execute(f"UPDATE {table} SET position = position + 1 WHERE {mine} = ? AND position >= ?",
                     [owner, position])
        conn.execute(f"INSERT INTO {table} ({mine}, {theirs}, position) VALUES (?, ?, ?)", [owner, key, position])

    def update_plan(self, **changes) -> dict:
        """Change plan fields (title, drivers, target_cell...); returns their old values."""
        unknown = set(changes) - PLAN_FIELDS
        if unknown:
            raise InvalidValue(f"Unknown plan field: {sorted(unknown)[0]}", sorted(unknown)[0])
        if "title" in changes and not (isinstance(changes["title"], str) and changes["title"].strip()):
            raise InvalidValue("A plan needs a title.", "title")
        old_plan = self._plan_fields()
        changes = {name: spec(Plan, name).kind.coerce(value) for name, value in changes.items()}
        updated = replace(old_plan, **changes)
        for name in changes:
            s = spec(Plan, name)
            try:
                s.kind.check(getattr(updated, name))
            except Problem as problem:
                raise rows.invalid(s, problem) from None
        old = {name: getattr(old_plan, name) for name in changes}
        with self._write() as conn:
            lists = {s.name: s for s in rows.owned_lists(Plan)}
            for name in changes:
                if name in lists:
                    kind = lists[name].kind
                    conn.execute(f"DELETE FROM {kind.table}")
                    for position, item in enumerate(dict.fromkeys(changes[name])):
                        conn.execute(f"INSERT INTO {kind.table} ({kind.column}, position) VALUES (?, ?)",
                                     [getattr(item, "value", item), position])
            row = rows.to_row(updated)
            columns = {c: row[c] for name in changes if name not in lists for c, _ in rows.columns(spec(Plan, name))}
            if columns:
                assignments = ", ".join(f"{c} = ?" for c in columns)
                conn.execute(f"UPDATE plan SET {assignments} WHERE id = 1", list(columns.values()))
        return old

    def _write_contributions(self, conn: sqlite3.Connection, s: Stakeholder) -> None:
        conn.execute("DELETE FROM contributions WHERE stakeholder = ?", [s.key])
        for position, c in enumerate(s.contributions):
            self._insert(conn, "contributions", rows.to_row(c, stakeholder=s.key, position=position))

    def add_stakeholders(self, stakeholders: list[Stakeholder], position: int | None = None) -> None:
        """Add stakeholders in one transaction (a CSV import is all or nothing)."""
        self.add("stakeholders", stakeholders, position)

    def add_stakeholder(self, stakeholder: Stakeholder, position: int | None = None) -> None:
        """Add one stakeholder, at the end or at ``position``."""
        self.add("stakeholders", [stakeholder], position)

    def update_stakeholder(self, key: str, **changes) -> dict:
        """Change fields of one stakeholder; returns their old values for undo."""
        return self._update(key, changes, self.stakeholder, self._store_stakeholder)

    def _store_stakeholder(self, conn: sqlite3.Connection, s: Stakeholder) -> None:
        self._set_row(conn, "stakeholders", rows.to_row(s))
        self._write_contributions(conn, s)

    def _set_row(self, conn: sqlite3.Connection, table: str, row: dict) -> None:
        key = row.pop("key")
        assignments = ", ".join(f"{c} = ?" for c in row)
        conn.execute(f"UPDATE {table} SET {assignments} WHERE key = ?", [*row.values(), key])

    def _update(self, key, changes, getter, store) -> dict:
        if "key" in changes:
            raise InvalidValue("A key cannot be changed.", "key")
        current = getter(key)
        unknown = set(changes) - rows.field_names(type(current))
        if unknown:
            raise InvalidValue(f"Unknown field: {sorted(unknown)[0]}", sorted(unknown)[0])
        changes = {name: spec(type(current), name).kind.coerce(value) for name, value in changes.items()}
        updated = replace(current, **changes)
        rows.validate(updated)
        with self._write() as conn:
            store(conn, updated)
        return {name: getattr(current, name) for name in changes}

    def add_risk(self, risk: Risk, position: int | None = None) -> None:
        """Add one risk to the register."""
        self.add("risks", [risk], position)

    def update_risk(self, key: str, **changes) -> dict:
        """Change fields of one risk; returns their old values for undo."""
        def store(conn, risk):
            self._set_row(conn, "risks", rows.to_row(risk))
        return self._update(key, changes, self.risk, store)

    def add_safeguard(self, safeguard: Safeguard, position: int | None = None) -> None:
        """Add one safeguard and its links to the risks it mitigates."""
        self.add("safeguards", [safeguard], position)

    def _write_links(self, conn: sqlite3.Connection, g: Safeguard) -> None:
        conn.execute("DELETE FROM safeguard_risks WHERE safeguard = ?", [g.key])
        for position, risk in enumerate(g.mitigates):
            conn.execute("INSERT INTO safeguard_risks (safeguard, risk, position) VALUES (?, ?, ?)",
                         [g.key, risk, position])

    def update_safeguard(self, key: str, **changes) -> dict:
        """Change fields of one safeguard (``mitigates`` replaces the list); returns old values."""
        def store(conn, safeguard):
            self._set_row(conn, "safeguards", rows.to_row(safeguard))
            self._write_links(conn, safeguard)
        return self._update(key, changes, self.safeguard, store)

    # ------------------------------------------------------------ removing and restoring

    def delete(self, stakeholders: list[str] = (), risks: list[str] = (),
               safeguards: list[str] = ()) -> Removed:
        """Remove items in one transaction; returns what ``restore`` needs to put them back."""
        removed = Removed.capture(self, list(stakeholders), list(risks), list(safeguards))
        with self._write() as conn:
            for table, keys in (("safeguards", safeguards), ("risks", risks), ("stakeholders", stakeholders)):
                for key in keys:
                    conn.execute(f"DELETE FROM {table} WHERE key = ?", [key])
        return removed

    def restore(self, removed: Removed) -> None:
        """Put back what ``delete`` removed, in its old places, with its links and owners."""
        with self._write() as conn:
            for position, s in removed.stakeholders:
                position = self._put_back(conn, "stakeholders", position)
                self._insert(conn, "stakeholders", rows.to_row(s, position=position))
                self._write_contributions(conn, s)
            for position, r in removed.risks:
                position = self._put_back(conn, "risks", position)
                self._insert(conn, "risks", rows.to_row(r, position=position))
            for position, g in removed.safeguards:
                position = self._put_back(conn, "safeguards", position)
                self._insert(conn, "safeguards", rows.to_row(g, position=position))
                self._write_links(conn, g)
            for table, owners in (("risks", removed.risk_owners), ("safeguards", removed.safeguard_owners)):
                for key, owner in owners.items():
                    conn.execute(f"UPDATE {table} SET owner = ? WHERE key = ?", [owner, key])
            for safeguard, risk, position in sorted(removed.links, key=lambda link: link[2]):
                self._link_back(conn, "safeguard_risks", "safeguard", safeguard, "risk", risk, position)
            for action, column, key in removed.action_refs:
                conn.execute(f"UPDATE actions SET {column} = ? WHERE key = ?", [key, action])
            for table, column, entry, key, position in sorted(removed.record_links, key=lambda link: link[4]):
                self._link_back(conn, table, "engagement", entry, column, key, position)

    def replace_all(self, plan: Plan) -> None:
        """Write a whole plan into this (new, empty) file in one transaction: used by import."""
        registers = (plan.stakeholders, plan.risks, plan.safeguards, plan.engagements, plan.actions, plan.versions)
        for items in registers:
            for item in items:
                rows.validate(item)
        with self._write() as conn:
            for table in ("versions", "actions", "engagement_people", "engagement_risks", "engagement_safeguards",
                          "engagements", "safeguard_risks", "safeguards", "risks", "contributions", "stakeholders"):
                conn.execute(f"DELETE FROM {table}")
        self.update_plan(**{name: getattr(plan, name) for name in PLAN_FIELDS})
        with self._write(touch=False) as conn:
            # The document's own stamps, as docs/plan-format.md promises; a new file's otherwise.
            stamps = {"created": plan.created, "modified": plan.modified or plan.created}
            for name, value in stamps.items():
                if value:
                    conn.execute(f"UPDATE plan SET {name} = ? WHERE id = 1", [value])
            for position, s in enumerate(plan.stakeholders):
                self._insert(conn, "stakeholders", rows.to_row(s, position=position))
                self._write_contributions(conn, s)
            for position, r in enumerate(plan.risks):
                self._insert(conn, "risks", rows.to_row(r, position=position))
            for position, g in enumerate(plan.safeguards):
                self._insert(conn, "safeguards", rows.to_row(g, position=position))
                self._write_links(conn, g)
            for position, e in enumerate(plan.engagements):
                self._insert(conn, "engagements", rows.to_row(e, position=position))
                self._write_engagement_links(conn, e)
            for table, items in (("actions", plan.actions), ("versions", plan.versions)):
                for position, item in enumerate(items):
                    self._insert(conn, table, rows.to_row(item, position=position))
