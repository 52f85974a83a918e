"""The sections of the PDF, in the order partners read them."""

from __future__ import annotations

from planner.export.document import Context
from planner.export.sections import closing, governance, overview, people, risks, sign_off


def story(ctx: Context) -> list:
    """Every flowable of the document, cover to appendix."""
    return [
        *overview.cover(ctx),
        *overview.decisions(ctx),
        *overview.plan_on_a_page(ctx),
        *overview.matrix(ctx),
        *people.stakeholders(ctx),
        *people.power_interest(ctx),
        *risks.division_of_risk(ctx),
        *governance.safeguards(ctx),
        *closing.findings(ctx),
        *sign_off.sign_off(ctx),
        *closing.appendix(ctx),
    ]
