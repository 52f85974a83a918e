"""Tests for the matrix figure's move arrow: its route, and that it never crosses any words."""

from __future__ import annotations

import itertools

import pytest
from reportlab.graphics.shapes import Group, Line, Polygon, String

from planner.core.matrix import Cell, Delivery, Planning
from planner.export.figures.matrix import ARROW_WIDTH, matrix_drawing, move_route
from planner.export.fonts import string_width
from planner.export.styles import ACCENT

CELLS = [Cell(p, d) for p in Planning for d in Delivery]


def test_same_row_runs_straight_along_the_band():
    """Cells side by side are joined by one horizontal segment at band height."""
    route = move_route((100, 0, 50, 80), (200, 0, 50, 80), band=25, grid_right=300)
    assert route == [(125, 25), (225, 25)]


def test_other_row_turns_on_the_column_edge_towards_the_target():
    """Moving down and right leaves by the current cell's right edge, then enters sideways."""
    route = move_route((100, 160, 50, 80), (150, 0, 50, 80), band=25, grid_right=300)
    assert route == [(125, 185), (150, 185), (150, 25), (175, 25)]


def test_same_column_goes_round_the_side_the_grid_allows():
    """In the last column the path goes down the left edge; elsewhere down the right edge."""
    assert move_route((100, 80, 50, 80), (100, 0, 50, 80), 25, 300)[1][0] == 150
    assert move_route((250, 80, 50, 80), (250, 0, 50, 80), 25, 300)[1][0] == 250


def _walk(node, found):
    """Every shape in a drawing, groups flattened (transforms here are only the axis label)."""
    for child in getattr(node, "contents", []):
        if isinstance(child, Group):
            _walk(child, found)
        else:
            found.append(child)
    return found


def _text_box(s: String) -> tuple[float, float, float, float]:
    """A String's ink box as (x0, y0, x1, y1)."""
    width = string_width(s.text, s.fontSize, s.fontName)
    x0 = {"start": s.x, "middle": s.x - width / 2, "end": s.x - width}[s.textAnchor]
    return x0, s.y - 0.25 * s.fontSize, x0 + width, s.y + 0.8 * s.fontSize


def _touches(points, box, clearance) -> bool:
    """Whether the polyline through points passes within clearance of box (sampled finely)."""
    x0, y0, x1, y1 = box
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        steps = int(max(abs(bx - ax), abs(by - ay)) / 0.5) + 1
        for i in range(steps + 1):
            x, y = ax + (bx - ax) * i / steps, ay + (by - ay) * i / steps
            if x0 - clearance <= x <= x1 + clearance and y0 - clearance <= y <= y1 + clearance:
                return True
    return False


@pytest.mark.parametrize("current,target",
                         [(c, t) for c, t in itertools.permutations(CELLS, 2) if t.is_available])
def test_arrow_never_crosses_words(current, target):
    """For every move between cells, no part of the arrow, head included, touches any text."""
    shapes = _walk(matrix_drawing(480, current, target, Cell.of("co", "co")), [])
    lines = [s for s in shapes if isinstance(s, Line) and s.strokeWidth == ARROW_WIDTH]
    heads = [s for s in shapes if isinstance(s, Polygon) and s.fillColor == ACCENT]
    assert lines
    key_top = min(min(line.y1, line.y2) for line in lines) - 20  # the key's sample sits lower
    texts = [_text_box(s) for s in shapes if isinstance(s, String) and s.y > key_top]
    paths = [[(line.x1, line.y1), (line.x2, line.y2)] for line in lines]
    for head in heads:
        xy = list(zip(head.points[::2], head.points[1::2]))
        if min(y for _, y in xy) > key_top:
            paths.append([*xy, xy[0]])
    for box in texts:
        for path in paths:
            assert not _touches(path, box, ARROW_WIDTH / 2), (box, path)
