"""The plan check's rules for what a step still lacks (they feed every "to look at" count)."""

from __future__ import annotations

from planner.core.matrix import Cell
from planner.core.model import (
    Category, DeliveryRole, Driver, Plan, PlanningRole, Risk, Stage, Stakeholder,
)
from planner.core.rules_progress import (
    context_incomplete, no_current_cell, no_risks, no_stakeholders, stakeholder_without_role,
)


def test_an_empty_plan_lacks_each_context_field_stakeholders_cell_and_risks():
    """A new plan gets one finding per empty context field, drivers and stages, and one each for no people, no today's cell, no risks."""
    plan = Plan(title="New")
    assert len(context_incomplete(plan)) == 6
    assert [f.rule for f in no_stakeholders(plan) + no_current_cell(plan) + no_risks(plan)] == [
        "no-stakeholders", "no-current-cell", "no-risks"]


def test_a_filled_in_plan_lacks_nothing():
    """With context, a stakeholder with a part, today's cell and a risk, none of these rules fires."""
    plan = Plan(title="Full", organisation="Council", service_area="Parks", officer="Jo",
                summary="Friends of the park run it with us.", drivers=[Driver.GOVERNANCE],
                stages=[Stage.PLANNING], current_cell=Cell.of("professionals", "professionals"),
                stakeholders=[Stakeholder("s1", "Friends", category=Category.COMMUNITY_GROUP,
                                          planning_role=PlanningRole.CO)],
                risks=[Risk("r1", "Volunteers burn out")])
    found = (context_incomplete(plan) + no_stakeholders(plan) + stakeholder_without_role(plan)
             + no_current_cell(plan) + no_risks(plan))
    assert found == []


def test_a_stakeholder_without_any_part_is_named():
    """A stakeholder with neither a planning nor a delivery role is a finding that points at them."""
    plan = Plan(title="P", stakeholders=[
        Stakeholder("s1", "Ward councillors", category=Category.ELECTED_MEMBER,
                    planning_role=PlanningRole.NONE, delivery_role=DeliveryRole.NONE),
        Stakeholder("s2", "Parents", category=Category.SERVICE_USER, delivery_role=DeliveryRole.CO)])
    (finding,) = stakeholder_without_role(plan)
    assert (finding.target_type, finding.target_key) == ("stakeholder", "s1")
    assert "Ward councillors" in finding.message
