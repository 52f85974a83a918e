"""Plan-check rules for the private individuals a plan names: basis, consent, retention, DPIA.

Practice, not the article: what UK GDPR and the ICO ask of a council holding residents' details.
"""

from __future__ import annotations

from datetime import date, timedelta

from planner.core.model import LawfulBasis, Plan, Stakeholder
from planner.core.privacy import SCREENING_KEYS, special_category_hint
from planner.core.rules_base import Flag, Severity, judging, quoted, rule
from planner.core.dates import long_date

RETENTION_WARNING = timedelta(days=30)  # how long before the date the plan check warns


def _personal(s: Stakeholder) -> tuple:
    return ("personal",) if s.personal else ()


@rule("personal-without-basis", Severity.WARNING, each="stakeholders")
def personal_without_basis(plan: Plan, ctx):
    """Every private individual needs a lawful basis for holding their details."""
    return lambda s: Flag(
        f"{quoted(s.name)} is a private individual with no lawful basis recorded. Record why "
        "the council may hold their details (public task, consent, …) on their form.",
        "stakeholder", s.key) if s.personal and s.lawful_basis is None else None


@rule("consent-withdrawn", Severity.ERROR, each="stakeholders")
def consent_withdrawn(plan: Plan, ctx):
    """Withdrawn consent means the details must go or rest on another basis."""
    def judge(s: Stakeholder) -> Flag | None:
        if not (s.personal and s.lawful_basis is LawfulBasis.CONSENT and s.consent_withdrawn_on):
            return None
        return Flag(
            f"{quoted(s.name)} withdrew their consent on {long_date(s.consent_withdrawn_on)}. "
            "Erase or anonymise them, or record another lawful basis if one applies.",
            "stakeholder", s.key)
    return judge


@rule("consent-undated", Severity.WARNING, each="stakeholders")
def consent_undated(plan: Plan, ctx):
    """Consent needs its date (withdrawn consent is consent-withdrawn's to say)."""
    def judge(s: Stakeholder) -> Flag | None:
        if not (s.personal and s.lawful_basis is LawfulBasis.CONSENT) or s.consent_withdrawn_on \
                or s.consent_given_on:
            return None
        return Flag(
            f"{quoted(s.name)} is held on consent, but when and how they gave it is not "
            "recorded. Add the date, how it was given and what it covers.",
            "stakeholder", s.key)
    return judge


def _keep_until(s: Stakeholder) -> date | None:
    """A private individual's keep-until date, or None (none set, or not a date)."""
    if not (s.personal and s.retain_until):
        return None
    try:
        return date.fromisoformat(s.retain_until)
    except ValueError:
        return None


@rule("retention-overdue", Severity.ERROR, each="stakeholders", today=True)
def retention_overdue(plan: Plan, ctx):
    """An error once a private individual's keep-until date has passed."""
    today = ctx.today

    def judge(s: Stakeholder) -> Flag | None:
        until = _keep_until(s)
        if until is None or until >= today:
            return None
        return Flag(
            f"{quoted(s.name)}'s details were to be kept until {long_date(s.retain_until)}. "
            "Erase or anonymise them now, or extend the date and say why on their form.",
            "stakeholder", s.key)
    return judge


@rule("retention-due", Severity.WARNING, each="stakeholders", today=True)
def retention_due(plan: Plan, ctx):
    """Warn before a private individual's keep-until date."""
    today = ctx.today

    def judge(s: Stakeholder) -> Flag | None:
        until = _keep_until(s)
        if until is None or until < today or until - today > RETENTION_WARNING:
            return None
        return Flag(
            f"{quoted(s.name)}'s details are to be kept only until {long_date(s.retain_until)}. "
            "Decide before then: erase, anonymise, or extend with a reason.",
            "stakeholder", s.key)
    return judge


@rule("retention-missing", Severity.ADVICE, each="stakeholders")
def retention_missing(plan: Plan, ctx):
    """A private individual's details need an end date."""
    return lambda s: Flag(
        f"{quoted(s.name)} has no date until which their details are kept. Set one on their "
        "form (a retention period on the Service and context step gives new people one).",
        "stakeholder", s.key) if s.personal and not s.retain_until else None


@rule("dpia-not-screened", Severity.WARNING, "plan", tallies="stakeholders", tags=_personal)
def dpia_not_screened(plan: Plan, ctx, tally) -> list[Flag]:
    """A plan that names private individuals needs the DPIA screening answered."""
    if not tally.count("personal") or any(key in plan.dpia_screening for key in SCREENING_KEYS):
        return []
    return [Flag(
        "The plan names private individuals but the data-protection screening is not done. "
        "Answer the screening questions on the Service and context step.")]


def _hinted(s: Stakeholder) -> bool:
    return s.personal and bool(special_category_hint(s))


@rule("special-category-hint", Severity.ADVICE, "plan", each="stakeholders", only=_hinted)
def special_category(plan: Plan, ctx):
    """Notes that suggest health or similar data point to the DPIA questions."""
    answered = bool(plan.dpia_screening.get("special_category"))

    @judging(answered)
    def judge(s: Stakeholder) -> Flag | None:
        word = None if answered else special_category_hint(s)
        if not word:
            return None
        return Flag(
            f"{quoted(s.name)}'s record mentions \u201c{word}\u201d, which may be special-"
            "category data (health, beliefs, …). Record only what the plan needs, and answer "
            "the DPIA screening's question about it on the Service and context step.",
            "stakeholder", s.key)
    return judge


RULES = [personal_without_basis, consent_withdrawn, consent_undated, retention_overdue,
         retention_due, retention_missing, dpia_not_screened, special_category]
