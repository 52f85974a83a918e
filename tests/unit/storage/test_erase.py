"""Tests for erasing and anonymising a person for real, and the subject access record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planner.cli import main
from planner.core.model import (
    Category, Contribution, Plan, Risk, Safeguard, Stakeholder,
)
from planner.storage import NotFound, PlanStore

NAME, PHONE, EMAIL = "Gwenllian Ŵyn", "07700 900123", "gwen@example.org"


def make_plan_file(path: Path) -> Path:
    """A plan whose private individual is named in the summary, others' notes and a risk."""
    plan = Plan(
        title="Lunch club", summary=f"{NAME} asked for it; ring {PHONE}.",
        stakeholders=[
            Stakeholder("s1", NAME, personal=True, contact=f"{PHONE}, {EMAIL}",
                        organisation="4 Heol y Bryn", notes="Needs large print",
                        contributions=[Contribution(amount=3, unit="hours", note=f"Call {PHONE}")]),
            Stakeholder("s2", "Ann Other", category=Category.CARER, personal=True,
                        contact="ann@example.org", notes=f"Neighbour of {NAME}"),
            Stakeholder("s3", "Tenants' association", category=Category.COMMUNITY_GROUP),
        ],
        risks=[Risk("r1", "Host falls ill", description=f"If {NAME.upper()} is away", owner="s1")],
        safeguards=[Safeguard("g1", "Cover rota", owner="s1", mitigates=["r1"])],
    )
    PlanStore.create_from(path, plan).close()
    return path


def raw_bytes(path: Path) -> bytes:
    """The plan file and any journal or temporary file beside it, as stored on disk."""
    data = b""
    for item in path.parent.iterdir():
        if item.is_file() and item.name.startswith(path.name):
            data += item.read_bytes()
    return data


def test_erase_leaves_no_byte_of_the_person_and_keeps_the_rest(tmp_path, capsys):
    """After `coplanner erase` name and contacts are gone from the file's bytes; others remain."""
    path = make_plan_file(tmp_path / "club.coplan")
    assert NAME.encode() in raw_bytes(path)
    assert main(["erase", str(path), "--stakeholder", "s1"]) == 0
    data = raw_bytes(path)
    for secret in (NAME, PHONE, EMAIL, "4 Heol y Bryn", "Needs large print", "07700900123"):
        assert secret.encode() not in data, secret
    with PlanStore.open(path, read_only=True) as store:
        plan = store.load()
    assert [s.key for s in plan.stakeholders] == ["s2", "s3"]
    assert plan.summary == "Service user 1 asked for it; ring [withheld]."
    assert plan.stakeholders[0].notes == "Neighbour of Service user 1"
    assert plan.risks[0].owner is None and plan.safeguards[0].owner is None
    assert plan.safeguards[0].mitigates == ["r1"]
    assert "r1, g1" in capsys.readouterr().out


def test_anonymise_keeps_figures_under_the_role_label(tmp_path):
    """Anonymise keeps the person as "Service user 1" with amounts; every identifier is cleared."""
    path = make_plan_file(tmp_path / "club.coplan")
    assert main(["anonymise", str(path), "--stakeholder", "s1"]) == 0
    for secret in (NAME, PHONE, EMAIL, "4 Heol y Bryn", "Needs large print"):
        assert secret.encode() not in raw_bytes(path), secret
    with PlanStore.open(path, read_only=True) as store:
        person = store.load().stakeholder("s1")
    assert (person.name, person.contact, person.organisation, person.notes) == (
        "Service user 1", "", "", "")
    assert person.contributions[0].amount == 3 and person.contributions[0].note == ""


def test_erase_of_an_unknown_key_changes_nothing(tmp_path, capsys):
    """An unknown key is one error line naming the keys there are; the file is untouched."""
    path = make_plan_file(tmp_path / "club.coplan")
    before = path.read_bytes()
    assert main(["erase", str(path), "--stakeholder", "s9"]) == 2
    assert "s1, s2, s3" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_storage_erase_raises_not_found(tmp_path):
    """Storage refuses an unknown key with its own error type."""
    from planner.storage.erase import erase_stakeholder

    with PlanStore.open(make_plan_file(tmp_path / "club.coplan")) as store:
        with pytest.raises(NotFound):
            erase_stakeholder(store, "nobody")


