"""The Word document's sections around the registers: cover, decisions, plan on a page, matrix,
findings, sign-off and appendix (the registers are in ``registers``)."""

from __future__ import annotations

from planner.core.article import CITED, citation
from planner.core.checks import Finding, Severity
from planner.core.described import described_cell
from planner.core.matrix import DELIVERY_HEADINGS, PLANNING_HEADINGS, Cell, Delivery, Planning
from planner.core.model import Plan, Side, label
from planner.core.wording import NOTHING_TO_FIX, SEVERITY_WORDS, in_brief
from planner.export.outline import decisions as decisions_of
from planner.export.outline import is_large, matrix_notes
from planner.export.sections.closing import FINDINGS_SHOWN
from planner.export.sections.words import (
    SIDE_WORDS, count, long_date, shares,
)
from planner.export.word.writer import WordWriter

PERSONAL_NOTE = ("Individual people are shown by a role label (for example \u201cService user "
                 "1\u201d) and no contact details are printed.")


def _cell_name(cell: Cell | None, missing: str) -> str:
    return cell.name if cell is not None else missing


def cover(w: WordWriter, plan: Plan, options, date_text: str, banner: str,
          version_text: str) -> None:
    """Title, who and what the plan is for, its status and version, and the summary."""
    w.para("Coproduction plan", style="Subtitle")
    w.title(plan.title)
    version = f"Plan as {version_text}" if plan.modified else "Not saved yet"
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


def decisions(w: WordWriter, plan: Plan) -> None:
    """What the meeting is asked to do: the first thing a councillor looks for."""
    w.heading("What the meeting is asked to do", 1)
    items = decisions_of(plan)
    if not items:
        w.para("The plan does not yet say what the meeting is asked to do.")
        return
    w.para("The meeting is asked to:")
    w.bullets(items, numbered=True)  # numbered, as the PDF, so "decision 2" can be named


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
        ["Open plan-check findings", in_brief(findings)],
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
    w.para(f"Table 1 of {CITED} sets who plans the service (columns) against who delivers "
           "it (rows). The table marks in words where the service is now (CURRENT), where the "
           "plan aims to take it (TARGET), and where the stakeholders\u2019 planning and "
           "delivery roles put it today (ROLES).")
    w.caption(f"Table 1. The coproduction matrix, after {citation('Table 1')}.")
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
    for note in matrix_notes(plan, described):
        w.para(note)


def findings_section(w: WordWriter, plan: Plan, findings: list[Finding], full: bool) -> None:
    """What the plan check found, most serious first, severity in words.

    As the PDF: a large plan's summary paper prints every must-fix finding and the first of
    the rest, saying how many more there are; with the full registers it prints them all.
    """
    w.heading("Plan check findings", 1)
    if not findings:
        w.para(NOTHING_TO_FIX)
        return
    shown = findings
    if is_large(plan) and not full:
        must = [f for f in findings if f.severity is Severity.ERROR]
        shown = must + [f for f in findings if f.severity is not Severity.ERROR][:FINDINGS_SHOWN]
    numbers = {("stakeholder", x.key): f"No. {w.names.number(x)}" for x in plan.stakeholders}
    numbers.update({("risk", r.key): f"R{n}" for n, r in enumerate(plan.risks, start=1)})
    numbers.update({("safeguard", g.key): f"G{n}" for n, g in enumerate(plan.safeguards, start=1)})
    w.para("The plan check reads the whole plan and says what to put right. \u201cMust fix\u201d "
           "findings are errors in the plan. Each names what it is about by its number in the "
           "registers and on the map.")
    w.table(["Severity", "About", "What to do"],
            [[SEVERITY_WORDS[f.severity],
              numbers.get((f.target_type, f.target_key), "Plan"), f.message] for f in shown],
            widths=[15, 10, 75])
    left = len(findings) - len(shown)
    if left:
        w.para(f"{left:,} more findings (should fix or advice) are not printed in this summary: "
               "the Check step of the app lists them all, and the export with the full registers "
               "prints them.")


def appendix(w: WordWriter, entries: list[tuple[str, list[str]]] | None, title: str) -> None:
    """The guidance for the target cell, as plain paragraphs."""
    if not entries:
        return
    w.heading(title, 1)
    for heading, paragraphs in entries:
        w.heading(heading, 2)
        for text in paragraphs:
            w.para(text)


def annex(w: WordWriter, title: str, level: int) -> None:
    """The heading that opens a large plan's full registers, as in the PDF."""
    w.heading(title, level)
    w.para("The full registers of the plan, in the order the app lists them. The numbers are the "
           "same as in the summary, on the map and in the plan-check messages.")
