"""Plan-check rules for the private individuals a plan names: basis, consent, retention, DPIA.

Practice, not the article: what UK GDPR and the ICO ask of a council holding residents' details.
"""

from __future__ import annotations

from datetime import date, timedelta

from planner.core.model import LawfulBasis, Plan, Stakeholder
from planner.core.privacy import SCREENING_KEYS, special_category_hint
from planner.core.rules_base import Finding, Severity, quoted, uses_today
from planner.core.dates import long_date

RETENTION_WARNING = timedelta(days=30)  # how long before the date the plan check warns


def _people(plan: Plan) -> list[Stakeholder]:
    return [s for s in plan.stakeholders if s.personal]


def personal_without_basis(plan: Plan) -> list[Finding]:
    """Every private individual needs a lawful basis for holding their details."""
    return [Finding(
        "personal-without-basis", Severity.WARNING,
        f"{quoted(s.name)} is a private individual with no lawful basis recorded. Record why "
        "the council may hold their details (public task, consent, …) on their form.",
        "stakeholder", s.key) for s in _people(plan) if s.lawful_basis is None]


def consent_gaps(plan: Plan) -> list[Finding]:
    """Consent needs its date; withdrawn consent means the details must go or rest on another basis."""
    findings = []
    for s in _people(plan):
        if s.lawful_basis is not LawfulBasis.CONSENT:
            continue
        if s.consent_withdrawn_on:
            findings.append(Finding(
                "consent-withdrawn", Severity.ERROR,
                f"{quoted(s.name)} withdrew their consent on {long_date(s.consent_withdrawn_on)}. "
                "Erase or anonymise them, or record another lawful basis if one applies.",
                "stakeholder", s.key))
        elif not s.consent_given_on:
            findings.append(Finding(
                "consent-undated", Severity.WARNING,
                f"{quoted(s.name)} is held on consent, but when and how they gave it is not "
                "recorded. Add the date, how it was given and what it covers.",
                "stakeholder", s.key))
    return findings


@uses_today
def retention(plan: Plan, today: date) -> list[Finding]:
    """Warn before a private individual's keep-until date; an error once it has passed."""
    findings = []
    for s in _people(plan):
        if not s.retain_until:
            continue
        try:
            until = date.fromisoformat(s.retain_until)
        except ValueError:
            continue
        if until < today:
            findings.append(Finding(
                "retention-overdue", Severity.ERROR,
                f"{quoted(s.name)}'s details were to be kept until {long_date(s.retain_until)}. "
                "Erase or anonymise them now, or extend the date and say why on their form.",
                "stakeholder", s.key))
        elif until - today <= RETENTION_WARNING:
            findings.append(Finding(
                "retention-due", Severity.WARNING,
                f"{quoted(s.name)}'s details are to be kept only until {long_date(s.retain_until)}. "
                "Decide before then: erase, anonymise, or extend with a reason.",
                "stakeholder", s.key))
    return findings


def retention_missing(plan: Plan) -> list[Finding]:
    """A private individual's details need an end date."""
    return [Finding(
        "retention-missing", Severity.ADVICE,
        f"{quoted(s.name)} has no date until which their details are kept. Set one on their "
        "form (a retention period on the Service and context step gives new people one).",
        "stakeholder", s.key) for s in _people(plan) if not s.retain_until]


def dpia_not_screened(plan: Plan) -> list[Finding]:
    """A plan that names private individuals needs the DPIA screening answered."""
    if not _people(plan) or any(key in plan.dpia_screening for key in SCREENING_KEYS):
        return []
    return [Finding(
        "dpia-not-screened", Severity.WARNING,
        "The plan names private individuals but the data-protection screening is not done. "
        "Answer the screening questions on the Service and context step.")]


def special_category(plan: Plan) -> list[Finding]:
    """Notes that suggest health or similar data point to the DPIA questions."""
    if plan.dpia_screening.get("special_category"):
        return []
    findings = []
    for s in _people(plan):
        word = special_category_hint(s)
        if word:
            findings.append(Finding(
                "special-category-hint", Severity.ADVICE,
                f"{quoted(s.name)}'s record mentions \u201c{word}\u201d, which may be special-"
                "category data (health, beliefs, …). Record only what the plan needs, and answer "
                "the DPIA screening's question about it on the Service and context step.",
                "stakeholder", s.key))
    return findings


RULES = [personal_without_basis, consent_gaps, retention, retention_missing, dpia_not_screened,
         special_category]
