"""Plain-English words for the model's values, as officers and partners say them."""

from __future__ import annotations

import re
from datetime import tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from planner.core.dates import long_date, long_stamp  # noqa: F401 (the sections' date words)
from planner.core.model import (
    Contribution, DeliveryRole, PlanningRole, Risk, Side, Stakeholder, label,
)
from planner.core.wording import SHARE_SIDES
from planner.export.text import clean

SIDE_WORDS = {side: label(side) for side in Side}  # the core's one set of side names
PLANNING_WORDS = {role: label(role) for role in PlanningRole}
DELIVERY_WORDS = {role: label(role) for role in DeliveryRole}


# Units that name a currency, written as a symbol before the number ("£160,000"). Only the
# unit's first word counts, so "GBP in the first year" keeps "in the first year" and
# "GBP/year" keeps "/year".
CURRENCY_SYMBOLS = {
    "gbp": "\u00a3", "\u00a3": "\u00a3", "pounds": "\u00a3", "pound": "\u00a3",
    "eur": "\u20ac", "\u20ac": "\u20ac", "euros": "\u20ac", "euro": "\u20ac",
    "usd": "$", "$": "$", "dollars": "$", "dollar": "$",
}
_CURRENCY = re.compile(r"(\S+?)(?=$|[\s/])")


def amount(value: float | None) -> str:
    """A number with thousands separators and without a pointless .0: 160000 -> '160,000'."""
    if value is None:
        return ""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def quantity(value: float | None, unit: str) -> str:
    """An amount with its unit, readably: '£160,000 in the first year', '4 hours/week'."""
    unit = " ".join(clean(unit).split())
    if value is None:
        return unit
    match = _CURRENCY.match(unit)
    symbol = CURRENCY_SYMBOLS.get(match.group(1).casefold()) if match else None
    if symbol is None:
        return " ".join(part for part in (amount(value), unit) if part)
    money = amount(value)
    if value != int(value):
        money = f"{value:,.2f}"  # pence are written in full: £12.50, not £12.5
    return f"{symbol}{money}{unit[match.end():]}"


def contribution(c: Contribution) -> str:
    """E.g. 'Time: 4 hours a week (Saturday mornings)' or 'Money: £1,500 a year'."""
    size = quantity(c.amount, c.unit)
    text = label(c.kind) + (f": {size}" if size else "")
    note = clean(c.note).strip()
    return f"{text} ({note})" if note else text


def contributions(person: Stakeholder) -> str:
    """All of a stakeholder's contributions, one a line, or a dash."""
    return "\n".join(contribution(c) for c in person.contributions) or "\u2013"


def shares(risk: Risk) -> str:
    """Who carries a risk, one side a line."""
    s = risk.shares
    text = "\n".join(f"{name} {getattr(s, part)}%" for part, name in SHARE_SIDES.items())
    return text if s.total == 100 else f"{text}\n(adds to {s.total}%, not 100%)"


def local_zone(name: str = "") -> tzinfo | None:
    """The officer's time zone: an IANA name such as 'Europe/London', or this computer's."""
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass  # no zone database (some Windows installs): this computer's zone instead
    return None


def count(n: int, one: str, many: str | None = None) -> str:
    """'1 risk', '3 risks'."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
