"""A migration killed half-way leaves the old plan intact: the next open puts it back and migrates it."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from faultkit import HERE, child_env, read_until

from planner.storage import PlanStore
from planner.storage.schema import SCHEMA_VERSION

V1 = HERE.parent / "data" / "plan-v1.coplan"


def dump(path: Path) -> list[str]:
    """Every statement and row of a plan, in order (opening read-write rolls back a crash's journal)."""
    db = sqlite3.connect(path)
    try:
        return [*db.iterdump(), f"user_version={db.execute('PRAGMA user_version').fetchone()[0]}"]
    finally:
        db.close()


def test_killed_migration_leaves_the_old_file_intact(tmp_path):
    """SIGKILL in the middle of the version-2 migration: the file is version 1 with its data, and opens again."""
    plan = tmp_path / "old.coplan"
    shutil.copyfile(V1, plan)
    expected = dump(V1)
    with subprocess.Popen(
            [sys.executable, str(HERE / "migrate_child.py"), str(plan)], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env()) as proc:
        try:
            lines = read_until(proc, lambda line: line == "MIGRATING")
            assert lines[-1:] == ["MIGRATING"], proc.stderr.read()
            # The crash leaves a hot journal: the file itself was being written.
            assert plan.with_name(plan.name + "-journal").exists()
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    backup = PlanStore.backup_path(plan, 1)
    assert backup.exists() and dump(backup) == expected  # the copy taken before migrating
    assert dump(plan) == expected  # the journal rolled back: version 1, every row as it was
    (tmp_path / "old.coplan.lock").unlink(missing_ok=True)  # the killed process's (stale locks: their own tests)
    with PlanStore.open(plan) as store:
        assert len(store.load().stakeholders) == 9
    assert dump(plan)[-1] == f"user_version={SCHEMA_VERSION}"
    assert not backup.exists()
