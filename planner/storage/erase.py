"""Erase or anonymise a private individual for real: gone from every table and from the bytes.

An ordinary delete can be undone, so the app keeps what it removed in memory and SQLite may keep
the old content in free pages. Erase is the data-protection route: one transaction removes the
person's row and contributions, empties the owner links that pointed at them, and replaces their
name and contact wherever they were typed into any text column of any table (so copies the plan
keeps inside itself, such as stored versions, are reached too); then VACUUM rewrites the file so
no free page still holds the old bytes. It cannot be undone.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planner.core.redaction import Scrubber
from planner.storage.erase_versions import forget_in_versions, scrubber, snapshots, variants
from planner.storage.errors import NotFound, WriteFailed

if TYPE_CHECKING:
    from planner.storage.store import PlanStore

# Fields of a stakeholder row that identify the person; anonymising empties them. Columns a
# later schema adds to the stakeholders table are emptied too unless listed as kept here
# (the plan's figures and the matrix need these).
KEPT_COLUMNS = {"key", "position", "name", "category", "side", "planning_role", "delivery_role",
                "influence", "interest", "stance", "motive", "personal"}


@dataclass
class Erased:
    """What an erase or anonymise did, for the message the officer reads afterwards."""

    label: str  # the role label the person had, e.g. "Service user 3"
    owners_cleared: list[str] = field(default_factory=list)  # risk/safeguard keys left ownerless
    texts_changed: int = 0  # text fields where their name or contact was replaced
    versions_changed: int = 0  # agreed versions whose snapshot held them or their name


def _text_columns(conn: sqlite3.Connection) -> list[tuple[str, list[str]]]:
    """Every table with its TEXT columns (our tables and any a later schema adds)."""
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    result = []
    for table in tables:
        # Keys and references are left alone: they are ours, not text a person typed.
        references = {row[3] for row in conn.execute(f'PRAGMA foreign_key_list("{table}")')}
        columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')
                   if ("TEXT" in (row[2] or "").upper() or not row[2])
                   and not row[5] and row[1] not in references]
        if columns:
            result.append((table, columns))
    return result


# Columns holding whole documents, rewritten structurally (erase_versions.py), never as text.
_DOCUMENTS = {("versions", "snapshot")}


def _scrub_everywhere(conn: sqlite3.Connection, scrub) -> int:
    """Replace the person's identifiers in every text cell of the file; returns cells changed."""
    changed = 0
    for table, columns in _text_columns(conn):
        columns = [c for c in columns if (table, c) not in _DOCUMENTS]
        if not columns:
            continue
        quoted = ", ".join(f'"{c}"' for c in columns)
        for row in conn.execute(f'SELECT rowid, {quoted} FROM "{table}"').fetchall():
            rowid, values = row[0], row[1:]
            updates = {}
            for column, value in zip(columns, values):
                if isinstance(value, str):
                    new = scrub(value)
                    if new != value:
                        updates[column] = new
            if updates:
                sets = ", ".join(f'"{c}" = ?' for c in updates)
                conn.execute(f'UPDATE "{table}" SET {sets} WHERE rowid = ?', [*updates.values(), rowid])
                changed += len(updates)
    return changed


def _forget(store: PlanStore, key: str, anonymise: bool) -> Erased:
    plan = store.load()
    found = snapshots(store._conn)
    kept = variants(plan, found, key)
    if not kept:  # neither in the plan nor in any agreed version
        known = ", ".join(s.key for s in plan.stakeholders) or "none"
        raise NotFound(f"There is no stakeholder {key!r} in this plan (keys: {known}).")
    label = Scrubber(kept[0], only={key}).labels[key]
    scrub = scrubber(kept, key)
    report = Erased(label=label)
    with store._write() as conn:
        if anonymise:
            identifying = [row[1] for row in conn.execute('PRAGMA table_info("stakeholders")')
                           if row[1] not in KEPT_COLUMNS]
            sets = ", ".join(f'"{c}" = NULL' if _nullable(conn, c) else f'"{c}" = \'\'' for c in identifying)
            conn.execute(f"UPDATE stakeholders SET name = ?{', ' + sets if sets else ''} WHERE key = ?",
                         [label, key])
            conn.execute("UPDATE contributions SET note = '' WHERE stakeholder = ?", [key])
        else:
            for table in ("risks", "safeguards"):
                report.owners_cleared += [k for (k,) in conn.execute(
                    f"SELECT key FROM {table} WHERE owner = ?", [key])]
            conn.execute("DELETE FROM stakeholders WHERE key = ?", [key])
        report.texts_changed = _scrub_everywhere(conn, scrub)
        report.versions_changed = forget_in_versions(conn, found, key, anonymise, label, scrub)
    _vacuum(store)
    return report


def _nullable(conn: sqlite3.Connection, column: str) -> bool:
    for row in conn.execute('PRAGMA table_info("stakeholders")'):
        if row[1] == column:
            return not row[3]
    return True


def _vacuum(store: PlanStore) -> None:
    """Rewrite the file so no free page keeps the erased bytes."""
    try:
        store._conn.execute("VACUUM")
    except sqlite3.Error as error:
        raise WriteFailed(
            f"The person was erased from the plan, but the file could not be compacted ({error}); "
            "their old data may still be in unused space inside the file. Free some space and "
            "erase again, or use Save As to write a clean copy.") from None


def erase_stakeholder(store: PlanStore, key: str) -> Erased:
    """Remove a person and every trace of them from the plan file; cannot be undone.

    Raises:
        NotFound: no stakeholder has this key.
        ReadOnlyPlan, WriteFailed: as for any edit; the plan is then as it was.
    """
    return _forget(store, key, anonymise=False)


def anonymise_stakeholder(store: PlanStore, key: str) -> Erased:
    """Keep the person as their role label with their contributions' figures; clear the rest."""
    return _forget(store, key, anonymise=True)
