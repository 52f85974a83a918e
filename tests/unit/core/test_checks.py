"""Tests for the plan check: each rule fires on a plan that breaks it and stays quiet otherwise."""

from __future__ import annotations

from datetime import date

import pytest
from rule_plans import TODAY, clean_plan, person

from planner.core.checks import RULE_SEVERITIES, RULES, Finding, Severity, check_plan
from planner.core.matrix import NA_CELL, Cell
from planner.core.model import (
    Category, Contribution, ContributionKind, DeliveryRole, Motive, Plan, PlanningRole, Risk,
    SafeguardKind, Shares, Side, Stance,
)


def rule_ids(plan: Plan) -> set[str]:
    """The ids of every rule that fires on the plan."""
    return {f.rule for f in check_plan(plan, today=TODAY)}


def fired(plan: Plan, rule: str) -> list[Finding]:
    """The findings of one rule."""
    return [f for f in check_plan(plan, today=TODAY) if f.rule == rule]


def test_clean_plan_has_no_findings():
    """A well-formed full-coproduction plan raises nothing at all."""
    assert check_plan(clean_plan(), today=TODAY) == []


def test_check_plan_works_without_today():
    """check_plan(plan) still works and uses today's date."""
    assert check_plan(clean_plan()) == []


def test_findings_sorted_errors_first():
    """Errors come before warnings and warnings before advice."""
    plan = clean_plan()
    plan.target_cell = None
    plan.safeguards[0].review_date = None
    plan.risks[0].owner = None
    order = [f.severity for f in check_plan(plan, today=TODAY)]
    assert order == sorted(order, key=[Severity.ERROR, Severity.WARNING, Severity.ADVICE].index)


def test_finding_severities_match_the_registry():
    """Each finding carries the severity its rule is registered with."""
    plan = clean_plan()
    plan.target_cell = None
    plan.risks[0].owner = None
    plan.safeguards[0].review_date = None
    for finding in check_plan(plan, today=TODAY):
        assert RULE_SEVERITIES[finding.rule] is finding.severity


# ---------------------------------------------------------------- the matrix


def test_no_target_cell_fires():
    """A plan without a target cell is an error."""
    plan = clean_plan()
    plan.target_cell = None
    assert [f.severity for f in fired(plan, "no-target-cell")] == [Severity.ERROR]


def test_no_target_cell_quiet_with_target():
    """A plan with a target cell passes."""
    assert not fired(clean_plan(), "no-target-cell")


def test_na_cell_fires_for_described_cell():
    """Roles where only the community plans and only professionals deliver describe the N/A cell."""
    plan = clean_plan()
    for s in plan.stakeholders:
        if s.side is Side.PROVIDER:
            s.planning_role = PlanningRole.NONE
        else:
            s.delivery_role = DeliveryRole.NONE
    assert any("N/A" in f.message for f in fired(plan, "na-cell"))


def test_na_cell_fires_for_target():
    """A target set to the N/A cell is an error."""
    plan = clean_plan()
    plan.target_cell = NA_CELL
    assert fired(plan, "na-cell")[0].severity is Severity.ERROR


def test_na_cell_quiet():
    """Roles describing a real cell pass."""
    assert not fired(clean_plan(), "na-cell")


def test_roles_differ_names_the_roles():
    """Roles describing another cell than the target say which stakeholders differ."""
    plan = clean_plan()
    plan.target_cell = Cell.of("professionals", "co")
    findings = fired(plan, "roles-differ-from-target")
    assert len(findings) == 1
    assert "User" in findings[0].message and "Group" in findings[0].message
    assert findings[0].target_type == "stakeholder"


def test_roles_differ_quiet_when_roles_match():
    """Roles that describe the target pass."""
    assert not fired(clean_plan(), "roles-differ-from-target")


def test_coproducer_without_resources_fires():
    """A coproducing side whose active members bring nothing breaks the article's definition."""
    plan = clean_plan()
    plan.stakeholder("officer").contributions = []
    findings = fired(plan, "coproducer-without-resources")
    assert len(findings) == 1 and "providers" in findings[0].message


def test_coproducer_without_resources_quiet():
    """Every coproducing side contributing something passes."""
    assert not fired(clean_plan(), "coproducer-without-resources")


def test_community_motives_without_role_fires():
    """An altruistic stakeholder with a traditional professional target is flagged."""
    plan = clean_plan()
    plan.target_cell = Cell.of("professionals", "professionals")
    plan.stakeholder("volunteer").motive = Motive.ALTRUISTIC
    assert fired(plan, "community-motives-without-role")[0].target_key == "volunteer"


