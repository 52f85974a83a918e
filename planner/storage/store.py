"""One plan = one .coplan SQLite file: open it safely, load it, apply edits one transaction each."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from planner.core.keys import next_key
from planner.core.model import Driver, Plan, Risk, Safeguard, Stage, Stakeholder
from planner.storage import rows
from planner.storage.errors import PlanFileError, ReadOnlyPlan, WriteFailed
from planner.storage.lock import PlanLock
from planner.storage.opening import inspect, read_only_uri
from planner.storage.removed import Removed
from planner.storage.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

PLAN_FIELDS = {"title", "organisation", "service_area", "officer", "summary", "drivers",
               "stages", "current_cell", "target_cell"}


def now() -> str:
    """The current time as stored in the plan (UTC, seconds)."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, timeout=5)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA journal_mode = DELETE")  # never WAL: plans live on network shares
    connection.execute("PRAGMA synchronous = FULL")
    return connection


def _write_failed(error: sqlite3.Error) -> WriteFailed:
    text = str(error)
    reason = "the disk is full" if "full" in text else f"the file could not be written ({text})"
    return WriteFailed(
        f"The change was not saved: {reason}. The plan on disk is as it was before this "
        "change. Free some space or reconnect the network drive, then try again.")


class PlanStore:
    """An open plan file. Every edit method commits before it returns."""

    def __init__(self, path: Path, connection: sqlite3.Connection, read_only_reason: str | None,
                 lock: PlanLock | None):
        self.path = path
        self.read_only_reason = read_only_reason
        self._conn = connection
        self.db = sqlite_utils.Database(connection)
        self._lock = lock

    # ------------------------------------------------------------ opening and closing

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @classmethod
    def create(cls, path: Path | str, title: str) -> PlanStore:
        """Make a new plan file and open it; refuses to replace an existing file."""
        path = Path(path)
        if not title.strip():
            raise ValueError("A plan needs a title.")
        if path.exists():
            raise PlanFileError(f"{path.name} already exists. Choose another name or open it instead.")
        # Built under a temporary name and renamed, so a failure never leaves half a plan.
        try:
            fd, temp = tempfile.mkstemp(prefix=".new-", suffix=".coplan", dir=path.parent)
        except OSError as error:
            raise PlanFileError(f"Cannot create a plan in {path.parent}: {error.strerror}.") from None
        os.close(fd)
        os.unlink(temp)
        try:
            connection = _connect(Path(temp))
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            cls._migrate(connection, 0)
            stamp = now()
            connection.execute(
                "INSERT INTO plan (id, title, created, modified) VALUES (1, ?, ?, ?)",
                (title, stamp, stamp))
            connection.close()
            os.replace(temp, path)
        except (sqlite3.Error, OSError) as error:
            Path(temp).unlink(missing_ok=True)
            raise PlanFileError(f"Cannot create {path.name}: {error}.") from None
        return cls.open(path)

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False, allow_newer: bool = False) -> PlanStore:
        """Open a plan after checking it; the file is never written if a check fails.

        Args:
            read_only: open for viewing only, with no lock.
            allow_newer: accept a plan from a newer version (it then opens read-only).

        Raises:
            PlanFileError subclasses (PlanNotFound, NotAPlan, NewerPlan, DamagedPlan, PlanLocked).
        """
        path = Path(path)
        found = inspect(path, allow_newer=allow_newer)
        reason = found.read_only_reason or ("You opened it read-only." if read_only else None)
        if reason:
            connection = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
            connection.execute("PRAGMA foreign_keys = ON")
            return cls(path, connection, reason, None)
        lock = PlanLock(path)
        lock.acquire()
        try:
            connection = _connect(path)
            if found.version < SCHEMA_VERSION:
                cls._migrate(connection, found.version)
        except sqlite3.Error as error:
            lock.release()
            raise PlanFileError(f"{path.name} could not be opened for editing ({error}).") from None
        except BaseException:
            lock.release()
            raise
        return cls(path, connection, None, lock)

    @staticmethod
    def _migrate(connection: sqlite3.Connection, version: int) -> None:
        connection.execute("BEGIN IMMEDIATE")
        try:
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step].split(";\n"):
                    if statement.strip():
                        connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    @staticmethod
    def break_lock(path: Path | str) -> None:
        """Clear another computer's lock on a plan, after the officer has confirmed it."""
        PlanLock(Path(path)).break_lock()

    def close(self) -> None:
        """Close the file and give back the lock."""
        self._conn.close()
        if self._lock:
            self._lock.release()

    def __enter__(self) -> PlanStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def save_as(self, destination: Path | str) -> None:
        """Copy the plan with SQLite's backup API to a temporary file, then rename it into place."""
        destination = Path(destination)
        try:
            fd, temp = tempfile.mkstemp(prefix=".copy-", suffix=".coplan", dir=destination.parent)
            os.close(fd)
            target = sqlite3.connect(temp)
            try:
                self._conn.backup(target)
            finally:
                target.close()
            with open(temp, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(temp, destination)
        except (sqlite3.Error, OSError) as error:
            if "temp" in locals():
                Path(temp).unlink(missing_ok=True)
            raise PlanFileError(f"The copy could not be saved to {destination}: {error}. Nothing was changed.") from None

    # ------------------------------------------------------------ reading

    def load(self) -> Plan:
        """The whole plan as core objects."""
        q = self.db.query
        plan = self._plan_fields()
        contributions: dict[str, list] = {}
        for row in q("SELECT * FROM contributions ORDER BY stakeholder, position, id"):
            contributions.setdefault(row["stakeholder"], []).append(rows.contribution_from(row))
        links: dict[str, list[str]] = {}
        for row in q("SELECT safeguard, risk FROM safeguard_risks ORDER BY safeguard, position"):
            links.setdefault(row["safeguard"], []).append(row["risk"])
        plan.stakeholders = [rows.stakeholder_from(r, contributions.get(r["key"], []))
                             for r in q("SELECT * FROM stakeholders ORDER BY position")]
        plan.risks = [rows.risk_from(r) for r in q("SELECT * FROM risks ORDER BY position")]
        plan.safeguards = [rows.safeguard_from(r, links.get(r["key"], []))
                           for r in q("SELECT * FROM safeguards ORDER BY position")]
        return plan

    def _plan_fields(self) -> Plan:
        """The plan's own fields, without its stakeholders, risks and safeguards."""
        head = next(self.db.query("SELECT * FROM plan WHERE id = 1"))
        return Plan(
            title=head["title"], organisation=head["organisation"],
            service_area=head["service_area"], officer=head["officer"], summary=head["summary"],
            drivers=[Driver(d) for (d,) in self._conn.execute("SELECT driver FROM plan_drivers ORDER BY position")],
            stages=[Stage(s) for (s,) in self._conn.execute("SELECT stage FROM plan_stages ORDER BY position")],
            current_cell=rows.cell_from(head, "current"), target_cell=rows.cell_from(head, "target"),
            created=head["created"], modified=head["modified"],
        )

    def stakeholder(self, key: str) -> Stakeholder:
        """One stakeholder by key; KeyError if there is none."""
        found = list(self.db.query("SELECT * FROM stakeholders WHERE key = ?", [key]))
        if not found:
            raise KeyError(key)
        contributions = [rows.contribution_from(r) for r in self.db.query(
            "SELECT * FROM contributions WHERE stakeholder = ? ORDER BY position, id", [key])]
        return rows.stakeholder_from(found[0], contributions)

    def risk(self, key: str) -> Risk:
        """One risk by key; KeyError if there is none."""
        found = list(self.db.query("SELECT * FROM risks WHERE key = ?", [key]))
        if not found:
            raise KeyError(key)
        return rows.risk_from(found[0])

    def safeguard(self, key: str) -> Safeguard:
        """One safeguard by key; KeyError if there is none."""
        found = list(self.db.query("SELECT * FROM safeguards WHERE key = ?", [key]))
        if not found:
            raise KeyError(key)
        links = [r for (r,) in self._conn.execute(
            "SELECT risk FROM safeguard_risks WHERE safeguard = ? ORDER BY position", [key])]
        return rows.safeguard_from(found[0], links)

    def new_key(self, prefix: str) -> str:
        """A key not yet used: ``s`` for stakeholders, ``r`` for risks, ``g`` for safeguards."""
        table = {"s": "stakeholders", "r": "risks", "g": "safeguards"}[prefix]
        return next_key(prefix, (k for (k,) in self._conn.execute(f"SELECT key FROM {table}")))

    # ------------------------------------------------------------ writing

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it on disk when the block ends, or none of it."""
        if self.read_only:
            raise ReadOnlyPlan(f"This plan is open read-only. {self.read_only_reason}")
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            yield self._conn
            self._conn.execute("UPDATE plan SET modified = ? WHERE id = 1", [now()])
            self._conn.execute("COMMIT")
        except BaseException as error:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.IntegrityError):
                raise ValueError(f"The change does not fit the plan: {error}.") from None
            if isinstance(error, sqlite3.Error):
                raise _write_failed(error) from None
            raise

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

    def update_plan(self, **changes) -> dict:
        """Change plan fields (title, drivers, target_cell...); returns their old values."""
        unknown = set(changes) - PLAN_FIELDS
        if unknown:
            raise ValueError(f"Unknown plan field: {sorted(unknown)[0]}")
        if "title" in changes and not str(changes["title"]).strip():
            raise ValueError("A plan needs a title.")
        old_plan = self._plan_fields()
        old = {name: getattr(old_plan, name) for name in changes}
        with self._write() as conn:
            columns: dict = {}
            for name, value in changes.items():
                if name in ("current_cell", "target_cell"):
                    columns.update(rows.cell_columns(name.removesuffix("_cell"), value))
                elif name in ("drivers", "stages"):
                    table, column = ("plan_drivers", "driver") if name == "drivers" else ("plan_stages", "stage")
                    conn.execute(f"DELETE FROM {table}")
                    for position, item in enumerate(dict.fromkeys(value)):
                        conn.execute(f"INSERT INTO {table} ({column}, position) VALUES (?, ?)",
                                     [getattr(item, "value", item), position])
                else:
                    columns[name] = value
            if columns:
                assignments = ", ".join(f"{c} = ?" for c in columns)
                conn.execute(f"UPDATE plan SET {assignments} WHERE id = 1", list(columns.values()))
        return old

    def _write_contributions(self, conn: sqlite3.Connection, s: Stakeholder) -> None:
        conn.execute("DELETE FROM contributions WHERE stakeholder = ?", [s.key])
        for position, c in enumerate(s.contributions):
            conn.execute(
                "INSERT INTO contributions (stakeholder, position, kind, amount, unit, note) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [s.key, position, c.kind.value, c.amount, c.unit, c.note])

    def add_stakeholders(self, stakeholders: list[Stakeholder], position: int | None = None) -> None:
        """Add stakeholders in one transaction (a CSV import is all or nothing)."""
        for s in stakeholders:
            rows.validate_stakeholder(s)
        with self._write() as conn:
            for offset, s in enumerate(stakeholders):
                at = self._make_room(conn, "stakeholders", None if position is None else position + offset)
                self._insert(conn, "stakeholders", rows.stakeholder_row(s, at))
                self._write_contributions(conn, s)

    def add_stakeholder(self, stakeholder: Stakeholder, position: int | None = None) -> None:
        """Add one stakeholder, at the end or at ``position``."""
        self.add_stakeholders([stakeholder], position)

    def update_stakeholder(self, key: str, **changes) -> dict:
        """Change fields of one stakeholder; returns their old values for undo."""
        return self._update(key, changes, self.stakeholder, rows.validate_stakeholder, self._store_stakeholder)

    def _store_stakeholder(self, conn: sqlite3.Connection, s: Stakeholder) -> None:
        row = rows.stakeholder_row(s, 0)
        del row["position"]
        self._set_row(conn, "stakeholders", row)
        self._write_contributions(conn, s)

    def _set_row(self, conn: sqlite3.Connection, table: str, row: dict) -> None:
        key = row.pop("key")
        assignments = ", ".join(f"{c} = ?" for c in row)
        conn.execute(f"UPDATE {table} SET {assignments} WHERE key = ?", [*row.values(), key])

    def _update(self, key, changes, getter, validate, store) -> dict:
        if "key" in changes:
            raise ValueError("A key cannot be changed.")
        current = getter(key)
        unknown = set(changes) - rows.field_names(type(current))
        if unknown:
            raise ValueError(f"Unknown field: {sorted(unknown)[0]}")
        updated = replace(current, **changes)
        validate(updated)
        with self._write() as conn:
            store(conn, updated)
        return {name: getattr(current, name) for name in changes}

    def add_risk(self, risk: Risk, position: int | None = None) -> None:
        """Add one risk to the register."""
        rows.validate_risk(risk)
        with self._write() as conn:
            at = self._make_room(conn, "risks", position)
            self._insert(conn, "risks", rows.risk_row(risk, at))

    def update_risk(self, key: str, **changes) -> dict:
        """Change fields of one risk; returns their old values for undo."""
        def store(conn, risk):
            row = rows.risk_row(risk, 0)
            del row["position"]
            self._set_row(conn, "risks", row)
        return self._update(key, changes, self.risk, rows.validate_risk, store)

    def add_safeguard(self, safeguard: Safeguard, position: int | None = None) -> None:
        """Add one safeguard and its links to the risks it mitigates."""
        rows.validate_safeguard(safeguard)
        with self._write() as conn:
            at = self._make_room(conn, "safeguards", position)
            self._insert(conn, "safeguards", rows.safeguard_row(safeguard, at))
            self._write_links(conn, safeguard)

    def _write_links(self, conn: sqlite3.Connection, g: Safeguard) -> None:
        conn.execute("DELETE FROM safeguard_risks WHERE safeguard = ?", [g.key])
        for position, risk in enumerate(g.mitigates):
            conn.execute("INSERT INTO safeguard_risks (safeguard, risk, position) VALUES (?, ?, ?)",
                         [g.key, risk, position])

    def update_safeguard(self, key: str, **changes) -> dict:
        """Change fields of one safeguard (``mitigates`` replaces the list); returns old values."""
        def store(conn, safeguard):
            row = rows.safeguard_row(safeguard, 0)
            del row["position"]
            self._set_row(conn, "safeguards", row)
            self._write_links(conn, safeguard)
        return self._update(key, changes, self.safeguard, rows.validate_safeguard, store)

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
                self._make_room(conn, "stakeholders", position)
                self._insert(conn, "stakeholders", rows.stakeholder_row(s, position))
                self._write_contributions(conn, s)
            for position, r in removed.risks:
                self._make_room(conn, "risks", position)
                self._insert(conn, "risks", rows.risk_row(r, position))
            for position, g in removed.safeguards:
                self._make_room(conn, "safeguards", position)
                self._insert(conn, "safeguards", rows.safeguard_row(g, position))
                self._write_links(conn, g)
            for table, owners in (("risks", removed.risk_owners), ("safeguards", removed.safeguard_owners)):
                for key, owner in owners.items():
                    conn.execute(f"UPDATE {table} SET owner = ? WHERE key = ?", [owner, key])
            for safeguard, risk, position in removed.links:
                conn.execute("INSERT OR IGNORE INTO safeguard_risks (safeguard, risk, position) VALUES (?, ?, ?)",
                             [safeguard, risk, position])

    def replace_all(self, plan: Plan) -> None:
        """Write a whole plan into this (new, empty) file in one transaction: used by import."""
        with self._write() as conn:
            for table in ("safeguard_risks", "safeguards", "risks", "contributions", "stakeholders"):
                conn.execute(f"DELETE FROM {table}")
        self.update_plan(**{name: getattr(plan, name) for name in PLAN_FIELDS})
        with self._write() as conn:
            for position, s in enumerate(plan.stakeholders):
                rows.validate_stakeholder(s)
                self._insert(conn, "stakeholders", rows.stakeholder_row(s, position))
                self._write_contributions(conn, s)
            for position, r in enumerate(plan.risks):
                rows.validate_risk(r)
                self._insert(conn, "risks", rows.risk_row(r, position))
            for position, g in enumerate(plan.safeguards):
                rows.validate_safeguard(g)
                self._insert(conn, "safeguards", rows.safeguard_row(g, position))
                self._write_links(conn, g)

    @classmethod
    def create_from(cls, path: Path | str, plan: Plan) -> PlanStore:
        """Make a new plan file holding ``plan`` (import, examples); all or nothing.

        The file is built under a temporary name beside ``path`` and renamed when complete, so
        a refused plan never leaves a half-written file.
        """
        path = Path(path)
        if path.exists():
            raise PlanFileError(f"{path.name} already exists. Choose another name, or replace it on purpose.")
        temp = path.with_name(f".import-{os.getpid()}-{path.name}")
        temp.unlink(missing_ok=True)
        store = cls.create(temp, plan.title)
        try:
            store.replace_all(plan)
        except BaseException:
            store.close()
            temp.unlink(missing_ok=True)
            raise
        store.close()
        try:
            os.replace(temp, path)
        except OSError as error:
            temp.unlink(missing_ok=True)
            raise PlanFileError(f"Cannot write {path.name}: {error.strerror}.") from None
        return cls.open(path)
