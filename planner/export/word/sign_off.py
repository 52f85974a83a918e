"""The Word document's sign-off: signature lines for partners and co-planners, or what to fix first.

The same rules as the PDF's sign-off page: while must-fix findings remain it says what to fix
instead of inviting signatures, unless the officer gave a reason, which is printed.
"""

from __future__ import annotations

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.shared import Cm

from planner.core.checks import Finding
from planner.core.model import Plan
from planner.export.sections.closing import BLANK_LINES, co_planners, partner_organisations
from planner.export.sections.sign_off import LARGE_BLANK_LINES, SIGNATURE_ROWS
from planner.export.sections.words import count
from planner.export.word.writer import WordWriter


def signatories(plan: Plan) -> list[tuple[str, str]]:
    """(name, what they sign as): the lead, partner organisations, community co-planner groups."""
    lead = " ".join(plan.organisation.split())
    rows = [(name, "Lead organisation" if lead and name == lead else "Partner organisation")
            for name in partner_organisations(plan)]
    return rows + [(name, "Community co-planner") for name in co_planners(plan)]


def sign_off(w: WordWriter, plan: Plan, must_fix: list[Finding], version: str,
             reason: str = "") -> None:
    """Signature rows, or, while must-fix findings remain, what to fix before anyone signs."""
    w.heading("Sign-off", 1)
    reason = " ".join(reason.split())
    if must_fix and not reason:
        w.para(f"This plan is not ready to sign. The plan check found "
               f"{count(len(must_fix), 'problem')} that must be fixed first. Put "
               f"{'it' if len(must_fix) == 1 else 'them'} right, then export the plan again for "
               "signature:")
        w.bullets([f.message for f in must_fix])
        names = [name for name, _ in signatories(plan)]
        if names:
            w.para("Who will sign once these are fixed: " + "; ".join(names) + ".")
        return
    if must_fix:
        w.para(f"The officer\u2019s reason: \u201c{reason}\u201d",
               label=f"Put for signature with {count(len(must_fix), 'must-fix finding')} open. ")
        w.bullets([f.message for f in must_fix])
    rows = signatories(plan)
    w.para("By signing, each partner agrees to this plan as it stands in this version "
           f"({version}). Community co-planners sign as groups, never as private individuals. "
           "The rows marked \u201cAnother partner\u201d are for partners not listed.")
    blank = BLANK_LINES
    if len(rows) > SIGNATURE_ROWS:
        w.para(f"The {len(rows)} signatories, each to sign on a row below or on its own copy of "
               "this page: " + "; ".join(f"{name} ({kind.lower()})" for name, kind in rows) + ".")
        rows, blank = [], LARGE_BLANK_LINES
    table_rows = [[f"{name}\n({kind.lower()})", "", "", "", ""] for name, kind in rows]
    table_rows += [["Another partner", "", "", "", ""] for _ in range(blank)]
    table = w.table(["Partner or group", "Name", "Role", "Signature", "Date"], table_rows,
                    widths=[28, 20, 16, 22, 14])
    # Room to sign by hand, as on the PDF's page: every row but the header at least 1.3 cm.
    for row in table.rows[1:]:
        row.height = Cm(1.3)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
