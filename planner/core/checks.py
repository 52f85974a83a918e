"""The plan check: rules over a plan that return findings saying what to do and where."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from planner.core.model import Plan


class Severity(str, Enum):
    """How much a finding matters; errors make ``coplanner check`` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    ADVICE = "advice"


@dataclass(frozen=True)
class Finding:
    """One thing the plan check found, and the thing it points at."""

    rule: str
    severity: Severity
    message: str
    target_type: str = "plan"  # plan | stakeholder | risk | safeguard
    target_key: str | None = None

    def as_dict(self) -> dict:
        """The ``--json`` shape."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "target": {"type": self.target_type, "key": self.target_key},
        }


Rule = Callable[[Plan], list[Finding]]


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
RULES: list[Rule] = list(STRUCTURAL_RULES)

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.ADVICE: 2}


def check_plan(plan: Plan, rules: list[Rule] | None = None) -> list[Finding]:
    """Run every rule and return the findings, errors first."""
    findings = [f for rule in (RULES if rules is None else rules) for f in rule(plan)]
    return sorted(findings, key=lambda f: _ORDER[f.severity])
