"""The power/interest map's scene: each stakeholder a marker by interest (across) and influence (up).

Where markers and names go is planner.core.power_layout's business, shared with the PDF: each
marker on its scores, named inside its square; a crowded square shows a count, and the map's
widget lists who is there. One item per grid point draws everyone there (map_marker.PointItem);
the scene finds the marker under the mouse, keeps the selection, shows tooltips and drags a
single marker. Dragging a marker, or moving it with the arrow keys, asks for a move; the map
itself only redraws when the plan says the stakeholder changed, and then only the grid points
the change left and joined.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QGraphicsPathItem, QGraphicsScene, QToolTip

from planner.core import power_layout as pl
from planner.core.model import Stakeholder
from planner.ui.widgets.map_grid import GridDrawing
from planner.ui.widgets.map_marker import (
    STEP, PointItem, Spot, brush, grid_point, name_box, outline, shape_path, to_scene, tooltip,
)

Point = tuple[int, int]  # (interest, influence)


class PowerMapScene(GridDrawing, QGraphicsScene):
    """Stakeholders by key, the keys at each grid point, its item, and the selection."""

    move_requested = Signal(str, int, int)  # key, influence, interest
    selection_made = Signal(list)  # keys selected on the map by the officer
    crowds_changed = Signal(list)  # the points whose list of names beside the map changed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label_font = QFont()
        self.label_font.setPixelSize(14)
        self.setSceneRect(self.frame())
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # 25 items at most
        self.stakeholders: dict[str, Stakeholder] = {}
        self.groups: dict[Point, list[str]] = {}
        self.points: dict[Point, PointItem] = {}
        self.crowds: dict[Point, pl.Crowd] = {}
        self.crowd_lines: dict[Point, str] = {}  # who is in each crowded square, for the list beside
        self._content: dict[Point, tuple[list, list]] = {}  # each point's (key, name) and sides, as groups orders them
        self.selected: dict[str, None] = {}  # in the order chosen
        self.read_only = False
        self._press: tuple | None = None  # (key, was it selected already, Ctrl held) while a button is down
        self._drag: QGraphicsPathItem | None = None  # the marker following the mouse
        self._band_base: dict[str, None] = {}
        self._hover = False

    # -------------------------------------------------------------- contents

    def set_stakeholders(self, stakeholders: list[Stakeholder]) -> None:
        had = list(self.crowd_lines)
        self.stakeholders, self.groups, self.crowds, self.crowd_lines, self._content = {}, {}, {}, {}, {}
        self.selected = {}
        for s in stakeholders:
            self.stakeholders[s.key] = s
            point = (s.interest, s.influence)
            self.groups.setdefault(point, []).append(s.key)
            members, sides = self._content.setdefault(point, ([], []))
            members.append((s.key, s.name))
            sides.append(s.side)
        self._layout_points(set(self.groups) | set(self.points), had)

    def refresh(self, key: str, s: Stakeholder | None) -> None:
        """Show one stakeholder as it now is (None: it is gone)."""
        self.refresh_many({key: s})

    def refresh_many(self, changed: dict[str, Stakeholder | None]) -> None:
        """Show these stakeholders as they now are (None: gone), laying out only the points they left and joined."""
        touched: set[Point] = set()
        for key, s in changed.items():
            self._place(key, s, touched)
        self._layout_points(touched)

    def sync(self, stakeholders: list[Stakeholder]) -> None:
        """Bring the map in line with a freshly read list, laying out only the points that differ.

        After an edit that touched everything (a delete, its undo) most stakeholders are unchanged.
        """
        if not self.stakeholders:
            self.set_stakeholders(stakeholders)
            return
        touched: set[Point] = set()
        wanted = {s.key for s in stakeholders}
        for key in [k for k in self.stakeholders if k not in wanted]:
            self._place(key, None, touched)
        for s in stakeholders:
            if self.stakeholders.get(s.key) != s:
                self._place(s.key, s, touched)
        self._layout_points(touched)

    def _place(self, key: str, s: Stakeholder | None, touched: set[Point]) -> None:
        """Move, change, add or remove one stakeholder; note the grid points to lay out again."""
        old = self.stakeholders.get(key)
        if old is not None:
            point = (old.interest, old.influence)
            keys, (members, sides) = self.groups[point], self._content[point]
            i = keys.index(key)
            if s is None or point != (s.interest, s.influence):
                del keys[i], members[i], sides[i]
            else:
                members[i], sides[i] = (key, s.name), s.side
            touched.add(point)
        if s is None:
            self.stakeholders.pop(key, None)
            self.selected.pop(key, None)
            return
        self.stakeholders[key] = s
        point = (s.interest, s.influence)
        if old is None or point != (old.interest, old.influence):
            self.groups.setdefault(point, []).append(key)
            members, sides = self._content.setdefault(point, ([], []))
            members.append((key, s.name))
            sides.append(s.side)
        touched.add(point)

    def _layout_points(self, points: set[Point], had: list[Point] | None = None, moved_only: bool = False) -> None:
        """Lay out these points again; ``moved_only``: nobody there changed, only the text size did."""
        changed = set(had or ())
        for point in points:
            if self._layout(point, fresh=not moved_only):
                changed.add(point)
        if changed:
            self.crowds_changed.emit(sorted(changed))

    def _layout(self, point: Point, fresh: bool) -> bool:
        """Lay out one square as the shared layout says (squares are independent); True if its crowd line changed.

        ``fresh``: who is there, or their names or sides, may have changed (not only the text size).
        """
        item = self.points.get(point)
        if not self.groups.get(point):
            self.groups.pop(point, None)
            self._content.pop(point, None)
            if item is not None:
                self.removeItem(item)
                del self.points[point]
            self.crowds.pop(point, None)
            return self.crowd_lines.pop(point, None) is not None
        if item is None:
            item = self.points[point] = PointItem(point)
            item.text = self.palette().text().color()
            plate = QColor(self.palette().base().color())
            plate.setAlpha(170)  # grid lines underneath still show through
            item.plate = plate
            self.addItem(item)
        item.selected = self.selected.keys()
        keys, (members, sides) = self.groups[point], self._content[point]  # kept up to date by _place
        metrics = QFontMetricsF(self.label_font)
        placed = pl.square(point[0], point[1], members, marker=pl.MARKER, line=metrics.height() / STEP,
                           measure=lambda text: metrics.horizontalAdvance(text) / STEP)
        before = self.crowd_lines.get(point)
        if isinstance(placed, pl.Crowd):
            self.crowds[point] = placed
            item.show_crowd(keys, sides, placed, self.tr("{0} here").format(placed.count), self.label_font, fresh)
            if fresh or before is None:
                names = ", ".join(name for _, name in members)
                self.crowd_lines[point] = self.tr("Influence {0}, interest {1}: {2}").format(point[1], point[0], names)
        else:
            self.crowds.pop(point, None)
            self.crowd_lines.pop(point, None)
            spots = []
            for p in placed:
                centre = to_scene(p.x, p.y)
                box = None if p.name_box is None else name_box(p.name, _scene_box(p.name_box), centre, metrics)
                spots.append(Spot(p.key, centre, p.size * STEP, p.name, box))
            item.show_named(keys, sides, spots, self.label_font)
        return self.crowd_lines.get(point) != before

    def spot(self, key: str) -> Spot | None:
        """Where a stakeholder's marker (and name) is drawn, or None when they are not on the map."""
        s = self.stakeholders.get(key)
        item = None if s is None else self.points.get((s.interest, s.influence))
        return None if item is None else item.spot(key)

    def key_at(self, pos: QPointF) -> str | None:
        """The stakeholder whose marker (or name) is at a scene position, if any."""
        item = self.points.get(grid_point(pos))
        return None if item is None else item.key_at(pos)

    def set_text_size(self, size: float) -> None:
        """Write names, counts and axes at ``size`` scene units (the officer's font on screen).

        The squares take as many named rows as fit at that size; the rest are counted.
        """
        # In steps of a tenth: dragging a splitter resizes the map many times a second, and
        # laying out a plan of thousands again for each pixel made the drag stutter.
        size = max(4.0, 1.1 ** round(math.log(size, 1.1)))
        if abs(size - self.label_font.pixelSize()) < 0.5:
            return
        self.label_font = QFont(self.label_font)
        self.label_font.setPixelSize(round(size))
        self.setSceneRect(self.frame())
        self._layout_points(set(self.groups), moved_only=True)
        self.update()

    def crowded_text(self) -> str:
        """Who is in each crowded square, most influential first, for the list beside the map."""
        return "\n".join(self.crowd_lines[p] for p in self.crowded_points())

    def crowded_points(self) -> list[Point]:
        """The crowded squares in the order their names are listed: most influential, then most interested, first."""
        return sorted(self.crowd_lines, key=lambda p: (-p[1], -p[0]))

    def set_read_only(self, read_only: bool) -> None:
        """A read-only plan's markers can be chosen but not dragged."""
        self.read_only = read_only

    # -------------------------------------------------------------- selection

    def select_keys(self, keys: list[str]) -> None:
        """Select these markers (from the table); does not echo back as selection_made."""
        self._set_selection(dict.fromkeys(k for k in keys if k in self.stakeholders), tell=False)

    def selected_keys(self) -> list[str]:
        return list(self.selected)

    def _set_selection(self, selected: dict[str, None], tell: bool = True) -> None:
        if list(selected) == list(self.selected):
            return
        changed = self.selected.keys() ^ selected.keys()
        self.selected = selected
        points = {(self.stakeholders[k].interest, self.stakeholders[k].influence)
                  for k in changed if k in self.stakeholders}
        for point, item in self.points.items():
            item.selected = selected.keys()
            if point in points:
                item.update()
        if tell:
            self.selection_made.emit(list(selected))

    def select_in(self, area: QRectF, add: bool) -> None:
        """The rubber band: select every marker it touches (added to those chosen before with Ctrl)."""
        chosen = dict(self._band_base) if add else {}
        for item in self.points.values():
            if item.boundingRect().intersects(area):
                chosen.update(dict.fromkeys(item.keys_in(area)))
        self._set_selection(chosen, tell=False)

    def band_started(self, add: bool) -> None:
        self._band_base = dict(self.selected) if add else {}

    def band_finished(self) -> None:
        self.selection_made.emit(list(self.selected))

    # -------------------------------------------------------------- the mouse

    def mousePressEvent(self, event):  # noqa: N802 (Qt's name)
        left = event.button() == Qt.MouseButton.LeftButton
        key = self.key_at(event.scenePos()) if left else None
        add = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key is None:
            self._press = None
            if left and not add:  # a click on nobody chooses nobody, as on any Qt view
                self._set_selection({})
            event.ignore()  # the view draws a rubber band
            return
        was_selected = key in self.selected
        self._press = (key, was_selected, add)
        if not was_selected:
            self._set_selection({**(self.selected if add else {}), key: None})
        event.accept()

    def mouseDoubleClickEvent(self, event):  # noqa: N802 (Qt's name)
        self.mousePressEvent(event)  # a quick second click chooses (or starts dragging) as the first did

    def mouseMoveEvent(self, event):  # noqa: N802 (Qt's name)
        if self._press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            self._show_hand(self.key_at(event.scenePos()) is not None)
            super().mouseMoveEvent(event)
            return
        key = self._press[0]
        if self._drag is None:
            moved = event.screenPos() - event.buttonDownScreenPos(Qt.MouseButton.LeftButton)
            if self.read_only or moved.manhattanLength() < QApplication.startDragDistance():
                return
            if self.spot(key) is None:  # gone meanwhile (an undo while the button was down)
                self._press = None
                return
            self._start_drag(key, event.buttonDownScenePos(Qt.MouseButton.LeftButton))
        self._drag.setPos(event.scenePos() + self._drag.data(0))
        event.accept()

    def mouseReleaseEvent(self, event):  # noqa: N802 (Qt's name)
        press, self._press = self._press, None
        if press is None:
            super().mouseReleaseEvent(event)
            return
        key, was_selected, add = press
        event.accept()
        if self._drag is not None:
            self._drop(key)
        elif was_selected and add:  # Ctrl+click on a chosen marker: unchoose it
            self._set_selection({k: None for k in self.selected if k != key})
        elif was_selected and len(self.selected) > 1:  # a click on one of several: only it
            self._set_selection({key: None})

    def _start_drag(self, key: str, pressed: QPointF) -> None:
        """Lift the marker: the scene draws it under the mouse, its point leaves a gap."""
        s, spot = self.stakeholders[key], self.spot(key)
        marker = self._drag = QGraphicsPathItem(shape_path(s.side, spot.size))
        marker.setBrush(brush(s.side))
        marker.setPen(outline(spot.size, True))
        marker.setZValue(10)
        marker.setData(0, spot.centre - pressed)  # where it was held
        marker.setPos(spot.centre)
        self.addItem(marker)
        item = self.points[(s.interest, s.influence)]
        item.hidden = key
        item.update()
        self._show_hand(True, closed=True)

    def _drop(self, key: str) -> None:
        """Let go: ask for the move to the grid point under the marker, or put it back."""
        interest, influence = grid_point(self._drag.pos())
        self.removeItem(self._drag)
        self._drag = None
        for item in self.points.values():
            if item.hidden is not None:
                item.hidden = None
                item.update()
        self._show_hand(True)
        s = self.stakeholders.get(key)
        if s is not None and not self.read_only and (interest, influence) != (s.interest, s.influence):
            self.move_requested.emit(key, influence, interest)

    def _show_hand(self, over_marker: bool, closed: bool = False) -> None:
        """An open hand over a marker (it can be dragged), a closed one while dragging."""
        if over_marker == self._hover and not closed:
            return
        self._hover = over_marker
        for view in self.views():
            if closed:
                view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            elif over_marker and not self.read_only:
                view.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                view.viewport().unsetCursor()

    def helpEvent(self, event):  # noqa: N802 (Qt's name)
        text = self.tooltip_at(event.scenePos())
        if text:
            QToolTip.showText(event.screenPos(), text)
            event.accept()
        else:
            QToolTip.hideText()
            event.ignore()

    def tooltip_at(self, pos: QPointF) -> str:
        """A marker's tooltip says who it is; a crowd's count says where their names are ("" elsewhere)."""
        key = self.key_at(pos)
        if key is not None:
            return tooltip(self.stakeholders[key])
        item = self.points.get(grid_point(pos))
        if item is not None and item.crowd is not None and item.caption_box.contains(pos):
            return self.tr("Their names are listed beside the map.")
        return ""

    # -------------------------------------------------------------- the keyboard

    def nudge(self, d_interest: int, d_influence: int) -> None:
        """Move the one selected marker a grid step (the arrow keys)."""
        keys = self.selected_keys()
        if not keys and self.stakeholders:  # nothing chosen yet: the first arrow picks somebody
            self._set_selection({next(iter(self.stakeholders)): None})
            return
        if self.read_only or len(keys) != 1:
            return
        s = self.stakeholders[keys[0]]
        interest = min(5, max(1, s.interest + d_interest))
        influence = min(5, max(1, s.influence + d_influence))
        if (interest, influence) != (s.interest, s.influence):
            self.move_requested.emit(s.key, influence, interest)

def _scene_box(box: pl.Box) -> QRectF:
    """A layout box (squares, y up) as a scene rectangle (y down)."""
    top_left = to_scene(box.x, box.top)
    return QRectF(top_left.x(), top_left.y(), box.w * STEP, box.h * STEP)
