"""The power/interest map of stakeholders and the stacked bars of who carries each risk."""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors

from planner.core.model import Risk, Side, Stakeholder
from planner.export.figures.common import fit, hatch, marker, text_lines
from planner.export.fonts import BOLD, ITALIC, REGULAR, string_width
from planner.export.styles import ACCENT, INK, MUTED, RULE

# Shape first (readable in black and white), a light fill second.
SIDE_MARKS = {
    Side.USER: ("circle", colors.HexColor("#cfe2f3"), "Users and carers"),
    Side.COMMUNITY: ("square", colors.HexColor("#d9ead3"), "Community and voluntary groups"),
    Side.PROVIDER: ("triangle", colors.HexColor("#fff2cc"), "Providers (professionals)"),
    Side.GOVERNANCE: ("diamond", colors.HexColor("#ead1dc"), "Governance (hold to account)"),
}
QUADRANTS = (  # (high influence?, high interest?) -> the usual advice for that corner
    ((True, False), "Keep satisfied"),
    ((True, True), "Work with closely"),
    ((False, False), "Keep an eye on"),
    ((False, True), "Keep informed"),
)
MIN_MARKER = 9.0  # below this a number no longer fits inside a marker


def power_map(width: float, people: list[tuple[int, Stakeholder]],
              counts_only: bool = False) -> tuple[Drawing, bool]:
    """The influence x interest map; returns the drawing and whether markers are numbered.

    Markers that share a position are laid out side by side in that square, so labels never
    overprint; when a square holds too many to number legibly, or counts_only is set (a
    long list, whose key goes by square), each square shows how many are there instead.
    """
    plot = min(width * 0.62, 290.0)
    left, bottom, top_pad = 34.0, 30.0, 8.0
    legend_x = left + plot + 14
    height = bottom + plot + top_pad
    drawing = Drawing(width, height, initialFontName=REGULAR)
    g = Group()
    step = plot / 5
    half = plot / 2
    for (high_influence, high_interest), name in QUADRANTS:
        x = left + (half if high_interest else 0)
        y = bottom + (half if high_influence else 0)
        fill = colors.HexColor("#f3f3f3") if high_influence == high_interest else colors.white
        g.add(Rect(x, y, half, half, fillColor=fill, strokeColor=None))
        g.add(String(x + half / 2, y + half - 10, name, fontName=ITALIC, fontSize=7,
                     fillColor=MUTED, textAnchor="middle"))
    for i in range(6):
        g.add(Line(left + i * step, bottom, left + i * step, bottom + plot, strokeColor=RULE,
                   strokeWidth=0.3))
        g.add(Line(left, bottom + i * step, left + plot, bottom + i * step, strokeColor=RULE,
                   strokeWidth=0.3))
    g.add(Rect(left, bottom, plot, plot, fillColor=None, strokeColor=INK, strokeWidth=0.8))
    for v in range(1, 6):
        g.add(String(left + (v - 0.5) * step, bottom - 10, str(v), fontName=REGULAR,
                     fontSize=7.5, textAnchor="middle"))
        g.add(String(left - 6, bottom + (v - 0.5) * step - 3, str(v), fontName=REGULAR,
                     fontSize=7.5, textAnchor="end"))
    g.add(String(left + plot / 2, bottom - 23, "Interest in the service \u2192 (1 low, 5 high)",
                 fontName=BOLD, fontSize=8, textAnchor="middle"))
    axis = Group(String(0, 0, "Influence \u2192 (1 low, 5 high)", fontName=BOLD, fontSize=8,
                        textAnchor="middle"))
    axis.translate(left - 20, bottom + plot / 2)
    axis.rotate(90)
    g.add(axis)

    spots: dict[tuple[int, int], list[tuple[int, Stakeholder]]] = {}
    for number, person in people:
        key = (min(max(person.interest, 1), 5), min(max(person.influence, 1), 5))
        spots.setdefault(key, []).append((number, person))
    crowd = max((len(v) for v in spots.values()), default=0)
    per_row = max(1, math.ceil(math.sqrt(crowd)))
    size = min(16.0, (step - 6) / per_row)
    numbered = size >= MIN_MARKER and not counts_only
    for (interest, influence), group in spots.items():
        x0 = left + (interest - 1) * step
        y0 = bottom + (influence - 1) * step
        if not numbered:
            # In the upper half of the square: the lower quadrants' names run through the
            # lower half of the middle row.
            g.add(String(x0 + step / 2, y0 + step / 2 + 1, str(len(group)), fontName=BOLD,
                         fontSize=12, textAnchor="middle", fillColor=INK))
            continue
        rows = math.ceil(len(group) / per_row)
        for index, (number, person) in enumerate(group):
            r, c = divmod(index, per_row)
            count = min(per_row, len(group) - r * per_row)
            cx = x0 + step / 2 + (c - (count - 1) / 2) * size
            cy = y0 + step / 2 + ((rows - 1) / 2 - r) * size
            shape, fill, _ = SIDE_MARKS[person.side]
            g.add(marker(shape, cx, cy, size * 0.86, fill))
            label = str(number)
            font_size = min(7.0, size * 0.5)
            while string_width(label, font_size, BOLD) > size * 0.8 and font_size > 3:
                font_size -= 0.5
            dy = -font_size * 0.55 if shape == "triangle" else -font_size * 0.35
            g.add(String(cx, cy + dy, label, fontName=BOLD, fontSize=font_size,
                         textAnchor="middle", fillColor=INK))
    if numbered:
        _side_legend(g, legend_x, bottom + plot, width - legend_x)
    else:
        text_lines(g, ["Each square shows how many", "stakeholders share that", "influence and interest.",
                       "", "The key below lists them", "square by square."],
                   legend_x, bottom + plot, 7.5, ITALIC, color=MUTED)
    drawing.add(g)
    return drawing, numbered


