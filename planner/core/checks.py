"""The plan check: rules over a plan that return findings saying what to do and where."""

from __future__ import annotations

from datetime import date

from planner.core import rules_cells, rules_people, rules_privacy, rules_progress, rules_record, rules_risks
from planner.core.model import Plan
from planner.core.rule_run import check
from planner.core.rules_base import Finding, Flag, Rule, Severity, rule

__all__ = [
    "Finding", "Rule", "Severity", "RULES", "STRUCTURAL_RULES", "RULE_SEVERITIES",
    "check_plan", "dangling_references", "shares_total",
]


@rule("shares-total", Severity.ERROR, each="risks")
def shares_total(plan: Plan, ctx):
    """Each risk's shares must add to 100."""
    def judge(risk):
        if risk.shares.total != 100:
            return Flag(
                f"Risk \u201c{risk.title}\u201d: the shares add to {risk.shares.total}%, not 100%. "
                "Adjust who carries it so users, community and professionals add to 100.",
                "risk", risk.key)
        return None
    return judge


@rule("dangling-reference", Severity.ERROR, ("risks", "safeguards", "stakeholders"))
def dangling_references(plan: Plan, ctx) -> list[Flag]:
    """Owners and mitigated risks must name things that exist in the plan."""
    stakeholders = ctx.positions("stakeholders")
    risks = ctx.positions("risks")
    flags = []
    for risk in plan.risks:
        if risk.owner is not None and risk.owner not in stakeholders:
            flags.append(Flag(
                f"Risk \u201c{risk.title}\u201d is owned by \u201c{risk.owner}\u201d, who is not "
                "in the stakeholder list. Choose an owner from the list.",
                "risk", risk.key))
    for guard in plan.safeguards:
        if guard.owner is not None and guard.owner not in stakeholders:
            flags.append(Flag(
                f"Safeguard \u201c{guard.title}\u201d is owned by \u201c{guard.owner}\u201d, who "
                "is not in the stakeholder list. Choose an owner from the list.",
                "safeguard", guard.key))
        for key in guard.mitigates:
            if key not in risks:
                flags.append(Flag(
                    f"Safeguard \u201c{guard.title}\u201d mitigates risk \u201c{key}\u201d, which "
                    "is not in the risk register. Untick it or add the risk.",
                    "safeguard", guard.key))
    return flags


STRUCTURAL_RULES: list[Rule] = [shares_total, dangling_references]
RULES: list[Rule] = [
    *STRUCTURAL_RULES, *rules_cells.RULES, *rules_risks.RULES, *rules_people.RULES,
    *rules_progress.RULES, *rules_privacy.RULES, *rules_record.RULES,
]

# Every rule id with its severity, read from the rules' own declarations (docs/plan-checks.md
# explains each; a test keeps the two in step).
RULE_SEVERITIES: dict[str, Severity] = {r.id: r.severity for r in RULES}


def check_plan(plan: Plan, rules: list[Rule] | None = None, today: date | None = None) -> list[Finding]:
    """Run every rule and return the findings, errors first.

    Args:
        plan: the plan to check.
        rules: the rules to run; every rule in ``RULES`` when None.
        today: the date review dates are checked against; ``date.today()`` when None.
    """
    return check(plan, RULES if rules is None else rules, today or date.today())
