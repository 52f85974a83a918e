"""Hostile plan files for the fault tests: each built beside a real plan, with the error it earns."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

PAGE = 4096


def real_plan_bytes(tmp_path: Path) -> bytes:
    """The bytes of a realistic plan (the shared sample plan plus some bulk across pages)."""
    from conftest_shared import make_bulky_plan

    from planner.storage import PlanStore

    path = tmp_path / "real.coplan"
    PlanStore.create_from(path, make_bulky_plan()).close()
    return path.read_bytes()


def random_bytes(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


def other_app_database(path: Path) -> None:
    """An ordinary SQLite file of another program (no application_id of ours)."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    db.execute("INSERT INTO contacts (name) VALUES ('someone')")
    db.commit()
    db.close()


def newer_version(path: Path, real: bytes) -> None:
    """A real plan whose user_version says a later app wrote it."""
    path.write_bytes(real)
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 999")
    db.close()
