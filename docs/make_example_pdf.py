"""Build the sample plan and write docs/example-plan.pdf (byte-identical on every run)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.core.matrix import Cell  # noqa: E402
from planner.core.model import (  # noqa: E402
    Category, Contribution, ContributionKind, DeliveryRole, Driver, Plan, PlanningRole, Risk,
    RiskCategory, Safeguard, SafeguardKind, Shares, Stage, Stakeholder, Stance,
)
from planner.export import ExportOptions, write_pdf  # noqa: E402


def sample_plan() -> Plan:
    """A community festival and youth club plan in a Welsh town, with people and risks."""
    people = [
        Stakeholder("s1", "Gwenllian Ŵyn", category=Category.SERVICE_USER, personal=True,
                    contact="07700 900123", planning_role=PlanningRole.CO,
                    delivery_role=DeliveryRole.CO, influence=2, interest=5,
                    stance=Stance.CHAMPION,
                    contributions=[Contribution(ContributionKind.TIME, 4, "hours a week",
                                                "Saturday sessions")]),
        Stakeholder("s2", "Dafydd ap Tŷ", category=Category.CARER, personal=True,
                    contact="dafydd@example.org", planning_role=PlanningRole.CONSULTED,
                    influence=1, interest=4, stance=Stance.SUPPORTIVE),
        Stakeholder("s3", "Fforwm Ieuenctid Tŷ Ŵyn", organisation="Fforwm Ieuenctid Tŷ Ŵyn",
                    category=Category.COMMUNITY_GROUP, planning_role=PlanningRole.CO,
                    delivery_role=DeliveryRole.CO, influence=3, interest=5,
                    stance=Stance.CHAMPION,
                    contributions=[Contribution(ContributionKind.PREMISES, None, "",
                                                "Church hall, two evenings a week")]),
        Stakeholder("s4", "Youth work team", organisation="Cyngor Sir Enghraifft",
                    category=Category.PROFESSIONAL, planning_role=PlanningRole.CO,
                    delivery_role=DeliveryRole.CO, influence=4, interest=4,
                    stance=Stance.SUPPORTIVE,
                    contributions=[Contribution(ContributionKind.EXPERTISE, 2, "youth workers")]),
        Stakeholder("s5", "Head of Community Services", organisation="Cyngor Sir Enghraifft",
                    category=Category.MANAGER, planning_role=PlanningRole.SOLE, influence=5,
                    interest=3, stance=Stance.NEUTRAL),
        Stakeholder("s6", "Cllr Rhys Llywelyn", organisation="Cyngor Sir Enghraifft",
                    category=Category.ELECTED_MEMBER, influence=5, interest=2,
                    stance=Stance.SCEPTICAL),
        Stakeholder("s7", "Mererid Hâf", category=Category.VOLUNTEER, personal=True,
                    contact="07700 900456", delivery_role=DeliveryRole.CO, influence=2,
                    interest=4, stance=Stance.SUPPORTIVE,
                    contributions=[Contribution(ContributionKind.TIME, 6, "hours a month")]),
        Stakeholder("s8", "Associação Lusófona de Gales", organisation="Associação Lusófona",
                    category=Category.THIRD_SECTOR, planning_role=PlanningRole.CONSULTED,
                    influence=2, interest=3, stance=Stance.NEUTRAL,
                    contributions=[Contribution(ContributionKind.MONEY, 1500, "pounds a year")]),
    ]
    risks = [
        Risk("r1", "Volunteers burn out before the summer festival", category=RiskCategory.BURNOUT,
             likelihood=4, impact=4, shares=Shares(20, 50, 30), owner="s3",
             description="Three volunteers carry most of the Saturday sessions."),
        Risk("r2", "Nobody is clearly accountable when a session goes wrong",
             category=RiskCategory.DILUTED_ACCOUNTABILITY, likelihood=3, impact=5,
             shares=Shares(10, 20, 70), owner="s5"),
        Risk("r3", "The loudest young people speak for everyone",
             category=RiskCategory.UNEQUAL_PARTICIPATION, likelihood=3, impact=3,
             shares=Shares(40, 40, 20), owner="s1", accepted_residual=True,
             residual_rationale="The forum rotates its chair and meets in Welsh and English; "
                                "the partners accept what remains."),
        Risk("r4", "Safeguarding checks lapse for community helpers",
             category=RiskCategory.QUALITY_LEGAL, likelihood=2, impact=5,
             shares=Shares(0, 30, 70), owner="s4"),
        Risk("r5", "Youth workers see the forum as a threat to their role",
             category=RiskCategory.PROFESSIONAL_RESISTANCE, likelihood=3, impact=2,
             shares=Shares(0, 10, 90), owner=None),
    ]
    guards = [
        Safeguard("g1", "Written role agreement for every volunteer", kind=SafeguardKind.ROLE_AGREEMENT,
                  owner="s4", mitigates=["r1", "r2"], review_date="2025-06-30"),
        Safeguard("g2", "Named accountable officer for each session",
                  kind=SafeguardKind.ACCOUNTABILITY_LINE, owner="s5", mitigates=["r2"],
                  review_date="2025-04-01"),
        Safeguard("g3", "DBS checks renewed each September", kind=SafeguardKind.MONITORING,
                  owner="s4", mitigates=["r4"], review_date="2025-09-01"),
        Safeguard("g4", "Joint training for youth workers and forum members",
                  kind=SafeguardKind.TRAINING, owner="s3", mitigates=["r1"],
                  review_date="2025-05-15"),
    ]
    return Plan(
        title="Gŵyl Gymunedol Tŷ Ŵyn: youth club and summer festival",
        organisation="Cyngor Sir Enghraifft",  # the lead; the forum signs as a partner
        service_area="Youth services", officer="Siân Prys",
        summary="The youth club has been run by the council. Young people, their families and "
                "the youth forum want to plan it with us and help run the summer festival.",
        decisions=["Agree that the youth forum plans the youth club and the summer festival "
                   "with the council from April, as set out in this plan.",
                   "Note the risks the young people and volunteers will carry, and agree the "
                   "safeguards that answer them.",
                   "Ask the youth work team to report back to the partnership in September."],
        drivers=[Driver.GOVERNANCE, Driver.LOGISTICAL],
        stages=[Stage.PLANNING, Stage.DELIVERING],
        current_cell=Cell.of("professionals", "professionals"), target_cell=Cell.of("co", "co"),
        created="2025-01-06T10:00:00Z", modified="2025-02-24T16:30:00Z",
        stakeholders=people, risks=risks, safeguards=guards,
    )


def main() -> None:
    """Write the example next to this script."""
    target = Path(__file__).resolve().parent / "example-plan.pdf"
    options = ExportOptions(status="Draft for the partnership meeting of 3 March",
                            invariant=True, time_zone="Europe/London")
    write_pdf(sample_plan(), target, options)
    print(target)


if __name__ == "__main__":
    main()
