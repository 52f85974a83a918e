"""Data protection for the people a plan names: safe defaults, retention dates, DPIA screening.

These are practice, not the article: UK GDPR, the ICO's guidance on data-protection impact
assessments, the NHS Accessible Information Standard and the Welsh language standards.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date

from planner.core.model import Category, Plan, Stakeholder

# Categories that are usually a person acting for themselves, not for an organisation: a new
# stakeholder of these starts as a private individual (the officer can untick it).
PERSON_CATEGORIES = frozenset({Category.SERVICE_USER, Category.CARER, Category.VOLUNTEER,
                               Category.CITIZEN})


def private_by_default(category: Category) -> bool:
    """Whether a new stakeholder of this category starts marked as a private individual."""
    return category in PERSON_CATEGORIES


@dataclass(frozen=True)
class ScreeningQuestion:
    """One yes/no question of the DPIA screening, as stored under ``key``."""

    key: str
    text: str


# The ICO's screening criteria that can apply to a coproduction plan, in plain words. Two or
# more "yes" answers mean a DPIA is likely to be needed (the EDPB's rule of thumb the ICO uses).
SCREENING: tuple[ScreeningQuestion, ...] = (
    ScreeningQuestion("vulnerable", "Does the plan name people who may be vulnerable (children, "
                      "older or disabled people, people in care or at risk)?"),
    ScreeningQuestion("special_category", "Will you record health, disability, ethnicity, "
                      "religion, sexuality or anything about offences?"),
    ScreeningQuestion("decisions", "Will these records help decide who gets a service?"),
    ScreeningQuestion("combined", "Will you combine or match people's details from different "
                      "organisations or lists?"),
    ScreeningQuestion("not_told", "Are some people recorded who were not told (their details "
                      "came from someone else)?"),
    ScreeningQuestion("new_technology", "Is this a new technology or a new way of working with "
                      "people's details for your council?"),
    ScreeningQuestion("safety", "Could a leak of these details put someone's safety at risk?"),
    ScreeningQuestion("large_scale", "Will you record several hundred people or more?"),
)
SCREENING_KEYS = frozenset(q.key for q in SCREENING)


def screening_result(answers: dict[str, bool]) -> str:
    """What the screening says, in a sentence the officer can act on."""
    if not any(key in answers for key in SCREENING_KEYS):
        return "Not screened yet: answer the questions above."
    unanswered = sum(1 for key in SCREENING_KEYS if key not in answers)
    yes = sum(1 for key in SCREENING_KEYS if answers.get(key))
    if yes >= 2:
        return (f"A DPIA is likely to be needed ({yes} of the screening questions are yes). "
                "Ask your information-governance team and record its reference below.")
    if yes == 1:
        return ("One screening question is yes: consider a DPIA with your information-governance "
                "team, and record what you decided.")
    if unanswered:
        return f"No yes so far; {unanswered} question(s) still to answer."
    return "A DPIA is unlikely to be needed. Keep this screening with the plan."


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later (the last day of the month where it has no such day)."""
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def default_retain_until(plan: Plan, today: date) -> str | None:
    """The "keep details until" date a newly recorded private individual starts with."""
    if plan.retention_months is None:
        return None
    return add_months(today, plan.retention_months).isoformat()


# Words in free text that suggest special-category data (health, disability, beliefs, ...),
# matched at the start of a word so "disab" finds "disabled" and "disability".
_SPECIAL = re.compile(
    r"\b(health|diagnos|disab|dementia|alzheimer|mental|depress|anxiety|autis|adhd|diabet|"
    r"cancer|hiv|pregnan|medicat|wheelchair|deaf|blind|bsl|sign language|learning difficult|"
    r"religio|faith|muslim|christian|jewish|hindu|sikh|ethnic|sexual|gay|lesbian|transgender|"
    r"criminal|offence|offender|conviction|probation|prison)", re.IGNORECASE)


@functools.lru_cache(maxsize=65_536)
def _special_word(text: str) -> str | None:
    # The plan check runs after every edit over every record; the texts of the rows an edit did
    # not touch are the same strings, so each is scanned once, not once per edit.
    match = _SPECIAL.search(text)
    return match.group(0) if match else None


def special_category_hint(person: Stakeholder) -> str | None:
    """The first word in a private individual's record that suggests special-category data."""
    for text in (person.notes, person.communication_needs,
                 *(c.note for c in person.contributions)):
        word = _special_word(text or "")
        if word:
            return word
    return None
