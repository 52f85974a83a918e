"""The record's sections of the PDF: changes since the agreed version, "you said, we did", the action log."""

from __future__ import annotations

from planner.export.contents import Heading
from planner.export.document import Context
from planner.export.record import action_rows, said_rows
from planner.export.styles import data_table, p, plain_cell, split_widths


def changes(ctx: Context, title: str) -> list:
    """What changed since the version the partnership agreed last, in an officer's words."""
    s = ctx.styles
    flow: list = [Heading(title, s.h1)]
    since = ctx.since
    if since is None:
        return [*flow, p("The agreed version could not be read, so what changed is not listed.", s.body)]
    flow.append(p(f"The partnership agreed this plan at {since.version.label}. This draft differs from "
                  "that version as follows; anything not listed is as agreed.", s.lead))
    if not since.lines:
        return [*flow, p("Nothing has changed since then.", s.body)]
    return [*flow, *(p(f"\u2022 {line}", s.body) for line in since.lines)]


def you_said(ctx: Context) -> list:
    """What people raised and what was done about it, including what could not be changed, and why."""
    s = ctx.styles
    after = ctx.since.version.date if ctx.since is not None else None
    rows = said_rows(ctx.plan, after)
    flow: list = [Heading("You said, we did", s.h1)]
    if not rows:
        return [*flow, p("Nothing new has been logged since the agreed version.", s.body)]
    lead = ("What people raised since the agreed version, what was done in response, and where the "
            "plan could not change, why." if after else
            "What people raised, what was done in response, and where the plan could not change, why.")
    return [*flow, p(lead, s.lead), _table(ctx, ["When, and who", "You said", "We did", "Outcome"], rows, [24, 27, 27, 22])]


def action_log(ctx: Context) -> list:
    """Open actions with owner and due date, as a meeting's action log reads."""
    s = ctx.styles
    rows = action_rows(ctx.plan)
    return [Heading("Action log", s.h1), p("Open actions, soonest due first.", s.lead),
            _table(ctx, ["Action", "Owner", "Due"], rows, [55, 27, 18])]


def _table(ctx: Context, header: list[str], rows: list[list[str]], weights: list[float]):
    widths = split_widths(ctx.width, weights)
    cells = [[plain_cell(text, width) for text, width in zip(row, widths)] for row in rows]
    return data_table(header, cells, widths, ctx.styles)
