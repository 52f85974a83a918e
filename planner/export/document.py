"""Assemble the sections into one document: page frame, footer, metadata, progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, tzinfo
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from planner import __version__
from planner.core.checks import Finding, Severity
from planner.core.model import Plan
from planner.core.redaction import for_circulation
from planner.export.contents import fill_contents, mark_heading
from planner.export.fonts import BOLD, REGULAR, register_fonts, string_width
from planner.export.scripts import draw_runs, is_complex
from planner.export.styles import (
    MARGIN, MUTED, PAPER, WARN, KeepWithStart, Styles, make_styles,
)
from planner.export.text import Names, plain

PERSONAL_BANNER = "Contains personal data \u2014 not for circulation"


@dataclass
class Context:
    """Everything a section needs to lay itself out."""

    plan: Plan
    options: object  # ExportOptions (not imported, to keep the package import cycle-free)
    names: Names
    styles: Styles
    width: float  # of the text frame, in points
    findings: list[Finding]
    risk_numbers: dict[str, int]
    zone: tzinfo | None = None  # the officer's time zone (None: this computer's)
    since: object = None  # record.Since: what changed since the last agreed version, if any

    @property
    def must_fix(self) -> list[Finding]:
        """The findings that make the plan a draft until they are put right."""
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def draft(self) -> bool:
        """Whether every page says DRAFT: must-fix findings remain."""
        return bool(self.must_fix)

    def version(self) -> str:
        """The version line: when the plan was last changed, in the officer's time."""
        from planner.export.sections.words import long_stamp  # sections import this module

        modified = self.plan.modified
        return f"last changed {long_stamp(modified, self.zone)}" if modified else "not saved yet"


def footer_line(ctx: Context) -> str:
    """Status and version for the foot of every page."""
    status = plain(ctx.options.status, 120) or "No status given"
    agreed = getattr(ctx.options, "agreed", "")
    if agreed:  # an agreed version says so on every page
        line = f"{status} \u00b7 {plain(agreed)}"
    elif ctx.since is not None:
        line = f"{status} \u00b7 {plain(ctx.since.footer)} \u00b7 {ctx.version()}"
    else:
        line = f"{status} \u00b7 Version: {ctx.version()}"
    return f"DRAFT \u00b7 {line}" if ctx.draft else line


def export_date(plan: Plan, invariant: bool) -> str:
    """The date the PDF shows: the plan's last change when invariant (no 'today' then)."""
    if invariant or not plan.modified:
        return plan.modified[:10] if plan.modified else "not recorded"
    return date.today().isoformat()


