"""Tests for the partnership's record in the plan file and in JSON: log, actions, agreed versions."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.core.model import (
    Action, ActionStatus, Engagement, Outcome, Plan, Risk, Safeguard, Stakeholder,
)
from planner.storage import FormatError, InvalidValue, NotFound, PlanStore
from planner.storage.json_format import FORMAT_VERSION, dumps, loads, plan_to_document, plan_from_document

DATA = Path(__file__).parents[2] / "data"


def small_plan() -> Plan:
    """A plan with a log entry that names people, a risk and a safeguard, and actions owned by people."""
    return Plan(
        title="Lunch club",
        stakeholders=[Stakeholder("s1", "Tenants' association"), Stakeholder("s2", "Ward officer")],
        risks=[Risk("r1", "Coordinators burn out")],
        safeguards=[Safeguard("g1", "Rota", mitigates=["r1"], review_date="2027-04-01")],
        engagements=[Engagement("e1", "Open meeting", date="2027-02-10", participants=["s1", "s2"], others=12,
                                raised="Tuesdays clash with the clinic", response="Moved to Wednesdays",
                                outcome=Outcome.CHANGED, risks=["r1"], safeguards=["g1"])],
        actions=[Action("a1", "Book the hall", owner="s2", due="2027-03-01", risk="r1", safeguard="g1",
                         engagement="e1")],
    )


def same_content(after, before) -> bool:
    """Equal but for when each was saved: an edit stamps ``modified`` to the second, and a
    delete and its restore can fall on either side of a second's end."""
    return dataclasses.replace(after, modified="") == dataclasses.replace(before, modified="")


@pytest.fixture
def store(tmp_path):
    """The small plan in a plan file, open for editing."""
    with PlanStore.create_from(tmp_path / "p.coplan", small_plan()) as opened:
        yield opened


def test_the_record_is_stored_and_loaded_whole(store):
    """Log entries with their links, actions and their references come back as written."""
    plan = store.load()
    assert plan.engagements == small_plan().engagements and plan.actions == small_plan().actions
    assert store.engagement("e1").participants == ["s1", "s2"] and store.action("a1").owner == "s2"


def test_each_record_edit_is_one_write_and_undoes(store):
    """Adding, changing, deleting and restoring log entries and actions leaves the plan as it was."""
    store.add_engagement(Engagement(store.new_keys("engagements")[0], "Survey", outcome=Outcome.PENDING), position=0)
    store.add_action(Action(store.new_keys("actions")[0], "Write back", status=ActionStatus.OPEN))
    assert [e.key for e in store.load().engagements] == ["e2", "e1"]
    old = store.update_engagement("e1", outcome="not_changed", reason="No budget", participants=["s1"])
    assert old["outcome"] is Outcome.CHANGED and store.engagement("e1").participants == ["s1"]
    store.update_action("a2", status="dropped", reason="Done by the council")
    assert store.action("a2").status is ActionStatus.DROPPED
    before = store.load()
    removed = store.delete_record(engagements=["e1"], actions=["a2"])
    assert store.action("a1").engagement is None and [e.key for e in store.load().engagements] == ["e2"]
    store.restore_record(removed)
    assert same_content(store.load(), before)


def test_a_bad_value_is_refused_naming_the_field(store):
    """An unknown outcome or a bad date is refused before anything is written."""
    with pytest.raises(InvalidValue, match="Outcome"):
        store.update_engagement("e1", outcome="maybe")
    with pytest.raises(InvalidValue, match="Due"):
        store.update_action("a1", due="1 March")
    with pytest.raises(NotFound):
        store.action("a9")


def test_deleting_a_person_or_risk_and_undo_puts_the_record_back(store):
    """A deleted stakeholder, risk or safeguard leaves the log and actions; undo brings every link back."""
    before = store.load()
    removed = store.delete(stakeholders=["s2"], risks=["r1"], safeguards=["g1"])
    plan = store.load()
    assert plan.engagements[0].participants == ["s1"] and plan.engagements[0].risks == []
    assert (plan.actions[0].owner, plan.actions[0].risk, plan.actions[0].safeguard) == (None, None, None)
    store.restore(removed)
    assert same_content(store.load(), before)


def test_agree_stores_a_snapshot_that_later_edits_leave_alone(store):
    """An agreed version keeps the plan as it was, dated and labelled, while the plan moves on."""
    version = store.agree("Partnership meeting, 3 March 2027", "2027-03-03")
    store.update_risk("r1", likelihood=4)
    assert store.version_plan(version.label).risks[0].likelihood == 3
    assert store.load().risks[0].likelihood == 4
    assert [(v.key, v.label, v.date) for v in store.versions()] == [("v1", version.label, "2027-03-03")]
    assert "versions" not in version.snapshot and version.snapshot["engagements"][0]["key"] == "e1"
    with pytest.raises(InvalidValue, match="already a version"):
        store.agree("Partnership meeting,  3 March 2027")
    with pytest.raises(InvalidValue, match="label"):
        store.agree("  ")
    with pytest.raises(NotFound, match="the versions are \u201cPartnership meeting, 3 March 2027\u201d"):
        store.version("June")


