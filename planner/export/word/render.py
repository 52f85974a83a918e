"""Paint a reportlab drawing into a PNG with Pillow, so Word shows the PDF's own figure.

reportlab 5 renders bitmaps only through a Cairo backend we do not ship, and the figures use a
handful of shapes (rectangles, lines, circles, polygons and strings, in groups that may be
moved or turned), so this draws them directly. A shape it does not know raises, rather than
leaving a figure quietly incomplete.
"""

from __future__ import annotations

import math
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import (
    Circle, Drawing, Group, Line, Path, PolyLine, Polygon, Rect, String, mmult,
)

from planner.export import fonts
from planner.resources import resource_path

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)
FONT_FILES = {  # our face names -> bundled files (see planner.export.fonts)
    fonts.REGULAR: "DejaVuSans.ttf", fonts.BOLD: "DejaVuSans-Bold.ttf",
    fonts.ITALIC: "DejaVuSans-Oblique.ttf", fonts.BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


def _colour(value) -> tuple[int, int, int, int] | None:
    if value is None:
        return None
    alpha = getattr(value, "alpha", 1) or 0
    r, g, b = value.rgb()
    return (round(r * 255), round(g * 255), round(b * 255), round(alpha * 255))


class _Painter:
    def __init__(self, drawing: Drawing, scale: float):
        self.scale = scale
        self.height = drawing.height
        self.image = Image.new("RGBA", (math.ceil(drawing.width * scale),
                                        math.ceil(drawing.height * scale)), "white")
        self.draw = ImageDraw.Draw(self.image)
        self._fonts: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}

    def point(self, m: Matrix, x: float, y: float) -> tuple[float, float]:
        """A drawing point (y up) to a pixel (y down)."""
        px = m[0] * x + m[2] * y + m[4]
        py = m[1] * x + m[3] * y + m[5]
        return px * self.scale, (self.height - py) * self.scale

    def font(self, name: str, size: float) -> ImageFont.FreeTypeFont:
        key = (name, max(1, round(size * self.scale)))
        if key not in self._fonts:
            file = FONT_FILES.get(name, "DejaVuSans.ttf")
            self._fonts[key] = ImageFont.truetype(str(resource_path("fonts", file)), key[1])
        return self._fonts[key]

    def width(self, shape) -> int:
        return max(1, round((getattr(shape, "strokeWidth", 1) or 0) * self.scale))

    def paint(self, node, m: Matrix) -> None:
        if isinstance(node, Group):
            inner = mmult(m, tuple(node.transform))
            for child in node.contents:
                self.paint(child, inner)
        elif isinstance(node, Rect):
            x, y, w, h = node.x, node.y, node.width, node.height
            self._polygon(node, m, [x, y, x + w, y, x + w, y + h, x, y + h])
        elif isinstance(node, Polygon):
            self._polygon(node, m, list(node.points))
        elif isinstance(node, (Line, PolyLine)):
            points = ([node.x1, node.y1, node.x2, node.y2] if isinstance(node, Line)
                      else list(node.points))
            pixels = [self.point(m, points[i], points[i + 1]) for i in range(0, len(points), 2)]
            stroke = _colour(node.strokeColor)
            if stroke and node.strokeWidth:
                self.draw.line(pixels, fill=stroke, width=self.width(node))
        elif isinstance(node, Circle):
            cx, cy = self.point(m, node.cx, node.cy)
            r = node.r * math.hypot(m[0], m[1]) * self.scale
            self.draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_colour(node.fillColor),
                              outline=_colour(node.strokeColor) if node.strokeWidth else None,
                              width=self.width(node))
        elif isinstance(node, String):
            self._string(node, m)
        elif isinstance(node, Path):
            raise ValueError("paths are not drawn in the Word document's figures")
        else:
            raise ValueError(f"cannot paint {type(node).__name__}")

    def _polygon(self, shape, m: Matrix, points: list[float]) -> None:
        pixels = [self.point(m, points[i], points[i + 1]) for i in range(0, len(points), 2)]
        stroke = _colour(shape.strokeColor) if shape.strokeWidth else None
        self.draw.polygon(pixels, fill=_colour(shape.fillColor), outline=stroke,
                          width=self.width(shape) if stroke else 0)

    def _string(self, node: String, m: Matrix) -> None:
        font = self.font(node.fontName, node.fontSize)
        anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(node.textAnchor, "ls")
        colour = _colour(node.fillColor) or (0, 0, 0, 255)
        angle = math.degrees(math.atan2(m[1], m[0]))
        x, y = self.point(m, node.x, node.y)
        if abs(angle) < 0.5:
            self.draw.text((x, y), node.text, font=font, fill=colour, anchor=anchor)
            return
        # Turned text (an axis title): set it level on its own layer, then turn that layer.
        left, top, right, bottom = font.getbbox(node.text, anchor=anchor)
        layer = Image.new("RGBA", (right - left + 4, bottom - top + 4), (255, 255, 255, 0))
        ImageDraw.Draw(layer).text((2 - left, 2 - top), node.text, font=font, fill=colour,
                                   anchor=anchor)
        turned = layer.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
        # Centre the turned layer where the text's middle falls.
        mid = self.point(m, node.x + (0 if anchor[0] == "m" else (right + left) / 2 / self.scale),
                         node.y)
        self.image.alpha_composite(turned, (round(mid[0] - turned.width / 2),
                                            round(mid[1] - turned.height / 2)))


def drawing_png(drawing: Drawing, dpi: int = 200) -> bytes:
    """The drawing as PNG bytes at dpi (72 points to the inch)."""
    painter = _Painter(drawing, dpi / 72)
    for node in drawing.contents:
        painter.paint(node, IDENTITY)
    out = BytesIO()
    painter.image.convert("RGB").save(out, format="PNG", optimize=True)
    return out.getvalue()
