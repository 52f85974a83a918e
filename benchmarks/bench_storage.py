"""Storage and core timings: open, load, plan check, commit latency, JSON export and import."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from measure import Result, timed  # noqa: E402
from synthetic import write  # noqa: E402

from planner.core.checks import check_plan  # noqa: E402
from planner.storage import PlanStore  # noqa: E402
from planner.storage.json_format import dumps, loads  # noqa: E402

EDITS = 1_000


def open_close(path: Path) -> None:
    PlanStore.open(path).close()


def load(path: Path):
    with PlanStore.open(path, read_only=True) as store:
        return store.load()


def commit_latencies(path: Path, edits: int = EDITS, cpu: list[float] | None = None) -> list[float]:
    """Seconds each of ``edits`` single-field stakeholder edits took to commit.

    Args:
        cpu: if given, receives the CPU seconds of each edit, to tell work from waiting.
    """
    samples = []
    with PlanStore.open(path) as store:
        keys = [s for (s,) in store._conn.execute("SELECT key FROM stakeholders ORDER BY position")]
        for i in range(edits):
            key = keys[(i * 7919) % len(keys)]
            started, cpu_started = time.perf_counter(), time.process_time()
            if i % 2:
                store.update_stakeholder(key, influence=1 + i % 5)
            else:
                store.update_stakeholder(key, notes=f"Edited note {i}: agreed at the partnership meeting.")
            samples.append(time.perf_counter() - started)
            if cpu is not None:
                cpu.append(time.process_time() - cpu_started)
    return samples


def fsync_latencies(folder: Path, count: int = 200) -> list[float]:
    """Seconds to write 4 KB and fsync it, on the same disk: the floor under a commit.

    A commit with synchronous=FULL and a rollback journal syncs several times, so when other
    work on the machine makes the disk slow, commit latency rises with it; this shows when.
    """
    path = folder / "fsync.probe"
    samples = []
    with open(path, "wb") as handle:
        for _ in range(count):
            started = time.perf_counter()
            handle.seek(0)
            handle.write(b"x" * 4096)
            handle.flush()
            os.fsync(handle.fileno())
            samples.append(time.perf_counter() - started)
    path.unlink()
    return samples


def run(kind: str, folder: Path, runs: int) -> list[Result]:
    """Every storage measurement on the ``kind`` plan."""
    path = write(kind, folder / f"{kind}.coplan")
    plan = load(path)
    text = dumps(plan)
    results = [
        Result(f"open ({kind})", timed(lambda: open_close(path), runs)),
        Result(f"full load into the core model ({kind})", timed(lambda: load(path), runs)),
        Result(f"plan check ({kind})", timed(lambda: check_plan(plan), runs)),
        Result(f"JSON export ({kind})", timed(lambda: dumps(plan), runs)),
        Result(f"JSON import ({kind})", timed(lambda: loads(text), runs)),
    ]
    if kind in ("typical", "large"):
        cpu: list[float] = []
        results.append(Result(f"one edit's commit ({kind}, {EDITS:,} edits)", commit_latencies(path, cpu=cpu),
                              note="p50/p95"))
        results.append(Result(f"…its CPU time ({kind})", cpu))
        results.append(Result(f"reference: write 4 KB + fsync on the same disk (after {kind})",
                              fsync_latencies(folder)))
    return results


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        for kind in ("typical", "large", "huge"):
            for r in run(kind, Path(folder), 3):
                print(f"{r.name:55} median {r.show(r.median):>10}  p95 {r.show(r.percentile(95)):>10}  {r.spread()}")
