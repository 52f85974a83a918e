"""The power/interest map as a PNG picture for the Word document, drawn with Pillow.

Word takes pictures, not reportlab drawings, so the map is drawn again here with the same
grid, quadrant names, marker shapes per side and numbers as the PDF's figure. Shape, not
colour, tells the sides apart, so the picture reads in black and white.
"""

from __future__ import annotations

import math
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

from planner.core.model import Side, Stakeholder
from planner.resources import resource_path

SIDE_MARKS = {  # shape, fill, legend text; as the PDF's map
    Side.USER: ("circle", "#cfe2f3", "Users and carers"),
    Side.COMMUNITY: ("square", "#d9ead3", "Community and voluntary groups"),
    Side.PROVIDER: ("triangle", "#fff2cc", "Providers (professionals)"),
    Side.GOVERNANCE: ("diamond", "#ead1dc", "Governance (hold to account)"),
}
QUADRANTS = {  # (high influence, high interest) -> the usual advice for that corner
    (True, False): "Keep satisfied", (True, True): "Work with closely",
    (False, False): "Keep an eye on", (False, True): "Keep informed",
}
INK, MUTED, RULE = "#1a1a1a", "#555555", "#9a9a9a"
SCALE = 3  # pixels per point: the picture stays sharp when printed


def _font(size: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(resource_path("fonts", name)), int(size * SCALE))


def quadrant(person: Stakeholder) -> str:
    """The quadrant a stakeholder falls in (scores of 3 and above count as high)."""
    return QUADRANTS[(person.influence >= 3, person.interest >= 3)]


def _marker(draw: ImageDraw.ImageDraw, shape: str, cx: float, cy: float, r: float,
            fill: str) -> None:
    box = (cx - r, cy - r, cx + r, cy + r)
    width = max(1, SCALE)
    if shape == "circle":
        draw.ellipse(box, fill=fill, outline=INK, width=width)
    elif shape == "square":
        draw.rectangle(box, fill=fill, outline=INK, width=width)
    elif shape == "triangle":
        draw.polygon([(cx, cy - r * 1.1), (cx + r * 1.1, cy + r * 0.8), (cx - r * 1.1, cy + r * 0.8)],
                     fill=fill, outline=INK, width=width)
    else:
        draw.polygon([(cx, cy - r * 1.2), (cx + r * 1.2, cy), (cx, cy + r * 1.2), (cx - r * 1.2, cy)],
                     fill=fill, outline=INK, width=width)


def map_png(people: list[tuple[int, Stakeholder]], counts_only: bool = False) -> bytes:
    """The map as PNG bytes: numbered markers, or a count per square when counts_only."""
    s = SCALE
    plot, left, top, bottom = 300 * s, 48 * s, 12 * s, 44 * s
    legend_x = left + plot + 18 * s
    image = Image.new("RGB", (legend_x + 190 * s, top + plot + bottom), "white")
    draw = ImageDraw.Draw(image)
    step, half = plot / 5, plot / 2
    for (high_influence, high_interest), name in QUADRANTS.items():
        x = left + (half if high_interest else 0)
        y = top + (0 if high_influence else half)
        if high_influence == high_interest:
            draw.rectangle((x, y, x + half, y + half), fill="#f3f3f3")
        # In the top band of a square, which markers leave free: row 5 above, row 2 below.
        label_y = top + 2 * s if high_influence else top + plot - 2 * step + 2 * s
        draw.text((x + half / 2, label_y), name, fill=MUTED, font=_font(9), anchor="mt")
    for i in range(6):
        draw.line((left + i * step, top, left + i * step, top + plot), fill=RULE, width=1)
        draw.line((left, top + i * step, left + plot, top + i * step), fill=RULE, width=1)
    draw.rectangle((left, top, left + plot, top + plot), outline=INK, width=2)
    for v in range(1, 6):
        draw.text((left + (v - 0.5) * step, top + plot + 4 * s), str(v), fill=INK,
                  font=_font(9.5), anchor="mt")
        draw.text((left - 6 * s, top + plot - (v - 0.5) * step), str(v), fill=INK,
                  font=_font(9.5), anchor="rm")
    draw.text((left + plot / 2, top + plot + 20 * s), "Interest in the service \u2192 (1 low, 5 high)",
              fill=INK, font=_font(10, bold=True), anchor="mt")
    label = Image.new("RGBA", (plot, 14 * s), (255, 255, 255, 0))
    ImageDraw.Draw(label).text((plot / 2, 7 * s), "Influence \u2192 (1 low, 5 high)", fill=INK,
                               font=_font(10, bold=True), anchor="mm")
    rotated = label.rotate(90, expand=True)
    image.paste(rotated, (left - 36 * s, top), rotated)

    spots: dict[tuple[int, int], list[tuple[int, Stakeholder]]] = {}
    for number, person in people:
        spot = (min(max(person.interest, 1), 5), min(max(person.influence, 1), 5))
        spots.setdefault(spot, []).append((number, person))
    for (interest, influence), here in spots.items():
        x0 = left + (interest - 1) * step
        y0 = top + plot - influence * step
        if counts_only:
            draw.text((x0 + step / 2, y0 + step / 2), str(len(here)), fill=INK,
                      font=_font(12, bold=True), anchor="mm")
            continue
        per_row = max(1, math.ceil(math.sqrt(len(here))))
        cell = (step - 8 * s) / per_row
        rows_high = (step - 18 * s) / per_row
        radius = min(9 * s, cell * 0.42, rows_high * 0.42)
        for index, (number, person) in enumerate(here):
            cx = x0 + 4 * s + cell * (index % per_row + 0.5)
            cy = y0 + 14 * s + rows_high * (index // per_row + 0.5)
            shape, fill, _ = SIDE_MARKS[person.side]
            _marker(draw, shape, cx, cy, radius, fill)
            draw.text((cx, cy), str(number), fill=INK, font=_font(max(5.0, radius / s * 0.9)),
                      anchor="mm")
    y = top + 4 * s
    draw.text((legend_x, y), "Side", fill=INK, font=_font(10, bold=True))
    for shape, fill, text in SIDE_MARKS.values():
        y += 22 * s
        _marker(draw, shape, legend_x + 7 * s, y + 6 * s, 6 * s, fill)
        draw.text((legend_x + 20 * s, y + 6 * s), text, fill=INK, font=_font(9), anchor="lm")
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
