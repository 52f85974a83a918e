"""Build the portfolio database from every plan under some folders, rereading only changed ones.

Each plan is opened through storage, read-only and without taking its lock, redacted, and
written as rows; a file that cannot be read is skipped with a one-line reason and the rest go
on. The database is built in a temporary file beside the output and renamed into place, so a
portfolio being served is never seen half-written.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import sqlite_utils

from planner.portfolio.classify import check_classified
from planner.portfolio.rows import plan_rows
from planner.portfolio.tables import LOOKUPS, TABLES
from planner.storage import PlanError, PlanStore

# Bump when the tables or the redaction change: a portfolio of another format is rebuilt whole.
FORMAT = 1
HIDDEN_PREFIXES = (".",)  # temporary plans (.new-…, .import-…, .copy-…) are never published


class PortfolioError(Exception):
    """The portfolio cannot be built as asked; nothing was written."""


@dataclass
class Skipped:
    """A file left out of the portfolio, and why, in one line."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"skipped {self.source}: {self.reason}"


@dataclass
class BuildReport:
    """What a build did."""

    output: Path
    read: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def plans(self) -> int:
        return len(self.read) + len(self.unchanged)


def find_plans(folders: list[Path]) -> list[tuple[Path, str]]:
    """Every plan file under ``folders`` with its name for the portfolio (folder/relative path)."""
    found: list[tuple[Path, str]] = []
    for folder in folders:
        if not folder.is_dir():
            raise PortfolioError(f"{folder}: is not a folder")
        root = folder.resolve()
        for path in sorted(root.rglob("*.coplan")):
            relative = path.relative_to(root)
            if path.is_file() and not any(p.startswith(HIDDEN_PREFIXES) for p in relative.parts):
                found.append((path, f"{root.name}/{relative.as_posix()}"))
    return found


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _info(path: Path) -> dict | None:
    """The portfolio_info row of ``path`` (read-only), or None when it is not a portfolio."""
    try:
        db = sqlite_utils.Database(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True))
        try:
            if "portfolio_info" not in db.table_names():
                return None
            return next(iter(db["portfolio_info"].rows), {})
        finally:
            db.conn.close()
    except sqlite3.DatabaseError:
        return None


def check_portfolio(path: Path) -> None:
    """Raise PortfolioError unless ``path`` is a portfolio this version can serve."""
    if not path.is_file():
        raise PortfolioError(f"{path}: no such file")
    info = _info(path)
    if info is None:
        raise PortfolioError(f"{path}: is not a portfolio (build one with 'coplanner portfolio build')")
    if info.get("format") != FORMAT:
        raise PortfolioError(f"{path}: was built by another version; build it again")


def _open_existing(output: Path, temp: Path, today: date) -> bool:
    """Copy a portfolio of this format to ``temp``; True when its unchanged plans may be kept.

    Plans are read again on a new day, as review dates fall due and the findings change.
    """
    if not output.exists():
        return False
    if output.is_dir():
        raise PortfolioError(f"{output}: is a folder")
    info = _info(output)
    if info is None:
        raise PortfolioError(f"{output}: exists and is not a portfolio; choose another name")
    if info.get("format") != FORMAT:
        return False
    shutil.copyfile(output, temp)
    return info.get("checked") == today.isoformat()


def _create_tables(db: sqlite_utils.Database) -> None:
    for name, rows in LOOKUPS.items():
        db[name].upsert_all(rows, pk="code")
    for table in TABLES:
        if table.name in db.table_names():
            continue
        db[table.name].create(table.column_types(), pk=table.pk, foreign_keys=table.foreign_keys)
        for column, _other, _other_column in table.foreign_keys:
            db[table.name].create_index([column])
        if table.search:
            db[table.name].enable_fts(list(table.search), create_triggers=True)
    if "sources" not in db.table_names():
        # One row per file read: a hash of its path (paths may hold names), size, time, content.
        db["sources"].create({"key": str, "plan_id": int, "size": int, "mtime_ns": int, "sha256": str},
                             pk="key")
    db["portfolio_info"].create({"id": int, "format": int, "built": str, "checked": str, "plans": int,
                                 "skipped": int},
                                pk="id", if_not_exists=True)


