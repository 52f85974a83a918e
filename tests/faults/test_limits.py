"""One text limit and one amount range for every way in (app, JSON, CSV); nothing past them crashes."""

from __future__ import annotations

import json

import pytest

from planner import cli
from planner.core.limits import MAX_AMOUNT, MAX_TEXT
from planner.core.model import Contribution, Plan, Stakeholder
from planner.storage import FormatError, PlanStore
from planner.storage.errors import InvalidValue
from planner.storage.csv_format import parse_stakeholders_csv, stakeholders_to_csv
from planner.storage.json_format import dumps, loads

HUGE_AMOUNTS = [1e20, 99999999999999999999, float("inf"), MAX_AMOUNT + 1]


def test_the_app_refuses_text_over_the_limit_that_import_would_refuse(empty_plan):
    """Storage refuses a note longer than the one limit, with the limit in the message, and keeps one at it."""
    with PlanStore.open(empty_plan) as store:
        store.add_stakeholder(Stakeholder("s1", "Amira"))
        with pytest.raises(InvalidValue, match="200,000"):
            store.update_stakeholder("s1", notes="x" * 264_000)
        with pytest.raises(InvalidValue, match="200,000"):
            store.update_plan(summary="y" * (MAX_TEXT + 1))
        store.update_stakeholder("s1", notes="x" * MAX_TEXT)
        assert len(store.stakeholder("s1").notes) == MAX_TEXT


def test_a_json_backup_at_the_limit_is_restored(empty_plan, tmp_path):
    """A plan holding the longest text the app keeps exports to JSON and imports back unchanged."""
    with PlanStore.open(empty_plan) as store:
        store.add_stakeholder(Stakeholder("s1", "Amira", notes="n" * MAX_TEXT))
        store.update_plan(summary="s" * MAX_TEXT)
        plan = store.load()
    assert loads(dumps(plan)).stakeholders[0].notes == plan.stakeholders[0].notes
    backup, restored = tmp_path / "b.json", tmp_path / "r.coplan"
    assert cli.main(["export", str(empty_plan), "-o", str(backup)]) == 0
    assert cli.main(["import", str(backup), "-o", str(restored)]) == 0


def test_the_csv_round_trip_keeps_text_at_the_limit():
    """A stakeholder with a note at the limit (past the csv module's own 131,072) goes out and back in."""
    people = [Stakeholder("s1", "Amira", notes="n" * MAX_TEXT)]
    result = parse_stakeholders_csv(stakeholders_to_csv(people))
    assert not result.refused and result.accepted[0].notes == "n" * MAX_TEXT


def test_csv_text_over_the_limit_is_refused_by_row():
    """A CSV cell over the limit is refused with the row and the limit, not a csv module error."""
    text = "name,notes\nAmira," + "n" * (MAX_TEXT + 1) + "\nBen,ok\n"
    result = parse_stakeholders_csv(text)
    assert [s.name for s in result.accepted] == ["Ben"]
    assert result.refused[0][0] == 2 and "200,000" in result.refused[0][1]


def test_a_csv_cell_past_any_reading_limit_is_one_clear_error(tmp_path, capsys):
    """A cell far past every limit gives one `coplanner: error:` line naming the file."""
    source = tmp_path / "people.csv"
    source.write_text("name,notes\nAmira," + "n" * (5 * MAX_TEXT) + "\n", encoding="utf-8")
    assert cli.main(["import", str(source), "-o", str(tmp_path / "p.coplan")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("coplanner: error: ") and "people.csv" in err and err.count("\n") == 1


@pytest.mark.parametrize("amount", HUGE_AMOUNTS)
def test_storage_refuses_an_amount_out_of_range(empty_plan, amount):
    """An amount beyond the range (or infinite) is refused with a sentence, never an OverflowError."""
    with PlanStore.open(empty_plan) as store:
        store.add_stakeholder(Stakeholder("s1", "Amira"))
        with pytest.raises(InvalidValue, match="(?i)amount"):
            store.update_stakeholder("s1", contributions=[Contribution(amount=amount)])
        assert store.stakeholder("s1").contributions == []


@pytest.mark.parametrize("amount", ["1e20", "99999999999999999999", "1" + "0" * 400, "9223372036854775808"])
def test_json_import_refuses_an_amount_out_of_range(amount):
    """JSON with a huge contribution amount is refused, naming the place."""
    text = ('{"format": "coproduction-plan", "format_version": 1, "plan": {"title": "T"}, "stakeholders": '
            '[{"key": "s1", "name": "A", "contributions": [{"kind": "money", "amount": %s}]}]}' % amount)
    with pytest.raises(FormatError, match=r"stakeholders\[0\].contributions\[0\].amount"):
        loads(text)


def test_json_with_an_integer_of_5000_digits_is_refused():
    """An integer over Python's 4,300-digit conversion limit gives a FormatError, not a ValueError traceback."""
    text = '{"format": "coproduction-plan", "format_version": 1, "plan": {"title": "T"}, "x": %s}' % ("9" * 5000)
    with pytest.raises(FormatError):
        loads(text)


@pytest.mark.parametrize("contributions", [
    json.dumps([{"kind": "money", "amount": 10**30}]),
    json.dumps([{"kind": "money", "amount": int("9" * 400)}]),
    "[" * 60_000 + "]" * 60_000,
])
def test_csv_import_refuses_bad_contributions_by_row(contributions):
    """Huge amounts and 60,000-deep nesting in a CSV's contributions refuse that row with a reason."""
    import csv
    import io
    buffer = io.StringIO()
    csv.writer(buffer).writerows([["name", "contributions"], ["Amira", contributions], ["Ben", ""]])
    result = parse_stakeholders_csv(buffer.getvalue())
    assert [s.name for s in result.accepted] == ["Ben"]
    assert result.refused and result.refused[0][0] == 2


def test_cli_import_of_a_plan_with_a_huge_amount_is_one_line(tmp_path, capsys):
    """`coplanner import` of JSON with an amount beyond SQLite's integers prints one error line."""
    document = json.loads(dumps(Plan(title="T", stakeholders=[Stakeholder("s1", "A")])))
    document["stakeholders"][0]["contributions"] = [{"kind": "money", "amount": 2**70}]
    source = tmp_path / "plan.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    assert cli.main(["import", str(source), "-o", str(tmp_path / "p.coplan")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("coplanner: error: ") and "amount" in err
