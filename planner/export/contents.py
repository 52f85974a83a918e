"""Section headings that become PDF bookmarks, and the contents list on the cover.

The contents list is laid out in one pass: its rows are known from the outline before any
page is set, so it takes the same room whatever the page numbers are. Each row leaves a slot
for its page number, and the numbering canvas fills the slots (and links each row to its
section) once every page is set, as it does for "Page N of M".
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from planner.export.fonts import REGULAR
from planner.export.scripts import draw_runs, is_complex
from planner.export.styles import ACCENT, INK, Para, RULE
from planner.export.text import esc, plain

CONTENTS_SIZE = 11
CONTENTS_LEADING = 17


class Heading(Para):
    """A section heading: a bookmark at ``level`` (0 top), listed in the contents if level 0."""

    def __init__(self, text: str, style, level: int = 0):
        super().__init__(esc(text), style)
        self.outline = (level, plain(text))


def key_for(title: str) -> str:
    """The bookmark name of a top-level section."""
    return "section-" + "".join(c if c.isalnum() else "-" for c in title.casefold())


def mark_heading(doc, flowable) -> None:
    """After a heading is drawn: bookmark it, add it to the outline, note its page."""
    outline = getattr(flowable, "outline", None)
    if outline is None:
        return
    level, title = outline
    canvas = doc.canv
    page = canvas.getPageNumber()
    key = key_for(title) if level == 0 else f"{key_for(title)}-{page}-{id(flowable)}"
    # The frame's cursor is now just below the heading: the bookmark opens at its top.
    top = getattr(doc.frame, "_y", None)
    top = top + flowable.height + flowable.getSpaceBefore() if top is not None else None
    canvas.bookmarkPage(key, fit="XYZ", top=top, left=0, zoom=None)
    canvas.addOutlineEntry(title, key, level=level, closed=level > 0)
    if level == 0:
        canvas.section_pages.setdefault(title, page)


class Contents(Flowable):
    """The list of sections with their page numbers, filled in when the pages are known."""

    def __init__(self, titles: list[str], width: float):
        super().__init__()
        self.titles = [plain(t) for t in titles]
        self.width = width
        self.height = CONTENTS_LEADING * len(self.titles)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(INK)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.25)
        for index, title in enumerate(self.titles):
            y = self.height - (index + 1) * CONTENTS_LEADING + 5
            if is_complex(title):
                line = canvas.beginText(0, y)
                draw_runs(line, title, REGULAR, CONTENTS_SIZE, CONTENTS_LEADING)
                canvas.drawText(line)
            else:
                canvas.setFont(REGULAR, CONTENTS_SIZE)
                canvas.drawString(0, y, title)
            canvas.line(0, y - 4, self.width, y - 4)
            # Where the page number goes, in page coordinates, for the canvas to fill later.
            right = canvas.absolutePosition(self.width, y)
            left = canvas.absolutePosition(0, y - 4)
            canvas.contents_slots.append((canvas.getPageNumber(), title, right, left))
        canvas.restoreState()


def fill_contents(canvas, page_number: int) -> None:
    """Write the page numbers of the contents rows on this page, linking each to its section."""
    canvas.saveState()
    canvas.setFont(REGULAR, CONTENTS_SIZE)
    canvas.setFillColor(ACCENT)
    for on_page, title, (x, y), (x0, y0) in canvas.contents_slots:
        page = canvas.section_pages.get(title)
        if page is None or on_page != page_number:
            continue
        canvas.drawRightString(x, y, str(page))
        canvas.linkAbsolute(title, key_for(title),
                            (x0, y0, x, y0 + CONTENTS_LEADING - 2), thickness=0)
    canvas.restoreState()
