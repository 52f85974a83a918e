"""The sections of the PDF, in the order the shared outline gives them."""

from __future__ import annotations

from planner.export.document import Context
from planner.export.outline import outline
from planner.export.sections import (
    closing, governance, overview, people, record, risks, sign_off, summary,
)

# One function per section of the outline, by key; ``level`` 1 means inside the annex.
WRITERS = {
    "cover": lambda ctx, level: overview.cover(ctx),
    "decisions": lambda ctx, level: overview.decisions(ctx),
    "plan_on_a_page": lambda ctx, level: overview.plan_on_a_page(ctx),
    "matrix": lambda ctx, level: overview.matrix(ctx),
    "stakeholders": lambda ctx, level: people.stakeholders(ctx, level),
    "stakeholder_summary": lambda ctx, level: summary.stakeholders(ctx),
    "power_interest": lambda ctx, level: people.power_interest(ctx),
    "division_of_risk": lambda ctx, level: risks.division_of_risk(ctx, level),
    "risk_summary": lambda ctx, level: summary.risks(ctx),
    "safeguards": lambda ctx, level: governance.safeguards(ctx, level),
    "safeguard_summary": lambda ctx, level: summary.safeguards(ctx),
    "findings": lambda ctx, level: closing.findings(ctx),
    "sign_off": lambda ctx, level: sign_off.sign_off(ctx),
    "appendix": lambda ctx, level: closing.appendix(ctx),
    "annex": lambda ctx, level: summary.annex(ctx),
    "you_said": lambda ctx, level: record.you_said(ctx),
    "action_log": lambda ctx, level: record.action_log(ctx),
}


def story(ctx: Context) -> list:
    """Every flowable of the document, cover to appendix (and the annex, when asked for)."""
    flow: list = []
    for section in outline(ctx.plan, full=ctx.options.full, appendix=bool(ctx.options.appendix),
                           analysis=ctx.options.shown_analysis):
        if section.key == "changes":  # its title names the agreed version's date
            flow += record.changes(ctx, section.title)
        else:
            flow += WRITERS[section.key](ctx, section.level - 1)
    return flow
