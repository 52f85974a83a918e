"""The power/interest map of stakeholders and the stacked bars of who carries each risk."""

from __future__ import annotations


from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors

from planner.core import power_layout as pl
from planner.core.model import Risk, Side, Stakeholder
from planner.core.model import label as side_name
from planner.core.scale import SCALE, legend
from planner.core.wording import SHARE_SIDES
from planner.export.figures.common import fit, hatch, marker, text_lines, wrap
from planner.export.figures.common import label as line_label
from planner.export.fonts import BOLD, ITALIC, REGULAR, string_width
from planner.export.styles import ACCENT, INK, MUTED, RULE

# Shape first (readable in black and white), a light fill second.
SIDE_MARKS = {
    Side.USER: ("circle", colors.HexColor("#cfe2f3"), side_name(Side.USER)),
    Side.COMMUNITY: ("square", colors.HexColor("#d9ead3"), side_name(Side.COMMUNITY)),
    Side.PROVIDER: ("triangle", colors.HexColor("#fff2cc"), side_name(Side.PROVIDER)),
    Side.GOVERNANCE: ("diamond", colors.HexColor("#ead1dc"), side_name(Side.GOVERNANCE)),
}
MIN_MARKER = 9.0  # below this a number no longer fits inside a marker
NAME_SIZE = 8  # points, for the names beside the markers


def power_map(width: float, people: list[tuple[int, Stakeholder]], counts_only: bool = False,
              labels: list[str] | None = None) -> tuple[Drawing, bool]:
    """The influence x interest map; returns the drawing and whether markers are shown one by one.

    Markers are placed by the same layout as the app's map (planner.core.power_layout): each on
    its scores, named beside it inside its own square (``labels``, already redacted, else the
    numbers of the key); a square too crowded to name everyone shows a count, and the side
    note lists who is there by number. A long list (counts_only) shows one count per square.
    """
    plot = min(width * 0.62, 290.0)
    left, bottom, top_pad = 38.0, 34.0, 8.0
    legend_x = left + plot + 14
    height = bottom + plot + top_pad
    drawing = Drawing(width, height, initialFontName=REGULAR)
    g = Group()
    step = plot / 5
    _frame(g, left, bottom, plot)
    line = NAME_SIZE * 1.2 / step
    for (top, right), name in pl.QUADRANTS:
        qx, qy, anchor = pl.quadrant_anchor(top, right, line)
        g.add(String(left + qx * step, bottom + qy * step, name, fontName=ITALIC,
                     fontSize=NAME_SIZE, fillColor=MUTED, textAnchor=anchor))
    if counts_only:
        spots: dict[tuple[int, int], int] = {}
        for _, person in people:
            spot = (pl.clamp(person.interest), pl.clamp(person.influence))
            spots[spot] = spots.get(spot, 0) + 1
        for (interest, influence), n in spots.items():
            cx, cy = pl.centre(interest, influence)
            g.add(String(left + cx * step, bottom + cy * step - 4, str(n), fontName=BOLD,
                         fontSize=12, textAnchor="middle", fillColor=INK))
        text_lines(g, ["Each square shows how many", "stakeholders share that", "influence and interest.",
                       "", "The key below lists them", "square by square."],
                   legend_x, bottom + plot, 8, ITALIC, color=MUTED)
        drawing.add(g)
        return drawing, False
    names = labels if labels is not None else [str(number) for number, _ in people]
    layout = pl.layout([(number, person.interest, person.influence, name)
                        for (number, person), name in zip(people, names)],
                       marker=pl.MARKER, line=line,
                       measure=lambda text: string_width(text, NAME_SIZE) / step)
    sides = {number: person.side for number, person in people}
    for number, placed in layout.markers.items():
        shape, fill, _ = SIDE_MARKS[sides[number]]
        cx, cy, size = left + placed.x * step, bottom + placed.y * step, placed.size * step
        g.add(marker(shape, cx, cy, size * 0.95, fill))
        if size >= MIN_MARKER:
            label = str(number)
            font_size = 8  # the document's smallest text: a longer number may overrun its marker
            dy = -font_size * 0.55 if shape == "triangle" else -font_size * 0.35
            g.add(String(cx, cy + dy, label, fontName=BOLD, fontSize=font_size,
                         textAnchor="middle", fillColor=INK))
        if placed.name_box is not None:
            box = placed.name_box
            centred = abs(box.x + box.w / 2 - placed.x) < 1e-6  # a lone marker's name, under it
            for i, text in enumerate(placed.name.split("\n")):
                x = (cx - string_width(text, NAME_SIZE) / 2) if centred else left + box.x * step
                g.add(line_label(x, bottom + (box.top - line * (i + 0.75)) * step, text, REGULAR,
                                 NAME_SIZE, fillColor=INK))
    for crowd in layout.crowds:
        box = crowd.caption
        g.add(String(left + (box.x + box.w / 2) * step, bottom + (box.y + box.h * 0.2) * step,
                     f"{crowd.count} here", fontName=BOLD, fontSize=NAME_SIZE, textAnchor="middle",
                     fillColor=INK))
    y = _side_legend(g, legend_x, bottom + plot, width - legend_x)
    if layout.crowds:
        lines = ["Crowded squares, by number:"]
        for crowd in layout.crowds:
            lines += wrap(f"Influence {crowd.influence}, interest {crowd.interest}: "
                          + ", ".join(str(k) for k in crowd.keys), width - legend_x, 8)
        text_lines(g, lines, legend_x, y - 6, 8, REGULAR, color=INK)
    drawing.add(g)
    return drawing, True


