"""A child process for the fault tests that holds a plan open and edits it on command.

Usage: ``python holder_child.py PLAN``. Prints ``OPEN`` once the plan is open (or
``LOCKED:<holder>`` if it is refused, then exits 4). Then reads commands from stdin, one per
line: ``add KEY`` adds a stakeholder and prints ``added KEY``; ``quit`` closes and exits 0.
"""

from __future__ import annotations

import sys

from planner.core.model import Stakeholder
from planner.storage import PlanLocked, PlanStore


def main() -> int:
    try:
        store = PlanStore.open(sys.argv[1])
    except PlanLocked as error:
        print(f"LOCKED:{error.holder}", flush=True)
        print(f"MESSAGE:{error}", flush=True)
        return 4
    print("OPEN", flush=True)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "add":
            store.add_stakeholder(Stakeholder(argument, f"Person {argument}"))
            print(f"added {argument}", flush=True)
        elif command == "quit":
            break
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
