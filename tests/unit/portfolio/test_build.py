"""Building the portfolio: every readable plan redacted into one database, bad files skipped."""

import os
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from datetime import date

import pytest
import sqlite_utils

from planner.core.model import Stakeholder
from planner.portfolio.build import PortfolioError, build
from planner.portfolio.classify import Unclassified
from planner.portfolio.tables import TABLES

TODAY = date(2026, 11, 28)


def reasons(report) -> dict[str, str]:
    return {s.source.rsplit("/", 1)[-1]: s.reason for s in report.skipped}


def test_build_publishes_every_readable_plan_and_skips_the_rest_with_reasons(council, tmp_path):
    """Eight plans are published; the damaged, foreign and newer files are each skipped with why."""
    report = build(council.folders, tmp_path / "portfolio.db", today=TODAY)
    assert report.plans == 8 and len(report.read) == 8
    why = reasons(report)
    assert set(why) == {"damaged.coplan", "other-app.coplan", "newer.coplan"}
    assert "damaged" in why["damaged.coplan"]
    assert "another program" in why["other-app.coplan"]
    assert "newer version" in why["newer.coplan"]
    assert all("\n" not in reason for reason in why.values())
    db = sqlite_utils.Database(tmp_path / "portfolio.db")
    titles = {row["title"] for row in db["plans"].rows}
    assert {"Estate lunch club", "Tŷ Gwyn community library"} <= titles
    assert "plans/housing/library.coplan" in {row["source"] for row in db["plans"].rows}


def test_every_row_carries_its_plan_and_keys_are_declared(council, tmp_path):
    """Each table has its foreign keys and indexes, every row a plan id that exists, and search works."""
    build(council.folders, tmp_path / "portfolio.db", today=TODAY)
    db = sqlite_utils.Database(tmp_path / "portfolio.db")
    plan_ids = {row["id"] for row in db["plans"].rows}
    for table in TABLES[1:]:
        declared = {(fk.column, fk.other_table) for fk in db[table.name].foreign_keys}
        assert ("plan_id", "plans") in declared, table.name
        assert {row["plan_id"] for row in db[table.name].rows} <= plan_ids, table.name
        indexed = {tuple(index.columns) for index in db[table.name].indexes}
        assert ("plan_id",) in indexed, table.name
    assert ("owner_id", "stakeholders") in {(fk.column, fk.other_table) for fk in db["risks"].foreign_keys}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    hits = list(db["plans"].search("breastfeeding"))
    assert [h["title"] for h in hits] == ["Sure Start in Gateshead: peer breastfeeding support (worked example)"]
    assert [r["title"] for r in db["risks"].search("burn")][:1]


def test_private_individuals_appear_only_as_role_labels(council, tmp_path):
    """The lunch club's residents are role labels with side and category, and nothing else of theirs."""
    build(council.folders, tmp_path / "portfolio.db", today=TODAY)
    db = sqlite_utils.Database(tmp_path / "portfolio.db")
    (club,) = db["plans"].rows_where("title = ?", ["Estate lunch club"])
    people = {r["key"]: r for r in db["stakeholders"].rows_where("plan_id = ?", [club["id"]])}
    assert people["s1"]["name"] == "Volunteer 1" and people["s1"]["side"] == "community"
    assert people["s1"]["category"] == "volunteer" and people["s1"]["organisation"] == ""
    assert people["s2"]["name"] == "Carer 1" and people["s2"]["private_individual"] == 1
    assert people["s3"]["name"] == "Friends of Tŷ Gwyn Library"
    assert club["summary"] == "Asked for by Volunteer 1 and Carer 1; ring [withheld] to join."
    notes = [r["note"] for r in db["contributions"].rows_where("stakeholder_id = ?", [people["s1"]["id"]])]
    assert notes == [""]
    columns = {c.name for t in ("stakeholders", "contributions") for c in db[t].columns}
    assert not columns & {"contact", "notes", "stance", "influence", "interest"}


def test_no_private_individual_name_or_contact_in_the_raw_bytes(council, tmp_path):
    """The database file holds no name, contact, address or note of any private individual."""
    output = tmp_path / "portfolio.db"
    build(council.folders, output, today=TODAY)
    build(council.folders, output, today=TODAY, full=True)  # a rebuild leaves no freed pages behind
    raw = output.read_bytes()
    secrets = council.secrets()
    assert len(secrets) >= 8
    for secret in secrets:
        for form in ("NFC", "NFD"):
            for spelling in {secret, secret.lower(), secret.upper(), secret.replace(" ", "")}:
                assert unicodedata.normalize(form, spelling).encode() not in raw, secret


