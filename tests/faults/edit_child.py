"""A child process for the fault tests: opens a plan and edits it in a loop, printing each edit.

Usage: ``python edit_child.py PLAN RUN [LIMIT] [NOTE_LENGTH] [FILE_SIZE_LIMIT]``. Each edit
prints ``RUN:N:K`` (edit K of cycle N) only after the storage call has returned, so a printed id
is a promise that the edit is on disk. With FILE_SIZE_LIMIT the process may not grow any file
beyond that many bytes (a full disk); a refused write prints ``FAILED:<message>``, then the
limit is lifted, the same edit is tried again and ``RETRIED`` printed, and the process exits 3.
"""

from __future__ import annotations

import resource
import signal
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
    size_limit = int(sys.argv[5]) if len(sys.argv) > 5 else None
    store = PlanStore.open(path)
    if size_limit is not None:
        # A write past the limit fails with EFBIG instead of killing the process: a full disk.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
        resource.setrlimit(resource.RLIMIT_FSIZE, (size_limit, hard))
    print("OPEN", flush=True)
    for step in range(limit):
        n, k = divmod(step, EDITS_PER_CYCLE)
        try:
            edit(store, run, n, k, note_length)
        except WriteFailed as error:
            print(f"FAILED:{error}", flush=True)
            resource.setrlimit(resource.RLIMIT_FSIZE, resource.getrlimit(resource.RLIMIT_FSIZE)[1:] * 2)
            edit(store, run, n, k, note_length)  # space is back: the same edit now succeeds
            print("RETRIED", flush=True)
            store.close()
            return 3
        print(f"{run}:{n}:{k}", flush=True)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
