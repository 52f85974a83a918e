"""The power/interest map's scene: each stakeholder a marker by interest (across) and influence (up).

Where markers and names go is planner.core.power_layout's business, shared with the PDF: each
marker on its scores, named inside its square; a crowded square shows a count, and the map's
widget lists who is there. Dragging a marker, or moving it with the arrow keys, asks for a move;
the map itself only redraws when the plan says the stakeholder changed.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSimpleTextItem

from planner.core import power_layout as pl
from planner.core.model import Stakeholder
from planner.ui.widgets.map_marker import LEFT, STEP, TOP, Marker, grid_point, to_scene


class PowerMapScene(QGraphicsScene):
    """Markers by key and the groups that share each grid point."""

    move_requested = Signal(str, int, int)  # key, influence, interest
    selection_made = Signal(list)  # keys selected on the map by the officer
    crowds_changed = Signal()  # the squares too crowded to name everyone in changed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label_font = QFont()
        self.label_font.setPixelSize(14)
        self.setSceneRect(self.frame())
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # markers move often
        self.markers: dict[str, Marker] = {}
        self.groups: dict[tuple[int, int], list[str]] = {}
        self.read_only = False
        self._quiet = False
        self._marked: set[str] = set()
        self.captions: dict[tuple[int, int], QGraphicsSimpleTextItem] = {}
        self.crowds: dict[tuple[int, int], pl.Crowd] = {}
        self.selectionChanged.connect(self._on_selection)

    # -------------------------------------------------------------- contents

    def set_stakeholders(self, stakeholders: list[Stakeholder]) -> None:
        self._quiet = True
        for marker in self.markers.values():
            self.removeItem(marker)
        for caption in self.captions.values():
            self.removeItem(caption)
        self.markers, self.groups, self._marked, self.captions, self.crowds = {}, {}, set(), {}, {}
        for s in stakeholders:
            self._add(s)
        self._layout_all()
        self._quiet = False

    def _add(self, s: Stakeholder, size: float = pl.MARKER * STEP) -> None:
        marker = Marker(s, size)
        if self.read_only:  # markers are made movable
            marker.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, False)
        self.markers[s.key] = marker
        self.groups.setdefault((s.interest, s.influence), []).append(s.key)
        self.addItem(marker)

    def refresh(self, key: str, s: Stakeholder | None) -> None:
        """Show one stakeholder as it now is (None: it is gone)."""
        self.refresh_many({key: s})

    def refresh_many(self, changed: dict[str, Stakeholder | None]) -> None:
        """Show these stakeholders as they now are (None: gone), laying out each point once."""
        self._quiet = True
        touched: set[tuple[int, int]] = set()
        for key, s in changed.items():
            self._place(key, s, touched)
        self._layout_points(touched)
        self._quiet = False

    def sync(self, stakeholders: list[Stakeholder]) -> None:
        """Bring the map in line with a freshly read list, redoing only markers that differ.

        After an edit that touched everything (a delete, its undo) most markers are unchanged,
        and rebuilding thousands of them would freeze the page.
        """
        if not self.markers:
            self.set_stakeholders(stakeholders)
            return
        self._quiet = True
        touched: set[tuple[int, int]] = set()
        wanted = {s.key for s in stakeholders}
        for key in [k for k in self.markers if k not in wanted]:
            self._place(key, None, touched)
        for s in stakeholders:
            marker = self.markers.get(s.key)
            if marker is None or marker.stakeholder != s:
                self._place(s.key, s, touched)
        self._layout_points(touched)
        self._quiet = False

    def _place(self, key: str, s: Stakeholder | None, touched: set[tuple[int, int]]) -> None:
        """Move, restyle, add or remove one marker; note the grid points to lay out again."""
        marker = self.markers.get(key)
        if marker is None:
            if s is not None:
                self._add(s)
                touched.add((s.interest, s.influence))
            return
        old = (marker.stakeholder.interest, marker.stakeholder.influence)
        if s is None or old != (s.interest, s.influence):
            self.groups[old].remove(key)
            touched.add(old)
        if s is None:
            self.removeItem(marker)
            del self.markers[key]
            self._marked.discard(key)
            return
        marker.set_stakeholder(s, marker.size)
        point = (s.interest, s.influence)
        if key not in self.groups.get(point, []):
            self.groups.setdefault(point, []).append(key)
        touched.add(point)

    def _layout_all(self) -> None:
        self._layout_points(set(self.groups) | set(self.crowds))

    def _layout_points(self, points: set[tuple[int, int]]) -> None:
        had = bool(self.crowds)
        for point in points:
            self._layout(point)
        if had or self.crowds:  # a name in a crowd may have changed too
            self.crowds_changed.emit()

    def _layout(self, point: tuple[int, int]) -> None:
        """Place the markers of one square as the shared layout says (squares are independent)."""
        keys = self.groups.get(point, [])
        metrics = QFontMetricsF(self.label_font)
        people = [(key, point[0], point[1], self.markers[key].stakeholder.name) for key in keys]
        placed = pl.layout(people, marker=pl.MARKER, line=metrics.height() / STEP,
                           measure=lambda text: metrics.horizontalAdvance(text) / STEP)
        for key in keys:
            spot = placed.markers[key]
            m = self.markers[key]
            m.set_size(spot.size * STEP)
            pos = to_scene(spot.x, spot.y)
            if m.pos() != pos:
                m.setPos(pos)
            m.set_name(spot.name, None if spot.name_box is None else _scene_box(spot.name_box), self.label_font)
        crowd = placed.crowds[0] if placed.crowds else None
        if crowd is None:
            self.crowds.pop(point, None)
        else:
            self.crowds[point] = crowd
        self._count_caption(point, crowd)

    def _count_caption(self, point: tuple[int, int], crowd: pl.Crowd | None) -> None:
        """Under a crowded square's markers, how many share it (their names are listed beside)."""
        caption = self.captions.get(point)
        if crowd is None:
            if caption is not None:
                caption.setVisible(False)
            return
        if caption is None:
            caption = self.captions[point] = QGraphicsSimpleTextItem()
            caption.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            caption.setBrush(self.palette().text())
            self.addItem(caption)
        caption.setFont(self.label_font)
        caption.setText(self.tr("{0} here").format(crowd.count))
        caption.setToolTip(self.tr("Their names are listed under the map."))
        caption.setVisible(True)
        box, area = caption.boundingRect(), _scene_box(crowd.caption)
        caption.setPos(area.center().x() - box.width() / 2, area.bottom() - box.height())

    def frame(self) -> QRectF:
        """The grid with room for the ticks and the axis titles at the names' text size."""
        u = self.label_font.pixelSize()
        return QRectF(LEFT - 2.9 * u, TOP - 0.3 * u, 5 * STEP + 3.2 * u, 5 * STEP + 3.3 * u)

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
        self._quiet = True
        self._layout_all()
        self._quiet = False
        self.update()

    def crowded_text(self) -> str:
        """Who is in each crowded square, most influential first, for the list beside the map."""
        lines = []
        for point in sorted(self.crowds, key=lambda p: (-p[1], -p[0])):
            names = ", ".join(self.markers[k].stakeholder.name for k in self.crowds[point].keys)
            lines.append(self.tr("Influence {0}, interest {1}: {2}").format(point[1], point[0], names))
        return "\n".join(lines)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for marker in self.markers.values():
            marker.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, not read_only)

    # -------------------------------------------------------------- selection and moves

    def select_keys(self, keys: list[str]) -> None:
        """Select these markers (from the table); does not echo back as selection_made."""
        self._quiet = True
        wanted = set(keys)
        for item in self.selectedItems():
            if item.key not in wanted:
                item.setSelected(False)
        for key in keys:
            marker = self.markers.get(key)
            if marker is not None and not marker.isSelected():
                marker.setSelected(True)
        self._mark_selection()
        self._quiet = False

    def _mark_selection(self) -> None:
        selected = set(self.selected_keys())
        for key in self._marked ^ selected:
            marker = self.markers.get(key)
            if marker is not None:
                marker.mark_selected(key in selected)
        self._marked = selected

    def selected_keys(self) -> list[str]:
        return [item.key for item in self.selectedItems() if isinstance(item, Marker)]

    def _on_selection(self) -> None:
        if self._quiet:
            return
        self._mark_selection()
        self.selection_made.emit(self.selected_keys())

    def marker_dropped(self, marker: Marker) -> None:
        # Qt drags every selected marker along; only the one held is moved, the rest go back.
        for other in self.selectedItems():
            if other is not marker and isinstance(other, Marker):
                self._layout((other.stakeholder.interest, other.stakeholder.influence))
        interest, influence = grid_point(marker.pos())
        s = marker.stakeholder
        if self.read_only or (interest, influence) == (s.interest, s.influence):
            self._layout((s.interest, s.influence))  # back to its place
            return
        self.move_requested.emit(marker.key, influence, interest)

    def nudge(self, d_interest: int, d_influence: int) -> None:
        """Move the one selected marker a grid step (the arrow keys)."""
        keys = self.selected_keys()
        if not keys and self.markers:  # nothing chosen yet: the first arrow picks somebody
            next(iter(self.markers.values())).setSelected(True)
            return
        if self.read_only or len(keys) != 1:
            return
        s = self.markers[keys[0]].stakeholder
        interest = min(5, max(1, s.interest + d_interest))
        influence = min(5, max(1, s.influence + d_influence))
        if (interest, influence) != (s.interest, s.influence):
            self.move_requested.emit(s.key, influence, interest)

    # -------------------------------------------------------------- drawing

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, self.palette().base())
        text = self.palette().text().color()
        shade = self.palette().alternateBase().color()
        half = 5 * STEP / 2
        for top in (False, True):
            for right in (False, True):
                if top == right:  # "work with closely" and "keep an eye on" shaded, as in the PDF
                    painter.fillRect(QRectF(LEFT + (half if right else 0), TOP + (0 if top else half), half, half), shade)
        grid = QRectF(LEFT, TOP, 5 * STEP, 5 * STEP)
        painter.setPen(QPen(text, 0.5, Qt.PenStyle.DotLine))
        for i in range(1, 5):
            painter.drawLine(QPointF(LEFT + i * STEP, TOP), QPointF(LEFT + i * STEP, TOP + 5 * STEP))
            painter.drawLine(QPointF(LEFT, TOP + i * STEP), QPointF(LEFT + 5 * STEP, TOP + i * STEP))
        painter.setPen(QPen(text, 1.5))
        painter.drawRect(grid)
        for kind, box, flags, words in self.texts():
            painter.setFont(self._italic() if kind == "quadrant" else self.label_font)
            painter.setPen(self.palette().placeholderText().color() if kind == "quadrant" else text)
            if kind == "y-title":  # written upwards, centred in its (upright) box
                painter.save()
                painter.translate(box.center())
                painter.rotate(-90)
                painter.drawText(QRectF(-box.height() / 2, -box.width() / 2, box.height(), box.width()), flags, words)
                painter.restore()
            else:
                painter.drawText(box, flags, words)

    def _italic(self) -> QFont:
        font = QFont(self.label_font)
        font.setItalic(True)
        return font

    def texts(self) -> list[tuple[str, QRectF, Qt.AlignmentFlag, str]]:
        """What the map writes round its grid: (kind, box in the scene, alignment, text).

        Kinds: "quadrant" names in the grid's corners, "x-tick" and "y-tick" scores, and the
        "x-title" and "y-title" (the latter's box is where it runs upwards). The boxes come
        from the names' text size, so the titles stay clear of the ticks at any size.
        """
        u = self.label_font.pixelSize()
        italic = QFontMetricsF(self._italic())
        line = italic.height() / STEP
        centre = Qt.AlignmentFlag.AlignCenter
        found = []
        for (top, right), name in pl.QUADRANTS:
            x, _, _ = pl.quadrant_anchor(top, right, line)
            corner = to_scene(x, 5 - pl.PAD if top else pl.PAD + line)
            width = 2.5 * STEP - 2 * pl.PAD * STEP
            words = italic.elidedText(self.tr(name), Qt.TextElideMode.ElideRight, width)
            box = QRectF(corner.x() - (width if right else 0), corner.y(), width, line * STEP)
            found.append(("quadrant", box, Qt.AlignmentFlag.AlignVCenter
                          | (Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft), words))
        for i in range(1, 6):
            found.append(("x-tick", QRectF(LEFT + (i - 1) * STEP, TOP + 5 * STEP + 0.15 * u, STEP, 1.2 * u),
                          centre, str(i)))
            found.append(("y-tick", QRectF(LEFT - 1.4 * u, TOP + (5 - i) * STEP, 1.1 * u, STEP),
                          Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, str(i)))
        found.append(("x-title", QRectF(LEFT, TOP + 5 * STEP + 1.6 * u, 5 * STEP, 1.4 * u), centre,
                      self.tr("Interest in the service →")))
        found.append(("y-title", QRectF(LEFT - 2.9 * u, TOP, 1.4 * u, 5 * STEP), centre,
                      self.tr("Influence over it →")))
        return found


def _scene_box(box: pl.Box) -> QRectF:
    """A layout box (squares, y up) as a scene rectangle (y down)."""
    top_left = to_scene(box.x, box.top)
    return QRectF(top_left.x(), top_left.y(), box.w * STEP, box.h * STEP)
