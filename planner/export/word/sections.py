"""The Word document's sections: the PDF's content in the PDF's order, as text and tables."""

from __future__ import annotations

from planner.core.checks import Finding, Severity
from planner.core.described import described_cell
from planner.core.matrix import DELIVERY_HEADINGS, PLANNING_HEADINGS, Cell, Delivery, Planning
from planner.core.model import Plan, Side, label
from planner.export.sections.closing import BLANK_LINES, partner_organisations
from planner.export.sections.risks import burden
from planner.export.sections.words import (
    DELIVERY_WORDS, PLANNING_WORDS, SEVERITY_WORDS, SIDE_WORDS, contributions, count, long_date,
    long_stamp, shares,
)
from planner.export.word.map_image import SIDE_MARKS, map_png, quadrant
from planner.export.word.writer import WordWriter

KEY_LIMIT = 60  # as the PDF: beyond this the map shows a count per square
PERSONAL_NOTE = ("Individual people are shown by a role label (for example \u201cService user "
                 "1\u201d) and no contact details are printed.")


def _cell_name(cell: Cell | None, missing: str) -> str:
    return cell.name if cell is not None else missing


def cover(w: WordWriter, plan: Plan, options, date_text: str, banner: str) -> None:
    """Title, who and what the plan is for, its status and version, and the summary."""
    w.para("Coproduction plan", style="Subtitle")
    w.title(plan.title)
    version = (f"Plan as last changed {long_stamp(plan.modified)}" if plan.modified
               else "Not saved yet")
    for key, value in (
        ("Organisation or partnership", plan.organisation or "Not recorded"),
        ("Service area", plan.service_area or "Not recorded"),
        ("Officer", plan.officer or "Not recorded"),
        ("Date", date_text),
        ("Status", options.status or "No status given"),
        ("Version", version),
    ):
        w.para(value, label=f"{key}: ")
    if options.include_personal:
        w.para(f"{banner}: it names people and gives their contact details.", label="Warning: ")
    else:
        w.para(PERSONAL_NOTE)
    if plan.summary.strip():
        w.heading("Summary", 1)
        for part in plan.summary.split("\n\n"):
            w.para(part)


def _finding_counts(findings: list[Finding]) -> str:
    if not findings:
        return "None: the plan check found nothing to fix"
    counts = {sev: sum(1 for f in findings if f.severity is sev) for sev in Severity}
    return (f"{counts[Severity.ERROR]} must fix, {counts[Severity.WARNING]} should fix, "
            f"{counts[Severity.ADVICE]} advice")


def plan_on_a_page(w: WordWriter, plan: Plan, findings: list[Finding],
                   risk_numbers: dict[str, int]) -> None:
    """The one page a busy partner reads: cells, drivers, people, top risks, open findings."""
    by_side = {side: sum(1 for x in plan.stakeholders if x.side is side) for side in Side}
    people = " \u00b7 ".join(f"{SIDE_WORDS[side]} {n}" for side, n in by_side.items())
    w.heading("Plan on a page", 1)
    w.table(["Question", "Answer"], [
        ["Where the service is now (current cell)", _cell_name(plan.current_cell, "Not chosen yet")],
        ["Where the plan aims to take it (target cell)", _cell_name(plan.target_cell, "Not chosen yet")],
        ["Where the stakeholders\u2019 roles put it today",
         _cell_name(described_cell(plan.stakeholders),
                    "Cannot tell yet: nobody has a planning or a delivery role")],
        ["Why coproduce (drivers)", ", ".join(label(d) for d in plan.drivers) or "None recorded"],
        ["Stakeholders by side", f"{people} ({count(len(plan.stakeholders), 'stakeholder')} in all)"
         if plan.stakeholders else "No stakeholders recorded yet"],
        ["Open plan-check findings", _finding_counts(findings)],
    ], widths=[32, 68], bold_first_column=True)
    w.heading("The three highest risks", 2)
    top = sorted(plan.risks, key=lambda r: -r.score)[:3]
    if not top:
        w.para("No risks recorded yet.")
        return
    rows = []
    for risk in top:
        guards = [g.title for g in plan.safeguards if risk.key in g.mitigates]
        rows.append([f"R{risk_numbers[risk.key]} {risk.title}",
                     f"{risk.likelihood} \u00d7 {risk.impact} = {risk.score}", shares(risk),
                     w.names.owner(risk.owner),
                     "\n".join(guards) or "No safeguard covers this risk"])
    w.table(["Risk", "Likelihood \u00d7 impact", "Who carries it", "Owner",
             "Safeguards that cover it"], rows, widths=[28, 14, 18, 15, 25])


