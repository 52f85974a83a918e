"""A refused edit says its real cause: a full disk, a read-only place, or a plan file that is gone or replaced."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from planner.core.model import Stakeholder
from planner.storage import PlanStore, WriteFailed
from planner.storage.edits import _write_failed


def test_an_edit_after_the_file_was_deleted_says_so(empty_plan):
    """Deleting the plan while open: the edit is refused naming the missing file, not a full disk."""
    with PlanStore.open(empty_plan) as store:
        empty_plan.unlink()
        with pytest.raises(WriteFailed) as caught:
            store.add_stakeholder(Stakeholder("s1", "Amira"))
    message = str(caught.value)
    assert "no plan file at" in message and str(empty_plan) in message
    assert "Free some space" not in message and "as it was" not in message


def test_an_edit_after_the_file_was_replaced_is_refused(empty_plan, tmp_path):
    """A copy put in the plan's place while open: the edit is refused instead of going to the old file."""
    other = tmp_path / "other.coplan"
    PlanStore.create(other, "Other").close()
    with PlanStore.open(empty_plan) as store:
        shutil.copyfile(other, tmp_path / "staged.coplan")
        (tmp_path / "staged.coplan").replace(empty_plan)
        with pytest.raises(WriteFailed, match="replaced by another file"):
            store.add_stakeholder(Stakeholder("s1", "Amira"))
    with PlanStore.open(empty_plan, read_only=True) as check:
        assert check.load().title == "Other" and check.load().stakeholders == []


def test_an_edit_after_the_file_was_moved_is_refused(empty_plan, tmp_path):
    """A plan moved away while open is not written at all: the officer is told to use Save As."""
    with PlanStore.open(empty_plan) as store:
        moved = tmp_path / "moved.coplan"
        empty_plan.rename(moved)
        with pytest.raises(WriteFailed, match="Save As"):
            store.add_stakeholder(Stakeholder("s1", "Amira"))
    with PlanStore.open(moved, read_only=True) as check:
        assert check.load().stakeholders == []


@pytest.mark.parametrize("code, words, not_words", [
    (13, "the disk is full", "read-only"),
    (8, "has become read-only", "disk is full"),
    (14, "has become read-only", "disk is full"),
    (10, "could not be written", "read-only"),
])
def test_each_sqlite_failure_has_its_own_cause(empty_plan, code, words, not_words):
    """SQLite's error code, not its message, picks the cause the officer reads."""
    error = sqlite3.OperationalError("database or disk is full" if code != 13 else "some message")
    error.sqlite_errorcode = code
    message = str(_write_failed(error, empty_plan))
    assert words in message and not_words not in message and "as it was before" in message