def test_community_motives_without_role_fires_when_community_has_no_role():
    """A future user with no community-side planner or deliverer is flagged."""
    plan = clean_plan()
    plan.stakeholder("user").motive = Motive.FUTURE_USER
    for key in ("group", "volunteer"):
        plan.stakeholder(key).planning_role = PlanningRole.CONSULTED
        plan.stakeholder(key).delivery_role = DeliveryRole.NONE
    assert fired(plan, "community-motives-without-role")


def test_community_motives_quiet_when_community_acts():
    """Community motives with a community that plans and delivers pass."""
    plan = clean_plan()
    plan.stakeholder("volunteer").motive = Motive.AFFECTED_BY_USER
    assert not fired(plan, "community-motives-without-role")


def test_no_provider_champion_fires():
    """No champion on the provider side is advice to name one."""
    plan = clean_plan()
    plan.stakeholder("officer").stance = Stance.SUPPORTIVE
    assert fired(plan, "no-provider-champion")[0].severity is Severity.ADVICE


def test_no_provider_champion_quiet():
    """A provider champion satisfies the rule."""
    assert not fired(clean_plan(), "no-provider-champion")


# ---------------------------------------------------------------- risks and safeguards


def test_shares_total_fires():
    """Shares that do not add to 100 are an error."""
    plan = clean_plan()
    plan.risks[0].shares = Shares(10, 10, 10)
    assert fired(plan, "shares-total")[0].target_key == "r1"


def test_shares_total_quiet():
    """Shares adding to 100 pass."""
    assert not fired(clean_plan(), "shares-total")


def test_dangling_reference_fires():
    """A safeguard naming a missing risk is an error."""
    plan = clean_plan()
    plan.safeguards[0].mitigates.append("r9")
    assert fired(plan, "dangling-reference")


def test_dangling_reference_quiet():
    """References to existing things pass."""
    assert not fired(clean_plan(), "dangling-reference")


def test_risk_without_owner_fires():
    """A risk nobody owns is flagged."""
    plan = clean_plan()
    plan.risks[0].owner = None
    assert fired(plan, "risk-without-owner")[0].target_key == "r1"


def test_risk_without_owner_quiet():
    """An owned risk passes."""
    assert not fired(clean_plan(), "risk-without-owner")


def test_high_risk_unguarded_fires():
    """A high risk that no safeguard answers is an error."""
    plan = clean_plan()
    plan.risks.append(Risk("r2", "Burnout", likelihood=5, impact=3, owner="officer"))
    findings = fired(plan, "high-risk-unguarded")
    assert [(f.severity, f.target_key) for f in findings] == [(Severity.ERROR, "r2")]


def test_high_risk_guarded_quiet():
    """A high risk with a safeguard passes."""
    plan = clean_plan()
    plan.risks[0].likelihood, plan.risks[0].impact = 5, 5
    assert not fired(plan, "high-risk-unguarded")


def test_residual_without_rationale_fires():
    """An accepted residual risk with no reason is flagged."""
    plan = clean_plan()
    plan.risks[0].accepted_residual = True
    assert fired(plan, "residual-without-rationale")


def test_residual_with_rationale_quiet():
    """An accepted residual risk with its reason passes."""
    plan = clean_plan()
    plan.risks[0].accepted_residual = True
    plan.risks[0].residual_rationale = "Users chose to carry it."
    assert not fired(plan, "residual-without-rationale")


def test_burden_shifting_fires():
    """Users and community carrying most of a high risk raises the dumping question."""
    plan = clean_plan()
    plan.risks[0].likelihood, plan.risks[0].impact = 4, 4
    plan.risks[0].shares = Shares(40, 30, 30)
    assert "70%" in fired(plan, "burden-shifting")[0].message


def test_burden_shifting_quiet_for_low_risk_or_fair_split():
    """A low risk, or a high one professionals mostly carry, passes."""
    plan = clean_plan()
    plan.risks[0].shares = Shares(40, 30, 30)
    assert not fired(plan, "burden-shifting")
    plan.risks[0].likelihood, plan.risks[0].impact = 4, 4
    plan.risks[0].shares = Shares(25, 25, 50)
    assert not fired(plan, "burden-shifting")


def test_diluted_accountability_fires():
    """Lay planning or delivery with no accountability line or reserve power is flagged."""
    plan = clean_plan()
    plan.safeguards[0].kind = SafeguardKind.MONITORING
    assert fired(plan, "diluted-accountability")


def test_diluted_accountability_quiet_with_reserve_power_or_traditional_target():
    """A reserve power answers it, and traditional provision does not need it."""
    plan = clean_plan()
    plan.safeguards[0].kind = SafeguardKind.RESERVE_POWER
    assert not fired(plan, "diluted-accountability")
    plan.safeguards[0].kind = SafeguardKind.MONITORING
    plan.target_cell = Cell.of("professionals", "professionals")
    assert not fired(plan, "diluted-accountability")