def matrix_marks(cell: Cell, plan: Plan, described: Cell | None) -> list[str]:
    """What a matrix cell is for this plan, in words (never by colour alone)."""
    marks = []
    if cell == plan.current_cell:
        marks.append("CURRENT: where the service is now")
    if cell == plan.target_cell:
        marks.append("TARGET: where the plan aims to take it")
    if cell == described:
        marks.append("ROLES: where the stakeholders\u2019 roles put it today")
    return marks


def matrix(w: WordWriter, plan: Plan) -> None:
    """Table 1 of the article as a real 3 x 3 table, the plan's cells marked in words."""
    described = described_cell(plan.stakeholders)
    w.heading("The coproduction matrix", 1)
    w.para("Table 1 of Bovaird (2007) sets who plans the service (columns) against who delivers "
           "it (rows). The table marks in words where the service is now (CURRENT), where the "
           "plan aims to take it (TARGET), and where the stakeholders\u2019 planning and "
           "delivery roles put it today (ROLES).")
    w.caption("Table 1. The coproduction matrix (after Bovaird 2007, Table 1).")
    rows = []
    for delivery in Delivery:
        row = [DELIVERY_HEADINGS[delivery]]
        for planning in Planning:
            cell = Cell(planning, delivery)
            text = cell.name if cell.is_available else "N/A: this combination cannot happen"
            row.append("\n".join([text, *matrix_marks(cell, plan, described)]))
        rows.append(row)
    w.table(["Who delivers (rows) / who plans (columns)",
             *(PLANNING_HEADINGS[p] for p in Planning)], rows, widths=[22, 26, 26, 26],
            bold_first_column=True)
    if plan.current_cell is None or plan.target_cell is None:
        w.para("The current or target cell is not chosen yet.")
    elif plan.current_cell == plan.target_cell:
        w.para("The target is the current cell: the plan keeps the service where it is.")
    if described is None:
        w.para("The roles do not place the service yet: on at least one axis nobody has a "
               "planning or delivery role.")
    elif not described.is_available:
        w.para("The roles put the service in the N/A cell, which Table 1 says cannot happen: "
               "check the planning and delivery roles.")
    elif plan.target_cell is not None and described != plan.target_cell:
        w.para("The roles do not yet match the target: the plan check says whose roles to change.")


def stakeholders(w: WordWriter, plan: Plan) -> None:
    """Everyone with a part in the service, numbered as on the map."""
    names = w.names
    w.heading("Stakeholders", 1)
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
        if names.shows_contact(x):
            who.append(f"Contact: {x.contact}")
        if x.notes.strip() and (not x.personal or names.include_personal):
            who.append(x.notes)
        rows.append([str(names.number(x)), "\n".join(who),
                     f"{label(x.category)}\n{SIDE_WORDS[x.side]}",
                     f"Planning: {PLANNING_WORDS[x.planning_role]}\n"
                     f"Delivery: {DELIVERY_WORDS[x.delivery_role]}",
                     label(x.stance), f"{x.influence} / {x.interest}", contributions(x)])
    w.table(["No.", "Name or role, organisation", "Category and side",
             "Planning and delivery roles", "Stance", "Influence / interest", "Contributions"],
            rows, widths=[6, 20, 15, 17, 10, 10, 22])


def power_interest(w: WordWriter, plan: Plan) -> None:
    """The map as a picture with alternative text, then the same data as a table."""
    names = w.names
    w.heading("Power and interest map", 2)
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
    w.picture(map_png(people, counts_only), w.usable_width_cm(), alt,
              "Power and interest map")
    w.caption("Figure 2. Each stakeholder\u2019s influence over the service against their interest "
              "in it, both scored 1 to 5. The table below gives the same data.")
    w.table(["No.", "Stakeholder", "Side", "Influence", "Interest", "Quadrant"],
            [[str(n), names.of(x), SIDE_MARKS[x.side][2], str(x.influence), str(x.interest),
              quadrant(x)] for n, x in people], widths=[7, 30, 23, 11, 11, 18])


