"""A write the disk refuses leaves the plan as it was before that edit and says so plainly."""

from __future__ import annotations

import sqlite3

import pytest
from faultkit import CHILD, integrity, start_child

from planner.storage import PlanStore


def parse(lines: list[str]) -> tuple[list[tuple[int, int]], str | None]:
    """The (cycle, edit) ids a child reported and the message of its refused write."""
    done, failure = [], None
    for line in lines:
        if line.startswith("FAILED:"):
            failure = line.removeprefix("FAILED:")
        elif line.count(":") == 2:
            _run, n, k = line.split(":")
            done.append((int(n), int(k)))
    return done, failure


def state(path) -> tuple[set[str], dict[str, str], list[tuple[str, str]]]:
    """Every key, every stakeholder's notes and every safeguard link in the file."""
    db = sqlite3.connect(path)
    keys = {k for t in ("stakeholders", "risks", "safeguards") for (k,) in db.execute(f"SELECT key FROM {t}")}
    notes = dict(db.execute("SELECT key, notes FROM stakeholders"))
    links = db.execute("SELECT safeguard, risk FROM safeguard_risks ORDER BY safeguard").fetchall()
    db.close()
    return keys, notes, links


@pytest.mark.parametrize("slack", [20_000, 300_000])
def test_a_full_disk_refuses_one_edit_and_keeps_the_rest(empty_plan, slack):
    """When the file cannot grow, the edit fails with WriteFailed, earlier edits stay, and the plan is sound."""
    size_limit = empty_plan.stat().st_size + slack
    proc = start_child(str(CHILD), str(empty_plan), "f", "100000", "20000", str(size_limit))
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 3, err
    lines = out.splitlines()
    done, failure = parse(lines)
    assert failure is not None and done
    # What the app shows in its dialog: the cause, that nothing was half-saved, what to do.
    # (A file-size limit surfaces as SQLite's I/O error; a truly full disk says "disk is full".)
    assert failure.startswith("The change was not saved: ")
    assert "as it was before this change" in failure and "try again" in failure
    assert "\n" not in failure and "Traceback" not in failure
    assert lines[-1] == "RETRIED"  # the store stays usable once space is back

    # Everything reported before the failure is on disk (and the retried edit after it).
    check, foreign = integrity(empty_plan)
    assert check == ["ok"] and foreign == []
    keys, notes, _links = state(empty_plan)
    for n, k in done:
        s, r, g = f"sfx{n}", f"rfx{n}", f"gfx{n}"
        if k == 0:
            assert s in keys
        elif k == 1 and (n, 4) not in done:
            assert r in keys
        elif k == 2:
            assert g in keys
        elif k == 3:
            assert notes[s] == f"note f/{n}"
        elif k == 4:
            assert r not in keys


def test_the_failed_edit_is_absent_before_the_retry(empty_plan, tmp_path):
    """The file as the failure left it holds the reported edits and not the refused one."""
    size_limit = empty_plan.stat().st_size + 60_000
    # This child stops at the failure without retrying: the file is the state it left.
    proc = start_child("-c", FAIL_ONLY, str(empty_plan), str(size_limit))
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    lines = out.splitlines()
    assert lines[-1].startswith("FAILED:"), lines[-3:]
    added = [line for line in lines if line.startswith("added ")]
    check, foreign = integrity(empty_plan)
    assert check == ["ok"] and foreign == []
    keys, _notes, _links = state(empty_plan)
    assert {a.split()[1] for a in added} <= keys
    refused = lines[-2].removeprefix("trying ")
    assert refused not in keys
    with PlanStore.open(empty_plan) as store:
        assert len(store.load().stakeholders) == len(added)


FAIL_ONLY = """
import resource, signal, sys
from planner.core.model import Stakeholder
from planner.storage import PlanStore, WriteFailed
store = PlanStore.open(sys.argv[1])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[2]), resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
for n in range(10_000):
    print(f"trying s{n}", flush=True)
    try:
        store.add_stakeholder(Stakeholder(f"s{n}", f"Person {n}", notes="n" * 5000))
    except WriteFailed as error:
        print(f"FAILED:{error}", flush=True)
        break
    print(f"added s{n}", flush=True)
"""
