"""A second process that opens a plan for editing is refused with who holds it; nothing is lost."""

from __future__ import annotations

import getpass
import json
import socket
import subprocess
import sys

import pytest
from faultkit import HERE, child_env, read_until, start_child

from planner.storage import PlanLocked, PlanStore
from planner.storage.lock import lock_path

HOLDER = str(HERE / "holder_child.py")


def start_holder(path) -> subprocess.Popen:
    """A child holding ``path`` open for editing, waiting for commands on stdin."""
    proc = subprocess.Popen([sys.executable, HOLDER, str(path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())
    assert read_until(proc, lambda line: line in ("OPEN",) or line.startswith("LOCKED"))[-1:] == ["OPEN"]
    return proc


def command(proc: subprocess.Popen, line: str) -> str:
    """Send one command to a holder and return its answer."""
    proc.stdin.write(line + "\n")
    proc.stdin.flush()
    return proc.stdout.readline().strip()


def second_open(path) -> list[str]:
    """What a second process says when it tries to open ``path`` for editing."""
    proc = start_child(HOLDER, str(path))
    out, err = proc.communicate(input=None, timeout=60)
    assert proc.returncode == 4, err
    return out.splitlines()


@pytest.fixture
def holder(empty_plan):
    """A process holding the plan open; quits (and is reaped) after the test."""
    proc = start_holder(empty_plan)
    yield proc
    proc.communicate(timeout=30)  # closing stdin ends its command loop; closes every pipe


def test_second_writer_is_refused_before_and_after_the_first_writes(empty_plan, holder):
    """The second opener is refused, naming user and host, both before and after the first writes."""
    for round_ in range(2):
        lines = second_open(empty_plan)
        assert lines[0].startswith(f"LOCKED:{getpass.getuser()} on {socket.gethostname()} since ")
        assert lines[1].startswith("MESSAGE:plan.coplan is open for editing by ")
        assert command(holder, f"add s{round_}") == f"added s{round_}"
    holder.communicate("quit\n", timeout=30)
    assert holder.returncode == 0
    assert not lock_path(empty_plan).exists()
    with PlanStore.open(empty_plan) as store:
        assert [s.key for s in store.load().stakeholders] == ["s0", "s1"]


def test_in_process_second_open_raises_plan_locked(empty_plan, holder):
    """PlanStore.open in another process raises PlanLocked with the holder, not stale, same host."""
    with pytest.raises(PlanLocked) as caught:
        PlanStore.open(empty_plan)
    assert caught.value.holder.startswith(getpass.getuser())
    assert caught.value.same_host and not caught.value.stale
    with PlanStore.open(empty_plan, read_only=True) as viewer:  # the offered read-only view
        assert viewer.read_only and viewer.load().title == "Fault test"


def test_cli_refuses_to_replace_a_plan_that_is_open(empty_plan, holder, tmp_path):
    """`coplanner import --force` over an open plan exits 2 with one line and changes nothing."""
    command(holder, "add s9")
    before = empty_plan.read_bytes()
    source = tmp_path / "other.json"
    source.write_text(json.dumps({"format": "coproduction-plan", "format_version": 1,
                                  "plan": {"title": "Other"}}), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "planner", "import", str(source), "-o",
                           str(empty_plan), "--force"], capture_output=True, text=True,
                          env=child_env(), timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.startswith("coplanner: error: ") and proc.stderr.count("\n") == 1
    assert "is open" in proc.stderr
    assert empty_plan.read_bytes() == before


def test_cli_read_only_commands_work_while_the_plan_is_open(empty_plan, holder):
    """`coplanner check` reads a plan another process has open, taking no lock."""
    command(holder, "add s1")
    proc = subprocess.run([sys.executable, "-m", "planner", "check", str(empty_plan), "--json"],
                          capture_output=True, text=True, env=child_env(), timeout=60)
    assert proc.returncode in (0, 1), proc.stderr
    assert isinstance(json.loads(proc.stdout), list)
    assert lock_path(empty_plan).exists()  # still the holder's
