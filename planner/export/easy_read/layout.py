"""Lay out the easy-read summary: a cover, then each section's points beside their pictures."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate, CondPageBreak, Frame, KeepTogether, PageBreak, PageTemplate, Spacer, Table,
    TableStyle,
)

from planner import __version__
from planner.core import easy_read
from planner.core.model import Plan
from planner.core.paper import DEFAULT_PAPER
from planner.core.redaction import Scrubber, for_circulation
from planner.export.document import export_date
from planner.export.easy_read import BODY_SIZE, FOOTER_SIZE
from planner.export.easy_read.pictograms import pictogram
from planner.export.fonts import BOLD, REGULAR, register_fonts
from planner.export.sections.words import long_date
from planner.export.scripts import draw_runs, is_complex
from planner.export.styles import PAPER
from planner.export.styles import Para as Paragraph  # shapes Arabic, Hebrew, Bengali, Punjabi
from planner.export.text import esc, plain

MARGIN = 20 * mm
PICTURE = 62.0  # points: a picture beside each point
COVER_PICTURE = 150.0
INK = HexColor("#1a1a1a")
ACCENT = HexColor("#1f3a5f")


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("easy_body", fontName=REGULAR, fontSize=BODY_SIZE,
                          leading=BODY_SIZE * 1.45, textColor=INK)
    return {
        "body": body,
        "title": ParagraphStyle("easy_title", parent=body, fontName=BOLD, fontSize=32,
                                leading=40, textColor=ACCENT, spaceAfter=18),
        "subtitle": ParagraphStyle("easy_subtitle", parent=body, fontSize=22, leading=30,
                                   spaceAfter=24),
        "heading": ParagraphStyle("easy_heading", parent=body, fontName=BOLD, fontSize=26,
                                  leading=34, textColor=ACCENT, spaceBefore=18, spaceAfter=14,
                                  keepWithNext=1),
    }


def _point(picture: str, text: str, style: ParagraphStyle) -> Table:
    """One point: the picture on the left, the sentence on the right, lots of room around."""
    table = Table([[pictogram(picture, PICTURE), Paragraph(text, style)]],
                  colWidths=[PICTURE + 22, None], hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 9),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 9)]))
    return table


def story(plan: Plan, invariant: bool) -> list:
    """The cover and every section, in the order of planner.core.easy_read.SECTIONS.

    Easy read is for sharing widely, so it is always made from the redacted plan (the one
    redaction every output uses), and each point is scrubbed by the same scrubber.
    """
    scrub = Scrubber(plan)
    safe, _ = for_circulation(plan, include_personal=False)
    s = _styles()

    def text(value: str) -> str:
        return esc(scrub(plain(value)))

    flow: list = [
        Paragraph(esc(easy_read.TITLE), s["title"]),
        Paragraph(text(safe.title), s["subtitle"]),
        pictogram("meeting", COVER_PICTURE),
        Spacer(1, 24),
        _point("people", "This is an easy read summary of our plan.", s["body"]),
        _point("calendar", text(f"Date: {long_date(export_date(plan, invariant))}."), s["body"]),
        PageBreak(),
    ]
    sections = easy_read.texts(safe)
    for section in easy_read.SECTIONS:
        points = [_point(easy_read.picture_for(point, section.picture), text(point), s["body"])
                  for point in easy_read.points(sections[section.key])]
        # A section stays on one page where it fits (no point left alone over the page); a
        # longer one starts where at least its heading and three points fit.
        flow.append(CondPageBreak(s["heading"].leading + 3 * (PICTURE + 18)))
        flow.append(KeepTogether([Paragraph(esc(section.heading), s["heading"]), *points]))
    return flow


def build(plan: Plan, path: Path, invariant: bool) -> None:
    register_fonts()
    pagesize = PAPER[DEFAULT_PAPER]
    scrub = Scrubber(plan)
    title = f"{easy_read.TITLE}: {plain(plan.title) or 'our plan'}"
    doc = BaseDocTemplate(
        str(path), pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN + 8, title=scrub(title),
        subject="Easy read summary of a coproduction plan", lang="en-GB",
        creator=f"Coproduction Planner {__version__}", producer=f"Coproduction Planner {__version__}",
        author=scrub(plain(plan.organisation)), invariant=1 if invariant else 0, initialFontName=REGULAR,
        initialFontSize=BODY_SIZE, initialLeading=BODY_SIZE * 1.4, displayDocTitle=1,
    )
    frame = Frame(MARGIN, MARGIN + 8, pagesize[0] - 2 * MARGIN, pagesize[1] - 2 * MARGIN - 8,
                  id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    footer_title = plain(scrub(plain(plan.title)), limit=48)  # clear of "Page N"

    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, FOOTER_SIZE)
        canvas.setFillColor(INK)
        line = f"Easy read summary \u00b7 {footer_title}"
        if is_complex(line):  # a group's own script, shaped and in visual order
            text = canvas.beginText(MARGIN, MARGIN * 0.5)
            draw_runs(text, line, REGULAR, FOOTER_SIZE, FOOTER_SIZE * 1.2)
            canvas.drawText(text)
        else:
            canvas.drawString(MARGIN, MARGIN * 0.5, line)
        canvas.drawRightString(pagesize[0] - MARGIN, MARGIN * 0.5, f"Page {document.page}")
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=footer)])
    doc.build(story(plan, invariant))
