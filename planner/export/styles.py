"""Page sizes, colours, paragraph and table styles shared by every section of the PDF."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, LongTable, Paragraph, Table, TableStyle

from planner.core.paper import PAPERS
from planner.export.fonts import BOLD, REGULAR, register_fonts
from planner.export.scripts import draw_runs, is_complex, paragraph_markup
from planner.export.text import PRINT_LIMIT, clean, esc, printable

PAPER = {value: (size.width_mm * mm, size.height_mm * mm) for value, size in PAPERS.items()}  # in points
MARGIN = 18 * mm

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
HEADER_FILL = colors.HexColor("#dde3ea")
STRIPE = colors.HexColor("#f4f6f8")
ACCENT = colors.HexColor("#1f4e79")
WARN = colors.HexColor("#8a1c1c")

CELL_SIZE = 9.5  # tables: a committee reader's minimum
BODY_SIZE = 11
MIN_SIZE = 8  # nothing in the document is smaller (footers, chart labels)
# A table splits a tall text cell across pages counting 1.2 x the font size per line, so
# cells use exactly that leading: any more and the split part would run past the page.
CELL_LEADING = 1.2 * CELL_SIZE


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the document."""

    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    caption: ParagraphStyle
    banner: ParagraphStyle
    cover_line: ParagraphStyle
    lead: ParagraphStyle  # a sentence that introduces the table after it: kept with it


def make_styles() -> Styles:
    """Build the styles; every one names our bundled font so no built-in font is used."""
    register_fonts()
    # allowWidows=0: a paragraph never leaves its last line alone at the top of a page.
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=BODY_SIZE, leading=15,
                          textColor=INK, spaceAfter=6, allowWidows=0)
    return Styles(
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=22, leading=27,
                             spaceAfter=14, textColor=ACCENT),
        # keepWithNext stops a heading sitting alone at the foot of a page.
        h1=ParagraphStyle("h1", parent=body, fontName=BOLD, fontSize=16, leading=20,
                          spaceBefore=14, spaceAfter=8, textColor=ACCENT, keepWithNext=1),
        h2=ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=12.5, leading=16,
                          spaceBefore=8, spaceAfter=4, keepWithNext=1),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=9.5, leading=12.5, textColor=MUTED),
        cell=ParagraphStyle("cell", parent=body, fontSize=CELL_SIZE, leading=CELL_LEADING,
                            spaceAfter=0),
        cell_head=ParagraphStyle("cell_head", parent=body, fontName=BOLD, fontSize=CELL_SIZE,
                                 leading=CELL_LEADING, spaceAfter=0),
        caption=ParagraphStyle("caption", parent=body, fontSize=9.5, leading=12.5,
                               textColor=MUTED, spaceBefore=3, spaceAfter=10),
        banner=ParagraphStyle("banner", parent=body, fontName=BOLD, fontSize=11,
                              textColor=WARN, alignment=TA_CENTER),
        lead=ParagraphStyle("lead", parent=body, keepWithNext=1),
        cover_line=ParagraphStyle("cover_line", parent=body, fontSize=12, leading=16,
                                  spaceAfter=2),
    )


class Para(Paragraph):
    """A Paragraph that remembers its last wrap, and shapes right-to-left and complex scripts.

    A table wraps each cell to measure rows, again after every page split (the remaining
    rows form a new table holding the same cells) and again to draw it; for a long table that
    is quadratic. Line breaking depends only on the width, so one wrap per width is enough.
    """

    _wrapped_at: float | None = None

    def __init__(self, text, style=None, *args, **kwargs):
        if style is not None and is_complex(text):
            # Arabic, Hebrew, Bengali or Gurmukhi words: set in their face, in visual word
            # order, and shaped by reportlab (the style is copied, so others stay unshaped).
            text = paragraph_markup(text, style.fontName)
            style = _shaping(style)
        super().__init__(text, style, *args, **kwargs)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        if self._wrapped_at == availWidth and "blPara" in self.__dict__:
            return self.width, self.height
        result = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return result


@lru_cache(maxsize=64)
def _shaping(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)


class Plain(str):
    """A cell drawn as lines of plain text, already broken to fit its column.

    Tables draw these directly, skipping Paragraph's markup parsing and line breaking, which
    is most of the cost of a long table. Being drawn as they are, markup typed by a user
    prints literally without escaping. Build them with ``plain_cell`` or ``wrapped``, which
    break the lines; a bare ``Plain`` is for short values known to fit (a number, 'Yes').
    """


CELL_PADDING = 3  # left and right, as data_table sets them
CELL_TOP, CELL_BOTTOM = 2.5, 3.0


