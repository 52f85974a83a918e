"""A version-1 plan file (made by the version-1 code, never regenerated) opens in every way a plan is opened."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from old_versions import as_of

from planner.cli import main
from planner.storage import PlanStore
from planner.storage import migrations as migrations_module
from planner.storage import store as store_module
from planner.storage.json_format import FORMAT_VERSION
from planner.storage.lock import PlanLock
from planner.storage.migrations import MIGRATIONS
from planner.storage.schema import SCHEMA_VERSION

DATA = Path(__file__).parents[2] / "data"
V1 = DATA / "plan-v1.coplan"
V1_JSON = DATA / "plan-v1.json"  # what the version-1 code exported from it
V2 = DATA / "plan-v2.coplan"
V2_JSON = DATA / "plan-v2.json"  # what the version-2 code exported from it


@pytest.fixture
def old_plan(tmp_path) -> Path:
    """A copy of the version-1 fixture in a temp folder."""
    path = tmp_path / "old.coplan"
    shutil.copyfile(V1, path)
    return path


def version_of(path: Path) -> int:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as db:
        return db.execute("PRAGMA user_version").fetchone()[0]


def columns(path: Path) -> dict[str, list[tuple]]:
    """Every table's columns as sqlite-utils introspects them: name, type, not null, primary key."""
    db = sqlite_utils.Database(sqlite3.connect(path))
    try:
        return {t.name: sorted((c.name, c.type, c.notnull, c.is_pk) for c in t.columns) for t in db.tables}
    finally:
        db.conn.close()


def test_the_fixture_is_version_1_and_untouched():
    """The committed fixtures are version-1 and version-2 files: the migration tests test real old files."""
    assert version_of(V1) == 1 and version_of(V2) == 2
    assert set(MIGRATIONS) == set(range(1, SCHEMA_VERSION))


def test_a_version_2_plan_gains_the_record_and_keeps_every_value(tmp_path):
    """A version-2 file opened for editing becomes version 3 with its data, an empty record and the schema a new file has."""
    old = tmp_path / "v2.coplan"
    shutil.copyfile(V2, old)
    with PlanStore.open(old, read_only=True) as store:
        assert as_of(store.load(), 2) == json.loads(V2_JSON.read_text(encoding="utf-8"))
    assert old.read_bytes() == V2.read_bytes()
    with PlanStore.open(old) as store:
        plan = store.load()
        store.agree("Partnership meeting", "2027-03-03")
    assert version_of(old) == SCHEMA_VERSION
    assert as_of(plan, 2) == json.loads(V2_JSON.read_text(encoding="utf-8"))
    PlanStore.create(tmp_path / "new.coplan", "New").close()
    assert columns(old) == columns(tmp_path / "new.coplan")
    with PlanStore.open(old) as store:
        assert [v.label for v in store.load().versions] == ["Partnership meeting"]


def test_writable_open_migrates_and_keeps_every_value(old_plan, tmp_path):
    """Opened for editing, a version-1 plan becomes version 2 with all its data and the schema a new file has."""
    with PlanStore.open(old_plan) as store:
        plan = store.load()
        store.update_stakeholder(plan.stakeholders[0].key, lawful_basis="consent",
                                 consent_given_on="2027-01-05")
    assert version_of(old_plan) == SCHEMA_VERSION
    assert as_of(plan, 1) == json.loads(V1_JSON.read_text(encoding="utf-8"))
    PlanStore.create(tmp_path / "new.coplan", "New").close()
    assert columns(old_plan) == columns(tmp_path / "new.coplan")
    with PlanStore.open(old_plan) as store:
        assert store.load().stakeholders[0].consent_given_on == "2027-01-05"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.coplan", "old.coplan"]


def test_backup_is_kept_until_the_migration_commits(old_plan, monkeypatch):
    """While the migration runs, a copy of the old file named with its version sits beside it; after, it is gone."""
    backup = PlanStore.backup_path(old_plan, 1)
    assert backup.name == "old.v1-backup.coplan"
    seen = []
    real = store_module.migrate

    def watched(connection, version, name):
        seen.append((backup.exists(), version_of(backup)))
        with sqlite3.connect(backup) as copy:
            seen.append(copy.execute("SELECT count(*) FROM stakeholders").fetchone()[0])
        real(connection, version, name)
        seen.append(backup.exists())

    monkeypatch.setattr(store_module, "migrate", watched)
    PlanStore.open(old_plan).close()
    assert seen == [(True, 1), 9, True]
    assert not backup.exists()


def test_a_failing_migration_leaves_the_old_file_as_it_was(old_plan, monkeypatch):
    """A migration that fails half-way is rolled back: the file is byte-identical and opens again."""
    before = old_plan.read_bytes()

    def half_then_fail(db):
        migrations_module.add_declared(db, 2)
        raise RuntimeError("migration bug")

    monkeypatch.setitem(MIGRATIONS, 1, half_then_fail)
    with pytest.raises(RuntimeError, match="migration bug"):
        PlanStore.open(old_plan)
    assert old_plan.read_bytes() == before
    assert not PlanLock(old_plan).path.exists()
    monkeypatch.undo()
    PlanStore.open(old_plan).close()
    assert version_of(old_plan) == SCHEMA_VERSION


def test_read_only_open_never_writes_and_reads_the_migrated_copy(old_plan):
    """A read-only open of a version-1 file reads it through a migrated copy in memory; the file is byte-identical."""
    before = old_plan.read_bytes()
    with PlanStore.open(old_plan, read_only=True) as store:
        plan = store.load()
        assert store.read_only
    assert old_plan.read_bytes() == before
    assert as_of(plan, 1) == json.loads(V1_JSON.read_text(encoding="utf-8"))
    assert sorted(p.name for p in old_plan.parent.iterdir()) == ["old.coplan"]


def test_locked_old_plan_opens_read_only_without_writing(old_plan):
    """A version-1 plan locked by a colleague opens read-only and is not written (nor migrated)."""
    lock = PlanLock(old_plan)
    lock.path.write_text(json.dumps({"host": "another-pc", "user": "alice", "pid": 1}), encoding="utf-8")
    before = old_plan.read_bytes()
    with PlanStore.open(old_plan, read_only=True) as store:
        assert len(store.load().stakeholders) == 9
    assert old_plan.read_bytes() == before


def test_read_only_file_on_a_share_opens_without_writing(old_plan):
    """A version-1 plan on a read-only share (the file marked read-only) opens, migrated in memory only."""
    old_plan.chmod(0o444)
    before = old_plan.read_bytes()
    try:
        with PlanStore.open(old_plan) as store:
            assert store.read_only and len(store.load().risks) == 2
    finally:
        old_plan.chmod(0o644)
    assert old_plan.read_bytes() == before


def test_cli_check_and_export_read_old_files_without_writing(old_plan, tmp_path, capsys):
    """coplanner check and export work on a version-1 file and leave it byte-identical."""
    before = old_plan.read_bytes()
    assert main(["check", str(old_plan)]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err
    assert main(["export", str(old_plan), "-o", str(tmp_path / "out.json"), "--include-personal"]) == 0
    assert main(["export", str(old_plan), "-o", str(tmp_path / "out.csv"), "--include-personal"]) == 0
    assert main(["export", str(old_plan), "-o", str(tmp_path / "out.pdf")]) == 0
    assert old_plan.read_bytes() == before
    exported = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert exported["format_version"] == FORMAT_VERSION
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.coplan", "out.csv", "out.json", "out.pdf"]
