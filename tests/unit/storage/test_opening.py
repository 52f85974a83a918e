"""Opening checks a file before trusting it, and leaves a refused file byte-for-byte unchanged."""

import os
import sqlite3
import stat

import pytest

from planner.storage import (
    DamagedPlan, NewerPlan, NotAPlan, PlanLocked, PlanNotFound, PlanStore, ReadOnlyPlan,
)
from planner.storage.schema import APPLICATION_ID, SCHEMA_VERSION


def refuse(path, error, match):
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(error, match=match):
        PlanStore.open(path)
    if before is not None:
        assert path.read_bytes() == before
    assert not path.with_name(path.name + ".lock").exists()


def test_missing_path_is_not_created(tmp_path):
    """Opening a path that does not exist says so and creates nothing."""
    path = tmp_path / "gone.coplan"
    with pytest.raises(PlanNotFound, match="no plan at"):
        PlanStore.open(path)
    assert list(tmp_path.iterdir()) == []


def test_text_file_is_not_a_plan(tmp_path):
    """A file that is not SQLite is refused untouched."""
    path = tmp_path / "notes.coplan"
    path.write_text("Minutes of the partnership meeting")
    refuse(path, NotAPlan, "not a Coproduction Planner plan")


def test_empty_file_and_folder(tmp_path):
    """A zero-byte file and a folder named like a plan each get their own message."""
    empty = tmp_path / "empty.coplan"
    empty.write_bytes(b"")
    refuse(empty, NotAPlan, "empty")
    folder = tmp_path / "x.coplan"
    folder.mkdir()
    with pytest.raises(NotAPlan, match="folder"):
        PlanStore.open(folder)


def test_sqlite_of_another_application(tmp_path):
    """An SQLite file without our application id is refused untouched."""
    path = tmp_path / "other.coplan"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    refuse(path, NotAPlan, "another program")


def test_newer_plan_is_refused_but_may_be_read(plan_file):
    """A plan from a newer version is refused for editing and opens read-only on request."""
    connection = sqlite3.connect(plan_file)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    refuse(plan_file, NewerPlan, "newer version")
    before = plan_file.read_bytes()
    with PlanStore.open(plan_file, allow_newer=True) as store:
        assert store.read_only and "newer" in store.read_only_reason
        assert store.load().title.startswith("Tŷ Gwyn")
    assert plan_file.read_bytes() == before


def test_damaged_plan(plan_file):
    """A plan with a page of bytes overwritten fails quick_check and is left as it was."""
    data = bytearray(plan_file.read_bytes())
    page = 4096
    data[2 * page:3 * page] = b"\xff" * page
    plan_file.write_bytes(bytes(data))
    refuse(plan_file, DamagedPlan, "damaged")


def test_truncated_plan(plan_file):
    """A plan cut short is reported as damaged or not a plan, never opened."""
    data = plan_file.read_bytes()
    plan_file.write_bytes(data[:len(data) // 2])
    with pytest.raises((DamagedPlan, NotAPlan)):
        PlanStore.open(plan_file)


def test_read_only_file_opens_read_only(plan_file):
    """A read-only file opens read-only, refuses edits and takes no lock."""
    os.chmod(plan_file, stat.S_IRUSR)
    try:
        with PlanStore.open(plan_file) as store:
            assert store.read_only and "read-only" in store.read_only_reason
            with pytest.raises(ReadOnlyPlan):
                store.update_plan(title="Changed")
            assert not plan_file.with_name(plan_file.name + ".lock").exists()
    finally:
        os.chmod(plan_file, stat.S_IRUSR | stat.S_IWUSR)


def test_read_only_folder_opens_read_only(plan_file):
    """A plan in a read-only folder opens read-only (SQLite needs the folder for its journal)."""
    folder = plan_file.parent
    os.chmod(folder, stat.S_IRUSR | stat.S_IXUSR)
    try:
        with PlanStore.open(plan_file) as store:
            assert store.read_only and "folder" in store.read_only_reason
    finally:
        os.chmod(folder, stat.S_IRWXU)


def test_file_settings(plan_file):
    """A plan file carries our id, the schema version, DELETE journal, and foreign keys on."""
    with PlanStore.open(plan_file) as store:
        conn = store.db.conn
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_second_writer_is_refused_with_who_holds_it(plan_file):
    """While one store has the plan, a second is told who has it; after close it may open."""
    first = PlanStore.open(plan_file)
    with pytest.raises(PlanLocked) as refused:
        PlanStore.open(plan_file)
    assert os.environ.get("USER", "") in refused.value.holder or refused.value.holder
    assert "open for editing by" in str(refused.value)
    with PlanStore.open(plan_file, read_only=True) as viewer:
        assert viewer.read_only
    first.close()
    PlanStore.open(plan_file).close()


def test_stale_lock_from_a_crash_is_cleared(plan_file):
    """A lock left by a process on this machine that no longer runs is cleared on open."""
    import json
    import socket
    lock = plan_file.with_name(plan_file.name + ".lock")
    lock.write_text(json.dumps({"pid": 2**22 + 12345, "host": socket.gethostname(), "user": "x", "since": "2026-01-01T00:00:00"}))
    PlanStore.open(plan_file).close()
    assert not lock.exists()


def test_lock_from_another_computer_is_kept_until_broken(plan_file):
    """A lock from another host is not cleared silently; break_lock clears it on request."""
    import json
    lock = plan_file.with_name(plan_file.name + ".lock")
    lock.write_text(json.dumps({"pid": 1, "host": "OTHER-LAPTOP", "user": "alice", "since": "2026-11-28T09:14:00"}))
    with pytest.raises(PlanLocked) as refused:
        PlanStore.open(plan_file)
    assert not refused.value.same_host and "alice on OTHER-LAPTOP" in refused.value.holder
    PlanStore.break_lock(plan_file)
    PlanStore.open(plan_file).close()