def test_safeguard_without_owner_fires():
    """A safeguard nobody runs is flagged."""
    plan = clean_plan()
    plan.safeguards[1].owner = None
    assert fired(plan, "safeguard-without-owner")[0].target_key == "g2"


def test_safeguard_without_owner_quiet():
    """Owned safeguards pass."""
    assert not fired(clean_plan(), "safeguard-without-owner")


def test_safeguard_without_review_fires():
    """A safeguard with no review date gets advice."""
    plan = clean_plan()
    plan.safeguards[1].review_date = None
    assert fired(plan, "safeguard-without-review")[0].severity is Severity.ADVICE


def test_safeguard_without_review_quiet():
    """Safeguards with review dates pass."""
    assert not fired(clean_plan(), "safeguard-without-review")


def test_safeguard_review_overdue_fires():
    """A review date before today is overdue."""
    plan = clean_plan()
    assert not check_plan(plan, today=date(2099, 1, 1))
    findings = [f for f in check_plan(plan, today=date(2099, 1, 2))
                if f.rule == "safeguard-review-overdue"]
    assert {f.target_key for f in findings} == {"g1", "g2"}
    assert findings[0].message == (
        "Safeguard \u201cLine of accountability\u201d was due for review on 1 January 2099. "
        "Review it and set the next date.")


def test_safeguard_review_overdue_bad_date():
    """A review date that is not a date is reported rather than crashing."""
    plan = clean_plan()
    plan.safeguards[0].review_date = "soon"
    assert "YYYY-MM-DD" in fired(plan, "safeguard-review-overdue")[0].message


# ---------------------------------------------------------------- people


def _resistant(plan: Plan) -> Plan:
    plan.stakeholders.append(person("surgeon", Category.PROFESSIONAL, planning="none",
                                    stance=Stance.RESISTANT, influence=5))
    return plan


def test_professional_resistance_fires():
    """An influential resistant professional with no training or role agreement is flagged."""
    plan = _resistant(clean_plan())
    plan.safeguards.pop()  # the training
    assert fired(plan, "professional-resistance")[0].target_key == "surgeon"


def test_professional_resistance_quiet_with_training_or_low_influence():
    """Training that names the resisting professional answers it; a sceptic without influence is not flagged."""
    plan = _resistant(clean_plan())
    plan.safeguards[1].title = "Training for Surgeon in working with patients as partners"
    assert not fired(plan, "professional-resistance")
    plan.safeguards.pop()
    plan.stakeholder("surgeon").influence = 3
    assert not fired(plan, "professional-resistance")


def test_representatives_without_users_fires():
    """Community representatives with no service users among the stakeholders are flagged."""
    plan = clean_plan()
    plan.stakeholder("user").category = Category.COMMUNITY_REPRESENTATIVE
    assert fired(plan, "representatives-without-users")[0].target_key == "user"


def test_representatives_with_users_quiet():
    """Representatives beside service users pass."""
    plan = clean_plan()
    plan.stakeholder("group").category = Category.COMMUNITY_REPRESENTATIVE
    assert not fired(plan, "representatives-without-users")


def test_single_community_voice_fires():
    """Only one community-side stakeholder is advice to widen participation."""
    plan = clean_plan()
    plan.stakeholders = [s for s in plan.stakeholders if s.key != "volunteer"]
    assert fired(plan, "single-community-voice")[0].target_key == "group"


def test_single_community_voice_quiet():
    """Two community voices pass."""
    assert not fired(clean_plan(), "single-community-voice")


def test_volunteer_time_concentration_fires():
    """One person giving more than half of the time individuals volunteer is flagged."""
    plan = clean_plan()
    plan.stakeholder("volunteer").contributions = [Contribution(ContributionKind.TIME, 20, "Hours a week ")]
    finding = fired(plan, "volunteer-time-concentration")[0]
    assert finding.target_key == "volunteer" and "20 of the 22" in finding.message


def test_volunteer_time_spread_quiet():
    """Time spread evenly, or in units that cannot be compared, passes."""
    plan = clean_plan()
    assert not fired(plan, "volunteer-time-concentration")
    plan.stakeholder("volunteer").contributions = [Contribution(ContributionKind.TIME, 20, "days a year")]
    assert not fired(plan, "volunteer-time-concentration")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_every_rule_handles_an_empty_plan(rule):
    """On a bare plan only what is still missing is reported; no other rule fires or crashes."""
    kwargs = {"today": TODAY} if getattr(rule, "uses_today", False) else {}
    found = {f.rule for f in rule(Plan("Bare"), **kwargs)}
    missing = {"no-target-cell", "context-incomplete", "no-stakeholders", "no-current-cell", "no-risks"}
    assert found == ({rule.__name__.replace("_", "-")} & missing)
