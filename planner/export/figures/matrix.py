"""Table 1 as a figure: the 3x3 grid with current, target and roles-today cells marked."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Rect, String
from reportlab.lib import colors

from planner.core.matrix import (
    CELL_EXAMPLES, DELIVERY_HEADINGS, FIGURE_1_ONLY, PLANNING_HEADINGS, Cell, Delivery, Planning,
)
from planner.export.figures.common import arrow, hatch, text_lines, wrap
from planner.export.fonts import BOLD, ITALIC, REGULAR, string_width
from planner.export.styles import ACCENT, INK, MUTED

NA_FILL = colors.HexColor("#d0d0d0")
HEAD_FILL = colors.HexColor("#dde3ea")
CURRENT_DASH = [5, 3]
NAME_SIZE = 8
HEAD_SIZE = 8.5
TAG_SIZE = 8
NOTE_LEADING = 9.5
NOTE_SIZE = 8  # the examples and notes in the cells: the document's smallest text
# The arrow runs this high above a cell's bottom edge: above the tag line (which ends at
# 4 + TAG_SIZE + 4 = 16) and below the lowest words (every row keeps 34 points free).
ARROW_BAND = 25.0
ARROW_WIDTH = 2.2
ARROW_HEAD = 9.0


def _tags(cell: Cell, current: Cell | None, target: Cell | None, described: Cell | None) -> str:
    words = []
    if cell == current:
        words.append("CURRENT")
    if cell == target:
        words.append("TARGET")
    if cell == described:
        words.append("ROLES TODAY")
    return " \u00b7 ".join(words)


def matrix_drawing(width: float, current: Cell | None, target: Cell | None,
                   described: Cell | None) -> Drawing:
    """The coproduction matrix, width points wide, with its key underneath."""
    side_w = width * 0.22
    col_w = (width - side_w) / 3
    pad = 7
    plannings, deliveries = list(Planning), list(Delivery)

    head_lines = [wrap(PLANNING_HEADINGS[p], col_w - 2 * pad, HEAD_SIZE, BOLD) for p in plannings]
    head_h = max(len(lines) for lines in head_lines) * HEAD_SIZE * 1.2 + 2 * pad
    name_lines = {
        (p, d): wrap(Cell(p, d).name, col_w - 2 * pad, NAME_SIZE, BOLD)
        for p in plannings for d in deliveries
    }
    example_lines = {
        key: wrap(("Figure 1: " if Cell(*key) in FIGURE_1_ONLY else "e.g. ") + CELL_EXAMPLES[Cell(*key)],
                  col_w - 2 * pad, NOTE_SIZE, ITALIC)
        if Cell(*key) in CELL_EXAMPLES else [] for key in name_lines
    }
    side_lines = [wrap(DELIVERY_HEADINGS[d], side_w - 2 * pad, HEAD_SIZE, BOLD) for d in deliveries]
    row_h = max(
        max(len(name_lines[(p, d)]) * NAME_SIZE * 1.2 + len(example_lines[(p, d)]) * NOTE_LEADING
            for p in plannings for d in deliveries),
        max(len(lines) for lines in side_lines) * HEAD_SIZE * 1.2,
    ) + 2 * pad + 34  # room below the text for the tag line and the arrow
    title_h = 14
    key_h = 72
    grid_h = head_h + 3 * row_h
    height = title_h + grid_h + key_h
    drawing = Drawing(width, height, initialFontName=REGULAR)
    g = Group()
    top = height - title_h
    g.add(String(side_w, top + 3, "Who plans the service \u2192", fontName=BOLD, fontSize=8,
                 fillColor=MUTED))
    g.add(String(2, top - head_h + pad, "Who delivers \u2193", fontName=BOLD, fontSize=8,
                 fillColor=MUTED))

    for i, lines in enumerate(head_lines):
        x = side_w + i * col_w
        g.add(Rect(x, top - head_h, col_w, head_h, fillColor=HEAD_FILL, strokeColor=INK,
                   strokeWidth=0.5))
        text_lines(g, lines, x + pad, top - pad, HEAD_SIZE, BOLD)

    rects: dict[Cell, tuple[float, float, float, float]] = {}
    # Backgrounds go under the arrow and the words over it, so the arrow never hides text.
    under, over = Group(), Group()
    for j, d in enumerate(deliveries):
        y = top - head_h - (j + 1) * row_h
        under.add(Rect(0, y, side_w, row_h, fillColor=HEAD_FILL, strokeColor=INK, strokeWidth=0.5))
        text_lines(over, side_lines[j], pad, y + row_h - pad, HEAD_SIZE, BOLD)
        for i, p in enumerate(plannings):
            cell, x = Cell(p, d), side_w + i * col_w
            fill = NA_FILL if not cell.is_available else colors.white
            under.add(Rect(x, y, col_w, row_h, fillColor=fill, strokeColor=INK, strokeWidth=0.5))
            if cell == described:
                hatch(under, x + 1, y + 1, col_w - 2, row_h - 2, spacing=7,
                      color=colors.HexColor("#b5b5b5"))
                # A white patch behind the name keeps it readable over the hatching.
                block = (len(name_lines[(p, d)]) * NAME_SIZE * 1.2
                         + len(example_lines[(p, d)]) * NOTE_LEADING + 4)
                under.add(Rect(x + pad - 3, y + row_h - pad - block, col_w - 2 * pad + 6, block + 3,
                           fillColor=colors.white, strokeColor=None))
            below = text_lines(over, name_lines[(p, d)], x + pad, y + row_h - pad, NAME_SIZE,
                               BOLD, color=MUTED if not cell.is_available else INK)
            text_lines(over, example_lines[(p, d)], x + pad, below - 2, NOTE_SIZE, ITALIC,
                       leading=NOTE_LEADING,
                       color=MUTED)
            if not cell.is_available:
                text_lines(over, ["Not possible in Table 1"], x + pad, y + 18, NOTE_SIZE, ITALIC,
                           color=MUTED)
            tags = _tags(cell, current, target, described)
            if tags:
                # A white box behind the tag keeps it readable over hatching and arrow.
                over.add(Rect(x + pad - 2, y + 4, string_width(tags, TAG_SIZE, BOLD) + 4,
                              TAG_SIZE + 4,
                           fillColor=colors.white, strokeColor=None))
                over.add(String(x + pad, y + 6.5, tags, fontName=BOLD, fontSize=TAG_SIZE,
                             fillColor=INK))
            if cell == target:
                over.add(Rect(x + 2, y + 2, col_w - 4, row_h - 4, fillColor=None,
                           strokeColor=INK, strokeWidth=3))
            if cell == current:
                inset = 5.5 if cell == target else 2.5  # inside the target's thick line
                over.add(Rect(x + inset, y + inset, col_w - 2 * inset, row_h - 2 * inset,
                           fillColor=None, strokeColor=INK, strokeWidth=1.4,
                           strokeDashArray=CURRENT_DASH))
            rects[cell] = (x, y, col_w, row_h)

    g.add(under)
    if current and target and current != target:
        _move_arrow(g, move_route(rects[current], rects[target], ARROW_BAND, width))
    g.add(over)

    _key(g, width, top - grid_h - 8)
    drawing.add(g)
    return drawing


Rect4 = tuple[float, float, float, float]  # x, y, width, height
Point = tuple[float, float]


def move_route(current: Rect4, target: Rect4, band: float, grid_right: float) -> list[Point]:
    """The arrow's path from current to target, through free space only.

    Every cell keeps an empty band ``band`` points above its bottom edge (below its words,
    above its tag line), and the words of a cell stay clear of its side edges. So the path
    runs along bands and turns only on a column edge: across a row it stays in that row's
    band, and up or down it follows the grid line between columns. It never crosses words.
    """
    cx, cy = current[0] + current[2] / 2, current[1] + band
    tx, ty = target[0] + target[2] / 2, target[1] + band
    if abs(cy - ty) < 0.5:  # same row: straight along the band
        return [(cx, cy), (tx, ty)]
    left, right = current[0], current[0] + current[2]
    if target[0] > left + 0.5:
        edge = right  # target to the right: leave through the right edge
    elif target[0] < left - 0.5:
        edge = left
    else:  # same column: go round the right side unless the grid ends there
        edge = right if right < grid_right - 0.5 else left
    return [(cx, cy), (edge, cy), (edge, ty), (tx, ty)]


def _move_arrow(g: Group, points: list[Point]) -> None:
    """Draw the route: a dot where it starts, lines with round ends so corners join, a head."""
    g.add(Circle(points[0][0], points[0][1], ARROW_WIDTH * 1.6, fillColor=ACCENT,
                 strokeColor=None))
    for (x0, y0), (x1, y1) in zip(points[:-2], points[1:-1]):
        g.add(Line(x0, y0, x1, y1, strokeColor=ACCENT, strokeWidth=ARROW_WIDTH,
                   strokeLineCap=1))
    (x0, y0), (x1, y1) = points[-2], points[-1]
    arrow(g, x0, y0, x1, y1, ACCENT, width=ARROW_WIDTH, head=ARROW_HEAD)


def _key(g: Group, width: float, top: float) -> None:
    """The key under the grid: each marking drawn as a small sample with its meaning."""
    sw, sh = 22, 13
    col = width / 2
    items = [
        ("target", "Target: where the plan aims to take the service"),
        ("current", "Current: where the service is now"),
        ("described", "Roles today: where the stakeholders\u2019 planning and delivery roles put it"),
        ("na", "Grey: N/A in Table 1 (community plans, professionals alone deliver)"),
    ]
    for index, (kind, text) in enumerate(items):
        x = (index % 2) * col
        y = top - sh - (index // 2) * (sh + 8)
        if kind == "na":
            g.add(Rect(x, y, sw, sh, fillColor=NA_FILL, strokeColor=INK, strokeWidth=0.5))
        elif kind == "described":
            g.add(Rect(x, y, sw, sh, fillColor=colors.white, strokeColor=INK, strokeWidth=0.5))
            hatch(g, x + 0.5, y + 0.5, sw - 1, sh - 1, spacing=4, color=colors.HexColor("#8c8c8c"))
        elif kind == "target":
            g.add(Rect(x + 1.5, y + 1.5, sw - 3, sh - 3, fillColor=colors.white, strokeColor=INK,
                       strokeWidth=3))
        else:
            g.add(Rect(x + 1, y + 1, sw - 2, sh - 2, fillColor=colors.white, strokeColor=INK,
                       strokeWidth=1.4, strokeDashArray=[4, 2]))
        lines = wrap(text, col - sw - 14, NOTE_SIZE, REGULAR, max_lines=2)
        text_lines(g, lines, x + sw + 5, y + sh + 1, NOTE_SIZE, REGULAR, leading=NOTE_LEADING)
    y = top - 2 * (sh + 8) - 10
    g.add(Circle(2.5, y + 4, 2.5, fillColor=ACCENT, strokeColor=None))  # as on the route
    arrow(g, 2.5, y + 4, sw, y + 4, ACCENT, width=2, head=6)
    g.add(String(sw + 5, y + 1.5, "Arrow: the planned move from the current cell to the target",
                 fontName=REGULAR, fontSize=NOTE_SIZE, fillColor=INK))
