"""A plan left mid-change by a crash (a hot journal) opens as it was before that change, in every way."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys

import pytest
from faultkit import child_env, integrity

from planner import cli
from planner.core.model import Stakeholder
from planner.storage import DamagedPlan, PlanStore
from planner.storage.opening import SQLITE_READONLY_ROLLBACK, read_only_uri

HALF_CHANGE = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA cache_size = 1")  # spill changed pages into the file before commit
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE stakeholders SET notes = ?", ["half-written " * 2000])
db.execute("DELETE FROM risks")
print("CHANGED", flush=True)
sys.stdin.readline()  # killed here, mid-transaction
"""


def crash_mid_change(path) -> None:
    """Run a process that changes the plan without committing, and SIGKILL it."""
    proc = subprocess.Popen([sys.executable, "-c", HALF_CHANGE, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())
    assert proc.stdout.readline().strip() == "CHANGED", proc.stderr.read()
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)


@pytest.fixture
def crashed_plan(tmp_path):
    """A plan of 40 stakeholders and a risk, with a hot journal from a crash mid-change."""
    path = tmp_path / "plan.coplan"
    with PlanStore.create(path, "Crashed") as store:
        store.add_stakeholders([Stakeholder(f"s{i}", f"Person {i}", notes="kept") for i in range(40)])
        from planner.core.model import Risk
        store.add_risk(Risk("r1", "A risk"))
    crash_mid_change(path)
    assert path.with_name(path.name + "-journal").exists()
    probe = sqlite3.connect(read_only_uri(path), uri=True)
    with pytest.raises(sqlite3.DatabaseError) as caught:  # the situation the fix is for
        probe.execute("PRAGMA application_id").fetchone()
    probe.close()
    assert caught.value.sqlite_errorcode == SQLITE_READONLY_ROLLBACK
    return path


def assert_as_before(plan) -> None:
    assert len(plan.stakeholders) == 40 and {s.notes for s in plan.stakeholders} == {"kept"}
    assert [r.key for r in plan.risks] == ["r1"]


def test_read_only_open_rolls_back_a_crashed_change(crashed_plan):
    """Opening read-only (as `coplanner check` does) undoes the crash's half change and reads the plan."""
    with PlanStore.open(crashed_plan, read_only=True) as store:
        assert_as_before(store.load())
    assert integrity(crashed_plan) == (["ok"], [])
    assert not crashed_plan.with_name(crashed_plan.name + "-journal").exists()


def test_editing_open_rolls_back_a_crashed_change(crashed_plan):
    """Opening for editing (as the app does) undoes the half change and can edit at once."""
    with PlanStore.open(crashed_plan) as store:
        assert_as_before(store.load())
        store.update_stakeholder("s1", notes="after")
    with PlanStore.open(crashed_plan, read_only=True) as store:
        assert store.stakeholder("s1").notes == "after"


def test_cli_check_reads_a_crashed_plan(crashed_plan, capsys):
    """`coplanner check` on a plan with a crash's hot journal gives findings, not a damaged-file error."""
    status = cli.main(["check", str(crashed_plan), "--json"])
    out, err = capsys.readouterr()
    assert status in (0, 1) and err == "", err


def test_a_crashed_plan_in_a_read_only_folder_says_why(crashed_plan):
    """When the half change cannot be undone (read-only), the message says so instead of 'restore a backup'."""
    folder = crashed_plan.parent
    crashed_plan.chmod(0o444)
    folder.chmod(0o555)
    try:
        with pytest.raises(DamagedPlan, match="half-saved") as caught:
            PlanStore.open(crashed_plan, read_only=True)
        assert "backup" not in str(caught.value)
    finally:
        folder.chmod(0o755)
        crashed_plan.chmod(0o644)