def _side_legend(g: Group, x: float, top: float, width: float) -> None:
    g.add(String(x, top - 8, "Marker shape shows the side:", fontName=BOLD, fontSize=8))
    y = top - 26
    for shape, fill, text in SIDE_MARKS.values():
        g.add(marker(shape, x + 7, y + 3, 11, fill))
        g.add(String(x + 18, y, fit(text, width - 20, 8), fontName=REGULAR, fontSize=8))
        y -= 18
    text_lines(g, ["Numbers match the key", "below and the No. column", "of the stakeholder table."],
               x, y, 7.5, ITALIC, color=MUTED)


SHARE_PARTS = (  # (attribute, legend, how the segment is drawn)
    ("users", "Users", "solid"),
    ("community", "Community", "hatched"),
    ("professionals", "Professionals", "light"),
)
ROW_H = 16.0


def share_bars(width: float, risks: list[tuple[int, Risk]], legend: bool) -> Drawing:
    """Stacked horizontal bars, one per risk, of who carries it (users, community, professionals)."""
    label_w = width * 0.36
    note_w = 58.0
    bar_w = width - label_w - note_w - 6
    legend_h = 22.0 if legend else 0.0
    scale_h = 12.0
    height = legend_h + len(risks) * ROW_H + scale_h
    drawing = Drawing(width, height, initialFontName=REGULAR)
    g = Group()
    y = height - legend_h
    if legend:
        x = label_w
        for _, text, style in SHARE_PARTS:
            _segment(g, x, y + 6, 18, 10, style)
            g.add(String(x + 22, y + 8, text, fontName=REGULAR, fontSize=8))
            x += 30 + string_width(text, 8) + 12
    for number, risk in risks:
        y -= ROW_H
        g.add(String(0, y + 4.5, fit(f"R{number} {risk.title}", label_w - 6, 7.5),
                     fontName=REGULAR, fontSize=7.5))
        total = risk.shares.total
        scale = bar_w / max(100, total)
        x = label_w
        for attr, _, style in SHARE_PARTS:
            value = getattr(risk.shares, attr)
            seg = value * scale
            if seg > 0:
                _segment(g, x, y + 2, seg, ROW_H - 4, style)
                if seg >= 24:
                    _segment_label(g, x + seg / 2, y + 4.5, f"{value}%", style)
            x += seg
        note = f"score {risk.score}" if total == 100 else f"adds to {total}%"
        g.add(String(label_w + bar_w + 6, y + 4.5, note, fontName=ITALIC if total == 100 else BOLD,
                     fontSize=7, fillColor=MUTED if total == 100 else INK))
    for pct in (0, 50, 100):
        x = label_w + bar_w * pct / max(100, *(r.shares.total for _, r in risks), 100)
        g.add(String(x, y - 9, f"{pct}%", fontName=REGULAR, fontSize=6.5, textAnchor="middle",
                     fillColor=MUTED))
    drawing.add(g)
    return drawing


def _segment(g: Group, x: float, y: float, w: float, h: float, style: str) -> None:
    if style == "solid":
        g.add(Rect(x, y, w, h, fillColor=ACCENT, strokeColor=INK, strokeWidth=0.4))
    elif style == "hatched":
        g.add(Rect(x, y, w, h, fillColor=colors.white, strokeColor=INK, strokeWidth=0.4))
        hatch(g, x, y, w, h, spacing=4, color=colors.HexColor("#6d8f5e"), width=0.8)
    else:
        g.add(Rect(x, y, w, h, fillColor=colors.HexColor("#e6e6e6"), strokeColor=INK,
                   strokeWidth=0.4))


def _segment_label(g: Group, cx: float, y: float, text: str, style: str) -> None:
    if style == "hatched":  # a white patch keeps the figure readable over the hatching
        w = string_width(text, 7, BOLD) + 3
        g.add(Rect(cx - w / 2, y - 1.5, w, 9, fillColor=colors.white, strokeColor=None))
    g.add(String(cx, y, text, fontName=BOLD, fontSize=7, textAnchor="middle",
                 fillColor=colors.white if style == "solid" else INK))