class _NumberedCanvas(Canvas):
    """Holds pages until the end so each footer can say 'Page N of M'."""

    def __init__(self, *args, title: str = "", personal: bool = False, status: str = "",
                 draft: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._title = title
        self._personal = personal
        self._status = status
        self._draft = draft
        self.section_pages: dict[str, int] = {}  # filled as headings are drawn
        self.contents_slots: list = []  # where the contents list wants page numbers
        self._page_marks: list = []
        self.showOutline()  # the viewer opens with the bookmarks shown

    def showPage(self):  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._page_marks = []
        self._startPage()

    def bookmarkPage(self, key, **kwargs):  # noqa: N802 - reportlab's name
        # A bookmark names the page being written, which here is only written in save():
        # keep it with this page's state until then.
        self._page_marks = [*self._page_marks, (key, kwargs)]

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            for key, kwargs in self._page_marks:
                super().bookmarkPage(key, **kwargs)
            fill_contents(self, self._pageNumber)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        width, height = self._pagesize
        self.saveState()
        if self._draft:
            self._watermark(width, height)
        self.setFillColor(MUTED)
        page = f"Page {self._pageNumber} of {total}"
        room = width - 2 * MARGIN - string_width(page, FOOT_SIZE) - 20
        top, below = MARGIN * 0.62, MARGIN * 0.62 - FOOT_SIZE * 1.3
        self._footer_text(_shorten(self._title, room), top, REGULAR)
        self.setFont(REGULAR, FOOT_SIZE)
        self.drawRightString(width - MARGIN, top, page)
        if self._status:
            if self._draft:
                self.setFillColor(WARN)
            face = BOLD if self._draft else REGULAR
            self._footer_text(_shorten(self._status, width - 2 * MARGIN, face), below, face)
        if self._personal:
            self.setFillColor(WARN)
            self.setFont(BOLD, 9)
            self.drawCentredString(width / 2, height - MARGIN * 0.6, PERSONAL_BANNER)
        self.restoreState()

    def _footer_text(self, text: str, y: float, face: str) -> None:
        if is_complex(text):
            line = self.beginText(MARGIN, y)
            draw_runs(line, text, face, FOOT_SIZE, FOOT_SIZE * 1.2)
            self.drawText(line)
        else:
            self.setFont(face, FOOT_SIZE)
            self.drawString(MARGIN, y, text)

    def _watermark(self, width: float, height: float) -> None:
        """DRAFT across the page, light enough to read the text through it."""
        self.saveState()
        self.setFillColor(WARN, alpha=0.13)
        self.setFont(BOLD, 120)
        self.translate(width / 2, height / 2)
        self.rotate(50)
        self.drawCentredString(0, -40, "DRAFT")
        self.restoreState()


FOOT_SIZE = 8  # the smallest text in the document


def _shorten(text: str, room: float, face: str = REGULAR) -> str:
    text = plain(text)
    while text and string_width(text, FOOT_SIZE, face) > room:
        text = text[:-2] + "\u2026" if len(text) > 2 else ""
    return text


def build(plan: Plan, path: Path, options, progress: Callable[[int, int], None] | None) -> None:
    """Lay out the whole plan into path (the caller makes this atomic)."""
    from planner.export.sections import story  # sections import this module's Context
    from planner.export.sections.words import local_zone

    register_fonts()
    pagesize = PAPER[options.paper]
    width = pagesize[0] - 2 * MARGIN
    from planner.export.record import since

    # What changed since the agreed version is read from the real plans, then scrubbed.
    changed = None if getattr(options, "agreed", "") else since(plan, options.include_personal)
    # The copy meant for circulation is made from the one redaction, never from the plan itself.
    plan, findings = for_circulation(plan, options.include_personal, options.shown_analysis)
    context = Context(
        plan=plan, options=options, names=Names(plan, options.include_personal, options.shown_analysis),
        styles=make_styles(), width=width, findings=findings,
        risk_numbers={r.key: i for i, r in enumerate(plan.risks, start=1)},
        zone=local_zone(options.time_zone), since=changed,
    )
    flowables = story(context)
    total = len(flowables) + 1
    done = [0]

    def report(flowable=None) -> None:
        mark_heading(doc, flowable)
        if progress is not None:
            done[0] = min(done[0] + 1, total - 1)  # split tables report more than once
            progress(done[0], total)

    title = plain(plan.title, 300) or "Coproduction plan"
    subject = f"Coproduction plan: {plain(plan.service_area, 300) or title}"
    # A PDF with personal data says so in its own properties too, which file browsers, mail
    # clients and document stores show without opening it.
    marked = f" — {PERSONAL_BANNER}" if options.include_personal else ""
    # Our own handle, closed even when a write fails (reportlab would leave its own to the GC).
    handle = open(path, "wb")  # noqa: SIM115 - closed in the finally below
    doc = BaseDocTemplate(
        handle, pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN, bottomMargin=MARGIN, title=title + marked,
        author=plain(plan.officer, 300) or plain(plan.organisation, 300),
        subject=subject + marked,
        keywords=["coproduction", "plan"] + (["personal data"] if options.include_personal else []),
        creator=f"Coproduction Planner {__version__}",
        producer=f"Coproduction Planner {__version__}",
        lang="en-GB", displayDocTitle=1, invariant=1 if options.invariant else 0,
        initialFontName=REGULAR,
        initialFontSize=10, initialLeading=12,
    )
    doc.keepTogetherClass = KeepWithStart  # headings keep with the start of what follows
    frame = Frame(MARGIN, MARGIN, width, pagesize[1] - 2 * MARGIN, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.afterFlowable = report

    def canvasmaker(*args, **kwargs):
        return _NumberedCanvas(*args, title=title, personal=options.include_personal,
                               status=footer_line(context), draft=context.draft, **kwargs)

    try:
        if progress is not None:
            progress(0, total)
        doc.build(flowables, canvasmaker=canvasmaker)
    finally:
        handle.close()
    if progress is not None:
        progress(total, total)
