"""Every plan-check rule is registered, documented, has a step to go to, and fires on a plan made to break it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rule_plans import TODAY, clean_plan

from planner.core.checks import RULE_SEVERITIES, RULES, check_plan
from planner.core.matrix import NA_CELL, Cell
from planner.core.model import (
    Action, Category, DeliveryRole, LawfulBasis, Motive, Plan, Risk, SafeguardKind, Shares, Stance,
)
from planner.ui.steps import PAGES
from planner.ui.steps.attention import step_for

DOC = Path(__file__).parents[3] / "docs" / "plan-checks.md"


def _set(obj, **values) -> None:
    for name, value in values.items():
        setattr(obj, name, value)


# For each rule id, how to break the clean plan (which no rule fires on) so that the rule fires.
BREAKS: dict[str, Callable[[Plan], None]] = {
    "shares-total": lambda p: _set(p.risks[0], shares=Shares(10, 10, 10)),
    "dangling-reference": lambda p: p.safeguards[0].mitigates.append("r9"),
    "no-target-cell": lambda p: _set(p, target_cell=None),
    "na-cell": lambda p: _set(p, target_cell=NA_CELL),
    "roles-differ-from-target": lambda p: _set(p, target_cell=Cell.of("professionals", "co")),
    "coproducer-without-resources": lambda p: _set(p.stakeholder("officer"), contributions=[]),
    "community-motives-without-role": lambda p: (
        _set(p, target_cell=Cell.of("professionals", "professionals")),
        _set(p.stakeholder("volunteer"), motive=Motive.ALTRUISTIC)),
    "no-provider-champion": lambda p: _set(p.stakeholder("officer"), stance=Stance.SUPPORTIVE),
    "risk-without-owner": lambda p: _set(p.risks[0], owner=None),
    "high-risk-unguarded": lambda p: p.risks.append(
        Risk("r2", "Burnout", likelihood=5, impact=3, owner="officer")),
    "residual-without-rationale": lambda p: _set(p.risks[0], accepted_residual=True),
    "burden-shifting": lambda p: _set(p.risks[0], likelihood=4, impact=4, shares=Shares(40, 30, 30)),
    "diluted-accountability": lambda p: _set(p.safeguards[0], kind=SafeguardKind.MONITORING),
    "safeguard-without-owner": lambda p: _set(p.safeguards[1], owner=None),
    "safeguard-without-review": lambda p: _set(p.safeguards[1], review_date=None),
    "safeguard-review-overdue": lambda p: _set(p.safeguards[1], review_date="2020-01-01"),
    "action-overdue": lambda p: p.actions.append(Action("a1", "Book the hall", due="2020-01-01")),
    "professional-resistance": lambda p: (
        _set(p.stakeholder("officer"), stance=Stance.RESISTANT), p.safeguards.pop()),
    "representatives-without-users": lambda p: (
        p.stakeholders.remove(p.stakeholder("user")),
        _set(p.stakeholder("group"), category=Category.COMMUNITY_REPRESENTATIVE)),
    "single-community-voice": lambda p: p.stakeholders.remove(p.stakeholder("volunteer")),
    "context-incomplete": lambda p: _set(p, summary=" "),
    "no-stakeholders": lambda p: (p.stakeholders.clear(), p.risks.clear(), p.safeguards.clear()),
    "stakeholder-without-role": lambda p: _set(
        p.stakeholder("volunteer"), delivery_role=DeliveryRole.NONE),
    "no-current-cell": lambda p: _set(p, current_cell=None),
    "no-risks": lambda p: (p.risks.clear(), [g.mitigates.clear() for g in p.safeguards]),
    "volunteer-time-concentration": lambda p: _set(
        p.stakeholder("volunteer").contributions[0], amount=20),
    "high-risk-accepted": lambda p: p.risks.append(Risk(
        "r2", "Falls", likelihood=5, impact=3, owner="officer", accepted_residual=True,
        residual_rationale="The users chose it.")),
    "no-service-users": lambda p: p.stakeholders.remove(p.stakeholder("user")),
    "drivers-off-axis": lambda p: _set(p, current_cell=Cell.of("co", "professionals")),
    "personal-without-basis": lambda p: _set(p.stakeholder("user"), personal=True),
    "consent-undated": lambda p: _set(p.stakeholder("user"), personal=True,
                                      lawful_basis=LawfulBasis.CONSENT),
    "consent-withdrawn": lambda p: _set(p.stakeholder("user"), personal=True,
                                        lawful_basis=LawfulBasis.CONSENT,
                                        consent_withdrawn_on="2024-05-01"),
    "retention-overdue": lambda p: _set(p.stakeholder("user"), personal=True,
                                        retain_until="2024-05-31"),
    "retention-due": lambda p: _set(p.stakeholder("user"), personal=True,
                                    retain_until="2024-06-30"),
    "retention-missing": lambda p: _set(p.stakeholder("user"), personal=True),
    "dpia-not-screened": lambda p: (_set(p.stakeholder("user"), personal=True),
                                    _set(p, dpia_screening={})),
    "special-category-hint": lambda p: _set(p.stakeholder("user"), personal=True,
                                            notes="Uses a wheelchair"),
    "costs-without-benefits": lambda p: _set(p.stakeholder("user"), motive=Motive.REQUIRED),
}


def test_every_rule_id_is_registered_documented_and_breakable():
    """The registry, the documentation and the breaking plans name the same rules."""
    doc = DOC.read_text(encoding="utf-8")
    assert set(BREAKS) == set(RULE_SEVERITIES)
    for rule_id in RULE_SEVERITIES:
        assert f"| `{rule_id}` |" in doc, rule_id


def test_every_registered_rule_runs():
    """Each rule function reports at least one registered rule id on some breaking plan."""
    ids = set()
    for rule_id, breaking in BREAKS.items():
        plan = clean_plan()
        breaking(plan)
        for rule in RULES:
            kwargs = {"today": TODAY} if getattr(rule, "uses_today", False) else {}
            found = {f.rule for f in rule(plan, **kwargs)}
            if rule_id in found:
                ids.add(rule.__name__)
    assert ids == {rule.__name__ for rule in RULES}


def test_the_clean_plan_triggers_nothing():
    """The plan every rule is broken from raises no finding at all (the non-triggering case)."""
    assert check_plan(clean_plan(), today=TODAY) == []


@pytest.mark.parametrize("rule_id", sorted(BREAKS))
def test_each_rule_fires_with_its_severity_and_a_step_to_go_to(rule_id):
    """Breaking the clean plan fires the rule, with its registered severity and a real step."""
    plan = clean_plan()
    BREAKS[rule_id](plan)
    findings = [f for f in check_plan(plan, today=TODAY) if f.rule == rule_id]
    assert findings, rule_id
    steps = {page.name for page in PAGES} - {"review"}
    for finding in findings:
        assert finding.severity is RULE_SEVERITIES[rule_id]
        assert step_for(finding) in steps
        assert finding.message.rstrip().endswith((".", ")")), finding.message
