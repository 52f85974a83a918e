"""Drawing helpers shared by the figures: wrapped labels, hatching, markers, arrows."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Group, Line, Path, Polygon, Rect, String
from reportlab.lib import colors

from planner.export.fonts import REGULAR, string_width
from planner.export.scripts import is_complex, shaped, visual_runs
from planner.export.text import plain


def wrap(text: str, width: float, size: float, font: str = REGULAR, max_lines: int = 0) -> list[str]:
    """Break text into lines no wider than width; long words are cut, not overflowed.

    A word wider than the line is cut after its last hyphen that fits, or else where it fits.

    Widths add up word by word (our fonts are set without kerning), so each word is measured
    once; a word wider than the line is cut by bisection, so even a 20,000-letter one is quick.
    """
    lines: list[str] = []
    current, used = "", 0.0
    space = string_width(" ", size, font)
    # Visible letters of our fonts are at least 0.166 of the size wide, so no more letters than
    # this fit on a line: a longer word is too wide without measuring all of it.
    most = max(1, int(width / (size * 0.15)))
    for word in plain(text).split(" "):
        wide = string_width(word, size, font) if len(word) <= most else width + 1
        while wide > width and len(word) > 1:
            # A single word wider than the box: cut it where it still fits.
            low, high = 1, min(len(word) - 1, most)  # the longest prefix that fits
            while low < high:
                mid = (low + high + 1) // 2
                if string_width(word[:mid], size, font) <= width:
                    low = mid
                else:
                    high = mid - 1
            hyphen = word.rfind("-", 0, low)
            if hyphen > 0:
                low = hyphen + 1  # a compound breaks after its hyphen, not mid-word
            if current:
                lines.append(current)
                current, used = "", 0.0
            lines.append(word[:low])
            word = word[low:]
            wide = string_width(word, size, font) if len(word) <= most else width + 1
        if not current:
            current, used = word, wide
        elif used + space + wide <= width:
            current, used = f"{current} {word}", used + space + wide
        else:
            lines.append(current)
            current, used = word, wide
    if current:
        lines.append(current)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = fit(lines[-1] + "\u2026", width, size, font)
    return lines


def fit(text: str, width: float, size: float, font: str = REGULAR) -> str:
    """Shorten one line with an ellipsis until it fits width (the cut found by bisection)."""
    text = plain(text)
    if string_width(text, size, font) <= width:
        return text
    low, high = 0, len(text) - 1  # the longest prefix that fits with its ellipsis
    while low < high:
        mid = (low + high + 1) // 2
        if string_width(text[:mid] + "\u2026", size, font) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "\u2026"


def label(x: float, y: float, text: str, font: str = REGULAR, size: float = 8, **style):
    """A one-line label starting at x: a String, or for complex scripts one String per run.

    Arabic, Hebrew, Bengali and Gurmukhi runs are set in their own face, in visual order and
    shaped (see ``planner.export.scripts``); the chart is drawn by the same canvas as text.
    """
    if not is_complex(text):
        return String(x, y, text, fontName=font, fontSize=size, **style)
    group = Group()
    for face, run, is_shaped in visual_runs(text, font):
        drawn = shaped(run, face, size) if is_shaped else run
        group.add(String(x, y, drawn, fontName=face, fontSize=size, **style))
        x += (sum(d.x_advance for d in drawn.__shapeData__) * size / 1000 if is_shaped
              else string_width(run, size, face))
    return group


def text_lines(group: Group, lines: list[str], x: float, top: float, size: float,
               font: str = REGULAR, leading: float | None = None, anchor: str = "start",
               color=colors.black) -> float:
    """Draw lines downwards from top; returns the y below the last line."""
    leading = leading or size * 1.2
    y = top - size
    for line in lines:
        if anchor == "start":
            group.add(label(x, y, line, font, size, fillColor=color))
        else:
            group.add(String(x, y, line, fontName=font, fontSize=size, textAnchor=anchor,
                             fillColor=color))
        y -= leading
    return y + leading - size * 0.3


def hatch(group: Group, x: float, y: float, w: float, h: float, spacing: float = 6,
          color=colors.HexColor("#8c8c8c"), width: float = 0.6) -> None:
    """Diagonal lines filling a rectangle (computed, so no clipping is needed).

    All the lines are one path: a long risk register hatches hundreds of bars, and one
    shape per line made drawing them the slowest part of the figure.
    """
    path = Path(strokeColor=color, strokeWidth=width, fillColor=None)
    c = -h
    while c < w:
        # Line x' - y' = c inside the box [0,w] x [0,h].
        x0, y0 = max(c, 0), max(-c, 0)
        x1, y1 = min(w, h + c), min(h, w - c)
        if x1 > x0:
            path.moveTo(x + x0, y + y0)
            path.lineTo(x + x1, y + y1)
        c += spacing
    group.add(path)


def marker(shape: str, cx: float, cy: float, size: float, fill, stroke=colors.black) -> object:
    """One map marker: circle, square, triangle or diamond, about size points across."""
    r = size / 2
    if shape == "circle":
        return Circle(cx, cy, r, fillColor=fill, strokeColor=stroke, strokeWidth=0.7)
    if shape == "square":
        return Rect(cx - r * 0.9, cy - r * 0.9, r * 1.8, r * 1.8, fillColor=fill,
                    strokeColor=stroke, strokeWidth=0.7)
    if shape == "triangle":
        return Polygon([cx - r * 1.1, cy - r * 0.8, cx + r * 1.1, cy - r * 0.8, cx, cy + r * 1.15],
                       fillColor=fill, strokeColor=stroke, strokeWidth=0.7)
    return Polygon([cx, cy + r * 1.15, cx + r * 1.15, cy, cx, cy - r * 1.15, cx - r * 1.15, cy],
                   fillColor=fill, strokeColor=stroke, strokeWidth=0.7)


def arrow(group: Group, x0: float, y0: float, x1: float, y1: float, color, width: float = 2,
          head: float = 8) -> None:
    """A straight arrow with a filled head at (x1, y1)."""
    dx, dy = x1 - x0, y1 - y0
    length = (dx * dx + dy * dy) ** 0.5 or 1
    ux, uy = dx / length, dy / length
    bx, by = x1 - ux * head, y1 - uy * head
    group.add(Line(x0, y0, bx, by, strokeColor=color, strokeWidth=width))
    group.add(Polygon([x1, y1, bx - uy * head * 0.5, by + ux * head * 0.5,
                       bx + uy * head * 0.5, by - ux * head * 0.5],
                      fillColor=color, strokeColor=color, strokeWidth=0.5))