def _frame(g: Group, left: float, bottom: float, plot: float) -> None:
    """The quadrants' shading, the grid, the score ticks and the axis titles (clear of the ticks)."""
    step, half = plot / len(SCALE), plot / 2
    for top in (False, True):
        for right in (False, True):
            fill = colors.HexColor("#f3f3f3") if top == right else colors.white
            g.add(Rect(left + (half if right else 0), bottom + (half if top else 0), half, half,
                       fillColor=fill, strokeColor=None))
    for i in range(len(SCALE) + 1):
        g.add(Line(left + i * step, bottom, left + i * step, bottom + plot, strokeColor=RULE,
                   strokeWidth=0.3))
        g.add(Line(left, bottom + i * step, left + plot, bottom + i * step, strokeColor=RULE,
                   strokeWidth=0.3))
    g.add(Rect(left, bottom, plot, plot, fillColor=None, strokeColor=INK, strokeWidth=0.8))
    for v in SCALE:
        g.add(String(left + (v - 0.5) * step, bottom - 10, str(v), fontName=REGULAR,
                     fontSize=8, textAnchor="middle"))
        g.add(String(left - 5, bottom + (v - 0.5) * step - 3, str(v), fontName=REGULAR,
                     fontSize=8, textAnchor="end"))
    g.add(String(left + plot / 2, bottom - 26, f"Interest in the service \u2192 ({legend('interest')})",
                 fontName=BOLD, fontSize=8, textAnchor="middle"))
    axis = Group(String(0, 0, f"Influence \u2192 ({legend('influence')})", fontName=BOLD, fontSize=8,
                        textAnchor="middle"))
    axis.translate(left - 24, bottom + plot / 2)
    axis.rotate(90)
    g.add(axis)


def _side_legend(g: Group, x: float, top: float, width: float) -> float:
    g.add(String(x, top - 8, "Marker shape shows the side:", fontName=BOLD, fontSize=8))
    y = top - 26
    for shape, fill, text in SIDE_MARKS.values():
        g.add(marker(shape, x + 7, y + 3, 11, fill))
        g.add(String(x + 18, y, fit(text, width - 20, 8), fontName=REGULAR, fontSize=8))
        y -= 18
    return text_lines(g, ["Numbers match the key", "below and the No. column", "of the stakeholder table."],
                      x, y, 8, ITALIC, color=MUTED)


SHARE_PARTS = (  # (attribute, legend, how the segment is drawn)
    ("users", SHARE_SIDES["users"], "solid"),
    ("community", SHARE_SIDES["community"], "hatched"),
    ("professionals", SHARE_SIDES["professionals"], "light"),
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
        g.add(line_label(0, y + 4.5, fit(f"R{number} {risk.title}", label_w - 6, 8), REGULAR, 8))
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
                     fontSize=8, fillColor=MUTED if total == 100 else INK))
    for pct in (0, 50, 100):
        x = label_w + bar_w * pct / max(100, *(r.shares.total for _, r in risks), 100)
        g.add(String(x, y - 9, f"{pct}%", fontName=REGULAR, fontSize=8, textAnchor="middle",
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
    g.add(String(cx, y, text, fontName=BOLD, fontSize=8, textAnchor="middle",
                 fillColor=colors.white if style == "solid" else INK))
