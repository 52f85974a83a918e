"""Assemble the sections into one document: page frame, footer, metadata, progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from planner import __version__
from planner.core.checks import Finding
from planner.core.model import Plan
from planner.core.redaction import for_circulation
from planner.export.fonts import BOLD, REGULAR, register_fonts, string_width
from planner.export.scripts import draw_runs, is_complex
from planner.export.styles import MARGIN, MUTED, PAPER, WARN, Styles, make_styles
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


def export_date(plan: Plan, invariant: bool) -> str:
    """The date the PDF shows: the plan's last change when invariant (no 'today' then)."""
    if invariant or not plan.modified:
        return plan.modified[:10] if plan.modified else "not recorded"
    return date.today().isoformat()


class _NumberedCanvas(Canvas):
    """Holds pages until the end so each footer can say 'Page N of M'."""

    def __init__(self, *args, title: str = "", personal: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._title = title
        self._personal = personal

    def showPage(self):  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(total)
            super().showPage()
        super().save()

    def _decorate(self, total: int) -> None:
        width, height = self._pagesize
        self.saveState()
        self.setFillColor(MUTED)
        self.setFont(REGULAR, 8)
        page = f"Page {self._pageNumber} of {total}"
        room = width - 2 * MARGIN - string_width(page, 8) - 20
        title = plain(self._title)
        while title and string_width(title, 8) > room:
            title = title[:-2] + "\u2026" if len(title) > 2 else ""
        if is_complex(title):
            line = self.beginText(MARGIN, MARGIN * 0.55)
            draw_runs(line, title, REGULAR, 8, 10)
            self.drawText(line)
        else:
            self.drawString(MARGIN, MARGIN * 0.55, title)
        self.drawRightString(width - MARGIN, MARGIN * 0.55, page)
        if self._personal:
            self.setFillColor(WARN)
            self.setFont(BOLD, 9)
            self.drawCentredString(width / 2, height - MARGIN * 0.6, PERSONAL_BANNER)
        self.restoreState()


def build(plan: Plan, path: Path, options, progress: Callable[[int, int], None] | None) -> None:
    """Lay out the whole plan into path (the caller makes this atomic)."""
    from planner.export.sections import story  # sections import this module's Context

    register_fonts()
    pagesize = PAPER[options.paper]
    width = pagesize[0] - 2 * MARGIN
    # The copy meant for circulation is made from the one redaction, never from the plan itself.
    plan, findings = for_circulation(plan, options.include_personal)
    context = Context(
        plan=plan, options=options, names=Names(plan, options.include_personal),
        styles=make_styles(), width=width, findings=findings,
        risk_numbers={r.key: i for i, r in enumerate(plan.risks, start=1)},
    )
    flowables = story(context)
    total = len(flowables) + 1
    done = [0]

    def report(_flowable=None) -> None:
        if progress is not None:
            done[0] = min(done[0] + 1, total - 1)  # split tables report more than once
            progress(done[0], total)

    title = plain(plan.title) or "Coproduction plan"
    subject = f"Coproduction plan: {plain(plan.service_area) or title}"
    # A PDF with personal data says so in its own properties too, which file browsers, mail
    # clients and document stores show without opening it.
    marked = f" — {PERSONAL_BANNER}" if options.include_personal else ""
    doc = BaseDocTemplate(
        str(path), pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN, bottomMargin=MARGIN, title=title + marked,
        author=plain(plan.officer) or plain(plan.organisation),
        subject=subject + marked,
        keywords=["coproduction", "plan"] + (["personal data"] if options.include_personal else []),
        creator=f"Coproduction Planner {__version__}",
        producer=f"Coproduction Planner {__version__}",
        lang="en-GB", invariant=1 if options.invariant else 0, initialFontName=REGULAR,
        initialFontSize=10, initialLeading=12,
    )
    frame = Frame(MARGIN, MARGIN, width, pagesize[1] - 2 * MARGIN, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.afterFlowable = report

    def canvasmaker(*args, **kwargs):
        return _NumberedCanvas(*args, title=title, personal=options.include_personal, **kwargs)

    if progress is not None:
        progress(0, total)
    doc.build(flowables, canvasmaker=canvasmaker)
    if progress is not None:
        progress(total, total)
