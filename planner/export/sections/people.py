"""The stakeholder table and the power/interest map with its numbered key."""

from __future__ import annotations

from reportlab.platypus import KeepTogether

from planner.core.model import Side, Stakeholder, label
from planner.core.scale import RANGE
from planner.export.contents import Heading
from planner.export.document import Context
from planner.export.figures import power_map
from planner.export.outline import is_large
from planner.export.sections.words import (
    DELIVERY_WORDS, PLANNING_WORDS, contributions,
)
from planner.export.fonts import BOLD, ITALIC, REGULAR
from planner.export.styles import Lines, Para, Plain, data_table, p, split_widths, wrapped
from planner.export.text import clean

KEY_GROUPS = 3  # the map key runs in three side-by-side columns to save paper
KEY_LIMIT = 60  # beyond this the map shows a count per square and its key goes by square


# Column widths in points on A4 (scaled to fill Letter). The vocabulary columns are sized for
# their longest word ("representative", "Supportive") so no word is ever split; what is left
# goes to the contributions, which are free text and the longest cells in the table.
TABLE_WIDTHS = [27, 91, 78, 80, 58, 34, 125]



def _who(ctx: Context, person: Stakeholder) -> Lines:
    """Name or role and organisation, with contact and notes only where the officer allows."""
    names = ctx.names
    parts: list[tuple[str, object]] = [(BOLD, names.of(person))]
    if clean(person.organisation).strip():
        parts.append((REGULAR, person.organisation))
    if names.shows_contact(person):
        parts.append((REGULAR, f"Contact: {clean(person.contact)}"))
    if clean(person.notes).strip() and (not person.personal or names.include_personal):
        parts.append((ITALIC, person.notes))
    return Lines(parts)


def _judgements(names, person: Stakeholder) -> list:
    """Stance and influence/interest, or a dash where this copy leaves them out."""
    if names.shows_analysis(person):
        return [Plain(label(person.stance)), Plain(f"{person.influence} / {person.interest}")]
    return [Plain("\u2013"), Plain("\u2013")]


def stakeholders(ctx: Context, level: int = 0) -> list:
    """Everyone with a part in the service, numbered as on the map (level 1 in the annex)."""
    plan, s, names = ctx.plan, ctx.styles, ctx.names
    heading = Heading("Stakeholders", s.h1, level)
    if not plan.stakeholders:
        return [heading, p("No stakeholders recorded yet. Add the people and organisations "
                           "with a part in the service.", s.body)]
    # The officer's judgements of named partners (stance, influence and interest) print only
    # where the export options allow; with none shown, their two columns go.
    judged = names.analysis != "none"
    widths = split_widths(ctx.width, TABLE_WIDTHS if judged else TABLE_WIDTHS[:4] + TABLE_WIDTHS[6:])
    rows = [[
        Plain(names.number(x)), _who(ctx, x),
        wrapped(f"{label(x.category)}\n{label(x.side)}", widths[2]),
        wrapped(f"Planning: {PLANNING_WORDS[x.planning_role]}\n"
                f"Delivery: {DELIVERY_WORDS[x.delivery_role]}", widths[3]),
        *(_judgements(names, x) if judged else []), contributions(x),
    ] for x in plan.stakeholders]
    hidden = sum(1 for x in plan.stakeholders if x.personal) if not names.include_personal else 0
    note = (f"{hidden} individual{'s are' if hidden != 1 else ' is'} shown by a role label "
            "to protect personal data." if hidden else "")
    intro = p("Side is which side of the coproduction relationship each stakeholder stands on. "
              "Planning and delivery roles are the parts they take; being consulted is not "
              "yet planning with others. " + note, s.lead)
    headers = ["No.", "Name or role, organisation", "Category and side",
               "Planning and delivery roles", *(["Stance", "Infl. / int."] if judged else []),
               "Contributions"]
    table = data_table(headers, rows, widths, s)
    return [heading, intro, table]


def power_interest(ctx: Context) -> list:
    """The influence x interest map, markers numbered and shaped by side, then its key."""
    plan, s, names = ctx.plan, ctx.styles, ctx.names
    heading = Heading("Power and interest map", s.h2, 1)
    if not plan.stakeholders:
        return [heading, p("No stakeholders to place on the map yet.", s.body)]
    # Only those whose analysis this copy shows (everyone, or groups and organisations only).
    people = [(names.number(x), x) for x in plan.stakeholders if names.shows_analysis(x)]
    summarised = is_large(plan) and not ctx.options.full
    drawing, numbered = power_map(ctx.width, people, counts_only=len(people) > KEY_LIMIT,
                                  labels=[names.of(x) for _, x in people])
    caption = ("Chart 2. Each stakeholder\u2019s influence over the service against their "
               f"interest in it, both scored {RANGE}. ")
    caption += ("People at the same score sit side by side in that square." if numbered else
                "There are too many stakeholders to mark one by one, so each square shows how "
                "many are there" + ("." if summarised else
                                    "; the key lists them square by square."))
    figure = KeepTogether([heading, drawing, Para(caption, s.caption)])
    if not numbered:
        if summarised:  # the summary shows the picture; the key refers to the register
            return [figure]
        return [figure, Heading("Key to the map, square by square", s.h2, 1),
                _square_key(ctx, people)]
    per_group = -(-len(people) // KEY_GROUPS)
    columns = [people[i * per_group:(i + 1) * per_group] for i in range(KEY_GROUPS)]
    rows = []
    for r in range(per_group):
        row: list = []
        for column in columns:
            if r < len(column):
                number, person = column[r]
                row += [Plain(number), names.of(person),
                        Plain(f"{person.influence} / {person.interest}")]
            else:
                row += ["", "", ""]
        rows.append(row)
    key = data_table(["No.", "Stakeholder", "Infl. / int."] * KEY_GROUPS, rows,
                     split_widths(ctx.width, [6, 18, 9] * KEY_GROUPS), s)
    return [figure, Heading("Key to the map", s.h2, 1), key]


def _square_key(ctx: Context, people: list[tuple[int, Stakeholder]]):
    """One row per occupied square, most influential first: how many, and their numbers."""
    squares: dict[tuple[int, int], list[int]] = {}
    for number, person in people:
        spot = (min(max(person.influence, 1), 5), min(max(person.interest, 1), 5))
        squares.setdefault(spot, []).append(number)
    rows = [[Plain(f"{influence} / {interest}"), Plain(len(numbers)),
             "Nos. " + ", ".join(str(n) for n in sorted(numbers))]
            for (influence, interest), numbers in sorted(squares.items(), reverse=True)]
    return data_table(["Infl. / int.", "How many", "Stakeholders (numbers as in the table above)"],
                      rows, split_widths(ctx.width, [12, 10, 78]), ctx.styles)