def _remove_plan(db: sqlite_utils.Database, plan_id: int) -> None:
    for table in reversed(TABLES):
        db[table.name].delete_where("id = ?" if table.name == "plans" else "plan_id = ?", [plan_id])


def build(folders: list[Path], output: Path, today: date | None = None, full: bool = False) -> BuildReport:
    """Build or update ``output`` from every plan under ``folders``.

    Args:
        today: the day of this build (today when None): on a new day every plan is read
            again, since review dates fall due and the plan check's findings change.
        full: read every plan again, changed or not.

    Raises:
        PortfolioError: a folder is missing, or the output is not a portfolio.
        Unclassified: a field has no redaction class; nothing is written.
    """
    check_classified()
    today = today or date.today()
    plans = find_plans(folders)
    output = Path(output)
    temp = output.with_name(f".{output.name}.building-{os.getpid()}")
    temp.unlink(missing_ok=True)
    report = BuildReport(output)
    try:
        keep = _open_existing(output, temp, today) and not full
        db = sqlite_utils.Database(temp)
        try:
            db.execute("PRAGMA secure_delete = ON")
            db.execute("PRAGMA foreign_keys = ON")
            _create_tables(db)
            _update(db, plans, report, keep)
            db["portfolio_info"].upsert({"id": 1, "format": FORMAT, "built": _now(),
                                         "checked": today.isoformat(), "plans": report.plans, "skipped": len(report.skipped)}, pk="id")
            db.vacuum()
        finally:
            db.close()
        os.replace(temp, output)
    except OSError as error:
        raise PortfolioError(f"{output}: could not be written ({error.strerror or error})") from None
    finally:
        temp.unlink(missing_ok=True)
    return report


def _update(db: sqlite_utils.Database, plans: list[tuple[Path, str]], report: BuildReport,
            keep: bool) -> None:
    sources = {row["key"]: row for row in db["sources"].rows}
    next_id = max([row["plan_id"] for row in sources.values()] + [0]) + 1
    seen = set()
    for path, source in plans:
        key = hashlib.sha256(str(path).encode("utf-8", "surrogatepass")).hexdigest()
        seen.add(key)
        known = sources.get(key)
        stat = path.stat()
        if keep and known and (known["size"], known["mtime_ns"]) == (stat.st_size, stat.st_mtime_ns):
            report.unchanged.append(source)
            continue
        digest = _digest(path)
        if keep and known and known["sha256"] == digest:
            db["sources"].update(key, {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns})
            report.unchanged.append(source)
            continue
        plan_id = known["plan_id"] if known else next_id
        try:
            with PlanStore.open(path, read_only=True) as store:
                plan = store.load()
            rows = plan_rows(plan, plan_id, source, _now())
        except (PlanError, sqlite3.Error, ValueError, LookupError, TypeError) as error:
            # One bad plan never stops the build; its earlier rows go, as it can no longer be read.
            report.skipped.append(Skipped(source, _one_line(error) or type(error).__name__))
            if known:
                _remove_plan(db, plan_id)
                db["sources"].delete(key)
            continue
        with db.conn:
            _remove_plan(db, plan_id)
            for table in TABLES:
                if rows[table.name]:  # checked again here: only declared columns are written
                    db[table.name].insert_all([table.check(row) for row in rows[table.name]])
            db["sources"].upsert({"key": key, "plan_id": plan_id, "size": stat.st_size,
                                  "mtime_ns": stat.st_mtime_ns, "sha256": digest}, pk="key")
        next_id = max(next_id, plan_id + 1)
        report.read.append(source)
    for key, row in sources.items():
        if key not in seen:
            _remove_plan(db, row["plan_id"])
            db["sources"].delete(key)
            report.removed += 1
