"""Plan-check rules that follow the article: each changed or new rule on a plan that triggers it and one that does not."""

from __future__ import annotations

from rule_plans import TODAY, clean_plan, person

from planner.core.checks import check_plan
from planner.core.matrix import Cell
from planner.core.model import (
    Category, Contribution, ContributionKind, Driver, Motive, Plan, Risk, Safeguard, SafeguardKind,
    Shares, Side, Stance,
)


def fired(plan: Plan, rule: str) -> list:
    """The findings of one rule."""
    return [f for f in check_plan(plan, today=TODAY) if f.rule == rule]


# ------------------------------------------------------------- consultation (Table 1)


def consultation_plan(user_planning: str) -> Plan:
    """Professional delivery with a user consultation committee, aiming at Table 1's second cell."""
    plan = clean_plan()
    plan.target_cell = Cell.of("co", "professionals")
    plan.stakeholders = [
        person("committee", Category.SERVICE_USER, planning=user_planning, delivery="none"),
        person("officer", Category.PROFESSIONAL, planning="sole", delivery="sole",
               stance=Stance.CHAMPION, influence=4,
               contributions=[Contribution(ContributionKind.EXPERTISE, note="advice")]),
    ]
    return plan


def test_consultation_counts_toward_the_consultation_cell():
    """Users consulted on planning, professionals delivering: the roles describe the target."""
    assert not fired(consultation_plan("consulted"), "roles-differ-from-target")


def test_no_consultation_still_differs():
    """Users with no part in planning: the finding says to give them a role or consult them."""
    finding = fired(consultation_plan("none"), "roles-differ-from-target")[0]
    assert "no user or community member plans" in finding.message
    assert "or consult them on planning and design" in finding.message


def test_consultation_is_not_coplanning_where_users_deliver():
    """In full coproduction consultation is not enough: a consulted co-deliverer does not coplan."""
    plan = clean_plan()
    for key in ("user", "group"):
        plan.stakeholder(key).planning_role = plan.stakeholder(key).planning_role.CONSULTED
    assert "no user or community member plans" in fired(plan, "roles-differ-from-target")[0].message


# ------------------------------------------------------------- accepted high risk


def high_unguarded(plan: Plan, rationale: str) -> Plan:
    """The clean plan with a high risk no safeguard answers, accepted with ``rationale``."""
    plan.risks.append(Risk("r2", "Falls at home", likelihood=5, impact=4, owner="officer",
                           shares=Shares(20, 20, 60), accepted_residual=True,
                           residual_rationale=rationale))
    return plan


def test_high_risk_accepted_with_a_reason_is_advice():
    """A high risk accepted as residual with a written reason is a decision, not an error."""
    plan = high_unguarded(clean_plan(), "Users chose to live at home knowing the risk of falls.")
    assert not fired(plan, "high-risk-unguarded")
    assert [f.target_key for f in fired(plan, "high-risk-accepted")] == ["r2"]


def test_high_risk_accepted_without_a_reason_is_still_an_error():
    """Without a written reason the unguarded high risk stays an error, and no advice replaces it."""
    plan = high_unguarded(clean_plan(), "  ")
    assert [f.target_key for f in fired(plan, "high-risk-unguarded")] == ["r2"]
    assert not fired(plan, "high-risk-accepted")


# ------------------------------------------------------------- burden shifting


def shifted(drivers: list[Driver], target: Cell, answered: bool) -> Plan:
    """Users and community carry 70% of a high risk; ``answered`` adds a safeguard and trust."""
    plan = clean_plan()
    plan.drivers = drivers
    plan.target_cell = target
    risk = plan.risks[0]
    risk.likelihood, risk.impact, risk.shares = 4, 4, Shares(40, 30, 30)
    if answered:
        risk.trust_users = "Users trust the nurse to visit weekly."
        risk.trust_community = "Volunteers trust the council to step in."
    else:
        for guard in plan.safeguards:
            guard.mitigates = []
    return plan


def test_burden_shifting_answered_in_the_legitimate_case_is_quiet():
    """A logistical driver, community delivery, a safeguard and each side's trust: no finding."""
    assert not fired(shifted([Driver.LOGISTICAL], Cell.of("co", "co"), True), "burden-shifting")