def test_the_record_round_trips_through_json_with_its_versions(store):
    """Log, actions and versions (snapshots included) survive export and import unchanged."""
    store.agree("March meeting", "2027-03-03")
    plan = store.load()
    doc = plan_to_document(plan)
    assert doc["format_version"] == FORMAT_VERSION and {"engagements", "actions", "versions"} <= set(doc)
    assert doc["versions"][0]["snapshot"]["format"] == "coproduction-plan"
    assert loads(dumps(plan)) == plan


@pytest.mark.parametrize(("change", "where"), [
    (lambda d: d["engagements"][0]["participants"].append("s9"), "engagements[0].participants[2]"),
    (lambda d: d["engagements"][0].update(date="10/02/2027"), "engagements[0].date"),
    (lambda d: d["engagements"][0].update(outcome="maybe"), "engagements[0].outcome"),
    (lambda d: d["actions"][0].update(owner="s9"), "actions[0].owner"),
    (lambda d: d["actions"][0].update(engagement="e9"), "actions[0].engagement"),
    (lambda d: d["actions"][0].update(due="2027-02-30"), "actions[0].due"),
    (lambda d: d["versions"][0]["snapshot"]["risks"][0].update(owner="s9"), "versions[0].snapshot.risks[0].owner"),
    (lambda d: d["versions"].append(dict(d["versions"][0], key="v2")), "versions[1].label"),
])
def test_import_refuses_dangling_keys_and_bad_dates_naming_the_place(store, change, where):
    """A reference to nothing or a bad date in the record is refused with its place in the document."""
    store.agree("March meeting", "2027-03-03")
    doc = plan_to_document(store.load())
    doc["versions"][0]["snapshot"]["risks"][0]["owner"] = "s1"
    change(doc)
    with pytest.raises(FormatError) as refused:
        plan_from_document(doc)
    assert refused.value.where == where


def test_version_1_and_2_documents_still_import():
    """Documents written by the earlier formats import with an empty record."""
    for name in ("plan-v1.json", "plan-v2.json"):
        plan = loads((DATA / name).read_text(encoding="utf-8"))
        assert plan.stakeholders and plan.engagements == [] and plan.actions == [] and plan.versions == []


def test_cli_agree_versions_changes_and_export_a_version(store, tmp_path, capsys):
    """The command line agrees a version, lists it, says what changed and exports the agreed plan."""
    path = str(store.path)
    store.close()
    assert main(["agree", path, "--label", "March meeting", "--date", "2027-03-03"]) == 0
    with PlanStore.open(path) as again:
        again.update_risk("r1", likelihood=4)
    capsys.readouterr()
    assert main(["versions", path, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"label": "March meeting", "date": "2027-03-03"}]
    assert main(["changes", path, "--since", "March meeting"]) == 0
    assert capsys.readouterr().out == "Risk R1 \u201cCoordinators burn out\u201d: likelihood 3 \u2192 4\n"
    assert main(["changes", path, "--since", "March meeting", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["details"] == ["likelihood 3 \u2192 4"]
    out = tmp_path / "march.json"
    assert main(["export", path, "-o", str(out), "--version", "March meeting"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["risks"][0]["likelihood"] == 3


@pytest.mark.parametrize("argv", [
    ["changes", "{path}", "--since", "June"], ["changes", "{path}", "--since", "March meeting", "--until", "June"],
    ["export", "{path}", "-o", "{out}", "--version", "June"],
])
def test_cli_unknown_label_is_one_error_line_naming_the_labels(store, tmp_path, capsys, argv):
    """An unknown label is one coplanner: error: line that names the labels there are."""
    store.agree("March meeting", "2027-03-03")
    path = str(store.path)
    store.close()
    capsys.readouterr()
    argv = [a.format(path=path, out=tmp_path / "x.pdf") for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("coplanner: error: ") and "\u201cMarch meeting\u201d" in err
    assert not (tmp_path / "x.pdf").exists()


def test_json_export_asks_for_include_personal_when_only_a_version_names_someone(tmp_path, capsys):
    """A private individual kept only in an agreed version still makes a JSON copy personal data."""
    path = tmp_path / "p.coplan"
    with PlanStore.create_from(path, Plan(title="Club", stakeholders=[Stakeholder("s1", "Gwen", personal=True)])) as store:
        store.agree("March meeting", "2027-03-03")
        store.delete(stakeholders=["s1"])
    assert main(["export", str(path), "-o", str(tmp_path / "p.json")]) == 2
    assert "--include-personal" in capsys.readouterr().err
    assert main(["export", str(path), "-o", str(tmp_path / "p.json"), "--include-personal"]) == 0
