"""The registers in the Word document (stakeholders, map, risks, safeguards) and their summaries.

Each takes the heading level the outline gives it, so a register printed in the annex of a
large plan sits one level down without skipping a level.
"""

from __future__ import annotations

from planner.core.model import HIGH_RISK_SCORE, Plan, Side, label
from planner.export.outline import TOP_STAKEHOLDERS, Redaction
from planner.export.sections.risks import burden
from planner.export.sections.words import (
    DELIVERY_WORDS, PLANNING_WORDS, SIDE_WORDS, contributions, count, long_date, shares,
)
from planner.core import power_layout
from planner.export.figures import power_map
from planner.export.figures.charts import SIDE_MARKS
from planner.export.word.render import drawing_png
from planner.export.word.writer import WordWriter

KEY_LIMIT = 60  # as the PDF: beyond this the map shows a count per square
SUMMARY_ROWS = 30  # rows a summary table lists before it says how many more there are
POINTS_PER_CM = 72 / 2.54
# The map's corners by (high influence, high interest), named as on the map.
QUADRANTS = {(top, right): name for (top, right), name in power_layout.QUADRANTS}


def quadrant(person) -> str:
    """The corner of the map a stakeholder falls in (a score of 3 or more counts as high)."""
    return QUADRANTS[(person.influence >= 3, person.interest >= 3)]


def stakeholders(w: WordWriter, plan: Plan, level: int = 1) -> None:
    """Everyone with a part in the service, numbered as on the map."""
    names, redaction = w.names, Redaction(w.names.include_personal)
    w.heading("Stakeholders", level)
    if not plan.stakeholders:
        w.para("No stakeholders recorded yet. Add the people and organisations with a part in "
               "the service.")
        return
    hidden = sum(1 for x in plan.stakeholders if x.personal) if not names.include_personal else 0
    note = (f" {hidden} individual{'s are' if hidden != 1 else ' is'} shown by a role label to "
            "protect personal data." if hidden else "")
    w.para("Side is which side of the coproduction relationship each stakeholder stands on. "
           "Planning and delivery roles are the parts they take; being consulted is not yet "
           "planning with others." + note)
    rows = []
    for x in plan.stakeholders:
        who = [names.of(x)]
        if x.organisation.strip():
            who.append(x.organisation)
        if redaction.shows_contact(x):
            who.append(f"Contact: {x.contact}")
        if redaction.shows_notes(x):
            who.append(x.notes)
        rows.append([str(names.number(x)), "\n".join(who),
                     f"{label(x.category)}\n{SIDE_WORDS[x.side]}",
                     f"Planning: {PLANNING_WORDS[x.planning_role]}\n"
                     f"Delivery: {DELIVERY_WORDS[x.delivery_role]}",
                     label(x.stance), f"{x.influence} / {x.interest}", contributions(x)])
    w.table(["No.", "Name or role, organisation", "Category and side",
             "Planning and delivery roles", "Stance", "Influence / interest", "Contributions"],
            rows, widths=[5, 19, 14, 16, 14, 13, 19])


def power_interest(w: WordWriter, plan: Plan, level: int = 2) -> None:
    """The map as a picture with alternative text, then the same data as a table."""
    names = w.names
    w.heading("Power and interest map", level)
    if not plan.stakeholders:
        w.para("No stakeholders to place on the map yet.")
        return
    people = [(names.number(x), x) for x in plan.stakeholders]
    counts_only = len(people) > KEY_LIMIT
    corners: dict[str, int] = {}
    for _, x in people:
        corners[quadrant(x)] = corners.get(quadrant(x), 0) + 1
    spread = "; ".join(f"{count(n, 'stakeholder')} in \u201c{name}\u201d"
                       for name, n in sorted(corners.items(), key=lambda item: -item[1]))
    alt = (f"Power and interest map: {count(len(people), 'stakeholder')} placed on a five by "
           "five grid of influence (up) against interest (across), "
           + ("each square showing how many are there" if counts_only else
              "each marked by their number, with a shape for their side")
           + f". {spread}. The table after the map lists the same data.")
    # The PDF's own figure, painted as a picture: the same layout, names and shapes.
    drawing, _ = power_map(w.usable_width_cm() * POINTS_PER_CM, people, counts_only=counts_only,
                           labels=[names.of(x) for _, x in people])
    w.picture(drawing_png(drawing), w.usable_width_cm(), alt, "Power and interest map")
    w.caption("Figure 2. Each stakeholder\u2019s influence over the service against their interest "
              "in it, both scored 1 to 5. The table below gives the same data"
              + (", square by square." if counts_only else "."))
    if counts_only:  # as the map: how many in each square, not 2,000 rows
        squares: dict[tuple[int, int], int] = {}
        for _, x in people:
            spot = (power_layout.clamp(x.influence), power_layout.clamp(x.interest))
            squares[spot] = squares.get(spot, 0) + 1
        w.table(["Influence", "Interest", "How many", "Quadrant"],
                [[str(i), str(j), str(n), QUADRANTS[(i >= 3, j >= 3)]]
                 for (i, j), n in sorted(squares.items(), reverse=True)], widths=[20, 20, 20, 40])
        return
    w.table(["No.", "Stakeholder", "Side", "Influence", "Interest", "Quadrant"],
            [[str(n), names.of(x), SIDE_MARKS[x.side][2], str(x.influence), str(x.interest),
              quadrant(x)] for n, x in people], widths=[7, 27, 21, 13, 13, 19])


