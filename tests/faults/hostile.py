"""Hostile plan files for the fault tests, each built in a folder, named by what it is."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from planner.core.model import Contribution, Plan, Risk, Safeguard, Stakeholder
from planner.storage import PlanStore

PAGE = 4096


def bulky_plan() -> Plan:
    """A plan spread over a dozen or more pages, so damage can land on any kind of page."""
    people = [Stakeholder(f"s{i}", f"Person {i}", notes=f"Notes about person {i}. " * 20,
                          contributions=[Contribution(amount=i, unit="hours")]) for i in range(60)]
    risks = [Risk(f"r{i}", f"Risk {i}", description="A risk. " * 30, owner=f"s{i}") for i in range(20)]
    guards = [Safeguard(f"g{i}", f"Safeguard {i}", owner=f"s{i}", mitigates=[f"r{i}"]) for i in range(20)]
    return Plan(title="Hostile-file test plan", summary="Summary. " * 50,
                stakeholders=people, risks=risks, safeguards=guards)


def real_plan(folder: Path) -> bytes:
    """Write a real plan in ``folder`` and return its bytes."""
    path = folder / "real.coplan"
    if not path.exists():
        PlanStore.create_from(path, bulky_plan()).close()
    return path.read_bytes()


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


def overwritten_page(real: bytes, page: int, seed: int = 0) -> bytes:
    """The plan with one whole page replaced by random bytes."""
    noise = random.Random(seed * 1000 + page).randbytes(PAGE)
    return real[:page * PAGE] + noise + real[(page + 1) * PAGE:]


def build(folder: Path) -> dict[str, Path]:
    """Every kind of hostile file, by name (truncations and damaged pages are built by the tests)."""
    real = real_plan(folder)
    files: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        files[name] = folder / f"{name}.coplan"
        files[name].write_bytes(data)

    put("random", random.Random(1).randbytes(10_000))
    put("random-small", random.Random(2).randbytes(37))
    put("sqlite-header-then-noise", b"SQLite format 3\x00" + random.Random(3).randbytes(8_000))
    put("zero-bytes", b"")
    put("text", "Minutes of the partnership meeting\n".encode() * 10)
    files["other-app"] = folder / "other-app.coplan"
    other_app_database(files["other-app"])
    files["newer"] = folder / "newer.coplan"
    newer_version(files["newer"], real)
    files["folder"] = folder / "x.coplan"
    files["folder"].mkdir()
    return files


# What the officer is told for each: a fragment of the one-line message.
EXPECTED = {
    "random": "not a Coproduction Planner plan",
    "random-small": "not a Coproduction Planner plan",
    "sqlite-header-then-noise": "damaged",
    "zero-bytes": "is empty",
    "text": "not a Coproduction Planner plan",
    "other-app": "database of another program",
    "newer": "newer version",
    "folder": "is a folder",
}


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file in ``folder`` with its bytes (None for folders), to prove nothing changed."""
    return {p.name: (None if p.is_dir() else p.read_bytes()) for p in sorted(folder.iterdir())}
