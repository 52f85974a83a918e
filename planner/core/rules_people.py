"""Plan-check rules about the people: who participates, resistance, and who carries the work."""

from __future__ import annotations

from collections import defaultdict

from planner.core.model import (
    Category, ContributionKind, Motive, Plan, Safeguard, SafeguardKind, Side, Stakeholder, Stance,
)
from planner.core.rules_base import (
    LAY_SIDES, ORGANISATIONS, Flag, Severity, Tally, counts_as_community, judging, lay_role_in, quoted,
    rule,
)
from planner.core.scale import HIGH, HIGH_FROM

INFLUENTIAL = HIGH_FROM  # influence at or above this (high on the map) can block a change
_RESISTANT = (Stance.SCEPTICAL, Stance.RESISTANT)
_PROFESSIONS = (Category.PROFESSIONAL, Category.MANAGER)
_ANSWERS_RESISTANCE = (SafeguardKind.TRAINING, SafeguardKind.ROLE_AGREEMENT)


def _aimed_at(guard: Safeguard, s: Stakeholder) -> bool:
    """The safeguard names the stakeholder (in its title or description) or is theirs to run."""
    text = f"{guard.title} {guard.description}".casefold()
    return guard.owner == s.key or (bool(s.name.strip()) and s.name.strip().casefold() in text)


def _influential_sceptic(s: Stakeholder) -> bool:
    return s.category in _PROFESSIONS and s.influence >= INFLUENTIAL and s.stance in _RESISTANT


@rule("professional-resistance", Severity.WARNING, "safeguards", each="stakeholders",
      only=_influential_sceptic)
def professional_resistance(plan: Plan, ctx):
    """Influential sceptical professionals need training or a role agreement aimed at them."""
    # The answers' texts folded and joined once, not searched one by one for each stakeholder:
    # a large plan has thousands. A name without the separator matches the joined text exactly
    # where it matches one of the texts.
    answers = [guard for guard in plan.safeguards if guard.kind in _ANSWERS_RESISTANCE]
    owners = {guard.owner for guard in answers}
    texts = [f"{guard.title} {guard.description}".casefold() for guard in answers]
    joined = "\0".join(texts)

    def aimed_at(s: Stakeholder) -> bool:
        name = s.name.strip().casefold()
        if s.key in owners or not name:
            return s.key in owners
        return name in joined if "\0" not in name else any(name in text for text in texts)

    @judging((frozenset(owners), tuple(texts)))
    def judge(s: Stakeholder) -> Flag | None:
        if aimed_at(s):
            return None
        return Flag(
            f"{quoted(s.name)} is influential ({s.influence}/{HIGH}) and {s.stance.value}, and no "
            "training or role agreement is aimed at them. Every case study met initial professional "
            "resistance: add training in working with users and communities, or an agreement on "
            f"who decides what, that names {quoted(s.name)} (training someone else does not answer it).",
            "stakeholder", s.key)
    return judge


def _users_and_representatives(s: Stakeholder) -> tuple:
    tags = ("representative",) if s.category is Category.COMMUNITY_REPRESENTATIVE else ()
    if s.side is Side.USER:
        tags += ("user",)
    if s.category is Category.SERVICE_USER:
        tags += ("service user",)
    return tags


@rule("representatives-without-users", Severity.WARNING, tallies="stakeholders",
      tags=_users_and_representatives)
def representatives_without_users(plan: Plan, ctx, tally: Tally) -> list[Flag]:
    """Community representatives speak for users; the users themselves should be there too."""
    if not tally.count("representative") or tally.count("user"):
        return []
    first = ctx.in_order("stakeholders", tally.keys("representative"))[0]
    return [Flag(
        f"{quoted(first.name)} represents the community, but no service user is "
        "among the stakeholders. Representatives gain position power they may or may not use "
        "for the people they speak for: add the service users themselves.",
        "stakeholder", first.key)]


_COMMUNITY_MEMBERS = (Category.VOLUNTEER, Category.COMMUNITY_GROUP,
                      Category.COMMUNITY_REPRESENTATIVE, Category.CITIZEN)


def _community_voice(s: Stakeholder) -> bool:
    """A community voice: on the community side (affected carers included), or a volunteer,
    community group, representative or citizen whose side was set to users by hand."""
    return counts_as_community(s) or (s.side is Side.USER and s.category in _COMMUNITY_MEMBERS)


def _voice(s: Stakeholder) -> tuple:
    return ("voice",) if _community_voice(s) else ()


@rule("single-community-voice", Severity.ADVICE, "plan", tallies="stakeholders", tags=_voice)
def single_community_voice(plan: Plan, ctx, tally: Tally) -> list[Flag]:
    """One community stakeholder alone is a narrow view of who participates."""
    if plan.target_cell is None or not lay_role_in(plan.target_cell):
        return []
    if tally.count("voice") != 1:
        return []
    community = ctx.in_order("stakeholders", tally.keys("voice"))
    return [Flag(
        f"{quoted(community[0].name)} is the only community voice. Ask who else takes part "
        "and who does not: command over community resources tends to sit with the better-off.",
        "stakeholder", community[0].key)]


