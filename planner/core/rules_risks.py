"""Plan-check rules about the division of risk and the safeguards that answer it."""

from __future__ import annotations

from datetime import date

from planner.core.dates import long_date
from planner.core.matrix import Delivery
from planner.core.model import Driver, Plan, Risk, SafeguardKind
from planner.core.rules_base import Flag, Severity, Tally, lay_role_in, quoted, rule
from planner.core.rules_cells import described, roles

_ACCOUNTABILITY_KINDS = (SafeguardKind.ACCOUNTABILITY_LINE, SafeguardKind.RESERVE_POWER)


@rule("risk-without-owner", Severity.WARNING, each="risks")
def risk_without_owner(plan: Plan, ctx):
    """Every risk needs someone who watches it."""
    return lambda risk: None if risk.owner is not None else Flag(
        f"Risk {quoted(risk.title)} has no owner. Choose the stakeholder who will watch it.",
        "risk", risk.key)


def _accepted_with_reason(risk: Risk) -> bool:
    return risk.accepted_residual and bool(risk.residual_rationale.strip())


def _answered(plan: Plan) -> set[str]:
    return {key for guard in plan.safeguards for key in guard.mitigates}


@rule("high-risk-unguarded", Severity.ERROR, "safeguards", each="risks")
def high_risk_unguarded(plan: Plan, ctx):
    """A high risk (likelihood x impact of 15 or more) needs a safeguard, or an open decision to accept it."""
    answered = _answered(plan)

    def judge(risk):
        if not risk.is_high or risk.key in answered or _accepted_with_reason(risk):
            return None
        return Flag(
            f"Risk {quoted(risk.title)} is high (likelihood {risk.likelihood} \u00d7 impact "
            f"{risk.impact} = {risk.score}) and no safeguard answers it. Add a safeguard and tick "
            "this risk, accept it as residual with the reason written down, or lower it if it has "
            "been overstated.",
            "risk", risk.key)
    return judge


@rule("high-risk-accepted", Severity.ADVICE, "safeguards", each="risks")
def high_risk_accepted(plan: Plan, ctx):
    """A high risk accepted as residual with a written reason is a decision: advice to keep it in view."""
    answered = _answered(plan)

    def judge(risk):
        if not risk.is_high or risk.key in answered or not _accepted_with_reason(risk):
            return None
        return Flag(
            f"Risk {quoted(risk.title)} is high ({risk.score}) and accepted as residual without a "
            "safeguard, for the reason written down. Not every risk to users can be removed; make "
            "sure those who carry it have agreed, and look at it again at each review.",
            "risk", risk.key)
    return judge


@rule("residual-without-rationale", Severity.WARNING, each="risks")
def residual_without_rationale(plan: Plan, ctx):
    """Accepting a residual risk is a decision; write down why."""
    return lambda risk: Flag(
        f"Risk {quoted(risk.title)} is accepted as residual but gives no reason. Say why it "
        "is acceptable: not every risk to users can be removed, but the choice must be open.",
        "risk", risk.key) if risk.accepted_residual and not risk.residual_rationale.strip() else None


def _trust_recorded(risk: Risk) -> bool:
    """The sides that carry the risk say what they must trust of the others."""
    sides = [(risk.shares.users, risk.trust_users), (risk.shares.community, risk.trust_community)]
    return all(text.strip() for share, text in sides if share > 0)


@rule("burden-shifting", Severity.WARNING, ("plan", "safeguards"), each="risks")
def burden_shifting(plan: Plan, ctx):
    """Users or community carrying most of a high risk: genuine coproduction, or a problem dumped on them?

    Read with the drivers: a logistical driver (a service that cannot be delivered without them)
    with users or community delivering is the article's legitimate case, and safeguards and
    trust statements that answer the risk settle it; a governance driver alone does not explain
    moving delivery risk onto users and communities.
    """
    lay_delivery = plan.target_cell is not None and plan.target_cell.delivery is not Delivery.PROFESSIONALS
    governance_only = set(plan.drivers) == {Driver.GOVERNANCE}
    answered = _answered(plan)
    why = ("" if lay_delivery and Driver.LOGISTICAL in plan.drivers
           else " Say too why they, not professionals, should carry it.")

    def judge(risk):
        lay_share = risk.shares.users + risk.shares.community
        if not risk.is_high or lay_share <= 50:
            return None
        head = f"Users and community carry {lay_share}% of the high risk {quoted(risk.title)}. "
        if governance_only:
            return Flag(
                head + "The plan's only driver is governance, which the article links to users "
                "and communities planning and managing, not to carrying delivery risk: this may "
                "be a difficult problem dumped on them. Move the share back to professionals, "
                "or record the logistical reason if the service cannot be delivered without them.",
                "risk", risk.key)
        if risk.key not in answered or not _trust_recorded(risk):
            return Flag(
                head + "Show it is genuine coproduction, not a problem passed on: tick a safeguard "
                "that answers this risk and write what each side carrying it must trust of the "
                "others." + why,
                "risk", risk.key)
        return None
    return judge


@rule("diluted-accountability", Severity.WARNING, ("plan", "safeguards"), tallies="stakeholders",
      tags=roles)
def diluted_accountability(plan: Plan, ctx, tally: Tally) -> list[Flag]:
    """Where users or community plan or deliver, a line of accountability or reserve power is needed."""
    cell = plan.target_cell or described(tally)
    if cell is None or not lay_role_in(cell):
        return []
    if any(guard.kind in _ACCOUNTABILITY_KINDS for guard in plan.safeguards):
        return []
    return [Flag(
        "Users or community plan or deliver, but no safeguard sets a line of accountability "
        "or a reserve power. Say who answers for the service, to whom, and who may step in "
        "if things go wrong.")]


@rule("safeguard-without-owner", Severity.WARNING, each="safeguards")
def safeguard_without_owner(plan: Plan, ctx):
    """Every safeguard needs someone who makes it work."""
    return lambda guard: None if guard.owner is not None else Flag(
        f"Safeguard {quoted(guard.title)} has no owner. Choose the stakeholder who runs it.",
        "safeguard", guard.key)


@rule("safeguard-without-review", Severity.ADVICE, each="safeguards")
def safeguard_without_review(plan: Plan, ctx):
    """Safeguards should be reviewed; give each a date."""
    return lambda guard: None if guard.review_date else Flag(
        f"Safeguard {quoted(guard.title)} has no review date. Set one so the plan comes back "
        "to it.",
        "safeguard", guard.key)


@rule("safeguard-review-overdue", Severity.WARNING, each="safeguards", today=True)
def safeguard_review_overdue(plan: Plan, ctx):
    """A safeguard whose review date has passed needs reviewing and a new date."""
    today = ctx.today

    def judge(guard):
        if not guard.review_date:
            return None
        try:
            due = date.fromisoformat(guard.review_date)
        except ValueError:
            return Flag(
                f"Safeguard {quoted(guard.title)} has a review date that is not a date "
                f"({guard.review_date!r}). Enter it as YYYY-MM-DD.",
                "safeguard", guard.key)
        if due < today:
            return Flag(
                f"Safeguard {quoted(guard.title)} was due for review on "
                f"{long_date(due)}. "
                "Review it and set the next date.",
                "safeguard", guard.key)
        return None
    return judge


RULES = [risk_without_owner, high_risk_unguarded, high_risk_accepted, residual_without_rationale,
         burden_shifting,
         diluted_accountability, safeguard_without_owner, safeguard_without_review,
         safeguard_review_overdue]
