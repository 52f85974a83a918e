"""One plan = one .coplan SQLite file: open it safely, load it, apply edits one transaction each."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

from planner.core.model import Contribution, Plan, Risk, Safeguard, Stakeholder
from planner.storage import rows
from planner.storage.atomic import publish, target_mode, temporary_beside
from planner.storage.errors import InvalidValue, NotFound, PlanFileError, PlanLocked
from planner.storage.leftovers import clean_leftovers, remove_dead_journal, temp_prefix
from planner.storage.lock import PlanLock, file_identity, lock_path
from planner.storage.migrations import migrate
from planner.storage.opening import inspect, read_only_uri
from planner.storage.adding import RegisterAdds
from planner.storage.edits import PlanEdits, now
from planner.storage.record_edits import RecordEdits
from planner.storage.schema import APPLICATION_ID, SCHEMA_VERSION, create_statements

def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, timeout=5)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA journal_mode = DELETE")  # never WAL: plans live on network shares
    connection.execute("PRAGMA synchronous = FULL")
    # Deleted rows are overwritten, not left readable in free pages, whatever the platform's
    # SQLite was compiled with (residents' details must not outlive their deletion).
    connection.execute("PRAGMA secure_delete = ON")
    return connection


class PlanStore(RegisterAdds, PlanEdits, RecordEdits):
    """An open plan file. Every edit method commits before it returns."""

    def __init__(self, path: Path, connection: sqlite3.Connection, read_only_reason: str | None,
                 lock: PlanLock | None):
        self.path = path
        self.read_only_reason = read_only_reason
        self._conn = connection
        self._lock = lock
        self.notice: str | None = None  # what opening found that the officer should be told
        # The file opened for editing, so an edit is refused once another file takes its place.
        self.identity = file_identity(path) if read_only_reason is None else {}

    # ------------------------------------------------------------ opening and closing

    @property
    def db(self):
        """The connection as a sqlite_utils Database, made on first use.

        Storage reads through ``_query`` instead, so opening a plan does not import
        sqlite_utils: that import is ~80 ms of the app's start.
        """
        import sqlite_utils

        return sqlite_utils.Database(self._conn)

    def _query(self, sql: str, params: list | tuple = ()) -> Iterator[dict]:
        """Rows of ``sql`` as dicts by column name (dict lookups beat sqlite3.Row's by name)."""
        cursor = self._conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return (dict(zip(names, row)) for row in cursor)

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @classmethod
    def create(cls, path: Path | str, title: str) -> PlanStore:
        """Make a new plan file and open it; refuses to replace an existing file."""
        path = Path(path)
        if not isinstance(title, str) or not title.strip():
            raise InvalidValue("A plan needs a title.", "title")
        try:
            title.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: checked before any file is made
            raise InvalidValue("The title has a character that is not valid text.", "title") from None
        if path.exists():
            raise PlanFileError(f"{path.name} already exists. Choose another name or open it instead.")
        # Built under a temporary name and renamed, so a failure never leaves half a plan.
        try:
            fd, temp = tempfile.mkstemp(prefix=temp_prefix("new"), suffix=".coplan", dir=path.parent)
        except OSError as error:
            raise PlanFileError(f"Cannot create a plan in {path.parent}: {error.strerror}.") from None
        os.close(fd)
        os.unlink(temp)
        try:
            connection = _connect(Path(temp))
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute("BEGIN IMMEDIATE")
            for statement in create_statements():
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("COMMIT")
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
            store = cls(path, cls._read_only_connection(path, found.version), reason, None)
            store.notice = found.notice
            return store
        lock = PlanLock(path)
        lock.acquire(found.plan_id)
        # Ours to tidy now that we hold the plan: leftovers of killed imports and copies, and a
        # journal SQLite will never replay, both of which can hold residents' details.
        clean_leftovers(path.parent)
        remove_dead_journal(path)
        try:
            connection = _connect(path)
            if found.version < SCHEMA_VERSION:
                cls._migrate_file(path, connection, found.version)
        except sqlite3.Error as error:
            lock.release()
            raise PlanFileError(f"{path.name} could not be opened for editing ({error}).") from None
        except BaseException:
            lock.release()
            raise
        store = cls(path, connection, None, lock)
        store.notice = found.notice
        return store

    @staticmethod
    def _read_only_connection(path: Path, version: int) -> sqlite3.Connection:
        """A connection that cannot write the file; an older plan is copied into memory and migrated there."""
        try:
            connection = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
            if version < SCHEMA_VERSION:
                copy = sqlite3.connect(":memory:", isolation_level=None)
                connection.backup(copy)
                connection.close()
                connection = copy
                migrate(connection, version, path.name)
            connection.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as error:
            raise PlanFileError(f"{path.name} could not be read ({error}).") from None
        return connection

    @staticmethod
    def backup_path(path: Path, version: int) -> Path:
        """Where the copy of a plan of ``version`` is kept while it is migrated."""
        return path.with_name(f"{path.stem}.v{version}-backup{path.suffix}")

    @classmethod
    def _migrate_file(cls, path: Path, connection: sqlite3.Connection, version: int) -> None:
        """Migrate a plan file in one transaction, keeping a copy of the old file until it commits."""
        backup = cls.backup_path(path, version)
        target = sqlite3.connect(backup)
        try:
            connection.backup(target)
        finally:
            target.close()
        with open(backup, "rb+") as handle:
            os.fsync(handle.fileno())
        migrate(connection, version, path.name)
        backup.unlink(missing_ok=True)

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
        """Copy the plan with SQLite's backup API to a temporary file, then rename it into place.

        The destination's lock is held while it is replaced, so a plan a colleague has open is
        refused rather than replaced under them. The copy gets ordinary permissions (the umask),
        or those of the file it replaces.

        Raises:
            PlanLocked: the destination is open for editing (under any of its names).
            PlanFileError: the copy could not be written; nothing was changed.
        """
        destination = Path(destination)
        if destination.exists() and lock_path(destination) == lock_path(self.path):
            raise PlanFileError(f"{destination.name} is this plan itself; choose another name for the copy.")
        guard = PlanLock(destination)
        try:
            guard.acquire()
        except PlanLocked as error:
            raise PlanLocked(
                f"The copy was not saved: {destination.name} is open for editing by {error.holder}. "
                "Choose another name, or ask them to close it first.", error.holder, error.stale,
                error.same_host) from None
        try:
            temp = temporary_beside(destination, ".coplan", "copy")
            try:
                target = sqlite3.connect(temp)
                try:
                    self._conn.backup(target)
                finally:
                    target.close()
            except (sqlite3.Error, OSError) as error:
                temp.unlink(missing_ok=True)
                raise PlanFileError(f"The copy could not be saved to {destination}: {error}. Nothing was changed.") from None
            publish(temp, destination)
        finally:
            guard.release()

    # ------------------------------------------------------------ reading

    def load(self) -> Plan:
        """The whole plan as core objects."""
        q = self._query
        contributions: dict[str, list] = {}
        for row in q("SELECT * FROM contributions ORDER BY stakeholder, position, id"):
            contributions.setdefault(row["stakeholder"], []).append(rows.from_row(Contribution, row))
        links: dict[str, list[str]] = {}
        for row in q("SELECT safeguard, risk FROM safeguard_risks ORDER BY safeguard, position"):
            links.setdefault(row["safeguard"], []).append(row["risk"])
        plan = self._plan_fields()
        plan.stakeholders = [rows.from_row(Stakeholder, r, contributions=contributions.get(r["key"], []))
                             for r in q("SELECT * FROM stakeholders ORDER BY position")]
        plan.risks = [rows.from_row(Risk, r) for r in q("SELECT * FROM risks ORDER BY position")]
        plan.safeguards = [rows.from_row(Safeguard, r, mitigates=links.get(r["key"], []))
                           for r in q("SELECT * FROM safeguards ORDER BY position")]
        self._load_record(plan)
        return plan

    def keys_in_order(self, table: str) -> list[str]:
        """The keys of one register (stakeholders, risks, safeguards) in the plan's order."""
        if table not in ("stakeholders", "risks", "safeguards"):
            raise NotFound(f"There is no register called {table!r}.", table)
        return [k for (k,) in self._conn.execute(f"SELECT key FROM {table} ORDER BY position")]

    def places(self, table: str, keys: list[str]) -> dict[str, int]:
        """Where rows of one register stand in the plan's order (0 = first), by key; unknown keys are left out."""
        if table not in ("stakeholders", "risks", "safeguards"):
            raise NotFound(f"There is no register called {table!r}.", table)
        if not keys:
            return {}
        marks = ", ".join("?" for _ in keys)
        return dict(self._conn.execute(
            f"SELECT t.key, (SELECT COUNT(*) FROM {table} AS o WHERE o.position < t.position) "
            f"FROM {table} AS t WHERE t.key IN ({marks})", list(keys)))

    def read_all(self, table: str) -> list:
        """Every item of one register, in order (a change too big to take row by row)."""
        plan = self.load()
        return getattr(plan, table)

    def plan_fields(self) -> Plan:
        """The plan's own fields (title, cells, drivers...), without its registers."""
        return self._plan_fields()

    def _plan_fields(self) -> Plan:
        """The plan's own fields, without its stakeholders, risks and safeguards."""
        head = next(self._query("SELECT * FROM plan WHERE id = 1"))
        lists = {}
        for s in rows.owned_lists(Plan):
            lists[s.name] = [s.kind.enum(v) for (v,) in self._conn.execute(
                f"SELECT {s.kind.column} FROM {s.kind.table} ORDER BY position")]
        return rows.from_row(Plan, head, **lists)

    def _one(self, entity: type, key: str) -> dict:
        table = rows.TABLES[entity]
        found = list(self._query(f"SELECT * FROM {table} WHERE key = ?", [key]))
        if not found:
            raise NotFound(f"There is no {entity.__name__.lower()} {key!r} in the plan; it may have been deleted.", key)
        return found[0]

    def stakeholder(self, key: str) -> Stakeholder:
        """One stakeholder by key; NotFound if there is none."""
        row = self._one(Stakeholder, key)
        contributions = [rows.from_row(Contribution, r) for r in self._query(
            "SELECT * FROM contributions WHERE stakeholder = ? ORDER BY position, id", [key])]
        return rows.from_row(Stakeholder, row, contributions=contributions)

    def risk(self, key: str) -> Risk:
        """One risk by key; NotFound if there is none."""
        return rows.from_row(Risk, self._one(Risk, key))

    def safeguard(self, key: str) -> Safeguard:
        """One safeguard by key; NotFound if there is none."""
        row = self._one(Safeguard, key)
        links = [r for (r,) in self._conn.execute(
            "SELECT risk FROM safeguard_risks WHERE safeguard = ? ORDER BY position", [key])]
        return rows.from_row(Safeguard, row, mitigates=links)

    @classmethod
    def create_from(cls, path: Path | str, plan: Plan) -> PlanStore:
        """Make a new plan file holding ``plan`` (import, examples); all or nothing.

        The file is built under a temporary name beside ``path`` and renamed when complete, so
        a refused plan never leaves a half-written file.
        """
        path = Path(path)
        if path.exists():
            raise PlanFileError(f"{path.name} already exists. Choose another name, or replace it on purpose.")
        temp = temporary_beside(path, ".coplan", "import")  # a short name: the target's may be near the limit
        temp.unlink()
        store = cls.create(temp, plan.title)
        try:
            store.replace_all(plan)
        except BaseException:
            store.close()
            temp.unlink(missing_ok=True)
            raise
        store.close()
        try:
            os.chmod(temp, target_mode(path))
            os.replace(temp, path)
        except OSError as error:
            temp.unlink(missing_ok=True)
            raise PlanFileError(f"Cannot write {path.name}: {error.strerror}.") from None
        return cls.open(path)
