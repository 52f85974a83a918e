"""Tests for painting the PDF's figures as pictures for the Word document."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image
from reportlab.graphics.shapes import Drawing, Group, Path, Rect, String
from reportlab.lib import colors

from planner.export.fonts import REGULAR, register_fonts
from planner.export.word.render import drawing_png


def image(drawing: Drawing, dpi: int = 72) -> Image.Image:
    return Image.open(BytesIO(drawing_png(drawing, dpi))).convert("RGB")


def test_shapes_land_where_the_pdf_puts_them():
    """A rectangle drawn at the bottom left (y up) is painted at the bottom left of the picture."""
    drawing = Drawing(100, 50)
    drawing.add(Rect(0, 0, 20, 10, fillColor=colors.red, strokeColor=None))
    picture = image(drawing)
    assert picture.size == (100, 50)
    assert picture.getpixel((5, 45)) == (255, 0, 0)
    assert picture.getpixel((5, 5)) == (255, 255, 255)
    assert image(drawing, dpi=144).size == (200, 100)


def test_turned_text_is_painted_upright_in_a_column():
    """Text in a group turned by 90 degrees is painted taller than wide, not left out."""
    register_fonts()
    drawing = Drawing(60, 200)
    axis = Group(String(0, 0, "Influence (1 low, 5 high)", fontName=REGULAR, fontSize=12,
                        textAnchor="middle"))
    axis.translate(30, 100)
    axis.rotate(90)
    drawing.add(axis)
    picture = image(drawing)
    dark = [(x, y) for x in range(60) for y in range(200) if sum(picture.getpixel((x, y))) < 300]
    xs, ys = {x for x, _ in dark}, {y for _, y in dark}
    assert dark and (max(ys) - min(ys)) > 3 * (max(xs) - min(xs))


def test_an_unknown_shape_is_refused():
    """A shape the painter cannot draw raises instead of leaving the figure incomplete."""
    drawing = Drawing(10, 10)
    drawing.add(Path())
    with pytest.raises(ValueError):
        drawing_png(drawing)
