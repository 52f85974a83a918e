"""A version-4 plan file (made by the version-4 code, never regenerated) gains the status line."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from old_versions import as_of

from planner.core.fields import specs
from planner.core.model import Plan
from planner.storage import PlanStore
from planner.storage.json_format import loads
from planner.storage.schema import SCHEMA_VERSION

DATA = Path(__file__).parents[2] / "data"
V4 = DATA / "plan-v4.coplan"
V4_JSON = DATA / "plan-v4.json"  # what the version-4 code exported from it


@pytest.fixture
def v4_plan(tmp_path) -> Path:
    """A copy of the version-4 fixture in a temp folder."""
    path = tmp_path / "v4.coplan"
    shutil.copyfile(V4, path)
    return path


def version_of(path: Path) -> int:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as db:
        return db.execute("PRAGMA user_version").fetchone()[0]


def test_version_5_declares_the_status_line():
    """Only the status line is new in version 5, a text defaulting to empty."""
    assert [(s.name, s.default) for s in specs(Plan) if s.since == 5] == [("status_line", "")]


def test_a_version_4_file_opens_with_no_status_line_and_stores_one(v4_plan):
    """Opened for editing, the version-4 plan keeps every value and can keep its status line."""
    assert version_of(V4) == 4
    with PlanStore.open(v4_plan) as store:
        plan = store.load()
        assert plan.status_line == ""
        assert plan.easy_read_people == "Residents and the trust plan together."
        store.update_plan(status_line="Draft for the partnership board")
    # As migrated, before the edit, without the status line or any later field.
    assert as_of(plan, 4) == json.loads(V4_JSON.read_text(encoding="utf-8"))
    assert version_of(v4_plan) == SCHEMA_VERSION
    with PlanStore.open(v4_plan, read_only=True) as store:
        assert store.load().status_line == "Draft for the partnership board"


def test_read_only_open_of_a_version_4_file_never_writes(v4_plan):
    """A read-only open (the CLI's) reads a migrated copy and leaves the file as it was."""
    before = v4_plan.read_bytes()
    with PlanStore.open(v4_plan, read_only=True) as store:
        assert store.load().status_line == ""
    assert v4_plan.read_bytes() == before


def test_a_version_4_json_document_still_imports():
    """The version-4 JSON export imports, with no status line."""
    plan = loads(V4_JSON.read_text(encoding="utf-8"))
    assert plan.title and plan.status_line == ""


V5 = DATA / "plan-v5.coplan"  # made by the version-5 code for the next version's migration test
V5_JSON = DATA / "plan-v5.json"


def test_the_version_5_fixture_reads_as_the_json_it_was_exported_to(tmp_path):
    """The version-5 fixture, kept for the next migration, reads back as its own export."""
    assert version_of(V5) == 5
    with PlanStore.open(V5, read_only=True) as store:
        plan = store.load()
    assert as_of(plan, 5) == json.loads(V5_JSON.read_text(encoding="utf-8"))
