"""Plan-check rules for what a step still lacks: empty context, people without a part, empty registers.

They make the plan check the one source of every "to look at" count in the app: a step's count
is the number of its findings, so the step list, the page and Review always agree.
"""

from __future__ import annotations

from planner.core.model import DeliveryRole, Plan, PlanningRole
from planner.core.rules_base import Flag, Severity, quoted, rule

_CONTEXT = (  # (field, what to say is missing)
    ("organisation", "the organisation that runs the service"),
    ("service_area", "the service area"),
    ("officer", "the officer who leads the plan"),
    ("summary", "a summary of what should change and why"),
)


@rule("context-incomplete", Severity.WARNING, "plan")
def context_incomplete(plan: Plan, ctx) -> list[Flag]:
    """The service and context step: each empty field, and no drivers or stages."""
    missing = [text for field, text in _CONTEXT if not getattr(plan, field).strip()]
    if not plan.drivers:
        missing.append("why the service is coproduced (its drivers)")
    if not plan.stages:
        missing.append("the stages of the service that are coproduced")
    return [Flag(f"Service and context: the plan does not yet say {text}.", "plan", None)
            for text in missing]


@rule("no-stakeholders", Severity.WARNING, "stakeholders")
def no_stakeholders(plan: Plan, ctx) -> list[Flag]:
    """A plan to coproduce with nobody named."""
    if plan.stakeholders:
        return []
    return [Flag("The plan names no stakeholders yet. Add the users, community groups, "
                    "providers and governance bodies who have a part in the service.", "plan", None)]


@rule("stakeholder-without-role", Severity.WARNING, each="stakeholders")
def stakeholder_without_role(plan: Plan, ctx):
    """A stakeholder with neither a planning nor a delivery role."""
    return lambda s: Flag(
        f"Stakeholder {quoted(s.name)} has neither a planning nor a delivery role. Say what part "
        "they take, or whether they are only kept informed.", "stakeholder", s.key) if (
        s.planning_role is PlanningRole.NONE and s.delivery_role is DeliveryRole.NONE) else None


@rule("no-current-cell", Severity.WARNING, "plan")
def no_current_cell(plan: Plan, ctx) -> list[Flag]:
    """Where the service is today, so the plan shows the move it makes."""
    if plan.current_cell is not None:
        return []
    return [Flag("The matrix does not yet say where the service is today. Choose today's cell "
                    "so the plan shows the move it makes.", "plan", None)]


@rule("no-risks", Severity.WARNING, "risks")
def no_risks(plan: Plan, ctx) -> list[Flag]:
    """Coproduction brings a new division of risk; an empty register has not looked at it."""
    if plan.risks:
        return []
    return [Flag("The risk register is empty. Record what could go wrong and who would carry "
                    "it: users, the community or professionals.", "plan", None)]


RULES = [context_incomplete, no_stakeholders, stakeholder_without_role, no_current_cell, no_risks]
RULE_IDS = frozenset(r.id for r in RULES)
