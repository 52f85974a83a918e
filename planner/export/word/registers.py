"""The registers in the Word document (stakeholders, map, risks, safeguards) and their summaries.

Each takes the heading level the outline gives it, so a register printed in the annex of a
large plan sits one level down without skipping a level.
"""

from __future__ import annotations

from datetime import date, timedelta

from planner.core.model import Plan, Side, label
from planner.core.wording import SHARE_SIDES
from planner.core.scale import HIGH, LOW, RANGE, RISK_RANGE, SCALE, legends
from planner.export.outline import TOP_STAKEHOLDERS, Redaction
from planner.export.sections import summary
from planner.export.sections.ranking import most_influential
from planner.export.sections.risks import SIDE_NAMES, burden
from planner.export.sections.words import (
    DELIVERY_WORDS, PLANNING_WORDS, SIDE_WORDS, contributions, count, long_date, shares,
)
from planner.core import power_layout
from planner.export.figures import power_map
from planner.export.figures.charts import SIDE_MARKS
from planner.export.word.render import drawing_png
from planner.export.word.writer import WordWriter

KEY_LIMIT = 60  # as the PDF: beyond this the map shows a count per square
POINTS_PER_CM = 72 / 2.54


def quadrant(person) -> str:
    """The corner of the map a stakeholder falls in, as the PDF says it (4 or 5 is high)."""
    return summary.quadrant(person.influence, person.interest)


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
    judged = names.analysis != "none"
    for x in plan.stakeholders:
        who = [names.of(x)]
        if x.organisation.strip():
            who.append(x.organisation)
        if redaction.shows_contact(x):
            who.append(f"Contact: {x.contact}")
        if redaction.shows_notes(x):
            who.append(x.notes)
        judgements = ([label(x.stance), f"{x.influence} / {x.interest}"]
                      if names.shows_analysis(x) else ["\u2013", "\u2013"])
        rows.append([str(names.number(x)), "\n".join(who),
                     f"{label(x.category)}\n{SIDE_WORDS[x.side]}",
                     f"Planning: {PLANNING_WORDS[x.planning_role]}\n"
                     f"Delivery: {DELIVERY_WORDS[x.delivery_role]}",
                     *(judgements if judged else []), contributions(x)])
    # The officer's judgements of named partners only where the export options allow.
    w.table(["No.", "Name or role, organisation", "Category and side",
             "Planning and delivery roles",
             *(["Stance", "Influence / interest"] if judged else []), "Contributions"],
            rows, widths=[5, 19, 14, 16, 14, 13, 19] if judged else [6, 26, 18, 22, 28])


