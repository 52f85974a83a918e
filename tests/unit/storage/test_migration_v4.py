"""A version-3 plan file (made by the version-3 code, never regenerated) gains the easy-read texts."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from old_versions import as_of

from planner.core import easy_read
from planner.core.fields import specs
from planner.core.model import Plan
from planner.storage import PlanStore
from planner.storage.json_format import loads
from planner.storage.schema import SCHEMA_VERSION

DATA = Path(__file__).parents[2] / "data"
V3 = DATA / "plan-v3.coplan"
V3_JSON = DATA / "plan-v3.json"  # what the version-3 code exported from it
NEW_FIELDS = [easy_read.field_name(key) for key in easy_read.SECTION_KEYS]


@pytest.fixture
def v3_plan(tmp_path) -> Path:
    """A copy of the version-3 fixture in a temp folder."""
    path = tmp_path / "v3.coplan"
    shutil.copyfile(V3, path)
    return path


def version_of(path: Path) -> int:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as db:
        return db.execute("PRAGMA user_version").fetchone()[0]


def test_version_4_declares_the_six_easy_read_texts():
    """Exactly the six easy-read fields are new in version 4, each a text defaulting to empty."""
    assert [s.name for s in specs(Plan) if s.since == 4] == NEW_FIELDS
    assert all(s.default == "" for s in specs(Plan) if s.since == 4)


def test_a_version_3_file_opens_with_empty_texts_and_stores_them(v3_plan):
    """Opened for editing, the version-3 plan keeps every value and can store its easy read."""
    assert version_of(V3) == 3
    with PlanStore.open(v3_plan) as store:
        plan = store.load()
        assert [getattr(plan, name) for name in NEW_FIELDS] == [""] * 6
        assert plan.decisions == ["Agree the plan for the community trust",
                                  "Ask the trust to report back in six months"]
        store.update_plan(easy_read_people="Young people take part.")
    # As migrated, before the edit, without the easy-read texts or any later field.
    assert as_of(plan, 3) == json.loads(V3_JSON.read_text(encoding="utf-8"))
    assert version_of(v3_plan) == SCHEMA_VERSION  # migrated through every later version
    with PlanStore.open(v3_plan, read_only=True) as store:
        assert store.load().easy_read_people == "Young people take part."


def test_read_only_open_of_a_version_3_file_never_writes(v3_plan):
    """A read-only open (the CLI's) reads a migrated copy and leaves the file as it was."""
    before = v3_plan.read_bytes()
    with PlanStore.open(v3_plan, read_only=True) as store:
        assert store.load().easy_read_service == ""
    assert v3_plan.read_bytes() == before


def test_a_version_3_json_document_still_imports():
    """The version-3 JSON export imports, with the easy-read texts empty."""
    plan = loads(V3_JSON.read_text(encoding="utf-8"))
    assert plan.title and plan.easy_read_contact == ""
