"""Plan-check rules about the division of risk and the safeguards that answer it."""

from __future__ import annotations

from datetime import date

from planner.core.dates import long_date
from planner.core.described import described_cell
from planner.core.matrix import Delivery
from planner.core.model import Driver, Plan, Risk, SafeguardKind
from planner.core.rules_base import Finding, Severity, lay_role_in, quoted, uses_today

_ACCOUNTABILITY_KINDS = (SafeguardKind.ACCOUNTABILITY_LINE, SafeguardKind.RESERVE_POWER)


def risk_without_owner(plan: Plan) -> list[Finding]:
    """Every risk needs someone who watches it."""
    return [Finding(
        "risk-without-owner", Severity.WARNING,
        f"Risk {quoted(risk.title)} has no owner. Choose the stakeholder who will watch it.",
        "risk", risk.key) for risk in plan.risks if risk.owner is None]


def _accepted_with_reason(risk: Risk) -> bool:
    return risk.accepted_residual and bool(risk.residual_rationale.strip())


def _answered(plan: Plan) -> set[str]:
    return {key for guard in plan.safeguards for key in guard.mitigates}


def high_risk_unguarded(plan: Plan) -> list[Finding]:
    """A high risk (likelihood x impact of 15 or more) needs a safeguard, or an open decision to accept it."""
    answered = _answered(plan)
    return [Finding(
        "high-risk-unguarded", Severity.ERROR,
        f"Risk {quoted(risk.title)} is high (likelihood {risk.likelihood} \u00d7 impact "
        f"{risk.impact} = {risk.score}) and no safeguard answers it. Add a safeguard and tick "
        "this risk, accept it as residual with the reason written down, or lower it if it has "
        "been overstated.",
        "risk", risk.key)
        for risk in plan.risks
        if risk.is_high and risk.key not in answered and not _accepted_with_reason(risk)]


def high_risk_accepted(plan: Plan) -> list[Finding]:
    """A high risk accepted as residual with a written reason is a decision: advice to keep it in view."""
    answered = _answered(plan)
    return [Finding(
        "high-risk-accepted", Severity.ADVICE,
        f"Risk {quoted(risk.title)} is high ({risk.score}) and accepted as residual without a "
        "safeguard, for the reason written down. Not every risk to users can be removed; make "
        "sure those who carry it have agreed, and look at it again at each review.",
        "risk", risk.key)
        for risk in plan.risks
        if risk.is_high and risk.key not in answered and _accepted_with_reason(risk)]


def residual_without_rationale(plan: Plan) -> list[Finding]:
    """Accepting a residual risk is a decision; write down why."""
    return [Finding(
        "residual-without-rationale", Severity.WARNING,
        f"Risk {quoted(risk.title)} is accepted as residual but gives no reason. Say why it "
        "is acceptable: not every risk to users can be removed, but the choice must be open.",
        "risk", risk.key)
        for risk in plan.risks if risk.accepted_residual and not risk.residual_rationale.strip()]


def _trust_recorded(risk: Risk) -> bool:
    """The sides that carry the risk say what they must trust of the others."""
    sides = [(risk.shares.users, risk.trust_users), (risk.shares.community, risk.trust_community)]
    return all(text.strip() for share, text in sides if share > 0)


def burden_shifting(plan: Plan) -> list[Finding]:
    """Users or community carrying most of a high risk: genuine coproduction, or a problem dumped on them?

    Read with the drivers: a logistical driver (a service that cannot be delivered without them)
    with users or community delivering is the article's legitimate case, and safeguards and
    trust statements that answer the risk settle it; a governance driver alone does not explain
    moving delivery risk onto users and communities.
    """
    findings = []
    lay_delivery = plan.target_cell is not None and plan.target_cell.delivery is not Delivery.PROFESSIONALS
    governance_only = set(plan.drivers) == {Driver.GOVERNANCE}
    answered = _answered(plan)
    for risk in plan.risks:
        lay_share = risk.shares.users + risk.shares.community
        if not risk.is_high or lay_share <= 50:
            continue
        head = f"Users and community carry {lay_share}% of the high risk {quoted(risk.title)}. "
        if governance_only:
            findings.append(Finding(
                "burden-shifting", Severity.WARNING,
                head + "The plan's only driver is governance, which the article links to users "
                "and communities planning and managing, not to carrying delivery risk: this may "
                "be a difficult problem dumped on them. Move the share back to professionals, "
                "or record the logistical reason if the service cannot be delivered without them.",
                "risk", risk.key))
        elif risk.key not in answered or not _trust_recorded(risk):
            why = ("" if lay_delivery and Driver.LOGISTICAL in plan.drivers
                   else " Say too why they, not professionals, should carry it.")
            findings.append(Finding(
                "burden-shifting", Severity.WARNING,
                head + "Show it is genuine coproduction, not a problem passed on: tick a safeguard "
                "that answers this risk and write what each side carrying it must trust of the "
                "others." + why,
                "risk", risk.key))
    return findings


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
                f"{long_date(due)}. "
                "Review it and set the next date.",
                "safeguard", guard.key))
    return findings


RULES = [risk_without_owner, high_risk_unguarded, high_risk_accepted, residual_without_rationale,
         burden_shifting,
         diluted_accountability, safeguard_without_owner, safeguard_without_review,
         safeguard_review_overdue]
