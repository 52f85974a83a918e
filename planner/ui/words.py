"""The core's one wording as the app says it: texts through Qt's translation (context "Wording"), dates as everywhere."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDateEdit, QSpinBox

from planner.core import dates, scale, wording
from planner.core.fields import spec
from planner.core.rules_base import Finding


def said(text: str, count: int = -1) -> str:
    """A text of ``planner.core.wording`` in the officer's language, ``%n`` filled with ``count``."""
    return QCoreApplication.translate("Wording", text, None, count)


def to_fix(count: int) -> str:
    """'⚠ 3 to fix': the step list's count of must-fix and should-fix findings, marked."""
    return f"⚠ {said(wording.TO_FIX, count)}"


def summary(findings: list[Finding]) -> str:
    """'Plan check: 2 must fix, 5 should fix, 3 advice.', or that it found nothing to fix."""
    if not findings:
        return f"✔ {said(wording.NOTHING_TO_FIX)}"
    return said(wording.SUMMARY).format(**wording.severity_counts(findings))


def long_date_field(edit: QDateEdit) -> QDateEdit:
    """Make a date field show "28 May 2027", as dates read everywhere, in British English
    whatever the machine's locale (the field still stores and gives an ISO date)."""
    edit.setDisplayFormat(dates.QT_PATTERN)
    edit.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return edit


def scale_spin(spin: QSpinBox, entity: type, name: str) -> QSpinBox:
    """Make a spin box score ``entity.name`` on the 1–5 scale: the declared range, and a tooltip
    saying what each point means ("1 rare, 2 unlikely, … 5 almost certain")."""
    kind = spec(entity, name).kind
    spin.setRange(kind.low, kind.high)
    spin.setToolTip(said(scale.points(kind.measure)))
    return spin
