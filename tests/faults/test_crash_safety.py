"""A process killed at any moment leaves a sound plan holding every edit it reported."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess

import pytest
from edit_child import EDITS_PER_CYCLE
from faultkit import CHILD, integrity, read_until, start_child

from planner.storage import PlanStore
from planner.storage.lock import lock_path

KILLS = 50


def expected_state(printed: list[tuple[str, int, int]], in_flight: set[tuple[str, int, int]]):
    """What the printed edits promise: keys present, keys absent, notes set, links.

    An edit in flight when its process was killed may or may not have committed, so what it
    would change (a risk's deletion) is not asserted either way.
    """
    done = set(printed)
    present, absent, notes, links = set(), set(), {}, {}
    for run, n, k in printed:
        s, r, g = f"s{run}x{n}", f"r{run}x{n}", f"g{run}x{n}"
        deleted, maybe_deleted = (run, n, 4) in done, (run, n, 4) in in_flight
        if k == 0:
            present.add(s)
        elif k == 1 and not deleted and not maybe_deleted:
            present.add(r)
        elif k == 2:
            present.add(g)
            if not maybe_deleted:
                links[g] = [] if deleted else [r]
        elif k == 3:
            notes[s] = f"note {run}/{n}"
        elif k == 4:
            absent.add(r)
    return present, absent, notes, links


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_reported(empty_plan):
    """Fifty SIGKILLs at random moments: each time the file is sound and holds every reported edit."""
    rng = random.Random(20261128)
    printed: list[tuple[str, int, int]] = []
    in_flight: set[tuple[str, int, int]] = set()
    hot = 0  # kills that caught a transaction half-written
    for run in range(KILLS):
        # Notes of varying length make some transactions span many pages, so kills land
        # mid-commit as well as between edits.
        proc = start_child(str(CHILD), str(empty_plan), f"k{run}", "1000000", str(rng.choice([0, 500, 20_000])))
        opened = read_until(proc, lambda line: line == "OPEN")
        assert opened[-1:] == ["OPEN"], proc.stderr.read()
        lines = read_until(proc, lambda line: False, limit=rng.randint(0, 40))
        try:
            proc.wait(timeout=rng.uniform(0, 0.03))  # a random moment, usually mid-edit
        except subprocess.TimeoutExpired:
            pass
        proc.send_signal(signal.SIGKILL)
        # Read the rest through the same buffered pipe readline used: communicate() reads the
        # raw pipe and would miss lines readline had already buffered, losing reported edits.
        proc.wait(timeout=30)
        rest, errors = proc.stdout.read(), proc.stderr.read()
        proc.stdout.close()
        proc.stderr.close()
        assert proc.returncode == -signal.SIGKILL, errors
        lines += rest.splitlines()
        step = 0
        for line in lines:
            run_id, n, k = line.split(":")
            printed.append((run_id, int(n), int(k)))
            step = int(n) * EDITS_PER_CYCLE + int(k) + 1
        in_flight.add((f"k{run}", *divmod(step, EDITS_PER_CYCLE)))

        journal = empty_plan.with_name(empty_plan.name + "-journal")
        hot += journal.exists() and journal.stat().st_size > 0
        # First through the way the CLI's check and a read-only view open it (the harder
        # case: a read-only connection may not roll back a crash's journal by itself).
        with PlanStore.open(empty_plan, read_only=True) as viewer:
            viewer.load()
        check, foreign = integrity(empty_plan)
        assert check == ["ok"] and foreign == [], f"after kill {run}: {check} {foreign}"
        present, absent, notes, links = expected_state(printed, in_flight)
        db = sqlite3.connect(empty_plan)
        keys = {k for table in ("stakeholders", "risks", "safeguards")
                for (k,) in db.execute(f"SELECT key FROM {table}")}
        got_notes = dict(db.execute("SELECT key, notes FROM stakeholders"))
        got_links: dict[str, list[str]] = {}
        for g, r in db.execute("SELECT safeguard, risk FROM safeguard_risks ORDER BY position"):
            got_links.setdefault(g, []).append(r)
        db.close()
        assert present <= keys, f"after kill {run} lost {sorted(present - keys)[:5]}"
        assert not (absent & keys), f"after kill {run} deleted items came back"
        assert all(got_notes[s] == note for s, note in notes.items())
        assert all(got_links.get(g, []) == want for g, want in links.items())
    assert len(printed) > KILLS  # the children did real work between kills
    assert hot >= 5, "too few kills caught a commit half-written to prove anything"


def test_open_clears_the_lock_a_killed_process_left(empty_plan):
    """The lock left by a SIGKILLed editor is cleared by the next open on this machine."""
    proc = start_child(str(CHILD), str(empty_plan), "lock", "1000000")
    assert read_until(proc, lambda line: line == "OPEN")[-1:] == ["OPEN"]
    proc.kill()
    proc.communicate(timeout=30)
    assert lock_path(empty_plan).exists()
    with PlanStore.open(empty_plan) as store:
        assert store.load().title == "Fault test"
    assert not lock_path(empty_plan).exists()
