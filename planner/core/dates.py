"""Dates as a person reads them everywhere: "28 May 2027", whatever the computer's locale.

The app's labels and date fields, the PDF, the Word document, the easy-read summary, the plan
check's messages and the command line's text all say a date this way; ISO (2027-05-28) stays
for files, JSON, CSV and storage.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

# Spelt out here rather than by strftime, whose %B follows the machine's locale.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
# The same format as a Qt date pattern, for the app's date fields (shown in British English).
QT_PATTERN = "d MMMM yyyy"


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


def long_stamp(iso: str | None, zone: tzinfo | None = None, missing: str = "not saved yet") -> str:
    """'2026-11-28T15:04:51+00:00' -> '28 November 2026, 15:04 GMT'.

    Shown in the officer's time zone (``zone``, or this computer's when None) with the
    zone's name, never as bare UTC; a stamp without a zone is taken as written. Anything
    unreadable is printed as it is, and an empty one is ``missing``.
    """
    text = (iso or "").strip()
    if not text:
        return missing
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return text
    if len(text) <= 10:  # a date alone has no time worth printing
        return long_date(text)
    name = ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(zone)
        name = f" {moment.tzname()}" if moment.tzname() else ""
    return f"{long_date(moment.date())}, {moment.hour:02d}:{moment.minute:02d}{name}"
