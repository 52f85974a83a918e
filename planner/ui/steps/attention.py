"""Which plan-check findings belong to which step, and how many each step has to look at.

The plan check is the one source: a step's count is the number of its findings that must be
fixed or looked at, the page lists those findings (and its advice) at its top, and Review lists
them all under the same step headings, so the step list, the page and Review always agree. The
step list counts pages not built yet through the same functions. No Qt here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from planner.core.checks import Finding, Severity
from planner.core.model import DeliveryRole, Plan, PlanningRole, Risk, Safeguard, Stakeholder

CONTEXT_TEXT_FIELDS = ("organisation", "service_area", "officer", "summary")
COUNTED = (Severity.ERROR, Severity.WARNING)  # advice is listed, for the officer to weigh

_TARGET_STEPS = {"stakeholder": "stakeholders", "risk": "risks", "safeguard": "safeguards",
                 "action": "record"}
_PLAN_RULE_STEPS = {
    "context-incomplete": "context", "drivers-off-axis": "context", "no-stakeholders": "stakeholders",
    "no-service-users": "stakeholders",
    "no-target-cell": "matrix", "na-cell": "matrix", "roles-differ-from-target": "matrix",
    "no-current-cell": "matrix", "coproducer-without-resources": "matrix",
    "community-motives-without-role": "matrix", "no-provider-champion": "stakeholders",
    "no-risks": "risks", "shares-total": "risks", "risk-without-owner": "risks",
    "high-risk-unguarded": "risks", "residual-without-rationale": "risks", "burden-shifting": "risks",
    "diluted-accountability": "safeguards", "safeguard-without-owner": "safeguards",
    "safeguard-without-review": "safeguards", "safeguard-review-overdue": "safeguards",
    "dpia-not-screened": "context",
}
STEP_ORDER = ("context", "stakeholders", "matrix", "risks", "safeguards", "record")

# The kinds of change (Change.scope) after which each step's count may differ: any, since
# rules read across steps (a stakeholder's role moves the matrix's findings).
_ANY = frozenset({"plan", "stakeholders", "risks", "safeguards", "engagements", "actions", "rows", "all"})
SCOPES: dict[str, frozenset[str]] = {name: _ANY for name in (*STEP_ORDER, "review")}


def step_for(finding: Finding) -> str:
    """The NAME of the step where the officer fixes what a finding points at."""
    if finding.target_type in _TARGET_STEPS:
        return _TARGET_STEPS[finding.target_type]
    return _PLAN_RULE_STEPS.get(finding.rule, "stakeholders")


def findings_for(name: str, findings: Iterable[Finding]) -> list[Finding]:
    """The findings a step shows at its top, in the plan check's order (Review: all of them)."""
    return list(findings) if name == "review" else [f for f in findings if step_for(f) == name]


def context_gaps(plan: Plan) -> list[str]:
    """What the Service and context step still needs: empty field names, "drivers", "stages"."""
    gaps = [name for name in CONTEXT_TEXT_FIELDS if not getattr(plan, name).strip()]
    if not plan.drivers:
        gaps.append("drivers")
    if not plan.stages:
        gaps.append("stages")
    return gaps


def needs_role(s: Stakeholder) -> bool:
    """A stakeholder with neither a planning nor a delivery role."""
    return s.planning_role is PlanningRole.NONE and s.delivery_role is DeliveryRole.NONE


def bare_risks(risks: Iterable[Risk], safeguards: Iterable[Safeguard]) -> list[Risk]:
    """The risks no safeguard answers, in register order."""
    answered = {key for g in safeguards for key in g.mitigates}
    return [r for r in risks if r.key not in answered]


def review_count(findings: Iterable[Finding]) -> int:
    """What must be fixed and what to look at; advice is for the officer to weigh."""
    return sum(1 for f in findings if f.severity in COUNTED)


def count(name: str, plan: Plan, findings: Sequence[Finding]) -> int:
    """The count the step called ``name`` shows: its findings to fix or look at."""
    if name != "review" and name not in STEP_ORDER:
        raise KeyError(name)
    return review_count(findings_for(name, findings))
