"""What changed, on every kind of change: add, remove and edit of each entity and plan field."""

from __future__ import annotations

import copy

import pytest

from planner.core.changes import REGISTERS, compare
from planner.core.compound_kinds import CellValue, ChoiceList, Links, TextList, YesNoMap
from planner.core.fields import Children, Nested, specs
from planner.core.kinds import Amount, Choice, Date, Flag, Key, Ref, Text, Whole
from planner.core.matrix import Cell
from planner.core.model import (
    Action, Contribution, Engagement, Plan, Risk, Safeguard, Shares, Stakeholder,
)

ENTITIES = {"stakeholders": Stakeholder, "risks": Risk, "safeguards": Safeguard,
            "actions": Action, "engagements": Engagement}
TITLE = {Stakeholder: "name", Risk: "title", Safeguard: "title", Action: "title", Engagement: "title"}
REFS = {"stakeholders": "s2", "risks": "r2", "safeguards": "g2", "engagements": "e2"}


def plan() -> Plan:
    """Two of each kind of item, so that references can point at another one."""
    return Plan(
        title="Lunch club",
        stakeholders=[Stakeholder("s1", "Tenants"), Stakeholder("s2", "Ward officer")],
        risks=[Risk("r1", "Burnout"), Risk("r2", "Hall closes")],
        safeguards=[Safeguard("g1", "Rota"), Safeguard("g2", "Audit")],
        engagements=[Engagement("e1", "Open meeting"), Engagement("e2", "Survey")],
        actions=[Action("a1", "Book hall"), Action("a2", "Write to members")],
    )


def other(kind, value):
    """A valid value of ``kind`` different from ``value``."""
    if isinstance(kind, Ref):
        return REFS[kind.table]
    if isinstance(kind, Links):
        return [REFS[kind.target + "s"]]
    if isinstance(kind, Text):
        return "Something else"
    if isinstance(kind, Flag):
        return not value
    if isinstance(kind, Whole):
        return kind.low + 1 if value != kind.low + 1 else kind.low
    if isinstance(kind, Amount):
        return 7
    if isinstance(kind, Choice):
        return next(m for m in kind.enum if m != value)
    if isinstance(kind, Date):
        return "2030-01-31"
    if isinstance(kind, TextList):
        return ["Agree the plan"]
    if isinstance(kind, YesNoMap):
        return {"vulnerable_people": True}
    if isinstance(kind, ChoiceList):
        return [list(kind.enum)[0]]
    if isinstance(kind, CellValue):
        return Cell.of("co", "co") if value != Cell.of("co", "co") else Cell.of("professionals", "co")
    if isinstance(kind, Nested):
        return Shares(10, 20, 70)
    if isinstance(kind, Children):
        return [Contribution(amount=3, unit="hours")]
    raise AssertionError(f"no changed value for {type(kind).__name__}: add one so the new kind is compared")


def word(label: str) -> str:
    return label if len(label) > 1 and label[1].isupper() else label[:1].lower() + label[1:]


CASES = [(register, s) for register, entity in ENTITIES.items() for s in specs(entity)
         if not isinstance(s.kind, Key) and s.name != "suggested"]


@pytest.mark.parametrize(("register", "field"), CASES, ids=[f"{r}.{s.name}" for r, s in CASES])
def test_every_field_of_every_register_is_compared_with_its_label(register, field):
    """Editing any declared field of any item reads as that item changed, naming the field by its label."""
    old = plan()
    new = copy.deepcopy(old)
    item = getattr(new, register)[0]
    setattr(item, field.name, other(field.kind, getattr(item, field.name)))
    [difference] = compare(old, new)
    assert difference.kind == "changed" and difference.register == register and difference.key == item.key
    if isinstance(field.kind, Nested):
        assert any("share" in line and "%" in line for line in difference.details)
    else:
        assert any(line.startswith(word(field.label)) for line in difference.details), difference.details
    assert "\u2192" in difference.text or "changed" in difference.text


PLAN_FIELDS = [s for s in specs(Plan) if not isinstance(s.kind, Children) and s.name not in ("created", "modified")]


@pytest.mark.parametrize("field", PLAN_FIELDS, ids=[s.name for s in PLAN_FIELDS])
def test_every_plan_field_is_compared_with_its_label(field):
    """Changing any plan field reads as one line under Plan, naming the field by its label."""
    old = plan()
    new = copy.deepcopy(old)
    setattr(new, field.name, other(field.kind, getattr(new, field.name)))
    [difference] = compare(old, new)
    assert difference.what == "Plan"
    assert difference.details[0].startswith(word(field.label) + " ")


@pytest.mark.parametrize(("register", "noun", "title"), REGISTERS)
def test_adding_and_removing_an_item_of_every_register(register, noun, title):
    """An item added and another removed each read as one line naming the item by key and title."""
    old = plan()
    new = copy.deepcopy(old)
    items = getattr(new, register)
    gone = items.pop(1)
    added = copy.deepcopy(gone)
    added.key = gone.key[0] + "9"
    setattr(added, title, "Brand new")
    items.append(added)
    lines = [d.text for d in compare(old, new)]
    assert f"Added {noun} {added.key.upper()} \u201cBrand new\u201d" in lines
    assert f"Removed {noun} {gone.key.upper()} \u201c{getattr(gone, title)}\u201d" in lines


def test_issue_example_and_names_of_people():
    """The issue's own example reads as written, and owners and participants are named, not keyed."""
    old = plan()
    old.risks[1].likelihood, old.risks[1].shares = 3, Shares(20, 60, 20)
    new = copy.deepcopy(old)
    new.risks[1].likelihood, new.risks[1].shares = 4, Shares(20, 50, 30)
    new.actions[0].owner = "s2"
    new.engagements[0].participants = ["s1", "s2"]
    assert [d.text for d in compare(old, new)] == [
        "Risk R2 \u201cHall closes\u201d: likelihood 3 \u2192 4; community's share 60 % \u2192 50 %; "
        "professionals' share 20 % \u2192 30 %",
        "Action A1 \u201cBook hall\u201d: owner none \u2192 \u201cWard officer\u201d",
        "Engagement E1 \u201cOpen meeting\u201d: who took part none \u2192 \u201cTenants\u201d, \u201cWard officer\u201d",
    ]


def test_hiding_personal_fields_says_only_that_they_changed():
    """For circulation, a private individual's contact and notes changes print no values."""
    old = plan()
    old.stakeholders[0].personal = True
    new = copy.deepcopy(old)
    new.stakeholders[0].contact = "07700 900123"
    new.stakeholders[0].notes = "Recovering from surgery"
    new.stakeholders[0].influence = 4
    [difference] = compare(old, new, hide_personal=True)
    assert difference.details == ("influence 3 \u2192 4", "contact changed", "notes changed")
    assert "07700" in compare(old, new)[0].text


def test_versions_and_save_times_are_not_changes():
    """Agreeing a version or saving changes nothing an officer would call a change."""
    from planner.core.model import Version

    new = copy.deepcopy(plan())
    new.versions = [Version("v1", "Meeting", "2027-03-03", {})]
    new.modified = "2027-03-03T10:00:00+00:00"
    assert compare(plan(), new) == []
