"""Plan-check rules about the division of risk and the safeguards that answer it."""

from __future__ import annotations

from datetime import date

from planner.core.described import described_cell
from planner.core.model import Plan, SafeguardKind
from planner.core.rules_base import Finding, Severity, lay_role_in, quoted, uses_today

_ACCOUNTABILITY_KINDS = (SafeguardKind.ACCOUNTABILITY_LINE, SafeguardKind.RESERVE_POWER)
# English month names, whatever the machine's locale (strftime's %B follows the locale).
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def risk_without_owner(plan: Plan) -> list[Finding]:
    """Every risk needs someone who watches it."""
    return [Finding(
        "risk-without-owner", Severity.WARNING,
        f"Risk {quoted(risk.title)} has no owner. Choose the stakeholder who will watch it.",
        "risk", risk.key) for risk in plan.risks if risk.owner is None]


def high_risk_unguarded(plan: Plan) -> list[Finding]:
    """A high risk (likelihood x impact of 15 or more) must have at least one safeguard."""
    answered = {key for guard in plan.safeguards for key in guard.mitigates}
    return [Finding(
        "high-risk-unguarded", Severity.ERROR,
        f"Risk {quoted(risk.title)} is high (likelihood {risk.likelihood} \u00d7 impact "
        f"{risk.impact} = {risk.score}) and no safeguard answers it. Add a safeguard and tick "
        "this risk, or lower the risk if it has been overstated.",
        "risk", risk.key) for risk in plan.risks if risk.is_high and risk.key not in answered]


def residual_without_rationale(plan: Plan) -> list[Finding]:
    """Accepting a residual risk is a decision; write down why."""
    return [Finding(
        "residual-without-rationale", Severity.WARNING,
        f"Risk {quoted(risk.title)} is accepted as residual but gives no reason. Say why it "
        "is acceptable: not every risk to users can be removed, but the choice must be open.",
        "risk", risk.key)
        for risk in plan.risks if risk.accepted_residual and not risk.residual_rationale.strip()]


def burden_shifting(plan: Plan) -> list[Finding]:
    """Users or community carrying most of a high risk may be a hard problem passed on to them."""
    return [Finding(
        "burden-shifting", Severity.WARNING,
        f"Users and community carry {risk.shares.users + risk.shares.community}% of the high "
        f"risk {quoted(risk.title)}. Ask whether this is genuine coproduction or a hard "
        "problem passed to users and communities; if it is genuine, say what support and "
        "safeguards they have.",
        "risk", risk.key)
        for risk in plan.risks
        if risk.is_high and risk.shares.users + risk.shares.community > 50]


def diluted_accountability(plan: Plan) -> list[Finding]:
    """Where users or community plan or deliver, a line of accountability or reserve power is needed."""
    cell = plan.target_cell or described_cell(plan.stakeholders)
    if cell is None or not lay_role_in(cell):
        return []
    if any(guard.kind in _ACCOUNTABILITY_KINDS for guard in plan.safeguards):
        return []
    return [Finding(
        "diluted-accountability", Severity.WARNING,
        "Users or community plan or deliver, but no safeguard sets a line of accountability "
        "or a reserve power. Say who answers for the service, to whom, and who may step in "
        "if things go wrong.")]


def safeguard_without_owner(plan: Plan) -> list[Finding]:
    """Every safeguard needs someone who makes it work."""
    return [Finding(
        "safeguard-without-owner", Severity.WARNING,
        f"Safeguard {quoted(guard.title)} has no owner. Choose the stakeholder who runs it.",
        "safeguard", guard.key) for guard in plan.safeguards if guard.owner is None]


def safeguard_without_review(plan: Plan) -> list[Finding]:
    """Safeguards should be reviewed; give each a date."""
    return [Finding(
        "safeguard-without-review", Severity.ADVICE,
        f"Safeguard {quoted(guard.title)} has no review date. Set one so the plan comes back "
        "to it.",
        "safeguard", guard.key) for guard in plan.safeguards if not guard.review_date]


@uses_today
def safeguard_review_overdue(plan: Plan, today: date | None = None) -> list[Finding]:
    """A safeguard whose review date has passed needs reviewing and a new date."""
    today = today or date.today()
    findings = []
    for guard in plan.safeguards:
        if not guard.review_date:
            continue
        try:
            due = date.fromisoformat(guard.review_date)
        except ValueError:
            findings.append(Finding(
                "safeguard-review-overdue", Severity.WARNING,
                f"Safeguard {quoted(guard.title)} has a review date that is not a date "
                f"({guard.review_date!r}). Enter it as YYYY-MM-DD.",
                "safeguard", guard.key))
            continue
        if due < today:
            findings.append(Finding(
                "safeguard-review-overdue", Severity.WARNING,
                f"Safeguard {quoted(guard.title)} was due for review on "
                f"{due.day} {_MONTHS[due.month - 1]} {due.year}. "
                "Review it and set the next date.",
                "safeguard", guard.key))
    return findings


RULES = [risk_without_owner, high_risk_unguarded, residual_without_rationale, burden_shifting,
         diluted_accountability, safeguard_without_owner, safeguard_without_review,
         safeguard_review_overdue]
