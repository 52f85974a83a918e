"""The summary-first paper of a large plan: counts, the top of each list, a heat map, what is due.

A meeting wants the picture, not a 2,000-row register: these sections stand where the
registers stand in a small plan's paper, and the registers follow as an annex only when the
officer asks for them (see ``planner.export.outline``).
"""

from __future__ import annotations

from datetime import date, timedelta

from reportlab.lib import colors
from reportlab.platypus import KeepTogether, PageBreak, Spacer, Table, TableStyle

from planner.core.model import Side, label
from planner.core.scale import HIGH as HIGH_OF_SCALE
from planner.core.scale import HIGH_FROM, HIGH_RISK_SCORE, LOW, RANGE, RISK_RANGE, SCALE, legends
from planner.export.contents import Heading
from planner.export.document import Context, export_date
from planner.export.outline import ANNEX, TOP_STAKEHOLDERS
from planner.export.sections.ranking import most_influential
from planner.export.sections.risks import burden_table
from planner.export.sections.words import SIDE_WORDS, count, long_date
from planner.export.styles import INK, RULE, Para, Plain, data_table, p, split_widths

HIGH = HIGH_FROM  # influence or interest of 4 or 5 is "high" on the map
HIGH_RISK = HIGH_RISK_SCORE  # a likelihood x impact score of 15 or more is a high risk
DUE_WITHIN = 90  # days: a safeguard whose review falls within this is due
QUADRANT_ORDER = ("Work with closely", "Keep satisfied", "Keep informed", "Keep an eye on")


def _registers_note(ctx: Context, what: str, n: int) -> str:
    if ctx.options.full:
        return f"All {n} {what} are listed in the annex at the end of this paper."
    return (f"All {n} {what} are in the plan file; export with the full registers to print them "
            "as an annex, or export them as CSV.")


def quadrant(influence: int, interest: int) -> str:
    """The map's advice for a stakeholder: high means 4 or 5."""
    if influence >= HIGH:
        return "Work with closely" if interest >= HIGH else "Keep satisfied"
    return "Keep informed" if interest >= HIGH else "Keep an eye on"


def stakeholders(ctx: Context) -> list:
    """How many stakeholders on each side and in each quadrant, and the most influential."""
    plan, s, names = ctx.plan, ctx.styles, ctx.names
    people = plan.stakeholders
    by_side = {side: sum(1 for x in people if x.side is side) for side in Side}
    by_quadrant = {q: 0 for q in QUADRANT_ORDER}
    for person in people:
        by_quadrant[quadrant(person.influence, person.interest)] += 1
    hidden = sum(1 for x in people if x.personal) if not names.include_personal else 0
    flow: list = [
        Heading("Stakeholders", s.h1),
        p(f"The plan records {len(people):,} stakeholders. "
          + (f"{hidden} of them are individuals, shown by a role label to protect personal "
             "data. " if hidden else "") + _registers_note(ctx, "stakeholders", len(people)),
          s.body),
        data_table(["Side", "Stakeholders"],
                   [[SIDE_WORDS[side], Plain(f"{n:,}")] for side, n in by_side.items()]
                   + [[Plain("All sides"), Plain(f"{len(people):,}")]],
                   split_widths(ctx.width, [70, 30]), s),
        Spacer(1, 8),
        p(f"On the power and interest map (influence and interest scored {RANGE}; {HIGH} or "
          f"{HIGH_OF_SCALE} counts as high):", s.lead),
        data_table(["Quadrant", "Influence", "Interest", "Stakeholders"],
                   [[q, "High" if q in QUADRANT_ORDER[:2] else "Low or middle",
                     "High" if q in (QUADRANT_ORDER[0], QUADRANT_ORDER[2]) else "Low or middle",
                     Plain(f"{n:,}")] for q, n in by_quadrant.items()],
                   split_widths(ctx.width, [34, 22, 22, 22]), s),
    ]
    judged = [x for x in people if names.shows_analysis(x)]
    if not judged:  # this copy leaves the officer's judgements of named partners out
        return flow
    top, rule = most_influential(judged, TOP_STAKEHOLDERS)
    widths = split_widths(ctx.width, [8, 40, 32, 20])
    rows = [[Plain(names.number(x)), names.of(x), f"{label(x.category)}, {SIDE_WORDS[x.side]}",
             Plain(f"{x.influence} / {x.interest}")] for x in top]
    flow += [Heading("The most influential stakeholders", s.h2, 1), p(rule, s.lead),
             data_table(["No.", "Name or role", "Category and side", "Infl. / int."], rows,
                        widths, s)]
    return flow


def heat_map(ctx: Context) -> Table:
    """Likelihood down, impact across: how many risks score each pair, shaded by score."""
    s = ctx.styles
    counts = {(li, im): 0 for li in SCALE for im in SCALE}
    for risk in ctx.plan.risks:
        key = (min(max(risk.likelihood, LOW), HIGH_OF_SCALE), min(max(risk.impact, LOW), HIGH_OF_SCALE))
        counts[key] += 1
    header = [Para("<b>Likelihood \u2193 / impact \u2192</b>", s.cell)] + [
        Plain(str(im)) for im in SCALE]
    rows = [header] + [[Plain(str(li))] + [Plain(f"{counts[(li, im)]:,}" if counts[(li, im)]
                                                  else "\u2013") for im in SCALE]
                       for li in reversed(SCALE)]
    first = ctx.width * 0.3
    table = Table(rows, colWidths=[first] + [(ctx.width - first) / len(SCALE)] * len(SCALE), hAlign="LEFT")
    style = [("FONTNAME", (0, 0), (-1, -1), s.cell.fontName),
             ("FONTSIZE", (0, 0), (-1, -1), s.cell.fontSize + 1),
             ("TEXTCOLOR", (0, 0), (-1, -1), INK),
             ("ALIGN", (1, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("GRID", (0, 0), (-1, -1), 0.5, RULE),
             ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]
    for r, li in enumerate(reversed(SCALE), start=1):
        for c, im in enumerate(SCALE, start=1):
            score = li * im
            fill = ("#f2c4c4" if score >= HIGH_RISK else "#f7e3b5" if score >= 8
                    else "#dcebd5")
            style.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(fill)))
    table.setStyle(TableStyle(style))
    return table


