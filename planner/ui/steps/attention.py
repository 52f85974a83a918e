"""How many things each step needs the officer to look at, worked out from the plan alone.

The step list shows a count for every step, also for pages not built yet (the window builds a
page the first time it is shown). A built page reports its own count from what it shows, through
the same functions, so the two can never disagree. No Qt here: plain reads of the core model.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from planner.core.checks import Finding, Severity
from planner.core.model import DeliveryRole, Plan, PlanningRole, Risk, Safeguard, Stakeholder

MATRIX_RULES = ("no-target-cell", "na-cell", "roles-differ-from-target")
CONTEXT_TEXT_FIELDS = ("organisation", "service_area", "officer", "summary")

# The kinds of change (Change.scope) after which each step's count may differ.
SCOPES: dict[str, frozenset[str]] = {
    "context": frozenset({"plan", "all"}),
    "stakeholders": frozenset({"stakeholders", "all"}),
    "matrix": frozenset({"plan", "stakeholders", "all"}),
    "risks": frozenset({"risks", "all"}),
    "safeguards": frozenset({"safeguards", "risks", "all"}),
    "review": frozenset({"plan", "stakeholders", "risks", "safeguards", "all"}),
}


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


def stakeholders_count(roleless: int, total: int) -> int:
    """Stakeholders without a role; an empty list is itself one thing to do."""
    return roleless if total else 1


def matrix_count(plan: Plan, findings: Iterable[Finding]) -> int:
    """The matrix findings, and one more while today's cell is not said."""
    return sum(1 for f in findings if f.rule in MATRIX_RULES) + (plan.current_cell is None)


def risks_count(risks: Sequence[Risk]) -> int:
    """Risks without an owner; an empty register is itself one thing to do."""
    return sum(1 for r in risks if r.owner is None) if risks else 1


def bare_risks(risks: Iterable[Risk], safeguards: Iterable[Safeguard]) -> list[Risk]:
    """The risks no safeguard answers, in register order."""
    answered = {key for g in safeguards for key in g.mitigates}
    return [r for r in risks if r.key not in answered]


def safeguards_count(risks: Sequence[Risk], safeguards: Sequence[Safeguard]) -> int:
    """Risks with no safeguard; with no risks, an empty list of safeguards is one thing to do."""
    if risks:
        return len(bare_risks(risks, safeguards))
    return 0 if safeguards else 1


def review_count(findings: Iterable[Finding]) -> int:
    """What must be fixed and what to look at; advice is for the officer to weigh."""
    return sum(1 for f in findings if f.severity in (Severity.ERROR, Severity.WARNING))


def count(name: str, plan: Plan, findings: Sequence[Finding]) -> int:
    """The count the step called ``name`` would show for this plan and its check's findings."""
    if name == "context":
        return len(context_gaps(plan))
    if name == "stakeholders":
        return stakeholders_count(sum(1 for s in plan.stakeholders if needs_role(s)), len(plan.stakeholders))
    if name == "matrix":
        return matrix_count(plan, findings)
    if name == "risks":
        return risks_count(plan.risks)
    if name == "safeguards":
        return safeguards_count(plan.risks, plan.safeguards)
    if name == "review":
        return review_count(findings)
    raise KeyError(name)
