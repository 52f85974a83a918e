"""One stakeholder on the power/interest map: a marker whose shape tells the side, and its name.

Shapes: circle user, square community, triangle provider, diamond governance, so colour is
never the only clue. Also the map's grid geometry, shared with the scene that lays markers out.
"""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from planner.core.model import Side, Stakeholder, label
from planner.core.power_layout import centre

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


def grid_centre(interest: int, influence: int) -> QPointF:
    return to_scene(*centre(interest, influence))


def grid_point(pos: QPointF) -> tuple[int, int]:
    """The (interest, influence) nearest a scene position, kept within 1-5."""
    interest = math.floor((pos.x() - LEFT) / STEP) + 1
    influence = 5 - math.floor((pos.y() - TOP) / STEP)
    return min(5, max(1, interest)), min(5, max(1, influence))


@functools.lru_cache(maxsize=256)
def shape_path(side: Side, size: float) -> QPainterPath:
    """A marker's outline, shared by every marker of that side and size (never change it)."""
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


# Made once and shared: thousands of markers made one by one spent longer building the same
# flags, brushes and pens than Qt spent on the items themselves.
_FLAGS = (QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
          | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)


@functools.lru_cache(maxsize=16)
def _brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


@functools.lru_cache(maxsize=256)
def _pen(colour: str, width: float) -> QPen:
    return QPen(QColor(colour), width)


class Marker(QGraphicsPathItem):
    """One stakeholder on the map."""

    def __init__(self, stakeholder: Stakeholder, size: float = 16.0):
        super().__init__()
        self.key = stakeholder.key
        self.label: QGraphicsSimpleTextItem | None = None  # the name's first line
        self.label2: QGraphicsSimpleTextItem | None = None  # its second line, if any
        self.plate: QGraphicsRectItem | None = None  # under the name, so it reads across grid lines and markers
        self.show_label = False
        self.size = 0.0
        self.stakeholder: Stakeholder | None = None
        self.setFlags(_FLAGS)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.set_stakeholder(stakeholder, size)

    def set_stakeholder(self, s: Stakeholder, size: float) -> None:
        """Show ``s`` at this marker size; only what changed is redone (crowded points are big)."""
        old, self.stakeholder = self.stakeholder, s
        shape, colour, _ = SIDE_STYLE[s.side]
        if old is None or old.side != s.side or size != self.size:
            self.size = size
            self.setPath(shape_path(s.side, size))
        if old is None or old.side != s.side:
            self.setBrush(_brush(colour))
        if old is None:
            self.mark_selected(False)
        if old is None or (old.name, old.side, old.influence, old.interest) != (s.name, s.side, s.influence, s.interest):
            self.setToolTip(f"{s.name} — {label(s.side)} ({shape}); influence {s.influence}, interest {s.interest}")

    def set_name(self, name: str | None, box: QRectF | None, font: QFont) -> None:
        """Show ``name`` (already cut to fit; two lines at most) in ``box`` (scene units), or no name.

        A name centred on the marker (a lone marker's, under it) has each line centred; a name
        beside its marker starts at the box's left edge.
        """
        if name is None or box is None:
            for item in (self.label, self.label2, self.plate):
                if item is not None:
                    item.setVisible(False)
            return
        if self.label is None:
            scene = self.scene()
            self.plate = QGraphicsRectItem(self)  # made first, so drawn under the name
            self.plate.setPen(QPen(Qt.PenStyle.NoPen))
            base = QColor(scene.palette().base().color()) if scene is not None else QColor("#ffffff")
            base.setAlpha(170)  # grid lines underneath still show through
            self.plate.setBrush(QBrush(base))
            self.plate.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.label = self._line_item()
        lines = name.split("\n")[:2]
        if len(lines) > 1 and self.label2 is None:
            self.label2 = self._line_item()
        centred = abs(box.center().x() - self.pos().x()) < 0.5
        top = box.y() - self.pos().y()
        covered = QRectF()
        for item, text in zip((self.label, self.label2), lines + [None]):
            if item is None:
                continue
            item.setVisible(text is not None)
            if text is None:
                continue
            if item.font() != font:
                item.setFont(font)
            if item.text() != text:
                item.setText(text)
            size = item.boundingRect()
            x = -size.width() / 2 if centred else box.x() - self.pos().x()
            item.setPos(x, top)
            covered = covered.united(QRectF(x - 1, top, size.width() + 2, size.height()))
            top += size.height()
        self.plate.setRect(covered)
        self.plate.setVisible(True)

    def _line_item(self) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(self)
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        scene = self.scene()
        if scene is not None:
            item.setBrush(scene.palette().text())
        return item

    def name_text(self) -> str | None:
        """The name as shown (its lines joined by a newline), or None when none is shown."""
        if self.label is None or not self.label.isVisible():
            return None
        second = self.label2.text() if self.label2 is not None and self.label2.isVisible() else None
        return self.label.text() if second is None else f"{self.label.text()}\n{second}"

    def set_size(self, size: float) -> None:
        if size != self.size:
            self.size = size
            self.setPath(shape_path(self.stakeholder.side, size))
            self.mark_selected(self.isSelected())

    def mark_selected(self, selected: bool) -> None:
        """A thick outline as well as Qt's dashed box, so selection shows without colour."""
        self.setZValue(1 if selected else 0)  # its name drawn over its neighbours
        width = max(0.3, min(1.2, self.size / 12))  # thin outlines on tiny markers, or only outline shows
        self.setPen(_pen("#000000", width * 2.5) if selected else _pen("#202020", width))

    def mouseReleaseEvent(self, event):
        super().mouseReleaseEvent(event)
        dropped = getattr(self.scene(), "marker_dropped", None)  # the map's scene snaps it
        if dropped is not None:
            dropped(self)