def risks(ctx: Context) -> list:
    """A likelihood x impact heat map, every unguarded high risk, and the burden per side."""
    plan, s, names = ctx.plan, ctx.styles, ctx.names
    covered = {key for guard in plan.safeguards for key in guard.mitigates}
    high = [r for r in plan.risks if r.score >= HIGH_RISK]
    unguarded = sorted((r for r in high if r.key not in covered), key=lambda r: -r.score)
    flow: list = [
        PageBreak(), Heading("Division of risk", s.h1),
        p(f"The plan records {len(plan.risks):,} risks, each scored likelihood \u00d7 "
          f"impact ({RANGE} each, so {RISK_RANGE}); {len(high):,} score {HIGH_RISK} or more (high). "
          + legends("likelihood", "impact") + " "
          + _registers_note(ctx, "risks", len(plan.risks)), s.body),
        KeepTogether([Heading("How likely and how serious", s.h2, 1),
                      p("How many risks have each likelihood and impact; red squares score "
                        f"{HIGH_RISK} or more, amber 8 to 14, green under 8.", s.body),
                      heat_map(ctx)]),
        Heading("High risks no safeguard covers", s.h2, 1),
    ]
    if not unguarded:
        flow.append(p("Every high risk is answered by at least one safeguard.", s.body))
    else:
        flow += [p(f"All {len(unguarded)} risks scoring {HIGH_RISK} or more that no safeguard "
                   "answers yet, highest first (equal scores in register order).", s.lead),
                 data_table(["Risk", "Likelihood \u00d7 impact", "Owner"],
                            [[f"R{ctx.risk_numbers[r.key]} {r.title}",
                              Plain(f"{r.likelihood} \u00d7 {r.impact} = {r.score}"),
                              names.owner(r.owner)] for r in unguarded],
                            split_widths(ctx.width, [60, 18, 22]), s)]
    flow += burden_table(ctx)
    return flow


def safeguard_figures(plan, today: date) -> tuple[list, dict[str, int], int]:
    """What both papers' safeguard summary shows (the PDF's and the Word document's).

    Returns:
        The safeguards due for review within DUE_WITHIN days or overdue, as (date, number,
        safeguard) soonest first; how many safeguards of each kind; how many risks have none.
    """
    horizon = today + timedelta(days=DUE_WITHIN)
    due = []
    for number, guard in enumerate(plan.safeguards, start=1):
        try:
            when = date.fromisoformat(guard.review_date or "")
        except ValueError:
            continue
        if when <= horizon:
            due.append((when, number, guard))
    due.sort(key=lambda item: (item[0], item[1]))
    kinds: dict[str, int] = {}
    for guard in plan.safeguards:
        kinds[label(guard.kind)] = kinds.get(label(guard.kind), 0) + 1
    covered = {key for guard in plan.safeguards for key in guard.mitigates}
    return due, kinds, sum(1 for r in plan.risks if r.key not in covered)


def safeguards(ctx: Context) -> list:
    """How many safeguards of each kind, and those whose review is due or overdue."""
    plan, s, names = ctx.plan, ctx.styles, ctx.names
    try:
        today = date.fromisoformat(export_date(plan, ctx.options.invariant)[:10])
    except ValueError:
        today = date.today()
    horizon = today + timedelta(days=DUE_WITHIN)
    due, kinds, bare = safeguard_figures(plan, today)
    flow: list = [
        Heading("Governance safeguards", s.h1),
        p(f"The plan records {len(plan.safeguards):,} safeguards; "
          f"{count(bare, 'risk')} of {len(plan.risks):,} {'has' if bare == 1 else 'have'} no "
          "safeguard yet. " + _registers_note(ctx, "safeguards", len(plan.safeguards)), s.body),
        data_table(["Kind of safeguard", "How many"],
                   [[kind, Plain(f"{n:,}")] for kind, n in sorted(kinds.items(),
                                                                  key=lambda kv: -kv[1])],
                   split_widths(ctx.width, [70, 30]), s),
        Heading("Safeguards due for review", s.h2, 1),
    ]
    if not due:
        return [*flow, p(f"No safeguard is due for review by {long_date(horizon.isoformat())}.",
                         s.body)]
    return [*flow,
            p(f"The {len(due)} safeguards whose review is overdue or due by "
              f"{long_date(horizon.isoformat())} (within {DUE_WITHIN} days of "
              f"{long_date(today.isoformat())}), soonest first.", s.lead),
            data_table(["Safeguard", "Owner", "Review date"],
                       [[f"G{number} {guard.title}", names.owner(guard.owner),
                         ("Overdue: " if when < today else "") + long_date(guard.review_date)]
                        for when, number, guard in due],
                       split_widths(ctx.width, [58, 22, 20]), s)]


def annex(ctx: Context) -> list:
    """The heading that opens the full registers of a large plan."""
    s = ctx.styles
    return [PageBreak(), Heading(ANNEX.title, s.h1),
            p("The full registers of the plan, in the order the app lists them. The numbers "
              "are the same as in the summary, on the map and in the plan-check messages.", s.body)]