def division_of_risk(w: WordWriter, plan: Plan, risk_numbers: dict[str, int]) -> None:
    """Register, who carries each risk, burden per side, accepted residual risks."""
    w.heading("Division of risk", 1)
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
             for r in plan.risks], widths=[32, 14, 13, 14, 17, 10])
    w.heading("Who carries each risk", 2)
    w.table(["Risk", "Users", "Community", "Professionals"],
            [[f"R{risk_numbers[r.key]} {r.title}", f"{r.shares.users}%",
              f"{r.shares.community}%", f"{r.shares.professionals}%"] for r in plan.risks],
            widths=[55, 15, 15, 15])
    totals = burden(plan.risks)
    whole = sum(totals.values()) or 1
    w.heading("Total burden per side", 2)
    w.para("Burden is each risk\u2019s score times the side\u2019s share, added up over all "
           "risks: it shows where the weight of risk falls.")
    w.table(["Side", "Burden", "Share of all burden"],
            [[side.capitalize(), f"{value:.1f}", f"{value / whole:.0%}"]
             for side, value in totals.items()], widths=[40, 30, 30])
    accepted = [r for r in plan.risks if r.accepted_residual]
    w.heading("Residual risks the partners accept", 2)
    if not accepted:
        w.para("No residual risk has been accepted: every risk is to be reduced further.")
        return
    w.table(["Risk", "Score", "Why the partners accept it"],
            [[f"R{risk_numbers[r.key]} {r.title}", str(r.score),
              r.residual_rationale or "No reason recorded yet"] for r in accepted],
            widths=[35, 10, 55])


def safeguards(w: WordWriter, plan: Plan, risk_numbers: dict[str, int]) -> None:
    """The safeguards table and the risks no safeguard covers."""
    w.heading("Governance safeguards", 1)
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
    w.heading("Risks no safeguard covers", 2)
    if not plan.risks:
        w.para("There are no risks to cover yet.")
    elif not open_risks:
        w.para("Every risk is answered by at least one safeguard.")
    else:
        w.table(["Risk", "Likelihood \u00d7 impact", "Owner"],
                [[f"R{risk_numbers[r.key]} {r.title}",
                  f"{r.likelihood} \u00d7 {r.impact} = {r.score}", w.names.owner(r.owner)]
                 for r in open_risks], widths=[60, 20, 20])


def findings_section(w: WordWriter, findings: list[Finding]) -> None:
    """What the plan check found, most serious first, severity in words."""
    w.heading("Plan check findings", 1)
    if not findings:
        w.para("The plan check found nothing to fix.")
        return
    w.para("The plan check reads the whole plan and says what to put right. \u201cMust fix\u201d "
           "findings are errors in the plan.")
    w.table(["Severity", "What to do"],
            [[SEVERITY_WORDS.get(f.severity.value, f.severity.value.capitalize()), f.message]
             for f in findings], widths=[15, 85])


def sign_off(w: WordWriter, plan: Plan) -> None:
    """One row per partner organisation, for a name, role, signature and date."""
    w.heading("Sign-off", 1)
    version = (f"last changed {long_stamp(plan.modified)}" if plan.modified else "not saved yet")
    w.para("By signing, each partner agrees to this plan as it stands in this version "
           f"({version}). The rows marked \u201cAnother partner\u201d are for partners not listed.")
    lead = " ".join(plan.organisation.split())
    rows = [[f"{name}\n(lead organisation)" if lead and name == lead else name, "", "", "", ""]
            for name in partner_organisations(plan)]
    rows += [["Another partner", "", "", "", ""] for _ in range(BLANK_LINES)]
    w.table(["Partner organisation", "Name", "Role", "Signature", "Date"], rows,
            widths=[28, 20, 16, 22, 14])


def appendix(w: WordWriter, entries: list[tuple[str, list[str]]] | None) -> None:
    """The guidance for the target cell, as plain paragraphs."""
    if not entries:
        return
    w.heading("Appendix: guidance", 1)
    for heading, paragraphs in entries:
        w.heading(heading, 2)
        for text in paragraphs:
            w.para(text)
