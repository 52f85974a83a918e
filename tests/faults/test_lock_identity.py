"""The lock belongs to the file, not its name, and every lock problem gets a true answer, never a traceback."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest
from faultkit import file_size_limit

from planner.storage import PlanFileError, PlanLocked, PlanStore
from planner.storage.lock import PlanLock, lock_path


def test_a_symlink_to_an_open_plan_is_refused(empty_plan, tmp_path):
    """Opening a plan through a symlink while it is open under its real name is refused."""
    link = tmp_path / "shortcut.coplan"
    link.symlink_to(empty_plan)
    with PlanStore.open(empty_plan):
        with pytest.raises(PlanLocked):
            PlanStore.open(link)
    with PlanStore.open(link):  # and the other way round
        with pytest.raises(PlanLocked):
            PlanStore.open(empty_plan)


def test_a_hard_link_to_an_open_plan_is_refused(empty_plan, tmp_path):
    """Opening a hard link (another name for the same file) of an open plan is refused, naming the other name."""
    link = tmp_path / "same file.coplan"
    os.link(empty_plan, link)
    with PlanStore.open(empty_plan):
        with pytest.raises(PlanLocked, match="under another name"):
            PlanStore.open(link)
    with PlanStore.open(link):
        with pytest.raises(PlanLocked):
            PlanStore.open(empty_plan)


def test_a_full_disk_when_taking_the_lock_is_refused_cleanly(empty_plan):
    """When the lock cannot be written, opening says so, leaves no empty lock, and the next open works."""
    with file_size_limit(0), pytest.raises(PlanFileError) as caught:
        PlanStore.open(empty_plan)
    assert empty_plan.name in str(caught.value) and "lock" in str(caught.value)
    assert not lock_path(empty_plan).exists()
    with PlanStore.open(empty_plan) as store:
        assert not store.read_only


@pytest.mark.parametrize("content", ["", "not json at all", "[1, 2]", '{"pid": "x"}'])
def test_an_empty_or_garbage_lock_names_no_one_and_can_be_cleared(empty_plan, content):
    """A lock that names no holder says so (not "someone on another computer") and the officer may clear it."""
    lock_path(empty_plan).write_text(content, encoding="utf-8")
    with pytest.raises(PlanLocked) as caught:
        PlanStore.open(empty_plan)
    assert "unknown program" in caught.value.holder and "another computer" not in str(caught.value)
    assert not caught.value.same_host  # so the app offers to clear it
    PlanStore.break_lock(empty_plan)
    PlanStore.open(empty_plan).close()


def test_this_apps_own_orphaned_lock_is_cleared(empty_plan):
    """A lock this very process left behind (say its drive was lost) no longer blocks reopening."""
    store = PlanStore.open(empty_plan)
    store._lock.held = False  # as if the close could not remove it
    from planner.storage import lock as lock_module
    lock_module._HELD.clear()
    store.close()
    assert lock_path(empty_plan).exists()
    PlanStore.open(empty_plan).close()


def test_a_lock_whose_process_number_was_reused_is_stale(empty_plan):
    """A lock naming a live process of this machine that is not the one that took it is cleared."""
    other = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        lock_path(empty_plan).write_text(json.dumps({
            "pid": other.pid, "host": socket.gethostname(), "user": "me", "since": "2026-01-01T09:00:00",
            "started": 1}), encoding="utf-8")
        with PlanStore.open(empty_plan) as store:  # not refused: the stale lock was cleared
            assert PlanLock(empty_plan).read()["pid"] == os.getpid()
            assert store.path == empty_plan
    finally:
        other.communicate(timeout=30)


def test_a_live_holder_of_this_machine_is_still_refused(empty_plan):
    """The reuse check does not clear a lock whose process really still holds it."""
    with PlanStore.open(empty_plan):
        info = PlanLock(empty_plan).read()
        assert isinstance(info["started"], int)
        with pytest.raises(PlanLocked):
            PlanStore.open(empty_plan)


def test_closing_when_the_folder_became_read_only_does_not_raise(empty_plan, monkeypatch):
    """If the lock cannot be removed at close (the folder turned read-only), closing still succeeds."""
    store = PlanStore.open(empty_plan)
    real_unlink = type(empty_plan).unlink

    def refuse(self, missing_ok=False):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(type(empty_plan), "unlink", refuse)
    store.close()
    monkeypatch.setattr(type(empty_plan), "unlink", real_unlink)
    assert lock_path(empty_plan).exists()  # left behind
    PlanStore.open(empty_plan).close()  # the lock left behind is ours and stale
    assert not lock_path(empty_plan).exists()
