"""Storage stays off the app's start-up path: opening and loading a plan imports no sqlite_utils."""

from __future__ import annotations

import subprocess
import sys

from faultkit import child_env

from planner.storage import PlanStore

PROBE = """
import sys
from planner.storage import PlanStore
with PlanStore.open(sys.argv[1]) as store:
    plan = store.load()
    store.update_stakeholder("s1", notes="edited")
    assert store.stakeholder("s1").notes == "edited"
print("sqlite_utils" in sys.modules)
"""


def test_open_load_and_edit_do_not_import_sqlite_utils(plan_file):
    """Open, load, read one item and edit, in a fresh process, never import sqlite_utils."""
    proc = subprocess.run([sys.executable, "-c", PROBE, str(plan_file)], capture_output=True,
                          text=True, env=child_env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "False"


def test_rows_read_by_name_and_the_sqlite_utils_view_still_works(plan_file, sample_plan):
    """Loaded rows match the plan written, and ``store.db`` still offers sqlite_utils on demand."""
    with PlanStore.open(plan_file) as store:
        loaded = store.load()
        assert [s.key for s in loaded.stakeholders] == [s.key for s in sample_plan.stakeholders]
        assert loaded.risks == sample_plan.risks and loaded.safeguards == sample_plan.safeguards
        assert store.db.table("stakeholders").count == len(sample_plan.stakeholders)
