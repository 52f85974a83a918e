"""A crash's journal is only ever applied to the plan it was made against, never to a file put in its place."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys

import pytest
from faultkit import child_env, integrity

from planner.core.model import Risk, Stakeholder
from planner.storage import PlanStore
from planner.storage.journal import journal_path

CRASH_IN_EDIT = """
import sys
from planner.storage import PlanStore
store = PlanStore.open(sys.argv[1])
store._conn.execute("PRAGMA cache_size = 1")  # spill changed pages into the file before commit
with store._write() as conn:
    conn.execute("UPDATE stakeholders SET notes = ?", ["half-written " * 2000])
    conn.execute("DELETE FROM risks")
    print("CHANGED", flush=True)
    sys.stdin.readline()  # killed here, mid-transaction
"""


def crash_in_edit(path) -> None:
    """Open the plan as the app does, start an edit, and SIGKILL the process before it commits."""
    proc = subprocess.Popen([sys.executable, "-c", CRASH_IN_EDIT, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())
    assert proc.stdout.readline().strip() == "CHANGED", proc.stderr.read()
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert journal_path(path).exists()


def make_plan(path, title: str, count: int, note: str) -> None:
    """A plan of ``count`` stakeholders with the same note, and one risk."""
    with PlanStore.create(path, title) as store:
        store.add_stakeholders([Stakeholder(f"s{i}", f"{title} person {i}", notes=note) for i in range(count)])
        store.add_risk(Risk("r1", f"{title} risk"))


def snapshot(path):
    """The plan in a file, read-only."""
    with PlanStore.open(path, read_only=True) as store:
        return store.load()


@pytest.fixture
def plan_with_backup(tmp_path):
    """A plan, a backup of it from 'yesterday', and more edits made since."""
    path = tmp_path / "plan.coplan"
    make_plan(path, "Plan", 60, "yesterday")
    backup = tmp_path / "backup.coplan"
    shutil.copyfile(path, backup)
    with PlanStore.open(path) as store:
        for i in range(0, 60, 3):
            store.update_stakeholder(f"s{i}", notes="today")
        store.add_stakeholders([Stakeholder(f"t{i}", f"New {i}") for i in range(30)])
    return path, backup


def test_restored_backup_is_opened_exactly_as_restored(plan_with_backup):
    """Restoring yesterday's copy over a plan whose save was cut short opens the copy, unmixed and intact."""
    path, backup = plan_with_backup
    crash_in_edit(path)
    shutil.copyfile(backup, path)  # the officer restores the backup over the plan
    expected = snapshot(backup)
    with PlanStore.open(path) as store:
        assert store.load() == expected
        assert store.notice and "not applied" in store.notice and path.name in store.notice
        store.add_stakeholders([Stakeholder("x1", "After restore")])  # inserts work: no broken index
    assert integrity(path) == (["ok"], [])
    assert not journal_path(path).exists()
    kept = list(path.parent.glob("plan.coplan-journal.not-applied-*"))
    assert len(kept) == 1 and kept[0].stat().st_size > 0


def test_another_plan_copied_over_is_opened_as_itself(plan_with_backup, tmp_path):
    """Copying a different plan over a crashed one opens that plan alone, not a mix of the two."""
    path, _backup = plan_with_backup
    other = tmp_path / "other.coplan"
    make_plan(other, "Other", 5, "other")
    crash_in_edit(path)
    shutil.copyfile(other, path)
    expected = snapshot(other)
    with PlanStore.open(path, read_only=True) as store:
        assert store.load() == expected
        assert store.notice and "not applied" in store.notice
    assert integrity(path) == (["ok"], [])


def test_the_plans_own_journal_is_still_rolled_back(plan_with_backup):
    """A crash's journal next to the very file it was made against is applied: the half edit is undone."""
    path, _backup = plan_with_backup
    before = snapshot(path)
    crash_in_edit(path)
    with PlanStore.open(path) as store:
        assert store.load() == before
        assert store.notice is None
    assert not list(path.parent.glob("*.not-applied-*"))
    assert integrity(path) == (["ok"], [])
