"""The markers of the power/interest map: one item per grid point draws everyone there.

Shapes: circle user, square community, triangle provider, diamond governance, so colour is
never the only clue. A point's item draws its markers, their names (or, when the square is
crowded, its count) where the shared layout puts them; the scene handles selection, dragging
and tooltips for single markers. Twenty thousand stakeholders are thus 25 items, not 20,000:
Qt's own work per item, the first time each was drawn, stalled the app. Also the map's grid
geometry, shared with the scene.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from planner.core import power_layout as pl
from planner.core.model import Side, Stakeholder, label

STEP = 100.0  # scene units per grid step
LEFT, TOP = 50.0, 12.0  # room for the axis labels
SIDE_STYLE = {  # shape, colour, legend character
    Side.USER: ("circle", "#1f6fb4", "●"),
    Side.COMMUNITY: ("square", "#2b8a3e", "■"),
    Side.PROVIDER: ("triangle", "#c25e00", "▲"),
    Side.GOVERNANCE: ("diamond", "#7048a8", "◆"),
}


def to_scene(x: float, y: float) -> QPointF:
    """A point of the shared layout (squares, y up) in scene units (y down)."""
    return QPointF(LEFT + x * STEP, TOP + (5 - y) * STEP)


def from_scene(pos: QPointF) -> tuple[float, float]:
    """A scene position in the shared layout's units (squares, y up)."""
    return (pos.x() - LEFT) / STEP, 5 - (pos.y() - TOP) / STEP


def grid_centre(interest: int, influence: int) -> QPointF:
    return to_scene(*pl.centre(interest, influence))


def grid_point(pos: QPointF) -> tuple[int, int]:
    """The (interest, influence) nearest a scene position, kept within 1-5."""
    interest = math.floor((pos.x() - LEFT) / STEP) + 1
    influence = 5 - math.floor((pos.y() - TOP) / STEP)
    return min(5, max(1, interest)), min(5, max(1, influence))


@functools.lru_cache(maxsize=256)
def shape_path(side: Side, size: float) -> QPainterPath:
    """A marker's outline round (0, 0), shared by every marker of that side and size (never change it)."""
    path = QPainterPath()
    h = size / 2
    kind = SIDE_STYLE[side][0]
    if kind == "circle":
        path.addEllipse(QPointF(0, 0), h, h)
    elif kind == "square":
        path.addRect(QRectF(-h * 0.9, -h * 0.9, size * 0.9, size * 0.9))
    elif kind == "triangle":
        path.addPolygon(QPolygonF([QPointF(0, -h), QPointF(h, h * 0.8), QPointF(-h, h * 0.8), QPointF(0, -h)]))
    else:
        path.addPolygon(QPolygonF([QPointF(0, -h), QPointF(h, 0), QPointF(0, h), QPointF(-h, 0), QPointF(0, -h)]))
    return path


@functools.lru_cache(maxsize=16)
def brush(side: Side) -> QBrush:
    return QBrush(QColor(SIDE_STYLE[side][1]))


@functools.lru_cache(maxsize=256)
def outline(size: float, selected: bool) -> QPen:
    """A thick outline when selected (as well as a dashed box), so selection shows without colour."""
    width = max(0.3, min(1.2, size / 12))  # thin outlines on tiny markers, or only outline shows
    return QPen(QColor("#000000"), width * 2.5) if selected else QPen(QColor("#202020"), width)


PHASES = 4  # a crowd's markers are stamped at quarter-pixel steps, so their rows stay even