def power_interest(w: WordWriter, plan: Plan, level: int = 2) -> None:
    """The map as a picture with alternative text, then the same data as a table."""
    names = w.names
    w.heading("Power and interest map", level)
    if not plan.stakeholders:
        w.para("No stakeholders to place on the map yet.")
        return
    people = [(names.number(x), x) for x in plan.stakeholders if names.shows_analysis(x)]
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
              f"in it, both scored {RANGE}. The table below gives the same data"
              + (", square by square." if counts_only else "."))
    if counts_only:  # as the map: how many in each square, not 2,000 rows
        squares: dict[tuple[int, int], int] = {}
        for _, x in people:
            spot = (power_layout.clamp(x.influence), power_layout.clamp(x.interest))
            squares[spot] = squares.get(spot, 0) + 1
        w.table(["Influence", "Interest", "How many", "Quadrant"],
                [[str(i), str(j), str(n), summary.quadrant(i, j)]
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
    w.para(f"Each risk is scored likelihood \u00d7 impact ({RANGE} each, so {RISK_RANGE}) and shared "
           "between users, community and professionals in percent. " + legends("likelihood", "impact"))
    w.table(["Risk", "Category", "Likelihood \u00d7 impact", "Owner", "Who carries it",
             "Residual risk accepted"],
            [["\n".join(filter(None, [f"R{risk_numbers[r.key]} {r.title}", r.description])),
              label(r.category), f"{r.likelihood} \u00d7 {r.impact} = {r.score}",
              w.names.owner(r.owner), shares(r), "Yes" if r.accepted_residual else "No"]
             for r in plan.risks], widths=[28, 13, 14, 14, 18, 13])
    w.heading("Who carries each risk", level + 1)
    w.table(["Risk", *SHARE_SIDES.values()],
            [[f"R{risk_numbers[r.key]} {r.title}", f"{r.shares.users}%",
              f"{r.shares.community}%", f"{r.shares.professionals}%"] for r in plan.risks],
            widths=[55, 15, 15, 15])
    burden_section(w, plan, level)
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


def _registers_note(full: bool, what: str, n: int) -> str:
    """Where the full register is, as the PDF says it."""
    if full:
        return f"All {n} {what} are listed in the annex at the end of this paper."
    return (f"All {n} {what} are in the plan file; export with the full registers to print them "
            "as an annex, or export them as CSV.")


def stakeholder_summary(w: WordWriter, plan: Plan, full: bool, level: int = 1) -> None:
    """A large plan's stakeholders, as the PDF's summary: by side, by quadrant, the most influential."""
    names, people = w.names, plan.stakeholders
    hidden = sum(1 for x in people if x.personal) if not names.include_personal else 0
    w.heading("Stakeholders", level)
    w.para(f"The plan records {len(people):,} stakeholders. "
           + (f"{hidden} of them are individuals, shown by a role label to protect personal "
              "data. " if hidden else "") + _registers_note(full, "stakeholders", len(people)))
    by_side = {side: sum(1 for x in people if x.side is side) for side in Side}
    w.table(["Side", "Stakeholders"],
            [[SIDE_WORDS[side], f"{n:,}"] for side, n in by_side.items()]
            + [["All sides", f"{len(people):,}"]], widths=[70, 30])
    by_quadrant = {q: 0 for q in summary.QUADRANT_ORDER}
    for person in people:
        by_quadrant[summary.quadrant(person.influence, person.interest)] += 1
    w.para(f"On the power and interest map (influence and interest scored {RANGE}; {summary.HIGH} or "
           f"{HIGH} counts as high):")
    order = summary.QUADRANT_ORDER
    w.table(["Quadrant", "Influence", "Interest", "Stakeholders"],
            [[q, "High" if q in order[:2] else "Low or middle",
              "High" if q in (order[0], order[2]) else "Low or middle", f"{n:,}"]
             for q, n in by_quadrant.items()], widths=[34, 22, 22, 22])
    judged = [x for x in people if names.shows_analysis(x)]
    if not judged:  # this copy leaves the officer's judgements of named partners out
        return
    top, rule = most_influential(judged, TOP_STAKEHOLDERS)
    w.heading("The most influential stakeholders", level + 1)
    w.para(rule)
    w.table(["No.", "Name or role", "Category and side", "Influence / interest"],
            [[str(names.number(x)), names.of(x), f"{label(x.category)}, {SIDE_WORDS[x.side]}",
              f"{x.influence} / {x.interest}"] for x in top], widths=[8, 40, 32, 20])


def risk_summary(w: WordWriter, plan: Plan, risk_numbers: dict[str, int], full: bool,
                 level: int = 1) -> None:
    """A large plan's risks, as the PDF's summary: counts by likelihood and impact, unguarded highs."""
    high_score = summary.HIGH_RISK
    covered = {key for guard in plan.safeguards for key in guard.mitigates}
    high = [r for r in plan.risks if r.score >= high_score]
    unguarded = sorted((r for r in high if r.key not in covered), key=lambda r: -r.score)
    w.heading("Division of risk", level)
    w.para(f"The plan records {len(plan.risks):,} risks, each scored likelihood \u00d7 impact "
           f"({RANGE} each, so {RISK_RANGE}); {len(high):,} score {high_score} or more (high). "
           + legends("likelihood", "impact") + " "
           + _registers_note(full, "risks", len(plan.risks)))
    counts = {(li, im): 0 for li in SCALE for im in SCALE}
    for risk in plan.risks:
        counts[(min(max(risk.likelihood, LOW), HIGH), min(max(risk.impact, LOW), HIGH))] += 1
    w.heading("How likely and how serious", level + 1)
    # The PDF shades the squares; here the score band is said in words in each square.
    w.para(f"How many risks have each likelihood and impact. Each square also says its band: "
           f"high (a score of {high_score} or more), middle (8 to 14) or low (under 8).")

    def square(li: int, im: int) -> str:
        score = li * im
        band = "high" if score >= high_score else "middle" if score >= 8 else "low"
        return f"{counts[(li, im)]:,} ({band})" if counts[(li, im)] else f"\u2013 ({band})"

    w.table(["Likelihood \u2193 / impact \u2192", *(str(im) for im in SCALE)],
            [[str(li), *(square(li, im) for im in SCALE)] for li in reversed(SCALE)],
            widths=[25, 15, 15, 15, 15, 15], bold_first_column=True)
    w.heading("High risks no safeguard covers", level + 1)
    if not unguarded:
        w.para("Every high risk is answered by at least one safeguard.")
    else:
        w.para(f"All {len(unguarded)} risks scoring {high_score} or more that no safeguard answers "
               "yet, highest first (equal scores in register order).")
        w.table(["Risk", "Likelihood \u00d7 impact", "Owner"],
                [[f"R{risk_numbers[r.key]} {r.title}", f"{r.likelihood} \u00d7 {r.impact} = {r.score}",
                  w.names.owner(r.owner)] for r in unguarded], widths=[60, 18, 22])
    burden_section(w, plan, level)


def safeguard_summary(w: WordWriter, plan: Plan, full: bool, today: date, level: int = 1) -> None:
    """A large plan's safeguards, as the PDF's summary: how many of each kind, those due."""
    horizon = today + timedelta(days=summary.DUE_WITHIN)
    due, kinds, bare = summary.safeguard_figures(plan, today)
    w.heading("Governance safeguards", level)
    w.para(f"The plan records {len(plan.safeguards):,} safeguards; {count(bare, 'risk')} of "
           f"{len(plan.risks):,} {'has' if bare == 1 else 'have'} no safeguard yet. "
           + _registers_note(full, "safeguards", len(plan.safeguards)))
    w.table(["Kind of safeguard", "How many"],
            [[kind, f"{n:,}"] for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1])],
            widths=[70, 30])
    w.heading("Safeguards due for review", level + 1)
    if not due:
        w.para(f"No safeguard is due for review by {long_date(horizon.isoformat())}.")
        return
    w.para(f"The {len(due)} safeguards whose review is overdue or due by "
           f"{long_date(horizon.isoformat())} (within {summary.DUE_WITHIN} days of "
           f"{long_date(today.isoformat())}), soonest first.")
    w.table(["Safeguard", "Owner", "Review date"],
            [[f"G{number} {guard.title}", w.names.owner(guard.owner),
              ("Overdue: " if when < today else "") + long_date(guard.review_date)]
             for when, number, guard in due], widths=[58, 22, 20])


