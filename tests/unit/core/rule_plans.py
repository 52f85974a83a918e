"""Plans for the plan-check tests: a clean full-coproduction plan and a way to make people."""

from __future__ import annotations

from datetime import date

from planner.core.matrix import Cell
from planner.core.model import (
    Category, Contribution, ContributionKind, DeliveryRole, Driver, Motive, Plan, PlanningRole, Risk,
    Safeguard, SafeguardKind, Shares, Stage, Stakeholder, Stance,
)

TODAY = date(2024, 6, 1)


def person(key, category, planning="co", delivery="co", **extra) -> Stakeholder:
    """A stakeholder with roles given by their short names."""
    extra.setdefault("contributions", [Contribution(ContributionKind.TIME, 2, "hours a week")])
    return Stakeholder(key, key.title(), category=category,
                       planning_role=PlanningRole(planning), delivery_role=DeliveryRole(delivery),
                       **extra)


def clean_plan() -> Plan:
    """A full-coproduction plan that every rule accepts."""
    return Plan(
        title="Clean", target_cell=Cell.of("co", "co"), current_cell=Cell.of("professionals", "professionals"),
        organisation="Council", service_area="Youth services", officer="A. Officer",
        summary="Young people run the youth club with the council.",
        drivers=[Driver.GOVERNANCE], stages=[Stage.PLANNING],
        stakeholders=[
            person("user", Category.SERVICE_USER, motive=Motive.DIRECT_USER),
            person("group", Category.COMMUNITY_GROUP),
            person("volunteer", Category.VOLUNTEER, planning="none", motive=Motive.ALTRUISTIC),
            person("officer", Category.PROFESSIONAL, stance=Stance.CHAMPION, influence=4,
                   contributions=[Contribution(ContributionKind.EXPERTISE, note="advice")]),
        ],
        risks=[Risk("r1", "Roles unclear", likelihood=3, impact=3, owner="officer",
                    shares=Shares(20, 20, 60))],
        safeguards=[
            Safeguard("g1", "Line of accountability", kind=SafeguardKind.ACCOUNTABILITY_LINE,
                      owner="officer", mitigates=["r1"], review_date="2099-01-01"),
            Safeguard("g2", "Training", kind=SafeguardKind.TRAINING, owner="officer",
                      mitigates=["r1"], review_date="2099-01-01"),
        ],
    )
