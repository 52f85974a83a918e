"""One wording per concept, said the same way by the app, the PDF, the Word document and the CLI.

The texts here are the English source; the app passes each through Qt's translation (context
"Wording"), so a translator sees them once. ``%n`` is a count, as Qt writes plurals.
"""

from __future__ import annotations

from collections.abc import Iterable

from planner.core.rules_base import Finding, Severity

# How much a finding matters, in the words every output uses (the app adds the mark).
SEVERITY_WORDS: dict[Severity, str] = {
    Severity.ERROR: "Must fix", Severity.WARNING: "Should fix", Severity.ADVICE: "Advice",
}
SEVERITY_MARKS: dict[Severity, str] = {Severity.ERROR: "✖", Severity.WARNING: "⚠", Severity.ADVICE: "ℹ"}

# Who carries a risk, as its shares name them (the article's three parties to the risk).
SHARE_SIDES: dict[str, str] = {"users": "Users", "community": "Community", "professionals": "Professionals"}

# Must-fix and should-fix findings together are what there is "to fix"; advice is the officer's
# to weigh. The step list's short line, and the same count at the head of a step's findings.
TO_FIX = "%n to fix"
TO_FIX_ON_STEP = "%n to fix on this step (from the plan check):"
NOTHING_TO_FIX = "The plan check found nothing to fix."
# Every finding counted by severity, in the severity words (lower case inside a sentence).
COUNTS = "{must} must fix, {should} should fix, {advice} advice"
SUMMARY = "Plan check: " + COUNTS + "."


def to_fix(count: int, text: str = TO_FIX) -> str:
    """'3 to fix': ``text`` with its ``%n`` filled in, as Qt fills it where there is no translation."""
    return text.replace("%n", str(count))


def severity_counts(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings of each severity, keyed as COUNTS and SUMMARY name them."""
    found = [f.severity for f in findings]
    return {"must": found.count(Severity.ERROR), "should": found.count(Severity.WARNING),
            "advice": found.count(Severity.ADVICE)}


def counts(findings: Iterable[Finding], text: str = COUNTS) -> str:
    """'2 must fix, 5 should fix, 3 advice' (or SUMMARY's sentence when ``text`` is SUMMARY)."""
    return text.format(**severity_counts(findings))


def in_brief(findings: list[Finding]) -> str:
    """The open findings in one line for a plan-on-a-page: the counts, or that there are none."""
    return counts(findings) if findings else "None: " + NOTHING_TO_FIX[0].lower() + NOTHING_TO_FIX[1:-1]
