"""The stakeholder table and the power/interest map with its numbered key."""

from __future__ import annotations

from reportlab.platypus import KeepTogether, Paragraph

from planner.core.model import Stakeholder, label
from planner.export.document import Context
from planner.export.figures import power_map
from planner.export.sections.words import (
    DELIVERY_WORDS, PLANNING_WORDS, SIDE_WORDS, contributions,
)
from planner.export.styles import data_table, p, split_widths
from planner.export.text import clean, esc

KEY_GROUPS = 3  # the map key runs in three side-by-side columns to save paper


def _who(ctx: Context, person: Stakeholder) -> Paragraph:
    """Name or role label, with contact and notes only where the officer allows them."""
    names, s = ctx.names, ctx.styles
    parts = [f"<b>{esc(names.of(person))}</b>"]
    if names.shows_contact(person):
        parts.append(f"Contact: {esc(person.contact)}")
    if clean(person.notes).strip() and (not person.personal or names.include_personal):
        parts.append(f"<i>{esc(person.notes)}</i>")
    return Paragraph("<br/>".join(parts), s.cell)


def stakeholders(ctx: Context) -> list:
    """Everyone with a part in the service, numbered as on the map."""
    plan, s, names = ctx.plan, ctx.styles, ctx.names
    heading = Paragraph("Stakeholders", s.h1)
    if not plan.stakeholders:
        return [heading, p("No stakeholders recorded yet. Add the people and organisations "
                           "with a part in the service.", s.body)]
    rows = [[
        str(names.number(x)), _who(ctx, x), x.organisation or "\u2013",
        f"{label(x.category)}\n{SIDE_WORDS[x.side]} side",
        f"Planning: {PLANNING_WORDS[x.planning_role]}\nDelivery: {DELIVERY_WORDS[x.delivery_role]}",
        label(x.stance), contributions(x),
    ] for x in plan.stakeholders]
    hidden = sum(1 for x in plan.stakeholders if x.personal) if not names.include_personal else 0
    note = (f"{hidden} individual{'s are' if hidden != 1 else ' is'} shown by a role label "
            "to protect personal data." if hidden else "")
    intro = p("Side is which side of the coproduction relationship each stakeholder stands on. "
              "Planning and delivery roles are the parts they take; being consulted is not "
              "yet planning with others. " + note, s.body)
    table = data_table(
        ["No.", "Name or role", "Organisation", "Category and side", "Planning and delivery roles",
         "Stance", "Contributions"], rows,
        split_widths(ctx.width, [4.5, 18, 15, 14, 20, 10.5, 18]), s)
    return [heading, intro, table]


def power_interest(ctx: Context) -> list:
    """The influence x interest map, markers numbered and shaped by side, then its key."""
    plan, s, names = ctx.plan, ctx.styles, ctx.names
    heading = Paragraph("Power and interest map", s.h2)
    if not plan.stakeholders:
        return [heading, p("No stakeholders to place on the map yet.", s.body)]
    people = [(names.number(x), x) for x in plan.stakeholders]
    drawing, numbered = power_map(ctx.width, people)
    caption = ("Figure 2. Each stakeholder\u2019s influence over the service against their "
               "interest in it, both scored 1 to 5. ")
    caption += ("People at the same score sit side by side in that square." if numbered else
                "Too many stakeholders share a square to number them legibly, so each square "
                "shows how many are there; the key gives everyone\u2019s scores.")
    per_group = -(-len(people) // KEY_GROUPS)
    columns = [people[i * per_group:(i + 1) * per_group] for i in range(KEY_GROUPS)]
    rows = []
    for r in range(per_group):
        row: list = []
        for column in columns:
            if r < len(column):
                number, person = column[r]
                row += [str(number), names.of(person), f"{person.influence} / {person.interest}"]
            else:
                row += ["", "", ""]
        rows.append(row)
    key = data_table(["No.", "Stakeholder", "Infl. / int."] * KEY_GROUPS, rows,
                     split_widths(ctx.width, [5, 18, 10] * KEY_GROUPS), s)
    return [KeepTogether([heading, drawing, Paragraph(caption, s.caption)]),
            Paragraph("Key to the map", s.h2), key]
