"""Plan check findings, the partners' sign-off block and the optional guidance appendix."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, PageBreak

from planner.export.document import Context
from planner.export.sections.words import SEVERITY_WORDS
from planner.export.styles import Para, Plain, data_table, p, split_widths
from planner.export.text import clean


def findings(ctx: Context) -> list:
    """What the plan check found, most serious first."""
    s = ctx.styles
    flow: list = [Para("Plan check findings", s.h1)]
    if not ctx.findings:
        return [*flow, p("The plan check found nothing to fix.", s.body)]
    rows = [[Plain(SEVERITY_WORDS.get(f.severity.value, f.severity.value.capitalize())),
             ctx.names.scrub(f.message)] for f in ctx.findings]
    return [*flow, p("The plan check reads the whole plan and says what to put right. "
                     "\u201cMust fix\u201d findings are errors in the plan.", s.body),
            data_table(["Severity", "What to do"], rows, split_widths(ctx.width, [15, 85]), s)]


def partner_organisations(ctx: Context) -> list[str]:
    """Each distinct stakeholder organisation, in plan order (organisations, never people)."""
    seen: dict[str, str] = {}
    for name in (x.organisation for x in ctx.plan.stakeholders):
        text = " ".join(clean(name).split())
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return list(seen.values())


def sign_off(ctx: Context) -> list:
    """One line per partner organisation, for a name, role, signature and date."""
    s = ctx.styles
    organisations = partner_organisations(ctx)
    rows = [[org, "", "", "", ""] for org in organisations] or [["", "", "", "", ""]] * 3
    table = data_table(["Partner organisation", "Name", "Role", "Signature", "Date"], rows,
                       split_widths(ctx.width, [28, 20, 16, 22, 14]), s,
                       extra=[("TOPPADDING", (0, 1), (-1, -1), 12),
                              ("BOTTOMPADDING", (0, 1), (-1, -1), 12)])
    intro = ("By signing, each partner agrees to this plan as it stands in this version "
             f"({ctx.plan.modified or 'not saved yet'}).")
    if not organisations:
        intro += " No partner organisations are recorded, so the lines are left blank."
    return [KeepTogether([Para("Sign-off", s.h1), p(intro, s.body), table])]


def appendix(ctx: Context) -> list:
    """The guidance the caller wrote for the target cell, printed as plain text."""
    s = ctx.styles
    entries = ctx.options.appendix or []
    if not entries:
        return []
    flow: list = [PageBreak(), Para("Appendix: guidance", s.h1)]
    for heading, paragraphs in entries:
        flow.append(p(heading, s.h2))
        flow += [p(text, s.body) for text in paragraphs]
    return flow
