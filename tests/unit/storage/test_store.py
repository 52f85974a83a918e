"""Edits commit when the call returns, one transaction each, and deletes can be undone."""

import sqlite3

import pytest

from planner.core.matrix import Cell
from planner.core.model import Driver, Risk, Shares, Stakeholder
from planner.storage import InvalidValue, NotFound, PlanFileError, PlanStore, WriteFailed


def reopen(path):
    with PlanStore.open(path) as store:
        return store.load()


def test_create_refuses_an_existing_file(plan_file):
    """Creating over an existing file is refused and the file is untouched."""
    before = plan_file.read_bytes()
    with pytest.raises(PlanFileError, match="already exists"):
        PlanStore.create(plan_file, "Other")
    assert plan_file.read_bytes() == before


def test_round_trip_through_the_file(plan_file, sample_plan):
    """A plan written to a file loads back equal, field for field."""
    loaded = reopen(plan_file)
    loaded.created = loaded.modified = ""
    assert loaded == sample_plan


def test_every_edit_is_on_disk_when_it_returns(plan_file):
    """An edit is visible to a fresh connection as soon as the call returns."""
    store = PlanStore.open(plan_file)
    store.update_plan(title="Renamed", drivers=[Driver.GOVERNANCE], target_cell=Cell.of("co", "co"))
    store.update_stakeholder("s1", influence=5, name="Friends")
    other = sqlite3.connect(plan_file)
    assert other.execute("SELECT title, target_planning FROM plan").fetchone() == ("Renamed", "co")
    assert other.execute("SELECT influence FROM stakeholders WHERE key='s1'").fetchone() == (5,)
    other.close()
    store.close()


def test_update_returns_old_values(plan_file):
    """Updates return the old values, so undo can put them back."""
    with PlanStore.open(plan_file) as store:
        old = store.update_risk("r1", shares=Shares(20, 40, 40), likelihood=2)
        assert old == {"shares": Shares(10, 60, 30), "likelihood": 4}
        store.update_risk("r1", **old)
        assert store.risk("r1").shares == Shares(10, 60, 30)


def test_values_out_of_range_are_refused(plan_file):
    """Out-of-range values and the N/A cell are refused before anything is written."""
    before = reopen(plan_file)
    with PlanStore.open(plan_file) as store:
        with pytest.raises(InvalidValue, match="1 to 5"):
            store.update_stakeholder("s1", influence=6)
        with pytest.raises(InvalidValue, match="0 to 100"):
            store.update_risk("r1", shares=Shares(-1, 50, 51))
        with pytest.raises(InvalidValue, match="N/A"):
            store.update_plan(target_cell=Cell.of("community", "professionals"))
        with pytest.raises(InvalidValue, match="title"):
            store.update_plan(title="  ")
    after = reopen(plan_file)
    assert after == before


def test_delete_and_restore_puts_owners_and_links_back(plan_file):
    """Deleting a stakeholder and a risk, then restoring, gives back the same plan."""
    with PlanStore.open(plan_file) as store:
        before = store.load()
        removed = store.delete(stakeholders=["s1"], risks=["r1"])
        middle = store.load()
        assert [s.key for s in middle.stakeholders] == ["s2", "s3"]
        assert middle.safeguards[0].mitigates == []
        store.restore(removed)
        after = store.load()
    before.modified = after.modified = ""
    assert after == before


def test_restoring_rows_that_were_apart_keeps_the_rows_between_in_place(plan_file):
    """Undoing a delete of the first and last stakeholders gives back s1 s2 s3, not s1 s3 s2."""
    with PlanStore.open(plan_file) as store:
        removed = store.delete(stakeholders=["s1", "s3"])
        assert [s.key for s in store.load().stakeholders] == ["s2"]
        store.restore(removed)
        assert [s.key for s in store.load().stakeholders] == ["s1", "s2", "s3"]


def test_places_say_where_rows_stand_in_the_plans_order(plan_file):
    """A row's place counts the rows before it, gaps left by deletes or not; unknown keys are left out."""
    with PlanStore.open(plan_file) as store:
        assert store.places("stakeholders", ["s3", "s1", "s9"]) == {"s1": 0, "s3": 2}
        store.delete(stakeholders=["s2"])
        assert store.places("stakeholders", ["s3"]) == {"s3": 1}
        with pytest.raises(NotFound):
            store.places("plan", ["s1"])


def test_multi_row_edit_is_one_transaction(plan_file):
    """If one of several stakeholders is refused, none is added."""
    with PlanStore.open(plan_file) as store:
        with pytest.raises(InvalidValue):
            store.add_stakeholders([Stakeholder("s9", "New"), Stakeholder("s1", "Duplicate key")])
        assert [s.key for s in store.load().stakeholders] == ["s1", "s2", "s3"]


def test_failed_write_leaves_the_plan_as_it_was(plan_file, monkeypatch):
    """A write the disk refuses raises WriteFailed and the plan keeps its earlier state."""
    with PlanStore.open(plan_file) as store:
        store.update_plan(title="Kept")
        real = store._set_row

        def full_disk(conn, table, row):
            real(conn, table, row)
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(store, "_set_row", full_disk)
        with pytest.raises(WriteFailed, match="disk is full"):
            store.update_stakeholder("s1", name="Lost")
    plan = reopen(plan_file)
    assert plan.title == "Kept" and plan.stakeholder("s1").name == "Friends of Tŷ Gwyn Library"


def test_save_as_copies_through_the_backup_api(plan_file, tmp_path):
    """Save As writes a complete copy that opens as the same plan."""
    copy = tmp_path / "copy.coplan"
    with PlanStore.open(plan_file) as store:
        store.add_risk(Risk("r3", "Late addition"))
        store.save_as(copy)
    assert reopen(copy) == reopen(plan_file)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".copy-")]


def test_new_keys_do_not_collide(plan_file):
    """New keys go above the ones in use."""
    with PlanStore.open(plan_file) as store:
        assert store.new_keys("stakeholders") == ["s4"]
        assert store.new_keys("safeguards", 2) == ["g2", "g3"]
