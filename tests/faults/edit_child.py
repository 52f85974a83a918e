"""A child process for the fault tests: opens a plan and edits it in a loop, printing each edit.

Usage: ``python edit_child.py PLAN RUN [LIMIT] [NOTE_LENGTH]``. Each edit prints ``RUN:N:K``
(edit K of cycle N) only after the storage call has returned, so a printed id is a promise
that the edit is on disk. A refused write prints ``FAILED:<message>`` and the process exits 3.
"""

from __future__ import annotations

import sys

from planner.core.model import Contribution, ContributionKind, Risk, Safeguard, Stakeholder
from planner.storage import PlanStore, WriteFailed

EDITS_PER_CYCLE = 5


def keys(run: str, n: int) -> tuple[str, str, str]:
    """The stakeholder, risk and safeguard keys that cycle ``n`` of ``run`` creates."""
    return f"s{run}x{n}", f"r{run}x{n}", f"g{run}x{n}"


def edit(store: PlanStore, run: str, n: int, k: int, note_length: int) -> None:
    """Apply edit ``k`` of cycle ``n``: add, link, update and delete in turn."""
    s, r, g = keys(run, n)
    if k == 0:
        store.add_stakeholder(Stakeholder(s, f"Person {run}/{n}", notes="x" * note_length,
                                          contributions=[Contribution(ContributionKind.TIME, 2, "hours")]))
    elif k == 1:
        store.add_risk(Risk(r, f"Risk {run}/{n}", owner=s, description="y" * note_length), position=0)
    elif k == 2:
        store.add_safeguard(Safeguard(g, f"Safeguard {run}/{n}", owner=s, mitigates=[r]))
    elif k == 3:
        store.update_stakeholder(s, notes=f"note {run}/{n}", contributions=[
            Contribution(ContributionKind.MONEY, n, "GBP"), Contribution(ContributionKind.TIME, 1, "day")])
    else:
        store.delete(risks=[r])


def main() -> int:
    path, run = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 10**9
    note_length = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    store = PlanStore.open(path)
    print("OPEN", flush=True)
    for step in range(limit):
        n, k = divmod(step, EDITS_PER_CYCLE)
        try:
            edit(store, run, n, k, note_length)
        except WriteFailed as error:
            print(f"FAILED:{error}", flush=True)
            return 3
        print(f"{run}:{n}:{k}", flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