@functools.lru_cache(maxsize=512)
def stamps_for(side: Side, size: float, pen: float, dpr: float = 1.0) -> list[list[tuple[QImage, int]]]:
    """A marker drawn once at ``size`` device pixels for each quarter-pixel offset ([y][x]),
    with how far its image's corner is from the marker's centre (all in device pixels; ``dpr``
    device pixels to a painter's unit). A crowded square is hundreds of markers: copying a
    stamp is several times quicker than drawing each outline."""
    offset = math.ceil(size / 2 + pen + 1)
    cell = 2 * offset + 1
    sheet = QImage(cell * PHASES, cell * PHASES, QImage.Format.Format_ARGB32_Premultiplied)
    sheet.fill(Qt.GlobalColor.transparent)
    painter = QPainter(sheet)  # all sixteen on one sheet: one painter, not sixteen
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#202020"), pen))
    painter.setBrush(brush(side))
    shape = shape_path(side, size)
    for fy in range(PHASES):
        for fx in range(PHASES):
            x, y = fx * cell + offset + fx / PHASES, fy * cell + offset + fy / PHASES
            painter.translate(x, y)
            painter.drawPath(shape)
            painter.translate(-x, -y)
    painter.end()
    found = []
    for fy in range(PHASES):
        row = []
        for fx in range(PHASES):
            image = sheet.copy(fx * cell, fy * cell, cell, cell)
            image.setDevicePixelRatio(dpr)
            row.append((image, offset))
        found.append(row)
    return found


def tooltip(s: Stakeholder) -> str:
    return f"{s.name} — {label(s.side)} ({SIDE_STYLE[s.side][0]}); influence {s.influence}, interest {s.interest}"


@dataclass(frozen=True)
class Spot:
    """One stakeholder's marker as drawn: its centre, outline box and name (scene units)."""

    key: str
    centre: QPointF
    size: float
    name: str | None = None  # its lines joined by a newline; None when the square is crowded
    name_box: QRectF | None = None  # every line of the name, with the plate under it

    @property
    def rect(self) -> QRectF:
        h = self.size / 2
        return QRectF(self.centre.x() - h, self.centre.y() - h, self.size, self.size)


