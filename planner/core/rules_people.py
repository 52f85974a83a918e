"""Plan-check rules about the people: who participates, resistance, and who carries the work."""

from __future__ import annotations

from collections import defaultdict

from planner.core.model import (
    Category, ContributionKind, Plan, SafeguardKind, Side, Stakeholder, Stance,
)
from planner.core.rules_base import LAY_SIDES, Finding, Severity, lay_role_in, quoted

INFLUENTIAL = 4  # influence at or above this can block a change
_RESISTANT = (Stance.SCEPTICAL, Stance.RESISTANT)
_PROFESSIONS = (Category.PROFESSIONAL, Category.MANAGER)
_ANSWERS_RESISTANCE = (SafeguardKind.TRAINING, SafeguardKind.ROLE_AGREEMENT)


def professional_resistance(plan: Plan) -> list[Finding]:
    """Influential sceptical professionals need training or an agreement on roles."""
    if any(guard.kind in _ANSWERS_RESISTANCE for guard in plan.safeguards):
        return []
    return [Finding(
        "professional-resistance", Severity.WARNING,
        f"{quoted(s.name)} is influential ({s.influence}/5) and {s.stance.value}, and no "
        "safeguard offers training or an agreement on roles. Every case study met professional "
        "resistance: plan training in working with users and communities, and agree who "
        "decides what.",
        "stakeholder", s.key)
        for s in plan.stakeholders
        if s.category in _PROFESSIONS and s.influence >= INFLUENTIAL and s.stance in _RESISTANT]


def representatives_without_users(plan: Plan) -> list[Finding]:
    """Community representatives speak for users; the users themselves should be there too."""
    representatives = [s for s in plan.stakeholders
                       if s.category is Category.COMMUNITY_REPRESENTATIVE]
    if not representatives or any(s.side is Side.USER for s in plan.stakeholders):
        return []
    return [Finding(
        "representatives-without-users", Severity.WARNING,
        f"{quoted(representatives[0].name)} represents the community, but no service user is "
        "among the stakeholders. Representatives gain position power they may or may not use "
        "for the people they speak for: add the service users themselves.",
        "stakeholder", representatives[0].key)]


def single_community_voice(plan: Plan) -> list[Finding]:
    """One community stakeholder alone is a narrow view of who participates."""
    if plan.target_cell is None or not lay_role_in(plan.target_cell):
        return []
    community = [s for s in plan.stakeholders if s.side is Side.COMMUNITY]
    if len(community) != 1:
        return []
    return [Finding(
        "single-community-voice", Severity.ADVICE,
        f"{quoted(community[0].name)} is the only community voice. Ask who else takes part "
        "and who does not: command over community resources tends to sit with the better-off.",
        "stakeholder", community[0].key)]


def _volunteered_time(stakeholders: list[Stakeholder]) -> dict[str, dict[str, float]]:
    """Time given by users and community, per unit, per stakeholder key."""
    by_unit: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for s in stakeholders:
        if s.side not in LAY_SIDES:
            continue
        for c in s.contributions:
            if c.kind is ContributionKind.TIME and c.amount:
                by_unit[c.unit.strip().lower()][s.key] += c.amount
    return by_unit


def volunteer_time_concentration(plan: Plan) -> list[Finding]:
    """One stakeholder giving more than half of all volunteered time risks burnout."""
    findings = []
    for unit, given in _volunteered_time(plan.stakeholders).items():
        total = sum(given.values())
        if len(given) < 2 or total <= 0:
            continue  # amounts in different units are not compared with each other
        key, most = max(given.items(), key=lambda item: item[1])
        if most > total / 2:
            s = plan.stakeholder(key)
            findings.append(Finding(
                "volunteer-time-concentration", Severity.WARNING,
                f"{quoted(s.name)} gives {most:g} of the {total:g} {unit or 'units'} of time "
                "volunteered by users and community (more than half). Spread the load before "
                "they burn out, and watch for free-riders.",
                "stakeholder", key))
    return findings


RULES = [professional_resistance, representatives_without_users, single_community_voice,
         volunteer_time_concentration]
