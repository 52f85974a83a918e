"""The app opens a version-1 plan (the committed fixture): migrated when editable, untouched when read-only."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
from pathlib import Path

import pytest

from planner.storage.schema import SCHEMA_VERSION
from planner.ui.files import open_plan

V1 = Path(__file__).parents[1] / "data" / "plan-v1.coplan"


@pytest.fixture
def old_plan(tmp_path) -> Path:
    path = tmp_path / "Tackley.coplan"
    shutil.copyfile(V1, path)
    return path


def version_of(path: Path) -> int:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as db:
        return db.execute("PRAGMA user_version").fetchone()[0]


def test_app_migrates_an_old_plan_it_may_edit(window, old_plan):
    """Opened in the app, a version-1 plan is migrated and shows its stakeholders; no backup is left."""
    assert version_of(old_plan) == 1
    assert open_plan(window, old_plan)
    assert not window.document.read_only
    assert len(window.document.plan.stakeholders) == 9
    assert version_of(old_plan) == SCHEMA_VERSION
    window.close_document()
    assert not list(old_plan.parent.glob("*backup*")) and not list(old_plan.parent.glob("*.lock"))


def test_app_shows_a_locked_old_plan_read_only_without_writing(window, old_plan, monkeypatch):
    """A version-1 plan another computer has open is shown read-only; the file stays byte-identical."""
    lock = old_plan.with_name(old_plan.name + ".lock")
    lock.write_text(json.dumps({"app": "Coproduction Planner", "pid": 1, "host": "OTHER-PC-" + socket.gethostname(),
                                "user": "alice", "since": "2026-11-28T09:14:00"}), encoding="utf-8")
    before = old_plan.read_bytes()
    monkeypatch.setattr(window, "ask_locked_choice", lambda text, holder: "read_only")
    assert open_plan(window, old_plan)
    assert window.document.read_only
    assert [s.name for s in window.document.plan.stakeholders][-1] == "Siân Ŵyn"
    window.close_document()
    assert old_plan.read_bytes() == before
