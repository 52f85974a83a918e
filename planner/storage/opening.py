"""Checks a file before it is trusted as a plan, touching nothing: each failure its own error."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from planner.storage import journal
from planner.storage.errors import DamagedPlan, NewerPlan, NotAPlan, PlanNotFound
from planner.storage.lock import PlanLock
from planner.storage.schema import APPLICATION_ID, SCHEMA_VERSION
from planner.storage.validate import shape_problem

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class Inspection:
    """What the checks found: the schema version and whether we may write."""

    version: int
    read_only_reason: str | None
    notice: str | None = None  # something the officer should know, e.g. a journal set aside
    plan_id: str | None = None  # the identity stored in the file (when it was created)


def read_only_uri(path: Path) -> str:
    """A URI that opens the file without any chance of writing to it."""
    return path.resolve().as_uri() + "?mode=ro"


def _writable(path: Path) -> bool:
    # Write bits as well as access(): an administrator may write anywhere, but a file marked
    # read-only was marked so on purpose and is opened read-only for everyone.
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)


def _first_problem(result: list[str]) -> str:
    """quick_check's first finding on one line, without its "*** in database main ***" banner."""
    lines = [line.strip() for row in result for line in row.splitlines()]
    return next((line for line in lines if line and not line.startswith("***")), "unreadable")


SQLITE_READONLY_ROLLBACK = 776  # a read-only connection met a hot journal it may not roll back


def _roll_back_crashed_change(path: Path) -> str | None:
    """Undo a change that a crash left half-written (its "hot journal"), if it is this file's.

    This is the one write ``inspect`` makes, and it is the one every program opening the file
    must make first; it puts the file back as it was before the unfinished change. A journal
    that was made against another file (a backup restored over the plan after the crash) is
    never replayed: it is renamed aside, kept, and the returned notice says so. After a replay
    the whole file is checked, not just quickly.

    Raises:
        DamagedPlan: the file or its folder cannot be written, so it cannot be put right here,
            or the file is damaged after the replay.
    """
    if not (_writable(path) and _writable(path.parent)):
        raise DamagedPlan(
            f"{path.name} was left half-saved when a program stopped during a change, and it "
            "cannot be put right from here because the file or its folder is read-only. Open "
            "it where you may change it, or ask for it to be made writable.")
    foreign = journal.foreign_reason(path, PlanLock(path).read())
    if foreign:
        try:
            kept = journal.move_aside(path)
        except OSError as error:
            raise DamagedPlan(
                f"{path.name} has a left-over change from a crash that does not belong to it "
                f"({foreign}), and it could not be set aside ({error.strerror}).") from None
        return (f"A change left unfinished by a crash was not applied to {path.name}, because "
                f"{foreign}. The plan opens exactly as it is on disk; the unfinished change is "
                f"kept as {kept.name}.")
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA schema_version").fetchone()  # any read rolls the journal back
        result = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError:
        raise DamagedPlan(f"{path.name} is damaged and cannot be read. Restore it from a backup.") from None
    finally:
        connection.close()
    if result != ["ok"]:
        raise DamagedPlan(
            f"{path.name} is damaged after undoing a change a crash left unfinished "
            f"({_first_problem(result)}). Restore it from a backup or open an earlier copy.")
    return None


def inspect(path: Path, allow_newer: bool = False, _recovered: bool = False,
            _notice: str | None = None) -> Inspection:
    """Check that ``path`` is a plan we can open, writing nothing (but see below).

    A change that a crash left half-written is undone first, as SQLite requires before the
    file can be read; that restores the file to its last complete state.

    Raises:
        PlanNotFound, NotAPlan, NewerPlan, DamagedPlan: each with a message for the officer.
    """
    if not path.exists():
        raise PlanNotFound(f"There is no plan at {path}. It may have been moved or renamed.")
    if path.is_dir():
        raise NotAPlan(f"{path.name} is a folder, not a plan file. Choose a .coplan file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise NotAPlan(f"{path.name} could not be read ({error.strerror}).") from None
    if not header:
        raise NotAPlan(f"{path.name} is empty (0 bytes), so it holds no plan. Choose another file or restore it from a backup.")
    if not header.startswith(SQLITE_HEADER):
        raise NotAPlan(f"{path.name} is not a Coproduction Planner plan (it is not a plan file at all). Choose a .coplan file.")
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True)
    except sqlite3.Error as error:
        raise DamagedPlan(f"{path.name} could not be opened ({error}). Restore it from a backup.") from None
    try:
        try:
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) == SQLITE_READONLY_ROLLBACK and not _recovered:
                connection.close()
                notice = _roll_back_crashed_change(path)
                return inspect(path, allow_newer, _recovered=True, _notice=notice)
            raise DamagedPlan(f"{path.name} is damaged and cannot be read. Restore it from a backup.") from None
        if app_id != APPLICATION_ID:
            raise NotAPlan(f"{path.name} is a database of another program, not a Coproduction Planner plan. Choose a .coplan file.")
        if version > SCHEMA_VERSION and not allow_newer:
            raise NewerPlan(f"{path.name} was saved by a newer version of Coproduction Planner. Update the app to edit it; you can open it read-only meanwhile.")
        try:
            result = [row[0] for row in connection.execute("PRAGMA quick_check")]
        except sqlite3.DatabaseError:
            result = ["unreadable"]
        if result != ["ok"]:
            raise DamagedPlan(f"{path.name} is damaged ({_first_problem(result)}). Nothing was changed; restore it from a backup or open an earlier copy.")
        if 0 < version <= SCHEMA_VERSION:
            try:
                problem = shape_problem(connection, version)
            except sqlite3.DatabaseError as error:
                problem = f"it cannot be read ({error})"
            if problem:
                raise DamagedPlan(
                    f"{path.name} is damaged or was altered by another program: {problem}. It was "
                    "not opened and nothing was changed; restore it from a backup.")
        try:
            row = connection.execute("SELECT created FROM plan WHERE id = 1").fetchone()
        except sqlite3.Error:
            row = None
        plan_id = row[0] if row and isinstance(row[0], str) else None
    finally:
        connection.close()
    reason = None
    if version > SCHEMA_VERSION:
        reason = "It was saved by a newer version of Coproduction Planner."
    elif not _writable(path):
        reason = "The file is read-only."
    elif not _writable(path.parent):
        reason = "Its folder is read-only, so changes cannot be saved there."
    return Inspection(version, reason, _notice, plan_id)
