"""Save As and exports never replace a plan in use, never leave half a file, and keep ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest
from faultkit import file_size_limit

from planner import cli
from planner.core.model import Stakeholder
from planner.storage import PlanLocked, PlanStore, WriteFailed
from planner.storage.atomic import write_atomically


def mode(path) -> int:
    """The permission bits of a file."""
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    """Run with the usual umask, so 'ordinary permissions' means 0644."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_save_as_refuses_a_plan_a_colleague_has_open(empty_plan, tmp_path):
    """Save As over a plan open for editing elsewhere is refused and leaves that plan untouched."""
    theirs = tmp_path / "theirs.coplan"
    with PlanStore.create(theirs, "Theirs") as colleague:
        colleague.add_stakeholder(Stakeholder("s1", "Their person"))
        before = theirs.read_bytes()
        with PlanStore.open(empty_plan) as mine, pytest.raises(PlanLocked, match="theirs.coplan"):
            mine.save_as(theirs)
        assert theirs.read_bytes() == before
        assert colleague.load().stakeholders[0].name == "Their person"


def test_save_as_refuses_a_hard_link_of_a_plan_in_use(empty_plan, tmp_path):
    """Save As over another name of a plan that is open is refused too."""
    theirs = tmp_path / "theirs.coplan"
    PlanStore.create(theirs, "Theirs").close()
    os.link(theirs, tmp_path / "alias.coplan")
    with PlanStore.open(theirs), PlanStore.open(empty_plan) as mine, pytest.raises(PlanLocked):
        mine.save_as(tmp_path / "alias.coplan")


def test_save_as_writes_ordinary_permissions_and_keeps_an_existing_files(empty_plan, tmp_path, umask_022):
    """A new copy gets the umask's mode (not 0600); a replaced file keeps its own mode."""
    fresh, existing = tmp_path / "fresh.coplan", tmp_path / "existing.coplan"
    PlanStore.create(existing, "Old").close()
    existing.chmod(0o640)
    with PlanStore.open(empty_plan) as store:
        store.save_as(fresh)
        store.save_as(existing)
    assert mode(fresh) == 0o644 and mode(existing) == 0o640
    with PlanStore.open(existing, read_only=True) as copy:
        assert copy.load().title == "Fault test"


def test_cli_exports_get_ordinary_permissions(empty_plan, tmp_path, umask_022):
    """JSON and CSV exports get the umask's mode, and an existing export keeps its mode."""
    out_json, out_csv = tmp_path / "plan.json", tmp_path / "people.csv"
    out_csv.write_text("old", encoding="utf-8")
    out_csv.chmod(0o600)
    assert cli.main(["export", str(empty_plan), "-o", str(out_json)]) == 0
    assert cli.main(["export", str(empty_plan), "-o", str(out_csv)]) == 0
    assert mode(out_json) == 0o644 and mode(out_csv) == 0o600


def test_a_full_disk_keeps_the_old_export_and_names_the_file(tmp_path):
    """An export that does not fit leaves the old file whole, and the message names it, not a temporary file."""
    out = tmp_path / "people.csv"
    out.write_text("old,complete\n", encoding="utf-8")
    with file_size_limit(64), pytest.raises(WriteFailed) as caught:
        write_atomically(out, b"x" * 10_000)
    assert out.read_text(encoding="utf-8") == "old,complete\n"
    assert "people.csv" in str(caught.value) and ".export-" not in str(caught.value)
    assert [p.name for p in tmp_path.iterdir()] == ["people.csv"]


def test_import_force_over_a_stale_lock_replaces_the_plan(empty_plan, tmp_path, capsys):
    """`import --force` over a plan whose lock a crash left behind replaces it instead of calling it open."""
    from planner.storage.lock import lock_path
    import json
    import socket
    source = tmp_path / "people.csv"
    source.write_text("name\nAmira\n", encoding="utf-8")
    lock_path(empty_plan).write_text(json.dumps({"pid": 2**22 + 7, "host": socket.gethostname(),
                                                 "user": "me", "since": "2026-01-01T09:00:00"}), encoding="utf-8")
    assert cli.main(["import", str(source), "-o", str(empty_plan), "--force"]) == 0, capsys.readouterr().err
    with PlanStore.open(empty_plan, read_only=True) as store:
        assert [s.name for s in store.load().stakeholders] == ["Amira"]
