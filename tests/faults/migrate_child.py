"""A child process for the migration crash test: starts migrating a plan and stops half-way.

Usage: ``python migrate_child.py PLAN``. The version-2 step runs with a one-page cache (so its
changes spill into the file before commit, the worst case), rewrites every stakeholder's new
fields, prints ``MIGRATING`` and waits on stdin, where the test kills it.
"""

from __future__ import annotations

import sys

from planner.storage import PlanStore
from planner.storage import migrations


def main() -> int:
    real = migrations.MIGRATIONS[1]

    def half_way(db):
        db.conn.execute("PRAGMA cache_size = 1")
        real(db)
        db.conn.execute("UPDATE stakeholders SET consent_covers = 'written before the crash'")
        print("MIGRATING", flush=True)
        sys.stdin.readline()  # killed here
        raise SystemExit(4)

    migrations.MIGRATIONS[1] = half_way
    PlanStore.open(sys.argv[1])
    return 5


if __name__ == "__main__":
    raise SystemExit(main())