def division_of_risk(w: WordWriter, plan: Plan, risk_numbers: dict[str, int], level: int = 1) -> None:
    """Register, who carries each risk, burden per side, accepted residual risks."""
    w.heading("Division of risk", level)
    if not plan.risks:
        w.para("No risks recorded yet. Coproduction moves some risk from professionals to users "
               "and communities; record each risk and who carries it.")
        return
    w.para("Each risk is scored likelihood \u00d7 impact (1 to 5 each, so 1 to 25) and shared "
           "between users, community and professionals in percent.")
    w.table(["Risk", "Category", "Likelihood \u00d7 impact", "Owner", "Who carries it",
             "Residual risk accepted"],
            [["\n".join(filter(None, [f"R{risk_numbers[r.key]} {r.title}", r.description])),
              label(r.category), f"{r.likelihood} \u00d7 {r.impact} = {r.score}",
              w.names.owner(r.owner), shares(r), "Yes" if r.accepted_residual else "No"]
             for r in plan.risks], widths=[28, 13, 14, 14, 18, 13])
    w.heading("Who carries each risk", level + 1)
    w.table(["Risk", "Users", "Community", "Professionals"],
            [[f"R{risk_numbers[r.key]} {r.title}", f"{r.shares.users}%",
              f"{r.shares.community}%", f"{r.shares.professionals}%"] for r in plan.risks],
            widths=[55, 15, 15, 15])
    totals = burden(plan.risks)
    whole = sum(totals.values()) or 1
    w.heading("Total burden per side", level + 1)
    w.para("Burden is each risk\u2019s score times the side\u2019s share, added up over all "
           "risks: it shows where the weight of risk falls.")
    w.table(["Side", "Burden", "Share of all burden"],
            [[side.capitalize(), f"{value:.1f}", f"{value / whole:.0%}"]
             for side, value in totals.items()], widths=[40, 30, 30])
    accepted = [r for r in plan.risks if r.accepted_residual]
    w.heading("Residual risks the partners accept", level + 1)
    if not accepted:
        w.para("No residual risk has been accepted: every risk is to be reduced further.")
        return
    w.table(["Risk", "Score", "Why the partners accept it"],
            [[f"R{risk_numbers[r.key]} {r.title}", str(r.score),
              r.residual_rationale or "No reason recorded yet"] for r in accepted],
            widths=[35, 10, 55])


def safeguards(w: WordWriter, plan: Plan, risk_numbers: dict[str, int], level: int = 1) -> None:
    """The safeguards table and the risks no safeguard covers."""
    w.heading("Governance safeguards", level)
    if not plan.safeguards:
        w.para("No safeguards recorded yet. Each risk should be answered by at least one "
               "governance arrangement, such as a clear line of accountability or regular "
               "monitoring.")
    else:
        rows = []
        for number, guard in enumerate(plan.safeguards, start=1):
            answered = [f"R{risk_numbers[k]} {plan.risk(k).title}" if plan.risk(k)
                        else f"Unknown risk \u201c{k}\u201d" for k in guard.mitigates]
            rows.append(["\n".join(filter(None, [f"G{number} {guard.title}", guard.description])),
                         label(guard.kind), w.names.owner(guard.owner),
                         long_date(guard.review_date), "\n".join(answered) or "None linked yet"])
        w.table(["Safeguard", "Kind", "Owner", "Review date", "Risks it answers"], rows,
                widths=[34, 15, 15, 11, 25])
    covered = {key for guard in plan.safeguards for key in guard.mitigates}
    open_risks = [r for r in plan.risks if r.key not in covered]
    w.heading("Risks no safeguard covers", level + 1)
    if not plan.risks:
        w.para("There are no risks to cover yet.")
    elif not open_risks:
        w.para("Every risk is answered by at least one safeguard.")
    else:
        w.table(["Risk", "Likelihood \u00d7 impact", "Owner"],
                [[f"R{risk_numbers[r.key]} {r.title}",
                  f"{r.likelihood} \u00d7 {r.impact} = {r.score}", w.names.owner(r.owner)]
                 for r in open_risks], widths=[60, 20, 20])