def test_subject_access_holds_the_person_and_nothing_about_others(tmp_path):
    """The record has every field of the person, where they are mentioned, and no one else."""
    path = make_plan_file(tmp_path / "club.coplan")
    out = tmp_path / "gwen.json"
    assert main(["person", str(path), "--stakeholder", "s1", "-o", str(out)]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    values = {f["field"]: f["value"] for f in record["fields"]}
    assert set(values) == set(Stakeholder.__dataclass_fields__)
    assert values["contact"] == f"{PHONE}, {EMAIL}" and values["notes"] == "Needs large print"
    assert all("label" in f for f in record["fields"])
    assert {m["where"] for m in record["mentioned_in"]} == {
        "Plan: Summary", "Stakeholder s2: notes", "Risk r1: Description"}
    assert {"risk": "r1", "title": "Host falls ill"} in record["owner_of"]
    text = out.read_text(encoding="utf-8")
    assert "Ann Other" not in text and "ann@example.org" not in text


OLD_PHONE = "01632 960111"


def make_plan_with_record(path: Path) -> Path:
    """The plan above with log entries and actions naming the person, and an agreed version
    from when they had another phone number, agreed before their details were updated."""
    from planner.core.model import Action, Engagement

    make_plan_file(path)
    with PlanStore.open(path) as store:
        store.update_stakeholder("s1", contact=f"{OLD_PHONE}, {EMAIL}")
        store.add_engagement(Engagement("e1", f"Visit to {NAME}", date="2027-02-01", participants=["s1", "s3"],
                                        raised=f"{NAME} asked for large print", response=f"Rang {OLD_PHONE}"))
        store.add_action(Action("a1", f"Send {NAME} the minutes", owner="s1", engagement="e1"))
        store.agree("February meeting", "2027-02-10")
        store.update_stakeholder("s1", contact=f"{PHONE}, {EMAIL}")
    return path


@pytest.mark.parametrize("command", ["erase", "anonymise"])
def test_erase_and_anonymise_reach_every_agreed_version_and_the_log(tmp_path, command):
    """No byte of the person's name, old or new contact or notes is left, in versions and log entries too;
    the versions still open and compare."""
    from planner.core.changes import compare

    path = make_plan_with_record(tmp_path / "club.coplan")
    assert OLD_PHONE.encode() in raw_bytes(path) and NAME.encode() in raw_bytes(path)
    assert main([command, str(path), "--stakeholder", "s1"]) == 0
    data = raw_bytes(path)
    for secret in (NAME, PHONE, OLD_PHONE, EMAIL, "4 Heol y Bryn", "Needs large print", "01632960111"):
        assert secret.encode() not in data, secret
    with PlanStore.open(path, read_only=True) as store:
        plan = store.load()
        then = store.version_plan("February meeting")
    assert plan.engagements[0].title == "Visit to Service user 1"
    assert then.engagements[0].raised == "Service user 1 asked for large print"
    assert then.engagements[0].response == "Rang [withheld]"
    assert then.actions[0].title == "Send Service user 1 the minutes"
    if command == "erase":
        assert [s.key for s in then.stakeholders] == ["s2", "s3"]
        assert then.engagements[0].participants == ["s3"] and plan.engagements[0].participants == ["s3"]
        assert then.actions[0].owner is None and then.risks[0].owner is None and plan.actions[0].owner is None
    else:
        person = then.stakeholder("s1")
        assert (person.name, person.contact, person.notes, person.organisation) == ("Service user 1", "", "", "")
        assert then.engagements[0].participants == ["s1", "s3"]
    assert isinstance(compare(then, plan), list)


def test_a_person_only_in_an_agreed_version_can_still_be_erased(tmp_path):
    """Someone deleted from the plan but kept in a snapshot is erased from it: no way to keep them there."""
    path = make_plan_with_record(tmp_path / "club.coplan")
    with PlanStore.open(path) as store:
        store.delete(stakeholders=["s1"])
    assert main(["erase", str(path), "--stakeholder", "s1"]) == 0
    assert NAME.encode() not in raw_bytes(path) and OLD_PHONE.encode() not in raw_bytes(path)
    with PlanStore.open(path, read_only=True) as store:
        assert store.version_plan("February meeting").stakeholder("s1") is None


def test_subject_access_includes_the_log_and_actions(tmp_path):
    """The record names the log entries they took part in, the actions they own and where the log names them."""
    path = make_plan_with_record(tmp_path / "club.coplan")
    out = tmp_path / "gwen.json"
    assert main(["person", str(path), "--stakeholder", "s1", "-o", str(out)]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert [e["engagement"] for e in record["took_part_in"]] == ["e1"]
    assert {"action": "a1", "title": f"Send {NAME} the minutes", "due": None} in record["owner_of"]
    assert {"Engagement log e1: Raised", "Action a1: Title"} <= {m["where"] for m in record["mentioned_in"]}
