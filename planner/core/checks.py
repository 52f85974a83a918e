"""The plan check: rules over a plan that return findings saying what to do and where."""

from __future__ import annotations

from datetime import date

from planner.core import rules_cells, rules_people, rules_privacy, rules_progress, rules_record, rules_risks
from planner.core.model import Plan
from planner.core.rules_base import Finding, Rule, Severity

__all__ = [
    "Finding", "Rule", "Severity", "RULES", "STRUCTURAL_RULES", "RULE_SEVERITIES",
    "check_plan", "dangling_references", "shares_total",
]


def shares_total(plan: Plan) -> list[Finding]:
    """Each risk's shares must add to 100."""
    return [
        Finding(
            "shares-total",
            Severity.ERROR,
            f"Risk \u201c{risk.title}\u201d: the shares add to {risk.shares.total}%, not 100%. "
            "Adjust who carries it so users, community and professionals add to 100.",
            "risk",
            risk.key,
        )
        for risk in plan.risks
        if risk.shares.total != 100
    ]


def dangling_references(plan: Plan) -> list[Finding]:
    """Owners and mitigated risks must name things that exist in the plan."""
    stakeholders = {s.key for s in plan.stakeholders}
    risks = {r.key for r in plan.risks}
    findings = []
    for risk in plan.risks:
        if risk.owner is not None and risk.owner not in stakeholders:
            findings.append(Finding(
                "dangling-reference", Severity.ERROR,
                f"Risk \u201c{risk.title}\u201d is owned by \u201c{risk.owner}\u201d, who is not "
                "in the stakeholder list. Choose an owner from the list.",
                "risk", risk.key))
    for guard in plan.safeguards:
        if guard.owner is not None and guard.owner not in stakeholders:
            findings.append(Finding(
                "dangling-reference", Severity.ERROR,
                f"Safeguard \u201c{guard.title}\u201d is owned by \u201c{guard.owner}\u201d, who "
                "is not in the stakeholder list. Choose an owner from the list.",
                "safeguard", guard.key))
        for key in guard.mitigates:
            if key not in risks:
                findings.append(Finding(
                    "dangling-reference", Severity.ERROR,
                    f"Safeguard \u201c{guard.title}\u201d mitigates risk \u201c{key}\u201d, which "
                    "is not in the risk register. Untick it or add the risk.",
                    "safeguard", guard.key))
    return findings


STRUCTURAL_RULES: list[Rule] = [shares_total, dangling_references]
RULES: list[Rule] = [
    *STRUCTURAL_RULES, *rules_cells.RULES, *rules_risks.RULES, *rules_people.RULES,
    *rules_progress.RULES, *rules_privacy.RULES, *rules_record.RULES,
]

# Every rule id with its severity; docs/plan-checks.md explains each (a test keeps them in step).
RULE_SEVERITIES: dict[str, Severity] = {
    "shares-total": Severity.ERROR,
    "dangling-reference": Severity.ERROR,
    "no-target-cell": Severity.ERROR,
    "na-cell": Severity.ERROR,
    "roles-differ-from-target": Severity.WARNING,
    "coproducer-without-resources": Severity.WARNING,
    "community-motives-without-role": Severity.WARNING,
    "no-provider-champion": Severity.ADVICE,
    "risk-without-owner": Severity.WARNING,
    "high-risk-unguarded": Severity.ERROR,
    "high-risk-accepted": Severity.ADVICE,
    "residual-without-rationale": Severity.WARNING,
    "burden-shifting": Severity.WARNING,
    "diluted-accountability": Severity.WARNING,
    "safeguard-without-owner": Severity.WARNING,
    "safeguard-without-review": Severity.ADVICE,
    "safeguard-review-overdue": Severity.WARNING,
    "action-overdue": Severity.WARNING,
    "professional-resistance": Severity.WARNING,
    "representatives-without-users": Severity.WARNING,
    "single-community-voice": Severity.ADVICE,
    "volunteer-time-concentration": Severity.WARNING,
    "no-service-users": Severity.WARNING,
    "costs-without-benefits": Severity.ADVICE,
    "drivers-off-axis": Severity.ADVICE,
    "context-incomplete": Severity.WARNING,
    "no-stakeholders": Severity.WARNING,
    "stakeholder-without-role": Severity.WARNING,
    "no-current-cell": Severity.WARNING,
    "no-risks": Severity.WARNING,
    "personal-without-basis": Severity.WARNING,
    "consent-withdrawn": Severity.ERROR,
    "consent-undated": Severity.WARNING,
    "retention-overdue": Severity.ERROR,
    "retention-due": Severity.WARNING,
    "retention-missing": Severity.ADVICE,
    "dpia-not-screened": Severity.WARNING,
    "special-category-hint": Severity.ADVICE,
}

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.ADVICE: 2}


def check_plan(plan: Plan, rules: list[Rule] | None = None, today: date | None = None) -> list[Finding]:
    """Run every rule and return the findings, errors first.

    Args:
        plan: the plan to check.
        rules: the rules to run; every rule in ``RULES`` when None.
        today: the date review dates are checked against; ``date.today()`` when None.
    """
    today = today or date.today()
    findings = []
    for rule in RULES if rules is None else rules:
        found = rule(plan, today=today) if getattr(rule, "uses_today", False) else rule(plan)
        findings.extend(found)
    return sorted(findings, key=lambda f: _ORDER[f.severity])
