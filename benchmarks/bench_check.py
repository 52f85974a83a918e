"""The plan check on the large and huge plans: a full check against the incremental one after one edit.

Run: ``python benchmarks/bench_check.py [large|huge ...]``. For each plan: ``check_plan`` whole,
then the incremental check (planner/core/incremental.py, as the app runs it) brought up to date
after EDITS edits of each kind: one stakeholder's influence, one risk's likelihood, one
safeguard's review date, the plan's summary (a plan field), and a stakeholder deleted from the
middle of the register and put back (rows move). Each edit replaces the row as
the app does and touches its key; the timing is touch plus findings, in wall-clock time and in
the process's CPU time (on a shared, busy machine the wall clock's p95 is mostly waiting for a
core, which the CPU time leaves out).
"""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from measure import Result, timed  # noqa: E402
from synthetic import make_plan  # noqa: E402

from planner.core.checks import check_plan  # noqa: E402
from planner.core.incremental import IncrementalCheck  # noqa: E402
from planner.core.model import Plan  # noqa: E402

EDITS = 200
KINDS = ("large", "huge")


def _row_edit(plan: Plan, part: str, field: str, values: list) -> Callable[[int], tuple[str, set[str] | None]]:
    """Edit ``i`` replaces one row of ``part`` (spread over the register) with ``field`` changed."""
    def edit(i: int) -> tuple[str, set[str] | None]:
        rows = getattr(plan, part)
        at = (i * 7919) % len(rows)
        rows[at] = dataclasses.replace(rows[at], **{field: values[i % len(values)]})
        return part, {rows[at].key}
    return edit


def _delete_and_put_back(plan: Plan) -> Callable[[int], tuple[str, set[str] | None]]:
    """Even edits delete a stakeholder from the middle of the register, odd ones put it back."""
    taken: list = []

    def edit(i: int) -> tuple[str, set[str] | None]:
        rows = plan.stakeholders
        if i % 2 == 0:
            at = (i * 7919) % len(rows)
            taken[:] = [at, rows.pop(at)]
        else:
            rows.insert(taken[0], taken[1])
        return "stakeholders", {taken[1].key}
    return edit


def _summary_edit(plan: Plan) -> Callable[[int], tuple[str, set[str] | None]]:
    def edit(i: int) -> tuple[str, set[str] | None]:
        plan.summary = f"Residents and the council run the library together (draft {i})."
        return "plan", None
    return edit


def incremental(plan: Plan, edit: Callable[[int], tuple[str, set[str] | None]],
                edits: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds to bring the incremental check up to date after each of ``edits`` edits."""
    check = IncrementalCheck()
    check.findings(plan)
    wall, cpu = [], []
    for i in range(edits):
        part, keys = edit(i)
        started, cpu_started = time.perf_counter(), time.process_time()
        check.touch(part, keys)
        check.findings(plan)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    if check.findings(plan) != check_plan(plan):  # the point of it: never a different answer
        raise AssertionError("the incremental check differs from a full check")
    return wall, cpu


def run(kind: str, runs: int = 20, edits: int = EDITS) -> list[Result]:
    """Full and incremental plan-check timings on the ``kind`` synthetic plan."""
    plan = make_plan(kind)
    results = [Result(f"plan check, full ({kind})", timed(lambda: check_plan(plan), runs))]
    for label, edit in (
        ("one stakeholder edited", _row_edit(plan, "stakeholders", "influence", [1, 2, 3, 4, 5])),
        ("one risk edited", _row_edit(plan, "risks", "likelihood", [1, 2, 3, 4, 5])),
        ("one safeguard edited", _row_edit(plan, "safeguards", "review_date", ["2027-01-01", "2027-06-30"])),
        ("a plan field edited", _summary_edit(plan)),
        ("a stakeholder deleted or put back", _delete_and_put_back(plan)),
    ):
        wall, cpu = incremental(plan, edit, edits)
        results.append(Result(f"plan check, incremental after {label} ({kind})", wall))
        results.append(Result(f"plan check, incremental after {label} ({kind}), CPU time", cpu))
    return results


if __name__ == "__main__":
    for kind in sys.argv[1:] or KINDS:
        for r in run(kind):
            print(f"{r.name:76} median {r.show(r.median):>9}  p95 {r.show(r.percentile(95)):>9}  {r.spread()}")
