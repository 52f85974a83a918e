"""The partnership's record in the plan file: engagement log entries, actions and agreed versions.

Each edit is one transaction, on disk when it returns, like every other edit (see edits.py).
An agreed version stores the whole plan as a plan document; it is never edited afterwards.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date as Date

from planner.core.model import Action, Engagement, Plan, Version
from planner.storage import rows
from planner.storage.errors import InvalidValue, NotFound

_LINKS = (("participants", "engagement_people", "stakeholder"),
          ("risks", "engagement_risks", "risk"),
          ("safeguards", "engagement_safeguards", "safeguard"))


@dataclass
class RemovedRecord:
    """Log entries and actions one delete took away, with the actions that named an entry."""

    engagements: list[tuple[int, Engagement]] = field(default_factory=list)
    actions: list[tuple[int, Action]] = field(default_factory=list)
    action_entries: dict[str, str] = field(default_factory=dict)  # action key -> removed entry


class RecordEdits:
    """The record's half of PlanStore: reading and editing the log, actions and versions."""

    _conn: sqlite3.Connection

    # ------------------------------------------------------------ reading

    def _load_record(self, plan: Plan) -> None:
        """Fill the plan's engagement log, actions and versions from the file."""
        q = self._query
        links: dict[str, dict[str, list[str]]] = {name: {} for name, _t, _c in _LINKS}
        for name, table, column in _LINKS:
            for row in q(f"SELECT engagement, {column} FROM {table} ORDER BY engagement, position"):
                links[name].setdefault(row["engagement"], []).append(row[column])
        plan.engagements = [rows.from_row(Engagement, r, **{n: links[n].get(r["key"], []) for n, _t, _c in _LINKS})
                            for r in q("SELECT * FROM engagements ORDER BY position")]
        plan.actions = [rows.from_row(Action, r) for r in q("SELECT * FROM actions ORDER BY position")]
        plan.versions = [rows.from_row(Version, r) for r in q("SELECT * FROM versions ORDER BY position")]

    def record_list(self, name: str) -> list:
        """One of the record's lists (``engagements``, ``actions``, ``versions``), in order."""
        plan = Plan(title="-")
        self._load_record(plan)
        return getattr(plan, name)

    def engagement(self, key: str) -> Engagement:
        """One log entry by key; NotFound if there is none."""
        row = self._one(Engagement, key)
        linked = {name: [k for (k,) in self._conn.execute(
            f"SELECT {column} FROM {table} WHERE engagement = ? ORDER BY position", [key])]
            for name, table, column in _LINKS}
        return rows.from_row(Engagement, row, **linked)

    def action(self, key: str) -> Action:
        """One action by key; NotFound if there is none."""
        return rows.from_row(Action, self._one(Action, key))

    def versions(self) -> list[Version]:
        """The agreed versions, oldest first."""
        return [rows.from_row(Version, r) for r in self._query("SELECT * FROM versions ORDER BY position")]

    def version(self, label: str) -> Version:
        """The agreed version with this label; NotFound naming the labels there are."""
        found = [v for v in self.versions() if v.label == label]
        if not found:
            raise NotFound(unknown_version(label, self.versions()), label)
        return found[0]

    # ------------------------------------------------------------ the engagement log and actions

    def _write_engagement_links(self, conn: sqlite3.Connection, entry: Engagement) -> None:
        for name, table, column in _LINKS:
            conn.execute(f"DELETE FROM {table} WHERE engagement = ?", [entry.key])
            for position, key in enumerate(getattr(entry, name)):
                conn.execute(f"INSERT INTO {table} (engagement, {column}, position) VALUES (?, ?, ?)",
                             [entry.key, key, position])

    def add_engagement(self, entry: Engagement, position: int | None = None) -> None:
        """Add one entry to the engagement log."""
        self.add("engagements", [entry], position)

    def update_engagement(self, key: str, **changes) -> dict:
        """Change fields of one log entry (lists replace the old ones); returns the old values."""
        def store(conn, entry):
            self._set_row(conn, "engagements", rows.to_row(entry))
            self._write_engagement_links(conn, entry)
        return self._update(key, changes, self.engagement, store)

    def add_action(self, action: Action, position: int | None = None) -> None:
        """Add one action."""
        self.add("actions", [action], position)

    def update_action(self, key: str, **changes) -> dict:
        """Change fields of one action; returns the old values for undo."""
        def store(conn, action):
            self._set_row(conn, "actions", rows.to_row(action))
        return self._update(key, changes, self.action, store)

    def delete_record(self, engagements: list[str] = (), actions: list[str] = ()) -> RemovedRecord:
        """Remove log entries and actions in one transaction; ``restore_record`` puts them back."""
        removed = RemovedRecord(
            engagements=sorted(((self._position("engagements", k), self.engagement(k)) for k in engagements), key=lambda p: p[0]),
            actions=sorted(((self._position("actions", k), self.action(k)) for k in actions), key=lambda p: p[0]))
        gone = set(engagements)
        for key, entry in self._conn.execute("SELECT key, engagement FROM actions WHERE engagement IS NOT NULL"):
            if entry in gone and key not in actions:
                removed.action_entries[key] = entry
        with self._write() as conn:
            for table, keys in (("actions", actions), ("engagements", engagements)):
                for key in keys:
                    conn.execute(f"DELETE FROM {table} WHERE key = ?", [key])
        return removed

    def restore_record(self, removed: RemovedRecord) -> None:
        """Put back what ``delete_record`` removed, in its old places, with its links."""
        with self._write() as conn:
            for position, entry in removed.engagements:
                position = self._put_back(conn, "engagements", position)
                self._insert(conn, "engagements", rows.to_row(entry, position=position))
                self._write_engagement_links(conn, entry)
            for position, action in removed.actions:
                position = self._put_back(conn, "actions", position)
                self._insert(conn, "actions", rows.to_row(action, position=position))
            for key, entry in removed.action_entries.items():
                conn.execute("UPDATE actions SET engagement = ? WHERE key = ?", [entry, key])

    def _position(self, table: str, key: str) -> int:
        found = self._conn.execute(f"SELECT position FROM {table} WHERE key = ?", [key]).fetchone()
        if found is None:
            raise NotFound(f"There is no {table.removesuffix('s')} {key!r} in the plan; it may have been deleted.", key)
        return found[0]

    # ------------------------------------------------------------ agreed versions

    def agree(self, label: str, when: str | None = None) -> Version:
        """Store the plan as it is now as the version the partnership agreed, labelled and dated.

        Raises:
            InvalidValue: the label is empty or already used, or the date is not YYYY-MM-DD.
        """
        from planner.storage.json_format import snapshot_document

        label = " ".join(str(label or "").split())
        if not label:
            raise InvalidValue("An agreed version needs a label, such as the meeting that agreed it.", "label")
        if any(v.label == label for v in self.versions()):
            raise InvalidValue(f"There is already a version labelled \u201c{label}\u201d; give this one another label.", "label")
        version = Version(key=self.new_keys("versions")[0],
                          label=label, date=when or Date.today().isoformat(), snapshot={})
        rows.validate(version)
        plan = self.load()
        version.snapshot = snapshot_document(plan)
        with self._write() as conn:
            at = self._make_room(conn, "versions", None)
            self._insert(conn, "versions", rows.to_row(version, position=at))
        return version

    def delete_version(self, key: str) -> None:
        """Remove an agreed version (only to undo agreeing it: the record is otherwise kept)."""
        with self._write() as conn:
            conn.execute("DELETE FROM versions WHERE key = ?", [key])

    def version_plan(self, label: str) -> Plan:
        """The plan as it was when the version with this label was agreed (read-only, in memory)."""
        return snapshot_plan(self.version(label))


def snapshot_plan(version: Version) -> Plan:
    """The plan a version's snapshot holds."""
    from planner.storage.json_format import plan_from_document

    return plan_from_document(version.snapshot)


def unknown_version(label: str, versions: list[Version]) -> str:
    """The sentence for a label no version has, naming the labels there are."""
    if not versions:
        return f"There is no agreed version \u201c{label}\u201d: this plan has no agreed versions yet."
    known = ", ".join(f"\u201c{v.label}\u201d" for v in versions)
    return f"There is no agreed version \u201c{label}\u201d; the versions are {known}."
