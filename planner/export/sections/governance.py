"""Governance safeguards, the risks each answers, and the risks no safeguard covers."""

from __future__ import annotations

from planner.core.model import Safeguard, label
from planner.export.contents import Heading
from planner.export.document import Context
from planner.export.sections.words import long_date
from planner.export.fonts import BOLD, REGULAR
from planner.export.styles import Lines, Para, data_table, p, split_widths
from planner.export.text import clean


def _risks_answered(ctx: Context, guard: Safeguard) -> str:
    lines = []
    for key in guard.mitigates:
        risk = ctx.plan.risk(key)
        lines.append(f"\u2022 R{ctx.risk_numbers[key]} {risk.title}" if risk
                     else f"\u2022 Unknown risk \u201c{key}\u201d")
    return "\n".join(lines) or "None linked yet"


def safeguards(ctx: Context, level: int = 0) -> list:
    """The safeguards table and the list of uncovered risks (level 1 in the annex)."""
    plan, s, names = ctx.plan, ctx.styles, ctx.names
    flow: list = [Heading("Governance safeguards", s.h1, level)]
    if not plan.safeguards:
        flow.append(p("No safeguards recorded yet. Each risk should be answered by at least one "
                      "governance arrangement, such as a clear line of accountability or "
                      "regular monitoring.", s.body))
    else:
        rows = []
        for number, guard in enumerate(plan.safeguards, start=1):
            parts: list[tuple[str, object]] = [(BOLD, f"G{number} {clean(guard.title)}")]
            if clean(guard.description).strip():
                parts.append((REGULAR, guard.description))
            rows.append([Lines(parts), label(guard.kind), names.owner(guard.owner),
                         long_date(guard.review_date), _risks_answered(ctx, guard)])
        flow.append(data_table(["Safeguard", "Kind", "Owner", "Review date", "Risks it answers"],
                               rows, split_widths(ctx.width, [30, 15, 17, 13, 25]), s))
    covered = {key for guard in plan.safeguards for key in guard.mitigates}
    open_risks = [r for r in plan.risks if r.key not in covered]
    flow.append(Heading("Risks no safeguard covers", s.h2, level + 1))
    if not plan.risks:
        flow.append(p("There are no risks to cover yet.", s.body))
    elif not open_risks:
        flow.append(p("Every risk is answered by at least one safeguard.", s.body))
    else:
        flow.append(data_table(
            ["Risk", "Likelihood \u00d7 impact", "Owner"],
            [[f"R{ctx.risk_numbers[r.key]} {r.title}", f"{r.likelihood} \u00d7 {r.impact} = {r.score}",
              names.owner(r.owner)] for r in open_risks],
            split_widths(ctx.width, [60, 20, 20]), s))
    return flow
