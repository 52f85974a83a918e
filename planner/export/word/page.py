"""Page size, margins, the document's language, and each page's header and footer."""

from __future__ import annotations

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from planner.core.paper import DEFAULT_PAPER, PAPERS

MARGIN_MM = 20


DRAFT_BANNER = "DRAFT \u2014 the plan check found problems that must be fixed first"


def set_up_pages(document: Document, paper: str, title: str, language: str,
                 banner: str | None, status: str = "", draft: bool = False) -> None:
    """Paper and margins; language on every run by default; header banners; footer with page.

    As on the PDF: the personal-data banner and, while must-fix findings remain, DRAFT head
    every page; the footer gives the title, page, status and version.
    """
    size = PAPERS.get(paper, PAPERS[DEFAULT_PAPER])
    section = document.sections[0]
    section.page_width, section.page_height = Mm(size.width_mm), Mm(size.height_mm)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    _set_language(document, language)
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    # Banners head every page, as on the PDF, in words (bold), not by colour alone.
    header = section.header.paragraphs[0]
    header.style = document.styles["Header"]
    lines = [text for text in (banner, DRAFT_BANNER if draft else None) if text]
    for index, text in enumerate(lines):
        if index:
            header.add_run().add_break()
        run = header.add_run(text)
        run.bold = True
        run.font.color.rgb = RGBColor(0x8A, 0x1C, 0x1C)
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["Footer"]
    footer.add_run(f"{title} \u00b7 Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")
    if status:
        footer.add_run().add_break()
        run = footer.add_run(status)
        run.bold = draft


def _set_language(document: Document, language: str) -> None:
    """Set the language Word and screen readers use for the text (and for spelling)."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    r_pr = run_defaults.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        run_defaults.append(r_pr)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    lang.set(qn("w:bidi"), "ar-SA")


def _field(paragraph, code: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {code} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