def burden_section(w: WordWriter, plan: Plan, level: int) -> None:
    """The burden per side, explained in words, with what uneven shares leave out (as the PDF)."""
    totals = burden(plan.risks)
    whole = sum(totals.values())
    unassigned = sum(r.score for r in plan.risks) - whole
    uneven = sum(1 for r in plan.risks if r.shares.total != 100)
    w.heading("Total burden per side", level + 1)
    w.para(f"A side\u2019s burden is, for each risk, its score ({RISK_RANGE}) times the share of it that "
           "side carries, added up over all risks. A risk scoring 20 carried half by users adds "
           "10 points to the users\u2019 burden. The points show where the weight of risk falls; "
           "they are not money or hours.")
    if uneven:
        w.para(f"The shares of {count(uneven, 'risk')} do not add up to 100%: "
               f"{abs(unassigned):,.1f} points are "
               f"{'left out of' if unassigned > 0 else 'counted twice in'} these totals.")
    w.table(["Side", "Burden (points)", "Share of all burden"],
            [[SIDE_NAMES[side], f"{value:,.1f}", f"{value / (whole or 1):.0%}"]
             for side, value in totals.items()]
            + [["All sides", f"{whole:,.1f}", "100%" if whole else "\u2013"]], widths=[40, 30, 30])
