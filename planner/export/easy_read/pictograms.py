"""Draw the bundled pictograms (resources/pictograms/*.svg) as reportlab drawings.

The pictograms are written for this project in a small subset of SVG (circle, rect with rx,
line, polyline, polygon; fill, stroke, stroke-width) so no SVG library is needed. Anything
outside the subset is refused loudly, so a new pictogram cannot silently lose a part.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Polygon, Rect
from reportlab.lib import colors

from planner.resources import resource_path

SVG = "{http://www.w3.org/2000/svg}"
VIEW = 100.0  # every pictogram is drawn on a 100 x 100 view box


def _numbers(text: str) -> list[float]:
    return [float(v) for v in text.replace(",", " ").split()]


def _paint(element: ET.Element) -> dict:
    fill = element.get("fill", "#000000")
    stroke = element.get("stroke")
    return {
        "fillColor": None if fill == "none" else colors.HexColor(fill),
        "strokeColor": colors.HexColor(stroke) if stroke and stroke != "none" else None,
        "strokeWidth": float(element.get("stroke-width", "1")),
        "strokeLineCap": 1 if element.get("stroke-linecap") == "round" else 0,
        "strokeLineJoin": 1 if element.get("stroke-linejoin") == "round" else 0,
    }


def _flip(points: list[float]) -> list[float]:
    """SVG's y runs down, reportlab's up."""
    return [v if i % 2 == 0 else VIEW - v for i, v in enumerate(points)]


def _shape(element: ET.Element):
    tag = element.tag.removeprefix(SVG)
    get = lambda name: float(element.get(name, "0"))  # noqa: E731
    paint = _paint(element)
    if tag == "circle":
        return Circle(get("cx"), VIEW - get("cy"), get("r"), **paint)
    if tag == "rect":
        rx = get("rx")
        return Rect(get("x"), VIEW - get("y") - get("height"), get("width"), get("height"),
                    rx=rx, ry=rx, **paint)
    if tag == "line":
        paint.pop("fillColor")
        return Line(get("x1"), VIEW - get("y1"), get("x2"), VIEW - get("y2"), **paint)
    if tag == "polygon":
        return Polygon(_flip(_numbers(element.get("points", ""))), **paint)
    if tag == "polyline":
        paint.pop("fillColor")
        return PolyLine(_flip(_numbers(element.get("points", ""))), **paint)
    raise ValueError(f"pictogram element <{tag}> is outside the supported subset")


@lru_cache(maxsize=None)
def _group(name: str) -> Group:
    root = ET.parse(resource_path("pictograms", f"{name}.svg")).getroot()
    group = Group()
    for element in root:
        if element.tag.removeprefix(SVG) == "title":
            continue
        group.add(_shape(element))
    return group


def pictogram(name: str, size: float) -> Drawing:
    """The named pictogram as a drawing size points square."""
    drawing = Drawing(size, size)
    group = Group(_group(name))
    group.scale(size / VIEW, size / VIEW)
    drawing.add(group)
    return drawing


def title_of(name: str) -> str:
    """The pictogram's own title (what it shows), for alternative text."""
    root = ET.parse(resource_path("pictograms", f"{name}.svg")).getroot()
    title = root.find(f"{SVG}title")
    return title.text.strip() if title is not None and title.text else name
