"""Dates as the app writes them everywhere: "28 May 2027", whatever the computer's locale."""

from __future__ import annotations

from datetime import date

# Spelt out here rather than by strftime, whose %B follows the machine's locale.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def long_date(value: str | date | None, missing: str = "Not set") -> str:
    """'2027-05-28' (or a date) -> '28 May 2027'; text that is not a date is returned as it is."""
    if not value:
        return missing
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