def test_rebuild_rereads_only_changed_plans(council, tmp_path):
    """A second build reads nothing; a changed plan is read again, a removed one leaves."""
    output = tmp_path / "portfolio.db"
    build(council.folders, output, today=TODAY)
    again = build(council.folders, output, today=TODAY)
    assert again.read == [] and len(again.unchanged) == 8
    ids = {r["title"]: r["id"] for r in sqlite_utils.Database(output)["plans"].rows}
    from planner.storage import PlanStore

    with PlanStore.open(council.plans / "tackley.coplan") as store:
        store.update_plan(title="Tackley village shop, second phase")
    (council.plans / "caterham.coplan").unlink()
    third = build(council.folders, output, today=TODAY)
    assert third.read == ["plans/tackley.coplan"] and third.removed == 1
    rows = {r["title"]: r["id"] for r in sqlite_utils.Database(output)["plans"].rows}
    assert rows["Tackley village shop, second phase"] == ids["Tackley village shop (worked example)"]
    assert "Caterham Barracks Community Trust (worked example)" not in rows
    assert len(rows) == 7


def test_a_new_day_reads_every_plan_again(council, tmp_path):
    """Review dates fall due, so the first build of a new day checks every plan again."""
    output = tmp_path / "portfolio.db"
    build(council.folders, output, today=TODAY)
    assert len(build(council.folders, output, today=date(2026, 11, 29)).read) == 8


def test_build_refuses_a_field_it_cannot_classify(council, tmp_path, monkeypatch):
    """A model field with no redaction class stops the build before any file is written."""
    @dataclass
    class Wider(Stakeholder):
        photo_consent: str = field(default="consent")

    monkeypatch.setattr("planner.portfolio.classify.Stakeholder", Wider)
    with pytest.raises(Unclassified, match="Wider.photo_consent"):
        build(council.folders, tmp_path / "portfolio.db", today=TODAY)
    assert [p.name for p in tmp_path.iterdir() if "portfolio" in p.name] == []


def test_a_column_no_table_declares_is_refused(council, tmp_path, monkeypatch):
    """A row with a column the tables do not declare stops the build, and no portfolio is written."""
    from planner.portfolio import build as building

    def leaky(*args, **kwargs):
        made = building_rows(*args, **kwargs)
        made["stakeholders"][0]["contact"] = "07700 900999"
        return made

    building_rows = building.plan_rows
    monkeypatch.setattr(building, "plan_rows", leaky)
    with pytest.raises(Unclassified, match="stakeholders table has no column 'contact'"):
        build(council.folders, tmp_path / "portfolio.db", today=TODAY)
    assert [p.name for p in tmp_path.iterdir() if "portfolio" in p.name] == []


def test_output_that_is_not_a_portfolio_is_left_alone(council, tmp_path):
    """Building over a file that is not a portfolio (a plan, say) is refused and the file kept."""
    target = council.plans / "tackley.coplan"
    before = target.read_bytes()
    with pytest.raises(PortfolioError, match="not a portfolio"):
        build([council.published], target, today=TODAY)
    assert target.read_bytes() == before


def test_a_missing_folder_is_an_error(tmp_path):
    """A folder that does not exist is named in the error."""
    with pytest.raises(PortfolioError, match="nowhere"):
        build([tmp_path / "nowhere"], tmp_path / "p.db", today=TODAY)


def test_plan_file_is_read_without_taking_its_lock(council, tmp_path):
    """A plan open for editing in the app is still read, and its file is not changed."""
    from planner.storage import PlanStore

    path = council.plans / "housing" / "library.coplan"
    with PlanStore.open(path):  # holds the lock, as the app would
        before = path.read_bytes()
        report = build([council.plans], tmp_path / "portfolio.db", today=TODAY)
        assert "plans/housing/library.coplan" in report.read
        assert path.read_bytes() == before


def test_database_is_a_plain_sqlite_file(council, tmp_path):
    """The output opens with plain sqlite3 and passes an integrity check."""
    build(council.folders, tmp_path / "portfolio.db", today=TODAY)
    connection = sqlite3.connect(tmp_path / "portfolio.db")
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


def test_the_log_and_actions_are_published_redacted_and_versions_never(council, tmp_path):
    """Log entries (people by role label) and actions reach the portfolio; agreed versions' snapshots do not."""
    build(council.folders, tmp_path / "portfolio.db", today=TODAY)
    db = sqlite_utils.Database(tmp_path / "portfolio.db")
    (club,) = db["plans"].rows_where("title = ?", ["Estate lunch club"])
    (entry,) = db["engagements"].rows_where("plan_id = ?", [club["id"]])
    assert entry["raised"] == "Volunteer 1 asked for a summer club" and entry["outcome"] == "not_changed"
    assert entry["reason"] == "No hall in August" and entry["participants"] == 2
    actions = {r["key"]: r for r in db["actions"].rows_where("plan_id = ?", [club["id"]])}
    assert actions["a1"]["owner_id"] == f"{club['id']}-s3" and actions["a1"]["engagement_id"] == entry["id"]
    assert actions["a2"]["status"] == "done"
    assert "versions" not in db.table_names() and "snapshot" not in {c.name for t in db.tables for c in t.columns}
