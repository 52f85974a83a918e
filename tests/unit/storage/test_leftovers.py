"""Tests that our temporary files and dead journals do not outlive the process that made them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from planner.storage import PlanStore
from planner.storage.leftovers import clean_leftovers, host_tag, temp_prefix


def dead_pid() -> int:
    """The id of a process that has already ended."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)
    return int(child.stdout)


def test_temp_names_carry_process_and_host():
    """A temporary name says which process on which computer is writing it."""
    assert temp_prefix("import") == f".import-{os.getpid()}@{host_tag()}-"


def test_a_killed_imports_files_are_removed_when_the_folder_is_next_used(tmp_path):
    """A dead process's half-built plan, its journal and lock go when a plan there is opened."""
    PlanStore.create(tmp_path / "plan.coplan", "Plan").close()
    stem = f".import-{dead_pid()}@{host_tag()}-plan"
    for suffix in (".coplan", ".coplan-journal", ".coplan.lock"):
        (tmp_path / (stem + suffix)).write_text("Ann Jones, 07700 900123")
    PlanStore.open(tmp_path / "plan.coplan").close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.coplan"]


def test_files_of_live_processes_and_other_computers_are_kept(tmp_path):
    """Our own process's file and a fresh one from another computer are left alone."""
    mine = tmp_path / (temp_prefix("copy") + "x.coplan")
    theirs = tmp_path / f".copy-1@{'other' if host_tag() != 'other' else 'else'}-y.coplan"
    for path in (mine, theirs):
        path.write_text("in use")
    assert clean_leftovers(tmp_path) == []
    old = time.time() - 7 * 3600
    os.utime(theirs, (old, old))
    assert clean_leftovers(tmp_path) == [theirs.name]
    assert mine.exists()


def test_a_journal_sqlite_will_never_replay_is_removed_on_open(tmp_path):
    """A journal without a valid header (it still holds old page content) is deleted on open."""
    path = tmp_path / "plan.coplan"
    PlanStore.create(path, "Plan").close()
    journal = tmp_path / "plan.coplan-journal"
    journal.write_bytes(b"\0" * 28 + "Ann Jones".encode() * 100)
    with PlanStore.open(path) as store:
        assert store.load().title == "Plan"
    assert not journal.exists()


def test_a_read_only_open_removes_nothing(tmp_path):
    """Looking at a plan read-only never deletes a file beside it."""
    path = tmp_path / "plan.coplan"
    PlanStore.create(path, "Plan").close()
    leftover = tmp_path / f".new-{dead_pid()}@{host_tag()}-z.coplan"
    leftover.write_text("x")
    PlanStore.open(path, read_only=True).close()
    assert leftover.exists()