def stakeholder_summary(w: WordWriter, plan: Plan, level: int = 1) -> None:
    """A large plan's stakeholders: how many by side and corner, and the most influential."""
    names = w.names
    w.heading("Stakeholders", level)
    w.para(f"The plan lists {count(len(plan.stakeholders), 'stakeholder')}. This paper counts "
           "them by side and by corner of the power and interest map, and names the "
           f"{TOP_STAKEHOLDERS} with the most influence.")
    corners = [name for _, name in sorted(QUADRANTS.items(), reverse=True)]
    rows = []
    for side in Side:
        here = [x for x in plan.stakeholders if x.side is side]
        rows.append([SIDE_WORDS[side], *(str(sum(quadrant(x) == c for x in here)) for c in corners),
                     str(len(here))])
    w.table(["Side", *corners, "All"], rows, widths=[24, *([14] * len(corners)), 10],
            bold_first_column=True)
    top = sorted(plan.stakeholders, key=lambda x: (-x.influence, -x.interest))[:TOP_STAKEHOLDERS]
    w.heading("The most influential stakeholders", level + 1)
    w.table(["No.", "Name or role", "Side", "Influence / interest"],
            [[str(names.number(x)), names.of(x), SIDE_WORDS[x.side],
              f"{x.influence} / {x.interest}"] for x in top], widths=[8, 52, 24, 16])


def risk_summary(w: WordWriter, plan: Plan, risk_numbers: dict[str, int], level: int = 1) -> None:
    """A large plan's risks: how many at each likelihood and impact, and every unguarded high risk."""
    w.heading("Division of risk", level)
    w.para(f"The plan records {count(len(plan.risks), 'risk')}. The table counts them by "
           "likelihood (rows) and impact (columns), each scored 1 to 5.")
    grid = {(r.likelihood, r.impact): 0 for r in plan.risks}
    for r in plan.risks:
        grid[(r.likelihood, r.impact)] += 1
    w.table(["Likelihood \u2193 / impact \u2192", *(str(i) for i in range(1, 6))],
            [[str(lk), *(str(grid.get((lk, im), 0)) for im in range(1, 6))]
             for lk in range(5, 0, -1)], widths=[30, 14, 14, 14, 14, 14], bold_first_column=True)
    covered = {key for guard in plan.safeguards for key in guard.mitigates}
    bare = sorted((r for r in plan.risks if r.score >= HIGH_RISK_SCORE and r.key not in covered),
                  key=lambda r: (-r.score, risk_numbers[r.key]))
    w.heading("High risks no safeguard covers", level + 1)
    if not bare:
        w.para("Every high risk is answered by at least one safeguard.")
    else:
        w.para(f"Every risk scoring {HIGH_RISK_SCORE} or more that no safeguard answers, highest "
               "first.")
        w.table(["Risk", "Likelihood \u00d7 impact", "Owner", "Who carries it"],
                [[f"R{risk_numbers[r.key]} {r.title}", f"{r.likelihood} \u00d7 {r.impact} = {r.score}",
                  w.names.owner(r.owner), shares(r)] for r in bare], widths=[40, 18, 20, 22])
    totals = burden(plan.risks)
    whole = sum(totals.values()) or 1
    w.heading("Total burden per side", level + 1)
    w.para("Burden is each risk\u2019s score times the side\u2019s share, added up over all "
           "risks: it shows where the weight of risk falls.")
    w.table(["Side", "Burden", "Share of all burden"],
            [[side.capitalize(), f"{value:.1f}", f"{value / whole:.0%}"]
             for side, value in totals.items()], widths=[40, 30, 30])


def safeguard_summary(w: WordWriter, plan: Plan, level: int = 1) -> None:
    """A large plan's safeguards: the next ones due for review."""
    w.heading("Governance safeguards", level)
    dated = sorted((g for g in plan.safeguards if g.review_date), key=lambda g: g.review_date)
    w.para(f"The plan records {count(len(plan.safeguards), 'safeguard')}, "
           f"{len(plan.safeguards) - len(dated)} of them with no review date. The table lists "
           f"the {min(len(dated), SUMMARY_ROWS)} due for review first.")
    if dated:
        w.table(["Safeguard", "Owner", "Review date"],
                [[g.title, w.names.owner(g.owner), long_date(g.review_date)]
                 for g in dated[:SUMMARY_ROWS]], widths=[60, 22, 18])