def _volunteered_time(stakeholders: list[Stakeholder]) -> dict[str, dict[str, float]]:
    """Time given by individual users and community members, per unit, per stakeholder key.

    Organisations (a residents' association's rota, a community group) are left out: their
    hours are many people's, not one volunteer's.
    """
    by_unit: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for s in stakeholders:
        if s.side not in LAY_SIDES or s.category in ORGANISATIONS:
            continue
        for c in s.contributions:
            if c.kind is ContributionKind.TIME and c.amount:
                by_unit[c.unit.strip().lower()][s.key] += c.amount
    return by_unit


def _time_given(s: Stakeholder) -> tuple:
    """(unit, amount) for each unit an individual user or community member gives time in."""
    if s.side not in LAY_SIDES or s.category in ORGANISATIONS:
        return ()
    given: dict[str, float] = {}
    for c in s.contributions:
        if c.kind is ContributionKind.TIME and c.amount:
            unit = c.unit.strip().lower()
            given[unit] = given.get(unit, 0.0) + c.amount
    return tuple(given.items())


def _nobody_gives_most(tally: Tally) -> bool:
    """True when, in every unit, nobody can give more than half: told from the tally alone.

    Sums from the tally are added in another order than the rule's own, so a unit near the
    line (or with an amount that is not positive) is left to the rule's exact pass.
    """
    units: dict[str, list] = {}  # unit -> [givers, total, most, least]
    for (unit, amount), keys in tally.groups.items():
        seen = units.setdefault(unit, [0, 0.0, amount, amount])
        seen[0] += len(keys)
        seen[1] += amount * len(keys)
        seen[2], seen[3] = max(seen[2], amount), min(seen[3], amount)
    return all(givers < 2 or (least > 0 and most < total / 2 * (1 - 1e-9))
               for givers, total, most, least in units.values())


@rule("volunteer-time-concentration", Severity.WARNING, tallies="stakeholders", tags=_time_given)
def volunteer_time_concentration(plan: Plan, ctx, tally: Tally) -> list[Flag]:
    """One person giving more than half of the time individuals volunteer risks burnout."""
    if _nobody_gives_most(tally):
        return []
    flags = []
    for unit, given in _volunteered_time(plan.stakeholders).items():
        total = sum(given.values())
        if len(given) < 2 or total <= 0:
            continue  # amounts in different units are not compared with each other
        key, most = max(given.items(), key=lambda item: item[1])
        if most > total / 2:
            s = ctx.row("stakeholders", key)
            flags.append(Flag(
                f"{quoted(s.name)} gives {most:g} of the {total:g} {unit or 'units'} of time "
                "volunteered by individual users and community members (more than half). Spread "
                "the load (a rota, more volunteers) before they burn out.",
                "stakeholder", key))
    return flags


@rule("no-service-users", Severity.WARNING, "plan", tallies="stakeholders",
      tags=_users_and_representatives)
def no_service_users(plan: Plan, ctx, tally: Tally) -> list[Flag]:
    """A target that names user coproduction needs service users among the stakeholders."""
    target = plan.target_cell
    if target is None or "user" not in target.name.casefold() or not plan.stakeholders:
        return []
    if tally.count("user") or tally.count("service user"):
        return []
    if tally.count("representative"):
        return []  # representatives-without-users says it, naming the representative
    return [Flag(
        f"The target, {quoted(target.name)}, involves users, but no service user is among the "
        "stakeholders. Add the people who use the service (or their carers), with the part "
        "they take.")]


def _kinds(s: Stakeholder) -> str:
    kinds = sorted({c.kind.value for c in s.contributions})
    return ", ".join(kinds) if kinds else "resources"


@rule("costs-without-benefits", Severity.ADVICE, each="stakeholders")
def costs_without_benefits(plan: Plan, ctx):
    """A user or community member who gives resources: the plan should say what they gain.

    The article asks why citizens should have to coproduce at all and calls for the balance of
    costs and benefits coproducers experience to be explored; Alford's "clients" who must comply
    (offenders, taxpayers) cannot be assumed willing. Organisations are left out: their gains
    are their members'.
    """
    def judge(s: Stakeholder) -> Flag | None:
        if s.side not in LAY_SIDES or s.category in ORGANISATIONS or not (s.plans or s.delivers):
            return None
        if not s.contributions:
            return None  # coproducer-without-resources speaks to a side that brings nothing
        if s.motive is None:
            return Flag(
                f"{quoted(s.name)} gives {_kinds(s)}, but the plan does not say why they take "
                "part or what they gain. The article asks why people should have to coproduce: "
                "record their motive, and check the balance of costs and benefits is fair to them.",
                "stakeholder", s.key)
        if s.motive is Motive.REQUIRED:
            return Flag(
                f"{quoted(s.name)} is required to take part, not by choice (like offenders "
                "sentenced to community work), so their willingness cannot be assumed. Say what "
                "they gain, keep what is asked of them proportionate, and do not let the service "
                "depend on their goodwill.",
                "stakeholder", s.key)
        return None
    return judge


RULES = [professional_resistance, representatives_without_users, single_community_voice,
         volunteer_time_concentration, no_service_users, costs_without_benefits]
