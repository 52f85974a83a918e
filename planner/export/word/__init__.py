"""The plan as an editable, accessible Word document: ``write_docx(plan, path, options)``.

The same content and order as the PDF, in Word's built-in styles (Title, Heading 1-3, List
Bullet, Table Grid, Caption) so a council template's styles take over when it is pasted in.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from planner import __version__
from planner.core.checks import Severity
from planner.core.model import Plan
from planner.core.redaction import for_circulation
from planner.export import ExportError, ExportOptions
from planner.export.saving import save_atomically

LANGUAGES = ("en-GB", "cy")


def write_docx(plan: Plan, path: Path | str, options: ExportOptions | None = None,
               language: str = "en-GB") -> None:
    """Write the plan as a Word document at path, all or nothing.

    Raises:
        ExportError: the folder is missing or not writable, or the document could not be built.
    """
    options = options or ExportOptions()
    if language not in LANGUAGES:
        raise ExportError(f"Unknown language \u201c{language}\u201d: choose en-GB or cy.")
    save_atomically(path, lambda temp: _build(plan, temp, options, language), "Word document",
                    ExportError)


def _build(plan: Plan, path: Path, options: ExportOptions, language: str) -> None:
    from docx import Document  # python-docx loads only when exporting

    from planner.export.document import PERSONAL_BANNER, export_date
    from planner.export.sections.words import local_zone, long_date, long_stamp
    from planner.export.text import Names, plain
    from planner.export.outline import outline
    from planner.export.word import registers, sections
    from planner.export.word.sign_off import sign_off
    from planner.export.word.page import set_up_pages
    from planner.export.word.writer import WordWriter

    from planner.export.fonts import register_fonts

    register_fonts()  # the figures measure text in the bundled font
    document = Document()
    from planner.export.record import action_rows, said_rows, since

    changed = None if getattr(options, "agreed", "") else since(plan, options.include_personal)
    # The same redaction as the PDF: a copy of the plan with private individuals hidden.
    plan, findings = for_circulation(plan, options.include_personal, options.shown_analysis)
    names = Names(plan, options.include_personal, options.shown_analysis)
    title = names.scrub(plain(plan.title)) or "Coproduction plan"
    zone = local_zone(getattr(options, "time_zone", ""))
    version = (f"last changed {long_stamp(plan.modified, zone)}" if plan.modified
               else "not saved yet")
    if getattr(options, "agreed", ""):
        version = plain(options.agreed)
    elif changed is not None:
        version = f"{changed.footer}; {version}"
    must_fix = [f for f in findings if f.severity is Severity.ERROR]
    status = f"{plain(options.status) or 'No status given'} \u00b7 Version: {version}"
    set_up_pages(document, options.paper, title, language,
                 PERSONAL_BANNER if options.include_personal else None,
                 f"DRAFT \u00b7 {status}" if must_fix else status, draft=bool(must_fix))
    props = document.core_properties
    # A document with personal data says so in its own properties too, as the PDF does.
    marked = f" \u2014 {PERSONAL_BANNER}" if options.include_personal else ""
    props.title = title + marked
    props.subject = (f"Coproduction plan: {names.scrub(plain(plan.service_area)) or title}"
                     + marked)
    props.author = names.scrub(plain(plan.officer) or plain(plan.organisation))
    props.last_modified_by = props.author
    props.language = language
    props.keywords = "coproduction, plan" + (", personal data" if options.include_personal else "")
    props.comments = f"Written by Coproduction Planner {__version__}"
    props.revision = 1
    stamp = _stamp(plan.modified) if options.invariant or not plan.modified else None
    props.created = props.modified = stamp or datetime.now(timezone.utc).replace(microsecond=0)

    w = WordWriter(document, names)
    risk_numbers = {r.key: i for i, r in enumerate(plan.risks, start=1)}
    date_text = long_date(export_date(plan, options.invariant))
    full = bool(getattr(options, "full", False))
    try:
        today = date.fromisoformat(export_date(plan, options.invariant)[:10])
    except ValueError:
        today = date.today()
    writers = {
        "cover": lambda s: sections.cover(w, plan, options, date_text, PERSONAL_BANNER, version),
        "decisions": lambda s: sections.decisions(w, plan),
        "plan_on_a_page": lambda s: sections.plan_on_a_page(w, plan, findings, risk_numbers),
        "matrix": lambda s: sections.matrix(w, plan),
        "stakeholders": lambda s: registers.stakeholders(w, plan, s.level),
        "stakeholder_summary": lambda s: registers.stakeholder_summary(w, plan, full, s.level),
        "power_interest": lambda s: registers.power_interest(w, plan, s.level),
        "division_of_risk": lambda s: registers.division_of_risk(w, plan, risk_numbers, s.level),
        "risk_summary": lambda s: registers.risk_summary(w, plan, risk_numbers, full, s.level),
        "safeguards": lambda s: registers.safeguards(w, plan, risk_numbers, s.level),
        "safeguard_summary": lambda s: registers.safeguard_summary(w, plan, full, today, s.level),
        "findings": lambda s: sections.findings_section(w, plan, findings, full),
        "sign_off": lambda s: sign_off(w, plan, must_fix, version,
                                       getattr(options, "sign_off_reason", "")),
        "appendix": lambda s: sections.appendix(w, options.appendix, s.title),
        "annex": lambda s: sections.annex(w, s.title, s.level),
        "changes": lambda s: _changes(w, s.title, changed),
        "you_said": lambda s: _table(w, s.title, ["When, and who", "You said", "We did", "Outcome"],
                                     said_rows(plan, changed.version.date if changed else None), [24, 27, 27, 22]),
        "action_log": lambda s: _table(w, s.title, ["Action", "Owner", "Due"], action_rows(plan), [60, 25, 15]),
    }
    # The one outline the PDF follows too: same sections, same order, same summaries.
    for section in outline(plan, full=full, appendix=bool(options.appendix),
                           analysis=options.shown_analysis):
        writers[section.key](section)
    document.save(str(path))


def _changes(w, title: str, changed) -> None:
    """What changed since the agreed version, one line each (as the PDF prints it)."""
    w.heading(title, 1)
    if changed is None:
        return
    w.para(f"The partnership agreed this plan at {changed.version.label}. This draft differs from that "
           "version as follows; anything not listed is as agreed.")
    if changed.lines:
        w.bullets(changed.lines)
    else:
        w.para("Nothing has changed since then.")


def _table(w, title: str, headers: list[str], rows: list[list[str]], widths: list[float]) -> None:
    w.heading(title, 1)
    if rows:
        w.table(headers, rows, widths)
    else:
        w.para("Nothing new since the agreed version.")


def _stamp(iso: str) -> datetime | None:
    """The plan's last change as a datetime, for reproducible document properties."""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


__all__ = ["LANGUAGES", "write_docx"]
