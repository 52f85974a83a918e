"""The division of risk: the register, who carries each risk, burden per side, residual risks."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, PageBreak

from planner.core.model import Risk, label
from planner.core.scale import RANGE, RISK_RANGE, legends
from planner.core.wording import SHARE_SIDES
from planner.export.contents import Heading
from planner.export.document import Context
from planner.export.figures import share_bars
from planner.export.sections.words import count, shares
from planner.export.fonts import BOLD, REGULAR
from planner.export.styles import Lines, Para, Plain, data_table, p, split_widths
from planner.export.text import clean

BARS_PER_FIGURE = 28  # one figure cannot split across pages, so long registers get several


def _risk_cell(ctx: Context, risk: Risk) -> Lines:
    parts: list[tuple[str, object]] = [(BOLD, f"R{ctx.risk_numbers[risk.key]} {clean(risk.title)}")]
    if clean(risk.description).strip():
        parts.append((REGULAR, risk.description))
    return Lines(parts)


def burden(risks: list[Risk]) -> dict[str, float]:
    """Sum over risks of score x share, for users, community and professionals."""
    totals = {"users": 0.0, "community": 0.0, "professionals": 0.0}
    for risk in risks:
        for side, share in risk.shares.as_dict().items():
            totals[side] += risk.score * share / 100
    return totals


SIDE_NAMES = SHARE_SIDES  # who carries a risk, as its shares say it


def burden_table(ctx: Context, level: int = 0) -> list:
    """The burden per side: what the figure means, in words, and what the totals leave out."""
    plan, s = ctx.plan, ctx.styles
    totals = burden(plan.risks)
    whole = sum(totals.values())
    scored = sum(r.score for r in plan.risks)
    flow: list = [Heading("Total burden per side", s.h2, level + 1),
                  p(f"A side’s burden is, for each risk, its score ({RISK_RANGE}) times the share "
                    "of it that side carries, added up over all risks. A risk scoring 20 carried "
                    "half by users adds 10 points to the users’ burden. The points show "
                    "where the weight of risk falls; they are not money or hours.", s.body)]
    unassigned = scored - whole
    uneven = sum(1 for r in plan.risks if r.shares.total != 100)
    if uneven:
        flow.append(p(f"The shares of {count(uneven, 'risk')} do not add up to 100%: "
                      f"{abs(unassigned):,.1f} points are "
                      f"{'left out of' if unassigned > 0 else 'counted twice in'} these totals.",
                      s.body))
    flow.append(data_table(
        ["Side", "Burden (points)", "Share of all burden"],
        [[SIDE_NAMES[side], Plain(f"{value:,.1f}"), Plain(f"{value / (whole or 1):.0%}")]
         for side, value in totals.items()]
        + [[Plain("All sides"), Plain(f"{whole:,.1f}"), Plain("100%" if whole else "\u2013")]],
        split_widths(ctx.width, [40, 30, 30]), s))
    return [KeepTogether(flow)]  # a short table is never split from its heading


def division_of_risk(ctx: Context, level: int = 0) -> list:
    """Register, bars, burden and accepted residual risks, each saying so when empty.

    ``level`` 1 prints it as a part of the annex of a large plan's full registers.
    """
    plan, s, names = ctx.plan, ctx.styles, ctx.names
    flow: list = [PageBreak(), Heading("Division of risk", s.h1, level)]
    if not plan.risks:
        return [*flow, p("No risks recorded yet. Coproduction moves some risk from "
                         "professionals to users and communities; record each risk and who "
                         "carries it.", s.body)]
    flow.append(p(f"Each risk is scored likelihood \u00d7 impact ({RANGE} each, so {RISK_RANGE}) "
                  "and shared between users, community and professionals in percent. "
                  + legends("likelihood", "impact"), s.lead))
    rows = [[
        _risk_cell(ctx, r), label(r.category),
        Plain(f"{r.likelihood} \u00d7 {r.impact} = {r.score}"),
        names.owner(r.owner), shares(r), Plain("Yes" if r.accepted_residual else "No"),
    ] for r in plan.risks]
    flow.append(data_table(
        ["Risk", "Category", "Likelihood \u00d7 impact", "Owner", "Who carries it",
         "Residual risk accepted"], rows, split_widths(ctx.width, [27, 15, 13, 16, 17, 12]), s))

    numbered = [(ctx.risk_numbers[r.key], r) for r in plan.risks]
    chunks = [numbered[i:i + BARS_PER_FIGURE] for i in range(0, len(numbered), BARS_PER_FIGURE)]
    for index, chunk in enumerate(chunks):
        # Chart 2 is the power/interest map, which a copy leaving the analysis out has not.
        caption = f"Chart {3 if ctx.names.analysis != 'none' else 2}. Who carries each risk."
        if len(chunks) > 1:
            caption += f" Part {index + 1} of {len(chunks)}."
        parts = [share_bars(ctx.width, chunk, legend=True), Para(caption, s.caption)]
        if index == 0:
            parts.insert(0, Heading("Who carries each risk", s.h2, level + 1))
        flow.append(KeepTogether(parts))

    flow += burden_table(ctx, level)

    accepted = [r for r in plan.risks if r.accepted_residual]
    flow.append(Heading("Residual risks the partners accept", s.h2, level + 1))
    if not accepted:
        flow.append(p("No residual risk has been accepted: every risk is to be reduced further.",
                      s.body))
    else:
        flow.append(data_table(
            ["Risk", "Score", "Why the partners accept it"],
            [[f"R{ctx.risk_numbers[r.key]} {r.title}", str(r.score),
              r.residual_rationale or "No reason recorded yet"] for r in accepted],
            split_widths(ctx.width, [35, 10, 55]), s))
    return flow
