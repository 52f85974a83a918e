"""Plain-English words for the model's values, as officers and partners say them."""

from __future__ import annotations

from datetime import date

from planner.core.model import (
    Contribution, DeliveryRole, PlanningRole, Risk, Side, Stakeholder, label,
)
from planner.export.text import clean

SIDE_WORDS = {
    Side.USER: "Users and carers",
    Side.COMMUNITY: "Community",
    Side.PROVIDER: "Providers",
    Side.GOVERNANCE: "Governance",
}
PLANNING_WORDS = {
    PlanningRole.NONE: "No part",
    PlanningRole.CONSULTED: "Consulted only",
    PlanningRole.CO: "Plans with others",
    PlanningRole.SOLE: "Plans alone",
}
DELIVERY_WORDS = {
    DeliveryRole.NONE: "No part",
    DeliveryRole.CO: "Delivers with others",
    DeliveryRole.SOLE: "Delivers alone",
}
# Spelt out here rather than by strftime, which follows the machine's locale.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SEVERITY_WORDS = {"error": "Must fix", "warning": "Should fix", "advice": "Advice"}


def amount(value: float | None) -> str:
    """A number without a pointless .0."""
    if value is None:
        return ""
    return f"{value:g}" if value != int(value) else str(int(value))


def contribution(c: Contribution) -> str:
    """E.g. 'Time: 4 hours a week (Saturday mornings)'."""
    size = " ".join(part for part in (amount(c.amount), clean(c.unit).strip()) if part)
    text = label(c.kind) + (f": {size}" if size else "")
    note = clean(c.note).strip()
    return f"{text} ({note})" if note else text


def contributions(person: Stakeholder) -> str:
    """All of a stakeholder's contributions, one a line, or a dash."""
    return "\n".join(contribution(c) for c in person.contributions) or "\u2013"


def shares(risk: Risk) -> str:
    """Who carries a risk, one side a line."""
    s = risk.shares
    text = f"Users {s.users}%\nCommunity {s.community}%\nProfessionals {s.professionals}%"
    return text if s.total == 100 else f"{text}\n(adds to {s.total}%, not 100%)"


def long_date(iso: str | None) -> str:
    """'2025-03-03' -> '3 March 2025'; anything else is printed as it is."""
    if not iso:
        return "Not set"
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def count(n: int, one: str, many: str | None = None) -> str:
    """'1 risk', '3 risks'."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