def plain_cell(text: object, column: float, size: float = CELL_SIZE) -> Plain:
    """Any text as a Plain cell broken between words to fit a column of that width.

    Paragraph would split a word that does not fit ("Community re|presentative"); this
    breaks only at spaces, cutting a word only if it alone is wider than the column (an
    address, a pasted link). Each line of the text is wrapped on its own.
    """
    from planner.export.figures.common import wrap  # figures import these styles

    room = column - 2 * CELL_PADDING
    lines: list[str] = []
    for part in printable(text).split("\n"):
        lines += wrap(part, room, size) or [""]
    return Plain("\n".join(lines))


@lru_cache(maxsize=1024)
def wrapped(text: str, column: float, size: float = CELL_SIZE) -> Plain:
    """``plain_cell`` for our own vocabulary, cached: a long table repeats the same labels."""
    return plain_cell(text, column, size)


class Lines(Flowable):
    """A cell of a few styled parts (a bold title, then plain or italic text), drawn line by line.

    Does what a Paragraph with <b>, <i> and <br/> does in a table cell for a fraction of the
    cost: no markup to parse (so user text needs no escaping) and one measurement per part.
    It splits between lines, so a cell taller than a page still flows on.
    """

    def __init__(self, parts: list[tuple[str, object]], size: float = CELL_SIZE,
                 leading: float = CELL_LEADING):
        super().__init__()
        self.parts = [(font, text) for font, text in parts]
        self.size, self.leading = size, leading
        self.lines: list[tuple[str, str]] | None = None
        self._wrapped_at: float | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        if self.lines is None or self._wrapped_at != availWidth:
            from planner.export.figures.common import wrap  # figures import these styles

            self.lines = [(font, line) for font, text in self.parts
                          for part in printable(text).split("\n")
                          for line in (wrap(part, availWidth, self.size, font) or [""])]
            self._wrapped_at = availWidth
        self.width, self.height = availWidth, len(self.lines) * self.leading
        return self.width, self.height

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        # A table measures a cell inside its padding but offers the split the column's full
        # width: keep the lines it measured, or the row would come out taller than planned.
        if self.lines is None:
            self.wrap(availWidth, availHeight)
        fits = int(availHeight // self.leading)
        if fits <= 0 or fits >= len(self.lines):
            return []
        # Each piece takes its lines as its parts, so measuring it again gives the same lines.
        return [Lines(self.lines[:fits], self.size, self.leading),
                Lines(self.lines[fits:], self.size, self.leading)]

    def draw(self):
        # One text object for the whole cell: drawString per line would restate the position
        # and font of every line, which is most of the cost of drawing a long table. The
        # colour is the canvas's, which the table has set to the cell's text colour.
        canvas = self.canv
        text = canvas.beginText(0, self.height - self.size)  # first baseline as Paragraph
        font = (canvas._fontname if (canvas._fontsize, canvas._leading) == (self.size, self.leading)
                else None)
        for face, line in self.lines or []:
            if face != font:
                text.setFont(face, self.size, self.leading)
                font = face
            if is_complex(line):
                draw_runs(text, line, face, self.size, self.leading)
            else:
                text.textLine(line)
        canvas.drawText(text)


class _Table(LongTable):
    """LongTable that draws a multi-line text cell as one text object (see ``Lines.draw``)."""

    CHUNK = 200  # rows cut off a long table at once, so a page's split copies a chunk, not the rest

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        # reportlab splits a table page by page, copying every remaining row into a new table
        # each time: a register of 20,000 rows costs the square of its length. Cutting off a
        # chunk first (once per CHUNK rows) lets each page split copy the chunk only.
        repeat = self.repeatRows or 0
        heights = getattr(self, "_rowHeights", None)
        if heights is None or len(heights) - repeat <= 2 * self.CHUNK:
            return super().split(availWidth, availHeight)
        cut = sum(heights[:repeat + self.CHUNK])
        parts = self._splitRows(cut + 0.01)  # [the first chunk, the rest with its header]
        if len(parts) != 2:
            return super().split(availWidth, availHeight)
        head, rest = parts
        head.wrap(availWidth, availHeight)
        first = head.split(availWidth, availHeight)
        return first + [rest] if first else []

    def _drawCell(self, cellval, cellstyle, pos, size):  # noqa: N802 - reportlab's name
        if (not isinstance(cellval, str) or ("\n" not in cellval and not is_complex(cellval))
                or cellstyle.alignment != "LEFT"
                or cellstyle.valign != "TOP" or cellstyle.href or cellstyle.destination):
            return super()._drawCell(cellval, cellstyle, pos, size)
        canvas, current = self.canv, self._curcellstyle
        # The same bookkeeping as the table's own: state is set only when the style changes.
        if current is None or cellstyle.color != current.color:
            canvas.setFillColor(cellstyle.color)
        if current is None or (cellstyle.fontname, cellstyle.fontsize, cellstyle.leading) != (
                current.fontname, current.fontsize, current.leading):
            canvas.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
        self._curcellstyle = cellstyle
        (x, y), (_, height) = pos, size
        text = canvas.beginText(x + cellstyle.leftPadding,
                                y + height - cellstyle.topPadding - cellstyle.fontsize)
        for line in cellval.split("\n"):
            if is_complex(line):
                draw_runs(text, line, cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            else:
                text.textLine(line)
        canvas.drawText(text)


class KeepWithStart(KeepTogether):
    """What ``keepWithNext`` groups: a heading or lead-in kept with the start of what follows.

    reportlab's KeepTogether moves the whole group to a new page whenever it does not fit,
    so a heading before a long table left the rest of the page empty. This moves it only
    when the headings and the first rows (or lines) of what follows do not fit; otherwise the
    group is set where it is and the table splits across the page as usual.
    """

    START_ROWS = 2  # body rows that must follow a heading on its page

    def split(self, aW, aH):  # noqa: N803 - reportlab's names
        content = self._content[:]
        if not content:
            return []
        needed = sum(f.wrap(aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter()
                     for f in content[:-1])
        needed += self._start_height(content[-1], aW, aH)
        frame = getattr(self, "_frame", None)
        at_top = getattr(frame, "_atTop", False) if frame is not None else False
        if needed <= aH or at_top:
            return content
        return [self.FrameBreak(), *content]

    def _start_height(self, flowable, aW, aH) -> float:
        if isinstance(flowable, Table):
            flowable.wrap(aW, aH)
            heights = list(getattr(flowable, "_rowHeights", None) or [])
            rows = (flowable.repeatRows or 0) + self.START_ROWS
            return sum(heights[:rows]) + flowable.getSpaceBefore()
        if isinstance(flowable, Paragraph):
            flowable.wrap(aW, aH)
            leading = getattr(flowable.style, "leading", 12)
            return min(flowable.height, 2 * leading) + flowable.getSpaceBefore()
        return flowable.wrap(aW, aH)[1] + flowable.getSpaceBefore()


def p(text: object, style: ParagraphStyle, limit: int = PRINT_LIMIT) -> Paragraph:
    """A paragraph of user (or any plain) text, always escaped, cut with a note past ``limit``."""
    return Para(esc(text, limit), style)


def data_table(header: list[str] | None, rows: list[list], widths: list[float], styles: Styles,
               extra: list | None = None) -> Table:
    """A ruled table whose header repeats on every page and whose rows may split.

    Strings become Plain cells wrapped to their column; anything else (a Paragraph with
    bold or italic parts, a Plain already made) goes in as it is.
    """
    body = [[c if isinstance(c, Plain) or not isinstance(c, str) else plain_cell(c, width)
             for c, width in zip(row, widths)]
            for row in rows]
    first = 0 if header is None else 1
    if header is not None:
        # Lines, not Paragraphs: the header is drawn again on every page a long table takes.
        body.insert(0, [Lines([(BOLD, h)], styles.cell_head.fontSize, styles.cell_head.leading)
                        for h in header])
    # Heights measured here, once, in a single pass: otherwise every page split of a long table
    # searches and re-totals its list of heights, which grows with the table.
    heights = None if extra else [_row_height(row, widths) for row in body]
    if heights:
        # A table only splits a flowable cell that is a list (it makes them lists while it
        # measures, which it now skips), so a tall Lines cell can still flow on to the next page.
        body = [[c if isinstance(c, str) else [c] for c in row] for row in body]
    table = _Table(body, colWidths=widths, rowHeights=heights, repeatRows=first, splitInRow=1,
                   hAlign="LEFT")
    commands = [
        # Tables set a cell font even around Paragraphs; name ours, not the built-in default.
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), styles.cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), styles.cell.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("LINEBELOW", (0, first), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_BOTTOM),
        ("ROWBACKGROUNDS", (0, first), (-1, -1), [colors.white, STRIPE]),
    ]
    if header is not None:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                     ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK)]
    table.setStyle(TableStyle(commands + (extra or [])))
    return table


def _row_height(row: list, widths: list[float]) -> float:
    """A row's height as the table would measure it: the tallest cell plus its padding."""
    tallest = 0.0
    for cell, width in zip(row, widths):
        if isinstance(cell, str):
            tall = CELL_LEADING * (cell.count("\n") + 1)
        else:
            tall = (cell.wrap(width - 2 * CELL_PADDING, 1e9)[1] + cell.getSpaceBefore()
                    + cell.getSpaceAfter())
        tallest = max(tallest, tall)
    return tallest + CELL_TOP + CELL_BOTTOM


def split_widths(total: float, weights: list[float]) -> list[float]:
    """Column widths in proportion to weights, filling the frame on A4 and Letter alike."""
    scale = total / sum(weights)
    return [w * scale for w in weights]