class PointItem(QGraphicsItem):
    """Everyone at one grid point: their markers and names, or a crowd's markers and count."""

    def __init__(self, point: tuple[int, int]):
        super().__init__()
        self.point = point
        self.keys: list[str] = []
        self.sides: list[Side] = []  # in the order of keys
        self.crowd: pl.Crowd | None = None
        self.index: dict[str, int] = {}  # a crowd's keys' places in it
        self.spots: list[Spot] = []  # the named markers, when not crowded
        self.caption = ""  # "N here" under a crowd
        self.caption_box = QRectF()
        self.font = QFont()
        self.selected: AbstractSet[str] = frozenset()  # the scene's selection (a view of it)
        self.hidden: str | None = None  # the marker being dragged, drawn by the scene meanwhile
        self.text = QColor("#000000")
        self.plate = QColor(255, 255, 255, 170)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the scene finds the marker under the mouse
        # Drawn once into a pixmap, then copied until something at this point changes: a
        # crowded point is hundreds of markers, and focus or a neighbour's change repaints the view.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        i, j = point
        self._bounds = QRectF(LEFT + (i - 1) * STEP - 3, TOP + (5 - j) * STEP - 3, STEP + 6, STEP + 6)

    def show_named(self, keys: list[str], sides: list[Side], spots: list[Spot], font: QFont) -> None:
        self.keys, self.sides, self.spots, self.crowd, self.caption, self.font = keys, sides, spots, None, "", font
        self.index = {}
        self.update()

    def show_crowd(self, keys: list[str], sides: list[Side], crowd: pl.Crowd, caption: str, font: QFont,
                   fresh: bool = True) -> None:
        """Draw a crowd (``fresh``: its keys may have changed; ``keys`` and ``sides`` are the scene's lists)."""
        if fresh or not self.index:
            self.index = {key: i for i, key in enumerate(keys)}
        self.keys, self.sides, self.spots, self.crowd, self.caption, self.font = keys, sides, [], crowd, caption, font
        box = crowd.caption
        top_left = to_scene(box.x, box.top)
        self.caption_box = QRectF(top_left.x(), top_left.y(), box.w * STEP, box.h * STEP)
        self.update()

    def spot(self, key: str) -> Spot | None:
        if self.crowd is None:
            return next((s for s in self.spots if s.key == key), None)
        i = self.index.get(key)
        if i is None:
            return None
        return Spot(key, to_scene(*self.crowd.spot(i)), self.crowd.size * STEP)

    def key_at(self, pos: QPointF) -> str | None:
        """The marker (or, named, the marker or its name) at a scene position."""
        if self.crowd is not None:
            i = self.crowd.index_at(*from_scene(pos))
            return None if i is None else self.keys[i]
        for spot in self.spots:
            h = max(spot.size, 8.0) / 2  # a tiny marker is still easy to hit
            box = QRectF(spot.centre.x() - h, spot.centre.y() - h, 2 * h, 2 * h)
            if box.contains(pos) or (spot.name_box is not None and spot.name_box.contains(pos)):
                return spot.key
        return None

    def keys_in(self, area: QRectF) -> list[str]:
        """The markers a scene rectangle touches (the rubber band)."""
        if self.crowd is None:
            return [spot.key for spot in self.spots if spot.rect.intersects(area)]
        h = self.crowd.size * STEP / 2
        found = []
        for i, key in enumerate(self.keys):
            x, y = self.crowd.spot(i)
            x, y = LEFT + x * STEP, TOP + (5 - y) * STEP
            if x + h >= area.left() and x - h <= area.right() and y + h >= area.top() and y - h <= area.bottom():
                found.append(key)
        return found

    # -------------------------------------------------------------- drawing

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._bounds  # everything stays inside the point's square (the shared layout's rule)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.crowd is not None:
            self._paint_crowd(painter)
        else:
            self._paint_named(painter)

    def _marker(self, painter: QPainter, side: Side, x: float, y: float, size: float, selected: bool) -> None:
        painter.setPen(outline(size, selected))
        painter.setBrush(brush(side))
        painter.translate(x, y)
        painter.drawPath(shape_path(side, size))
        if selected:  # Qt's dashed box, as on any selected item; round a crowd's tiny marker too
            painter.setPen(QPen(self.text, 0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            h = max(size / 2 + 1.5, 5.0)
            painter.drawRect(QRectF(-h, -h, 2 * h, 2 * h))
        painter.translate(-x, -y)

    def _paint_crowd(self, painter: QPainter) -> None:
        crowd, size = self.crowd, self.crowd.size * STEP
        t = painter.deviceTransform()  # to the device's own pixels (a high-DPI screen's too)
        if t.m12() or t.m21() or t.m11() != t.m22() or not painter.worldTransform().m11():
            self._paint_crowd_outlines(painter)  # only scaled and moved, as the map's view does
        else:
            dpr = t.m11() / painter.worldTransform().m11()  # device pixels per painter unit
            painter.save()
            painter.resetTransform()
            ppu = t.m11()  # device pixels per scene unit
            pen = round(outline(size, False).widthF() * ppu, 2)
            dpr = 1.0 if abs(dpr - 1) < 1e-6 else round(dpr, 4)
            stamps = {side: stamps_for(side, round(size * ppu * 4) / 4, pen, dpr) for side in set(self.sides)}
            skip = self._skipped()
            chosen = [i for i in skip if self.keys[i] != self.hidden]
            columns, count, sides = crowd.columns, len(self.keys), self.sides
            if dpr == 1.0:
                draw = painter.drawImage
            else:  # painter units are device pixels / dpr
                def draw(x, y, image, _draw=painter.drawImage, _dpr=dpr):
                    _draw(QPointF(x / _dpr, y / _dpr), image)
            pitch = crowd.pitch * STEP * ppu * PHASES  # in quarter pixels, as are x and y below
            centre_x = LEFT + (crowd.interest - 0.5) * STEP
            y = ((TOP + (5 - crowd.first_row) * STEP) * ppu + t.m32()) * PHASES
            offset = next(iter(stamps.values()))[0][0][1]  # the same for every side at one size
            images = {side: [[image for image, _ in row] for row in found] for side, found in stamps.items()}
            for first in range(0, count, columns):
                in_row = min(columns, count - first)
                x = ((centre_x - (in_row - 1) / 2 * crowd.pitch * STEP) * ppu + t.m31()) * PHASES
                iy = int(y)  # markers are inside the item, at positive device positions
                row = {side: found[iy % PHASES] for side, found in images.items()}
                top = iy // PHASES - offset
                if skip:
                    for i in range(first, first + in_row):
                        if i not in skip:
                            ix = int(x)
                            draw(ix // PHASES - offset, top, row[sides[i]][ix % PHASES])
                        x += pitch
                else:  # the usual case, kept lean: twenty thousand markers on a huge plan
                    for side in sides[first:first + in_row]:
                        ix = int(x)
                        draw(ix // PHASES - offset, top, row[side][ix % PHASES])
                        x += pitch
                y += pitch
            painter.restore()
            for i in chosen:  # over their neighbours
                x, y = crowd.spot(i)
                self._marker(painter, self.sides[i], LEFT + x * STEP, TOP + (5 - y) * STEP, size, True)
        painter.setFont(self.font)
        painter.setPen(self.text)
        painter.drawText(self.caption_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, self.caption)

    def _skipped(self) -> set[int]:
        """The crowd's markers not stamped: the selected (drawn over the rest) and the one being dragged."""
        selected = self.selected
        if len(selected) < len(self.keys):
            index = self.index
            skip = {index[k] for k in selected if k in index}
        else:
            skip = {i for i, k in enumerate(self.keys) if k in selected}
        if self.hidden in self.index:
            skip.add(self.index[self.hidden])
        return skip

    def _paint_crowd_outlines(self, painter: QPainter) -> None:
        """Every marker of a crowd drawn as a shape (slower; for a rotated or skewed painter)."""
        crowd, size = self.crowd, self.crowd.size * STEP
        for i, (key, side) in enumerate(zip(self.keys, self.sides)):
            if key != self.hidden:
                x, y = crowd.spot(i)
                self._marker(painter, side, LEFT + x * STEP, TOP + (5 - y) * STEP, size, key in self.selected)

    def _paint_named(self, painter: QPainter) -> None:
        metrics = QFontMetricsF(self.font)
        painter.setFont(self.font)
        last = []
        for spot, side in zip(self.spots, self.sides):
            if spot.key == self.hidden:
                continue
            if spot.key in self.selected:
                last.append((spot, side))  # its name over its neighbours'
            else:
                self._named(painter, metrics, spot, side, False)
        for spot, side in last:
            self._named(painter, metrics, spot, side, True)

    def _named(self, painter: QPainter, metrics: QFontMetricsF, spot: Spot, side: Side, selected: bool) -> None:
        self._marker(painter, side, spot.centre.x(), spot.centre.y(), spot.size, selected)
        if spot.name is None or spot.name_box is None:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.plate)  # under the name, so it reads across grid lines
        painter.drawRect(spot.name_box)
        painter.setPen(self.text)
        box, height = spot.name_box, metrics.height()
        centred = abs(box.center().x() - spot.centre.x()) < 0.5  # a lone marker's name, under it
        top = box.y()
        for text in spot.name.split("\n"):
            width = metrics.horizontalAdvance(text)
            x = box.center().x() - width / 2 if centred else box.x() + 1
            painter.drawText(QRectF(x, top, width + 1, height), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
            top += height


def name_box(name: str, box: QRectF, centre: QPointF, metrics: QFontMetricsF) -> QRectF:
    """The plate under a name's lines: as wide as its longest line (a pixel spare each side),
    centred under a lone marker or starting at the layout's box beside one."""
    lines = name.split("\n")[:2]
    width = max(metrics.horizontalAdvance(text) for text in lines)
    centred = abs(box.center().x() - centre.x()) < 0.5
    x = box.center().x() - width / 2 if centred else box.x()
    return QRectF(x - 1, box.y(), width + 2, metrics.height() * len(lines))
