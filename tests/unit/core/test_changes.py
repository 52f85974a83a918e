"""Tests for "what changed" between two states of a plan, in an officer's words."""

from __future__ import annotations

import copy

from planner.core.changes import compare
from planner.core.matrix import Cell
from planner.core.model import (
    Contribution, Driver, Plan, Risk, RiskCategory, Safeguard, Shares, Stakeholder, Stance,
)


def base() -> Plan:
    """A small plan with one of each kind of item."""
    return Plan(
        title="Lunch club", summary="Tuesdays", drivers=[Driver.LOGISTICAL],
        target_cell=Cell.of("co", "co"),
        stakeholders=[Stakeholder("s1", "Tenants' association"), Stakeholder("s2", "Ward officer")],
        risks=[Risk("r2", "Coordinators burn out", likelihood=3, shares=Shares(20, 60, 20))],
        safeguards=[Safeguard("g1", "Rota", mitigates=["r2"], review_date="2027-03-03")],
    )


def texts(old: Plan, new: Plan) -> list[str]:
    """The comparison as the lines an officer reads."""
    return [d.text for d in compare(old, new)]


def test_identical_plans_have_no_changes():
    """A plan compared with an equal copy of itself lists nothing (save times are ignored)."""
    new = copy.deepcopy(base())
    new.modified = "2027-01-01T00:00:00+00:00"
    assert compare(base(), new) == []


def test_plan_fields_changed_are_listed_with_old_and_new_values():
    """Title, drivers and the target cell read as old → new."""
    new = base()
    new.title, new.drivers = "Lunch and social club", [Driver.LOGISTICAL, Driver.GOVERNANCE]
    new.target_cell = Cell.of("community", "co")
    [line] = texts(base(), new)
    assert line.startswith("Plan: title “Lunch club” → “Lunch and social club”; drivers "
                           "Logistical → Logistical, Governance; target cell “Full user/professional coproduction” → ")


def test_a_risk_edit_names_each_field_and_share():
    """The issue's own example: likelihood and a share, both with old and new values."""
    new = base()
    new.risks[0].likelihood = 4
    new.risks[0].shares = Shares(20, 50, 30)
    new.risks[0].category = RiskCategory.BURNOUT
    assert texts(base(), new) == [
        "Risk R2 “Coordinators burn out”: category Other → Burnout; likelihood 3 → 4; "
        "community's share 60 % → 50 %; professionals' share 20 % → 30 %"]


def test_added_and_removed_items_of_every_register():
    """Adding and removing a stakeholder, a risk and a safeguard each read as one line."""
    new = base()
    new.stakeholders = [new.stakeholders[0], Stakeholder("s3", "Library volunteers")]
    new.risks.append(Risk("r3", "Hall closes"))
    new.safeguards = []
    assert texts(base(), new) == [
        "Added Stakeholder S3 “Library volunteers”", "Removed Stakeholder S2 “Ward officer”",
        "Added Risk R3 “Hall closes”", "Removed Safeguard G1 “Rota”"]


def test_edits_of_stakeholders_and_safeguards_read_in_words():
    """A stance, a contribution list and a review date change read plainly."""
    new = base()
    new.stakeholders[0].stance = Stance.CHAMPION
    new.stakeholders[0].contributions = [Contribution(amount=4, unit="hours")]
    new.safeguards[0].review_date = None
    new.safeguards[0].mitigates = []
    assert texts(base(), new) == [
        "Stakeholder S1 “Tenants' association”: stance Neutral → Champion; contributions changed (0 → 1)",
        "Safeguard G1 “Rota”: risks it answers R2 → none; review date 2027-03-03 → none"]
