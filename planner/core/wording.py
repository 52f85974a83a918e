"""One wording per concept, said the same way by the app, the PDF, the Word document and the CLI."""

from __future__ import annotations

from planner.core.rules_base import Severity

# How much a finding matters, in the words every output uses (the app adds the mark).
SEVERITY_WORDS: dict[Severity, str] = {
    Severity.ERROR: "Must fix", Severity.WARNING: "Should fix", Severity.ADVICE: "Advice",
}
SEVERITY_MARKS: dict[Severity, str] = {Severity.ERROR: "✖", Severity.WARNING: "⚠", Severity.ADVICE: "ℹ"}
