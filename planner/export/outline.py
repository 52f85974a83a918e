"""The document outline both exporters follow: which sections, in what order, what is redacted.

Pure Python (no reportlab, no python-docx), so the PDF and the Word document read the same
list and never drift. A section says whether it is printed in the summary-first paper or only
when the officer asks for the full registers, and the redaction rules say what a private
individual's entry may show. Names themselves come from ``planner.export.text.Names``.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.dates import long_date
from planner.core.matrix import Cell
from planner.core.model import Plan, Stakeholder

# A plan larger than this is summarised in the default paper (counts, the top of each list,
# a heat map) and its registers printed in full only on request: a meeting reads the picture.
SUMMARY_STAKEHOLDERS = 40
SUMMARY_RISKS = 30
SUMMARY_SAFEGUARDS = 30
TOP_STAKEHOLDERS = 15  # the most influential stakeholders a summary lists by name


@dataclass(frozen=True)
class Section:
    """One section of the document.

    Attributes:
        key: a stable identifier exporters dispatch on (never shown).
        title: the heading as printed, also the contents and bookmark entry.
        level: 1 for a top-level section, 2 for one inside the section before it.
        register: a full register (stakeholders, risks, safeguards) rather than a summary.
    """

    key: str
    title: str
    level: int = 1
    register: bool = False


COVER = Section("cover", "Cover")
DECISIONS = Section("decisions", "What the meeting is asked to do")
PLAN_ON_A_PAGE = Section("plan_on_a_page", "Plan on a page")
MATRIX = Section("matrix", "The coproduction matrix")
STAKEHOLDERS = Section("stakeholders", "Stakeholders", register=True)
STAKEHOLDER_SUMMARY = Section("stakeholder_summary", "Stakeholders")
POWER_INTEREST = Section("power_interest", "Power and interest map", level=2)
RISKS = Section("division_of_risk", "Division of risk", register=True)
RISK_SUMMARY = Section("risk_summary", "Division of risk")
SAFEGUARDS = Section("safeguards", "Governance safeguards", register=True)
SAFEGUARD_SUMMARY = Section("safeguard_summary", "Governance safeguards")
FINDINGS = Section("findings", "Plan check findings")
SIGN_OFF = Section("sign_off", "Sign-off")
APPENDIX = Section("appendix", "Appendix: guidance for this plan")
ANNEX = Section("annex", "Annex: full registers")
YOU_SAID = Section("you_said", "You said, we did")
ACTION_LOG = Section("action_log", "Action log")
def long_day(iso: str | None) -> str:
    """"2027-03-03" -> "3 March 2027" (outline titles and the record name versions by their date)."""
    return long_date(iso, "an unrecorded date")


def changes_section(plan: Plan) -> Section | None:
    """"Changes since the version agreed on 3 March 2027", when the plan has an agreed version."""
    if not plan.versions:
        return None
    last = max(enumerate(plan.versions), key=lambda pair: (pair[1].date or "", pair[0]))[1]
    return Section("changes", f"Changes since the version agreed on {long_day(last.date)}")


def record_sections(plan: Plan) -> list[Section]:
    """The record's sections after the registers: "you said, we did" and the open actions."""
    found = []
    if plan.engagements:
        found.append(YOU_SAID)
    if any(a.status.value == "open" for a in plan.actions):
        found.append(ACTION_LOG)
    return found


def is_large(plan: Plan) -> bool:
    """Whether the default paper summarises this plan's registers instead of printing them."""
    return (len(plan.stakeholders) > SUMMARY_STAKEHOLDERS or len(plan.risks) > SUMMARY_RISKS
            or len(plan.safeguards) > SUMMARY_SAFEGUARDS)


def outline(plan: Plan, full: bool = False, appendix: bool = True,
            analysis: str = "all") -> list[Section]:
    """The sections of this plan's document, in reading order.

    A small plan prints its registers where they belong. A large one prints summaries there
    and, when ``full`` is asked for, the registers after the sign-off as an annex, so the
    paper a meeting reads stays short at any size.

    Args:
        plan: the plan being exported.
        full: print the full registers of a large plan as an annex.
        appendix: print the guidance appendix (when the caller has guidance to give).
        analysis: how much of the officer's analysis of named partners is shown ("none",
            "groups", "all"; see ExportOptions): the map is left out when it would show nobody.
    """
    large = is_large(plan)
    mapped = analysis == "all" or (analysis == "groups"
                                   and any(not s.personal for s in plan.stakeholders))
    changes = changes_section(plan)
    sections = [COVER, DECISIONS, PLAN_ON_A_PAGE, *([changes] if changes else []), MATRIX,
                STAKEHOLDER_SUMMARY if large else STAKEHOLDERS,
                *([POWER_INTEREST] if mapped else []),
                RISK_SUMMARY if large else RISKS,
                SAFEGUARD_SUMMARY if large else SAFEGUARDS,
                *record_sections(plan),
                FINDINGS, SIGN_OFF]
    if appendix:
        sections.append(APPENDIX)
    if large and full:
        sections += [ANNEX, Section(STAKEHOLDERS.key, STAKEHOLDERS.title, 2, True),
                     Section(RISKS.key, RISKS.title, 2, True),
                     Section(SAFEGUARDS.key, SAFEGUARDS.title, 2, True)]
    return sections


def decisions(plan: Plan) -> list[str]:
    """What the meeting is asked to do, one text per decision, blanks left out."""
    return [" ".join(str(item).split()) for item in plan.decisions if str(item).strip()]


@dataclass(frozen=True)
class Redaction:
    """What a stakeholder's entry may show, given the officer's personal-data choice.

    A private individual (``personal``) is shown by a role label and never signs; their
    contact details and notes are left out unless the officer chose to include personal
    data. Organisations' contact details are printed only with personal data too, since
    they are often a named officer's own email or phone.
    """

    include_personal: bool = False

    def shows_name(self, person: Stakeholder) -> bool:
        """Whether the stakeholder's own name is printed (otherwise a role label)."""
        return self.include_personal or not person.personal

    def shows_contact(self, person: Stakeholder) -> bool:
        """Whether contact details are printed."""
        return self.include_personal and bool(person.contact.strip())

    def shows_notes(self, person: Stakeholder) -> bool:
        """Whether the free-text notes are printed."""
        return bool(person.notes.strip()) and (self.include_personal or not person.personal)


def matrix_notes(plan: Plan, described: Cell | None) -> list[str]:
    """What the matrix figure or table cannot show by itself: cells not chosen, where the roles
    put the service (``described``), and whether that is the target. The PDF and the Word
    document print the same sentences."""
    notes = []
    if plan.current_cell is None or plan.target_cell is None:
        notes.append("The current or target cell is not chosen yet, so no move is shown.")
    elif plan.current_cell == plan.target_cell:
        notes.append("The target is the current cell: the plan keeps the service where it is.")
    if described is None:
        notes.append("The roles do not place the service yet: on at least one axis nobody has "
                     "a planning or delivery role.")
    elif not described.is_available:
        notes.append("The roles put the service in the N/A cell, which Table 1 says cannot "
                     "happen: check the planning and delivery roles.")
    elif plan.target_cell is not None and described != plan.target_cell:
        notes.append("The roles do not yet match the target: the plan check says whose roles "
                     "to change.")
    return notes
