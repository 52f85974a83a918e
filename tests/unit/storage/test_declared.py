"""The core model's declarations drive storage, JSON, CSV and validation: a forgotten field fails here."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils
from declared_plans import entity, plans, text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.fields import Children, specs
from planner.core.model import Contribution, ContributionKind, Risk, Safeguard, Stakeholder
from planner.storage import InvalidValue, PlanStore, WriteFailed
from planner.storage.csv_columns import read_stakeholders, read_table
from planner.storage.csv_format import COLUMNS, parse_stakeholders_csv, stakeholders_to_csv
from planner.storage.json_format import dumps, loads
from planner.storage.rows import TABLES, columns
from planner.storage.schema import create_statements


# A spreadsheet cell holding only spaces reads as empty, so CSV text is empty or has some; a bare
# carriage return is a line end to spreadsheets, so cells have none.
cell_text = text.filter(lambda t: (t == "" or t.strip()) and "\r" not in t)


def stakeholders():
    """Lists of any valid stakeholders with unique keys, every declared field drawn by name."""
    return st.integers(0, 4).flatmap(lambda n: st.tuples(
        *[entity(Stakeholder, {}, f"s{i + 1}", text=cell_text) for i in range(n)]))


@settings(deadline=None)
@given(people=stakeholders())
def test_any_stakeholders_survive_csv(people):
    """Any stakeholders -> CSV -> the officer's import -> stakeholders are equal, every declared field included."""
    result = read_stakeholders(read_table(stakeholders_to_csv(list(people)).encode("utf-8-sig")))
    assert result.refused == []
    assert result.accepted == list(people)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=plans())
def test_any_plan_survives_file_then_json(plan, tmp_path_factory):
    """Any valid plan -> .coplan -> JSON -> plan is equal (the formats chained, timestamps aside)."""
    path = tmp_path_factory.mktemp("rt") / "p.coplan"
    with PlanStore.create_from(path, plan) as store:
        loaded = loads(dumps(store.load()))
    loaded.created, loaded.modified = plan.created, plan.modified
    assert loaded == plan


def test_every_declared_field_has_a_home_in_each_format():
    """Each stakeholder field is a CSV column; each entity's stored fields are columns of its table."""
    assert COLUMNS == [s.csv for s in specs(Stakeholder)]
    assert "lawful_basis" in COLUMNS and COLUMNS[-1] == "contributions"

    db = sqlite_utils.Database(sqlite3.connect(":memory:"))
    for statement in create_statements():
        db.execute(statement)
    for entity_class, table in TABLES.items():
        have = set(db[table].columns_dict)
        for s in specs(entity_class):
            if isinstance(s.kind, Children) or not columns(s):
                continue
            for column, _kind in columns(s):
                assert column in have, f"{table}.{column}"


def test_contribution_kind_has_one_default_everywhere():
    """A contribution without a kind is time in the model, in JSON and in CSV alike."""
    assert Contribution().kind is ContributionKind.TIME
    doc = ('{"format": "coproduction-plan", "format_version": 1, "plan": {"title": "T"},'
           ' "stakeholders": [{"key": "s1", "name": "A", "contributions": [{"amount": 2}]}]}')
    assert loads(doc).stakeholders[0].contributions[0].kind is ContributionKind.TIME
    result = parse_stakeholders_csv('name,contributions\nA,"[{""amount"": 2}]"\n')
    assert result.accepted[0].contributions[0].kind is ContributionKind.TIME


@pytest.mark.parametrize("entity_class, field, value, words", [
    (Stakeholder, "influence", 6, "1 to 5"),
    (Stakeholder, "lawful_basis", "guesswork", "one of"),
    (Stakeholder, "consent_given_on", "5 Jan 2027", "YYYY-MM-DD"),
    (Risk, "title", " ", "must not be empty"),
    (Safeguard, "review_date", "2027-02-30", "YYYY-MM-DD"),
])
def test_validation_comes_from_the_declaration(plan_file, entity_class, field, value, words):
    """A value out of its declared range is refused with InvalidValue naming the field's label."""
    keys = {Stakeholder: "s1", Risk: "r1", Safeguard: "g1"}
    method = {Stakeholder: "update_stakeholder", Risk: "update_risk", Safeguard: "update_safeguard"}
    with PlanStore.open(plan_file) as store:
        with pytest.raises(InvalidValue, match=words) as refused:
            getattr(store, method[entity_class])(keys[entity_class], **{field: value})
    assert refused.value.field == field


def test_plan_fields_of_version_2_are_validated(plan_file):
    """The plan's retention period, DPIA answers and decisions are checked as declared."""
    with PlanStore.open(plan_file) as store:
        with pytest.raises(InvalidValue, match="0 to 1200"):
            store.update_plan(retention_months=-1)
        with pytest.raises(InvalidValue, match="true or false"):
            store.update_plan(dpia_screening={"vulnerable_people": "yes"})
        store.update_plan(retention_months=12, dpia_screening={"vulnerable_people": True},
                          dpia_reference="DPIA-2027-04", decisions=["Agree the plan", "Note the risks"])
        plan = store.load()
    assert (plan.retention_months, plan.dpia_screening, plan.dpia_reference, plan.decisions) == (
        12, {"vulnerable_people": True}, "DPIA-2027-04", ["Agree the plan", "Note the risks"])


def _error(code: int, message: str) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    return error


@pytest.mark.parametrize("code, message, says_full", [
    (13, "database or disk is full", True),  # SQLITE_FULL
    (13 | (1 << 8), "whatever the wording", True),  # an extended code of SQLITE_FULL
    (10, "disk I/O error: the share is full of files", False),  # SQLITE_IOERR, "full" in the text
])
def test_full_disk_is_known_by_its_error_code_not_its_words(plan_file, monkeypatch, code, message, says_full):
    """WriteFailed says the disk is full only when SQLite's error code says so."""
    with PlanStore.open(plan_file) as store:
        real = store._set_row

        def refuse(conn, table, row):
            real(conn, table, row)
            raise _error(code, message)

        monkeypatch.setattr(store, "_set_row", refuse)
        with pytest.raises(WriteFailed) as refused:
            store.update_stakeholder("s1", name="Lost")
    assert ("the disk is full" in str(refused.value)) is says_full
