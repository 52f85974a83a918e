"""The core's one wording, as the app says it: each text through Qt's translation, context "Wording"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from planner.core import wording
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
