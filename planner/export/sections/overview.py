"""Cover, plan on a page, and the coproduction matrix figure."""

from __future__ import annotations

from reportlab.platypus import (
    KeepTogether, ListFlowable, ListItem, PageBreak, Spacer, Table, TableStyle,
)

from planner.core.article import CITED, citation
from planner.core.described import described_cell
from planner.core.model import Side, label
from planner.core.wording import in_brief
from planner.export.contents import Contents, Heading
from planner.export.document import PERSONAL_BANNER, Context, export_date
from planner.export.figures import matrix_drawing
from planner.export.outline import DECISIONS, matrix_notes, outline
from planner.export.outline import decisions as plan_decisions
from planner.export.sections.ranking import highest_risks
from planner.export.sections.words import SIDE_WORDS, count, long_date, shares
from planner.export.styles import RULE, Para, data_table, p, split_widths
from planner.export.text import COVER_LIMIT, esc


def _cell_name(cell, missing: str) -> str:
    return cell.name if cell is not None else missing


def cover(ctx: Context) -> list:
    """Title, who and what the plan is for, its status and version."""
    plan, s = ctx.plan, ctx.styles
    version = f"Plan as {ctx.version()}" if plan.modified else "Not saved yet"
    rows = [
        ("Organisation or partnership", plan.organisation or "Not recorded"),
        ("Service area", plan.service_area or "Not recorded"),
        ("Officer", plan.officer or "Not recorded"),
        ("Date", long_date(export_date(plan, ctx.options.invariant))),
        ("Status", ctx.options.status or "No status given"),
        ("Version", version),
    ]
    table = Table([[Para(f"<b>{esc(k)}</b>", s.cover_line), p(v, s.cover_line, COVER_LIMIT)] for k, v in rows],
                  colWidths=split_widths(ctx.width, [30, 70]), hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("FONTNAME", (0, 0), (-1, -1), s.body.fontName),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                               ("TOPPADDING", (0, 0), (-1, -1), 4),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    flow = [Spacer(1, 30), Para("Coproduction plan", s.small), p(plan.title, s.title, COVER_LIMIT), table]
    if ctx.options.include_personal:
        flow += [Spacer(1, 12), Para(esc(PERSONAL_BANNER) + ": it names people and "
                                          "gives their contact details.", s.banner)]
    else:
        flow += [Spacer(1, 12), Para(
            "Individual people are shown by a role label (for example \u201cService user 1\u201d) "
            "and no contact details are printed.", s.small)]
    titles = [section.title for section in outline(plan, ctx.options.full,
                                                   bool(ctx.options.appendix),
                                                   ctx.options.shown_analysis)
              if section.level == 1 and section.key != "cover"]
    flow += [Spacer(1, 12), Para("Contents", s.h2), Contents(titles, ctx.width)]
    return [*flow, PageBreak()]


def decisions(ctx: Context) -> list:
    """What the meeting is asked to do (the first thing a councillor looks for), then the summary."""
    s = ctx.styles
    items = plan_decisions(ctx.plan)
    flow: list = [Heading(DECISIONS.title, s.h1)]
    if not items:
        flow.append(p("No decisions recorded yet: the officer adds what the meeting is asked "
                      "to do on the Review step.", s.body))
    else:
        flow += [p("The meeting is asked to:", s.body),
                 ListFlowable([ListItem(p(item, s.body), leftIndent=18) for item in items],
                              bulletType="1", bulletFormat="%s.", leftIndent=18,
                              bulletFontName=s.body.fontName, bulletFontSize=s.body.fontSize)]
    # The summary follows what is asked, as in a committee report, so the cover keeps to one
    # page with its contents list however long the summary is.
    if ctx.plan.summary.strip():
        flow += [Heading("Summary", s.h2, 1), p(ctx.plan.summary, s.body)]
    return flow


def plan_on_a_page(ctx: Context) -> list:
    """The one page a busy partner reads: cells, drivers, people, top risks, open findings."""
    plan, s, names = ctx.plan, ctx.styles, ctx.names
    by_side = {side: sum(1 for x in plan.stakeholders if x.side is side) for side in Side}
    people = " \u00b7 ".join(f"{SIDE_WORDS[side]} {n}" for side, n in by_side.items())
    facts = [
        ("Where the service is now (current cell)", _cell_name(plan.current_cell, "Not chosen yet")),
        ("Where the plan aims to take it (target cell)", _cell_name(plan.target_cell, "Not chosen yet")),
        ("Where the stakeholders\u2019 roles put it today",
         _cell_name(described_cell(plan.stakeholders),
                    "Cannot tell yet: nobody has a planning or a delivery role")),
        ("Why coproduce (drivers)", ", ".join(label(d) for d in plan.drivers) or "None recorded"),
        ("Stages in scope", ", ".join(label(stage) for stage in plan.stages) or "None chosen yet"),
        ("Stakeholders by side",
         f"{people} ({count(len(plan.stakeholders), 'stakeholder')} in all)"
         if plan.stakeholders else "No stakeholders recorded yet"),
        ("Open plan-check findings", in_brief(ctx.findings)),
    ]
    flow = [Heading("Plan on a page", s.h1),
            data_table(None, [[Para(f"<b>{esc(k)}</b>", s.cell), v] for k, v in facts],
                       split_widths(ctx.width, [32, 68]), s),
            Heading("The highest risks", s.h2, 1)]
    top, rule = highest_risks(plan.risks)
    if not top:
        return [*flow, p("No risks recorded yet.", s.body), PageBreak()]
    flow.append(p(rule, s.lead))
    rows = []
    for risk in top:
        guards = [g for g in plan.safeguards if risk.key in g.mitigates]
        rows.append([
            f"R{ctx.risk_numbers[risk.key]} {risk.title}",
            f"{risk.likelihood} \u00d7 {risk.impact} = {risk.score}",
            shares(risk),
            names.owner(risk.owner),
            "\n".join(f"\u2022 {g.title}" for g in guards) or "No safeguard covers this risk",
        ])
    flow.append(data_table(["Risk", "Likelihood \u00d7 impact", "Who carries it", "Owner",
                            "Safeguards that cover it"], rows,
                           split_widths(ctx.width, [27, 14, 18, 17, 24]), s))
    return [*flow, PageBreak()]


def matrix(ctx: Context) -> list:
    """Table 1 of the article as a figure, with the plan's cells marked and explained."""
    plan, s = ctx.plan, ctx.styles
    described = described_cell(plan.stakeholders)
    intro = Para(
        f"Table 1 of {CITED} sets who plans the service (columns) against who delivers "
        "it (rows). The figure marks where the service is now, where the plan aims to take it, "
        "and where the stakeholders\u2019 planning and delivery roles put it today.", s.body)
    notes = matrix_notes(plan, described)
    drawing = matrix_drawing(ctx.width, plan.current_cell, plan.target_cell, described)
    caption = Para(f"Chart 1. The coproduction matrix, after {esc(citation('Table 1'))}. "
                        + " ".join(esc(n) for n in notes), s.caption)
    return [KeepTogether([Heading("The coproduction matrix", s.h1), intro, drawing, caption]),
            PageBreak()]
