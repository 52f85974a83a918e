"""Plan check findings, who signs the plan, and the optional guidance appendix."""

from __future__ import annotations

import re

from reportlab.platypus import KeepTogether, PageBreak

from planner.core.model import Category, Plan, PlanningRole, Side, Stakeholder
from planner.export.contents import Heading
from planner.core.checks import Severity
from planner.core.wording import NOTHING_TO_FIX, SEVERITY_WORDS
from planner.export.document import Context
from planner.export.outline import APPENDIX, is_large
from planner.export.styles import Para, Plain, data_table, p, split_widths
from planner.export.text import clean


def reference_numbers(ctx: Context) -> dict[tuple[str, str | None], str]:
    """The one number each stakeholder, risk and safeguard has in every part of the paper."""
    plan = ctx.plan
    numbers = {("stakeholder", x.key): f"No. {ctx.names.number(x)}" for x in plan.stakeholders}
    numbers.update({("risk", key): f"R{n}" for key, n in ctx.risk_numbers.items()})
    numbers.update({("safeguard", g.key): f"G{n}"
                    for n, g in enumerate(plan.safeguards, start=1)})
    return numbers


FINDINGS_SHOWN = 25  # of the should-fix and advice findings in a large plan's summary paper


def findings(ctx: Context) -> list:
    """What the plan check found, most serious first.

    A large plan's summary paper prints every must-fix finding and the first of the rest,
    saying how many more there are; with the full registers it prints them all.
    """
    s = ctx.styles
    flow: list = [Heading("Plan check findings", s.h1)]
    if not ctx.findings:
        return [*flow, p(NOTHING_TO_FIX, s.body)]
    shown = ctx.findings
    if is_large(ctx.plan) and not ctx.options.full:
        must = [f for f in ctx.findings if f.severity is Severity.ERROR]
        rest = [f for f in ctx.findings if f.severity is not Severity.ERROR]
        shown = must + rest[:FINDINGS_SHOWN]
    numbers = reference_numbers(ctx)
    rows = [[Plain(SEVERITY_WORDS[f.severity]),
             Plain(numbers.get((f.target_type, f.target_key), "Plan")),
             ctx.names.scrub(f.message)] for f in shown]
    flow += [p("The plan check reads the whole plan and says what to put right. "
               "\u201cMust fix\u201d findings are errors in the plan. Each names what it is "
               "about by its number in the registers"
               + (" and on the map." if ctx.names.analysis != "none" else "."), s.lead),
             data_table(["Severity", "About", "What to do"], rows,
                        split_widths(ctx.width, [15, 10, 75]), s)]
    left = len(ctx.findings) - len(shown)
    if left:
        flow.append(p(f"{left:,} more findings (should fix or advice) are not printed in this "
                      "summary: the Check step of the app lists them all, and the export with "
                      "the full registers prints them.", s.body))
    return flow


# Categories whose stakeholders are organisations by nature, so their name is the body that
# signs when no organisation is recorded (the worked examples record bodies this way).
BODY_CATEGORIES = {Category.COMMUNITY_GROUP, Category.THIRD_SECTOR, Category.PRIVATE_PARTNER,
                   Category.FUNDER, Category.REGULATOR}
# Professionals and managers may be a body ("District council") or people ("Local doctor",
# "Head of Community Services"): only names that say they are a body count.
BODY_WORDS = {"council", "councils", "authority", "authorities", "office", "administration",
              "municipality", "department", "agency", "trust", "team", "service", "services",
              "partnership", "programme", "board", "committee", "association", "company",
              "ltd", "limited", "plc", "nhs", "government", "ministry", "school", "college",
              "university", "hospital", "practice", "foundation", "charity", "cic",
              "commission", "network", "providers", "organisation", "organisations"}
PEOPLE_WORDS = {"staff", "workers", "officers", "practitioners", "visitors", "members"}
ROLE_TITLES = {"head", "director", "chief", "manager", "officer", "lead", "deputy",
               "assistant", "chair", "clerk"}
BLANK_LINES = 3  # for partners the plan does not list


def _names_a_body(name: str) -> bool:
    """Whether a professional's or manager's name reads as an organisation, not people."""
    words = re.findall(r"\w+", name.casefold())
    if not words or words[0] in ROLE_TITLES or PEOPLE_WORDS.intersection(words):
        return False
    return bool(BODY_WORDS.intersection(words))


def _signs_as_body(person: Stakeholder) -> bool:
    """Whether a stakeholder with no organisation recorded is itself a partner organisation."""
    if person.personal:
        return False  # a private individual never signs for an organisation here
    if person.category in BODY_CATEGORIES:
        return True
    return person.category in (Category.PROFESSIONAL, Category.MANAGER) and _names_a_body(
        clean(person.name))


def co_planners(plan: Plan) -> list[str]:
    """Community co-planners that sign as a group: residents' groups, young people, volunteers.

    A stakeholder on the users' or community side who plans the service with others (or
    alone), is not a private individual and is not already listed as a partner organisation.
    """
    partners = {name.casefold() for name in partner_organisations(plan)}
    seen: dict[str, str] = {}
    for person in plan.stakeholders:
        if person.personal or person.side not in (Side.USER, Side.COMMUNITY):
            continue
        if person.planning_role not in (PlanningRole.CO, PlanningRole.SOLE):
            continue
        name = " ".join(clean(person.organisation or person.name).split())
        if name and name.casefold() not in partners and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


def partner_organisations(plan: Plan) -> list[str]:
    """The bodies that sign: the lead, then each distinct partner organisation in plan order.

    A partner is a stakeholder's organisation, or, when none is recorded, the stakeholder
    itself if it is a body (see ``_signs_as_body``). Never a personal stakeholder's name.
    """
    seen: dict[str, str] = {}
    candidates = [plan.organisation]
    for person in plan.stakeholders:
        if clean(person.organisation).strip():
            candidates.append(person.organisation)
        elif _signs_as_body(person):
            candidates.append(person.name)
    for name in candidates:
        text = " ".join(clean(name).split())
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return list(seen.values())


def appendix(ctx: Context) -> list:
    """The guidance the caller wrote for the target cell, printed as plain text."""
    s = ctx.styles
    entries = ctx.options.appendix or []
    if not entries:
        return []
    flow: list = [PageBreak(), Heading(APPENDIX.title, s.h1)]
    for heading, paragraphs in entries:
        flow.append(p(heading, s.h2))
        flow += [p(text, s.body) for text in paragraphs]
    return flow
