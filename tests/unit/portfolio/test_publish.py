"""Publishing a plan to a portfolio folder: a redacted copy that the build reads like any plan."""

from datetime import date

import pytest
import sqlite_utils

from planner.portfolio.build import build
from planner.portfolio.publish import publish, published_name
from planner.storage import PlanFileError, PlanStore
from tests.unit.portfolio.conftest import lunch_club, write_plan


def test_published_copy_is_redacted_and_the_live_plan_untouched(tmp_path):
    """The copy names residents by role only; the live plan still holds their details."""
    live = write_plan(tmp_path / "lunch-club.coplan", lunch_club())
    before = live.read_bytes()
    folder = tmp_path / "portfolio"
    folder.mkdir()
    with PlanStore.open(live, read_only=True) as store:
        copy = publish(store.load(), live, folder)
    assert copy == folder / "lunch-club.coplan" and live.read_bytes() == before
    raw = copy.read_bytes()
    for secret in ("Dafydd", "Rhys-Owen", "Marsh Row", "dafydd.ro@example.net", "960777", "stroke"):
        assert secret.encode() not in raw, secret
    with PlanStore.open(copy, read_only=True) as store:
        names = [s.name for s in store.load().stakeholders]
    assert names == ["Volunteer 1", "Carer 1", "Friends of Tŷ Gwyn Library"]
    assert [p.name for p in folder.iterdir()] == ["lunch-club.coplan"]  # no temporary left behind


def test_publishing_again_replaces_the_copy_and_the_build_reads_it(tmp_path):
    """A second publish replaces the first; the portfolio built from the folder has the new title."""
    live = write_plan(tmp_path / "lunch-club.coplan", lunch_club())
    folder = tmp_path / "portfolio"
    folder.mkdir()
    with PlanStore.open(live) as store:
        publish(store.load(), live, folder)
        store.update_plan(title="Estate lunch club, year two")
        publish(store.load(), live, folder)
    build([folder], tmp_path / "portfolio.db", today=date(2026, 11, 28))
    titles = [r["title"] for r in sqlite_utils.Database(tmp_path / "portfolio.db")["plans"].rows]
    assert titles == ["Estate lunch club, year two"]


def test_a_plan_file_named_after_a_resident_is_published_under_their_role(tmp_path):
    """The copy's file name is scrubbed too."""
    plan = lunch_club()
    assert published_name(plan, tmp_path / "Dafydd Rhys-Owen support.coplan") == "Volunteer 1 support.coplan"


def test_publishing_to_a_missing_folder_is_refused(tmp_path):
    """A folder that is not there is a storage refusal with a sentence for the officer."""
    with pytest.raises(PlanFileError, match="not a folder"):
        publish(lunch_club(), tmp_path / "x.coplan", tmp_path / "gone")
