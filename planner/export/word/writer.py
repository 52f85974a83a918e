"""A thin layer over python-docx that only writes what Word's accessibility checker accepts.

Headings use Word's built-in Heading styles and never skip a level; every table has one header
row marked to repeat on each page (w:tblHeader); every picture carries alternative text; no
empty paragraph is ever written for spacing (paragraph spacing does that); and every piece of
user text passes the one redaction the PDF uses (``Names.scrub``) before it is written.
"""

from __future__ import annotations

from io import BytesIO

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table

from planner.export.text import Names, clean

HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3"}


def word_text(text: object) -> str:
    """Text Word can hold: the PDF's cleaning (no control characters), tabs as spaces."""
    return clean(text).replace("\t", "    ")


class WordWriter:
    """Appends headings, paragraphs, lists, tables, captions and pictures to one document."""

    def __init__(self, document: Document, names: Names):
        self.document = document
        self.names = names
        self._level = 0  # the last heading level written, to refuse skipped levels

    def free(self, text: object) -> str:
        """User text as it may leave the app: cleaned, then private names redacted."""
        return self.names.scrub(word_text(text))

    def title(self, text: str) -> None:
        self.document.add_paragraph(self.free(text) or "Coproduction plan", style="Title")

    def heading(self, text: str, level: int) -> None:
        """A heading of level 1 to 3; a level deeper than the last one plus one is a bug."""
        if level > self._level + 1:
            raise ValueError(f"Heading level {level} after {self._level} skips a level")
        self._level = level
        self.document.add_paragraph(self.free(text), style=HEADING_STYLES[level])

    def para(self, text: str, label: str = "", style: str | None = None) -> None:
        """A paragraph, optionally led by a bold label ("Officer: "); empty text is skipped."""
        body = self.free(text)
        if not body.strip() and not label:
            return  # never an empty paragraph: spacing comes from the styles
        paragraph = self.document.add_paragraph(style=style)
        if label:
            paragraph.add_run(label).bold = True
        paragraph.add_run(body)

    def bullets(self, items: list[str], numbered: bool = False) -> None:
        """Word's own list styles, so a screen reader announces a list and its length."""
        style = "List Number" if numbered else "List Bullet"
        for item in items:
            if self.free(item).strip():
                self.document.add_paragraph(self.free(item), style=style)

    def caption(self, text: str) -> None:
        self.document.add_paragraph(self.free(text), style="Caption")

    def table(self, headers: list[str], rows: list[list[object]],
              widths: list[float] | None = None, bold_first_column: bool = False) -> Table:
        """A Table Grid table whose first row holds the headers and repeats on every page.

        Cells are text; a newline in a cell starts a new line within it. ``widths`` are
        relative column widths.
        """
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        header = table.rows[0]
        mark_header_row(header)
        for cell, text in zip(header.cells, headers):
            _set_cell(cell, self.free(text), bold=True)
        for values in rows:
            row = table.add_row()
            # A row is kept whole on one page where it fits, so no one reads half a risk.
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
            cells = row.cells
            for index, (cell, value) in enumerate(zip(cells, values)):
                _set_cell(cell, self.free(value), bold=bold_first_column and index == 0)
        if widths:
            usable = self.usable_width_cm()
            whole = sum(widths)
            # A fixed layout on the column grid: Word and LibreOffice both size columns from
            # it, and it costs nothing per row (a width on every cell made long tables slow).
            table.autofit = False
            for column, share in zip(table.columns, widths):
                column.width = Cm(usable * share / whole)
            for cell, share in zip(table.rows[0].cells, widths):  # Word reads the first row's
                cell.width = Cm(usable * share / whole)
        return table

    def picture(self, png: bytes, width_cm: float, alt: str, title: str) -> None:
        """A picture in its own paragraph, with alternative text a screen reader reads."""
        self.document.add_picture(BytesIO(png), width=Cm(width_cm))
        inline = self.document.inline_shapes[-1]
        doc_pr = inline._inline.docPr
        doc_pr.set("descr", self.free(alt))
        doc_pr.set("title", self.free(title))

    def usable_width_cm(self) -> float:
        section = self.document.sections[-1]
        return (section.page_width - section.left_margin - section.right_margin) / 360000


def mark_header_row(row) -> None:
    """Mark a table row as its header: Word repeats it on each page and reads it as headers."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)


TABLE_TEXT = Pt(10)  # the PDF sets tables at 9.5 pt or more; a little larger suits the screen


def _set_cell(cell, text: str, bold: bool = False) -> None:
    """Write text into a cell's own first paragraph (a cell always has one)."""
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    if bold:  # an explicit "not bold" would only add markup to every cell
        run.bold = True
    run.font.size = TABLE_TEXT
    paragraph.paragraph_format.space_after = Pt(0)
