"""Tests for the record's plan check and what is due, with fixed dates."""

from __future__ import annotations

from datetime import date

from planner.core.checks import check_plan
from planner.core.model import Action, ActionStatus, Plan, Safeguard, Stakeholder
from planner.core.rules_record import action_overdue, due_items

TODAY = date(2027, 3, 10)


def plan() -> Plan:
    """Actions open, done and dropped, some past due, and safeguards with review dates."""
    return Plan(
        title="Club", stakeholders=[Stakeholder("s1", "Ward officer")],
        safeguards=[Safeguard("g1", "Rota", review_date="2027-03-01"), Safeguard("g2", "Audit", review_date="2027-04-05"),
                    Safeguard("g3", "Board", review_date="2027-06-01")],
        actions=[Action("a1", "Book the hall", owner="s1", due="2027-03-09"),
                 Action("a2", "Write to members", due="2027-03-10"),
                 Action("a3", "Order chairs", due="2027-02-01", status=ActionStatus.DONE),
                 Action("a4", "Print leaflets", due="2027-02-01", status=ActionStatus.DROPPED, reason="Online only"),
                 Action("a5", "Survey", due="2027-05-01"), Action("a6", "No date yet")])


def test_only_open_actions_past_their_date_are_overdue():
    """An open action due yesterday is overdue; one due today, done, dropped or undated is not."""
    found = action_overdue(plan(), today=TODAY)
    assert [(f.target_type, f.target_key) for f in found] == [("action", "a1")]
    assert "(Ward officer) was due on 9 March 2027" in found[0].message


def test_the_plan_check_reports_overdue_actions_and_safeguards_on_a_fixed_day():
    """check_plan with a fixed today reports both the overdue action and the overdue safeguard review."""
    rules = {(f.rule, f.target_key) for f in check_plan(plan(), today=TODAY)}
    assert {("action-overdue", "a1"), ("safeguard-review-overdue", "g1")} <= rules
    assert ("action-overdue", "a2") not in rules
    assert not {f.rule for f in check_plan(plan(), today=date(2027, 1, 1))} & {"action-overdue", "safeguard-review-overdue"}


def test_what_is_due_in_the_next_30_days_lists_actions_and_reviews_together():
    """One list, soonest first: overdue items, then those due within 30 days; later or closed ones are left out."""
    items = due_items(plan(), TODAY, days=30)
    assert [(i.what, i.key, i.overdue) for i in items] == [
        ("safeguard", "g1", True), ("action", "a1", True), ("action", "a2", False), ("safeguard", "g2", False)]