def test_burden_shifting_unanswered_asks_for_safeguards_and_trust():
    """The same plan without a safeguard or trust statements asks for them."""
    finding = fired(shifted([Driver.LOGISTICAL], Cell.of("co", "co"), False), "burden-shifting")[0]
    assert "tick a safeguard" in finding.message and "trust" in finding.message
    assert "Say too why" not in finding.message


def test_burden_shifting_with_trust_missing_for_one_side_fires():
    """A safeguard alone is not enough while a side carrying the risk says nothing of trust."""
    plan = shifted([Driver.LOGISTICAL], Cell.of("co", "co"), True)
    plan.risks[0].trust_community = ""
    assert fired(plan, "burden-shifting")


def test_burden_shifting_under_a_governance_driver_alone_is_dumping():
    """A governance driver alone does not explain moving a high risk onto users, answered or not."""
    finding = fired(shifted([Driver.GOVERNANCE], Cell.of("co", "co"), True), "burden-shifting")[0]
    assert "dumped" in finding.message and "Move the share back" in finding.message


def test_burden_shifting_with_professional_delivery_asks_why():
    """Users carrying most of a high risk where professionals deliver must say why."""
    finding = fired(shifted([Driver.LOGISTICAL], Cell.of("co", "professionals"), False),
                    "burden-shifting")[0]
    assert "Say too why" in finding.message


# ------------------------------------------------------------- who is on which side


def test_a_carer_affected_by_the_users_welfare_is_a_community_coproducer():
    """A delivering carer whose motive is the user's welfare gives the community its role."""
    plan = clean_plan()
    plan.stakeholders = [s for s in plan.stakeholders if s.key not in ("group", "volunteer")]
    plan.stakeholders.append(person("carer", Category.CARER, planning="co", delivery="co",
                                    motive=Motive.AFFECTED_BY_USER))
    plan.stakeholders.append(person("friend", Category.CITIZEN, planning="none", delivery="none",
                                    motive=Motive.ALTRUISTIC))
    assert not fired(plan, "community-motives-without-role")
    plan.stakeholder("carer").motive = None
    assert [f.target_key for f in fired(plan, "community-motives-without-role")] == ["friend"]


def test_third_sector_defaults_to_the_provider_side():
    """A charity employing professionals to deliver is a provider; a volunteer-run one is set by hand."""
    charity = person("charity", Category.THIRD_SECTOR)
    assert charity.side is Side.PROVIDER
    charity.side_override = Side.COMMUNITY
    assert charity.side is Side.COMMUNITY


# ------------------------------------------------------------- volunteers' time


def test_a_groups_hours_are_not_one_volunteers():
    """A residents' association's rota giving most of the hours is not one person burning out."""
    plan = clean_plan()
    plan.stakeholder("group").contributions = [Contribution(ContributionKind.TIME, 40, "hours a week")]
    assert not fired(plan, "volunteer-time-concentration")


def test_one_person_giving_most_hours_fires():
    """One individual giving more than half of the individuals' hours is flagged."""
    plan = clean_plan()
    plan.stakeholder("user").contributions = [Contribution(ContributionKind.TIME, 9, "hours a week")]
    assert [f.target_key for f in fired(plan, "volunteer-time-concentration")] == ["user"]


# ------------------------------------------------------------- professional resistance


def resisting(plan: Plan) -> Plan:
    """The clean plan with an influential resisting consultant; the training is for volunteers."""
    plan.stakeholders.append(person("consultant", Category.PROFESSIONAL, planning="none",
                                    stance=Stance.RESISTANT, influence=5))
    plan.safeguards[1].title = "Training for the volunteers"
    return plan


def test_training_someone_else_does_not_answer_resistance():
    """Training for the volunteers leaves the resisting consultant's finding in place."""
    finding = fired(resisting(clean_plan()), "professional-resistance")[0]
    assert finding.target_key == "consultant" and "names \u201cConsultant\u201d" in finding.message


def test_a_role_agreement_naming_the_professional_answers_resistance():
    """A role agreement that names the consultant answers it."""
    plan = resisting(clean_plan())
    plan.safeguards.append(Safeguard("g3", "Role agreement", kind=SafeguardKind.ROLE_AGREEMENT,
                                     description="Agreed with the consultant: who decides what.",
                                     owner="officer", mitigates=["r1"], review_date="2099-01-01"))
    assert not fired(plan, "professional-resistance")


# ------------------------------------------------------------- single community voice


def test_several_community_groups_are_not_a_single_voice():
    """Two community groups, or a group and an affected carer, pass."""
    plan = clean_plan()
    plan.stakeholders.remove(plan.stakeholder("volunteer"))
    assert fired(plan, "single-community-voice")
    plan.stakeholders.append(person("carer", Category.CARER, planning="none", delivery="co",
                                    motive=Motive.AFFECTED_BY_USER))
    assert not fired(plan, "single-community-voice")
    plan.stakeholders[-1] = person("league", Category.COMMUNITY_GROUP, planning="none")
    assert not fired(plan, "single-community-voice")


def test_a_volunteer_set_to_the_user_side_is_still_a_community_voice():
    """Peer counsellors who are local mothers, set to the users' side, still count as community."""
    plan = clean_plan()
    plan.stakeholder("volunteer").side_override = Side.USER
    assert not fired(plan, "single-community-voice")


# ------------------------------------------------------------- new rules


def test_no_service_users_in_a_user_coproduction_plan():
    """A target naming user coproduction with no users among the stakeholders is flagged."""
    plan = clean_plan()
    plan.stakeholders.remove(plan.stakeholder("user"))
    assert fired(plan, "no-service-users")
    plan.stakeholders.append(person("mum", Category.CARER, planning="none"))
    assert not fired(plan, "no-service-users")


def test_no_service_users_quiet_for_self_organised_provision_and_representatives():
    """Self-organised community provision names no users; representatives have their own rule."""
    plan = clean_plan()
    plan.stakeholders.remove(plan.stakeholder("user"))
    plan.target_cell = Cell.of("community", "community")
    assert not fired(plan, "no-service-users")
    plan.target_cell = Cell.of("co", "co")
    plan.stakeholder("group").category = Category.COMMUNITY_REPRESENTATIVE
    assert not fired(plan, "no-service-users")
    assert fired(plan, "representatives-without-users")


def test_drivers_off_axis():
    """A governance driver alone with a target that moves only delivery gets advice."""
    plan = clean_plan()
    plan.drivers = [Driver.GOVERNANCE]
    plan.current_cell = Cell.of("co", "professionals")
    finding = fired(plan, "drivers-off-axis")[0]
    assert "planning axis" in finding.message and "changes only delivery" in finding.message
    from planner.ui.steps.attention import step_for

    assert step_for(finding) == "context"  # where the drivers are ticked


def test_drivers_on_axis_quiet():
    """A governance driver with a target that moves planning, or both drivers, pass."""
    plan = clean_plan()
    plan.drivers = [Driver.GOVERNANCE]
    plan.current_cell = Cell.of("professionals", "co")
    assert not fired(plan, "drivers-off-axis")
    plan.current_cell = Cell.of("co", "professionals")
    plan.drivers = [Driver.GOVERNANCE, Driver.LOGISTICAL]
    assert not fired(plan, "drivers-off-axis")


def test_driver_axes_agree_with_the_guidance():
    """The plan check's driver axes are the ones the guidance library teaches."""
    from planner.core.rules_cells import DRIVER_AXES
    from planner.guidance import load_library

    assert {d: g.axis for d, g in load_library().drivers.items()} == DRIVER_AXES


def test_costs_without_benefits_asks_what_a_giver_gains():
    """A volunteer who gives time with no motive recorded gets advice to say what they gain."""
    plan = clean_plan()
    plan.stakeholder("volunteer").motive = None
    finding = next(f for f in fired(plan, "costs-without-benefits") if f.target_key == "volunteer")
    assert "gives time" in finding.message and "why they take part" in finding.message


def test_costs_without_benefits_quiet_when_motives_are_recorded():
    """Motives recorded for every individual giver clear it; a group is left out (its gains are its members')."""
    plan = clean_plan()
    assert plan.stakeholder("group").motive is None
    assert not fired(plan, "costs-without-benefits")


def test_an_involuntary_coproducer_cannot_be_assumed_willing():
    """Someone required to take part (an offender on community work) is flagged even with a motive recorded."""
    plan = clean_plan()
    plan.stakeholder("volunteer").motive = Motive.REQUIRED
    finding = fired(plan, "costs-without-benefits")[0]
    assert finding.target_key == "volunteer" and "cannot be assumed" in finding.message
