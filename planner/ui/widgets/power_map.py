"""The power/interest map's scene: each stakeholder a marker by interest (across) and influence (up).

Markers (see map_marker) at one grid point spread over its square. Dragging a marker, or moving it with the arrow keys, asks for a move; the map itself only
redraws when the plan says the stakeholder changed.
"""

from __future__ import annotations

import math
from collections import Counter

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSimpleTextItem

from planner.core.model import Stakeholder
from planner.ui.widgets.map_marker import LABELLED_GROUP, LEFT, STEP, TOP, Marker, grid_centre, grid_point


def _marker_size(n: int) -> float:
    """The markers' size where ``n`` share a grid point: full in a short column, else to fit the grid."""
    if n <= LABELLED_GROUP:
        return 16.0
    return max(2.0, min(16.0, STEP * 0.72 / math.ceil(math.sqrt(n)) * 0.8))


class PowerMapScene(QGraphicsScene):
    """Markers by key and the groups that share each grid point."""

    move_requested = Signal(str, int, int)  # key, influence, interest
    selection_made = Signal(list)  # keys selected on the map by the officer

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSceneRect(QRectF(0, 0, LEFT + 5 * STEP + 12, TOP + 5 * STEP + 46))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # markers move often
        self.markers: dict[str, Marker] = {}
        self.groups: dict[tuple[int, int], list[str]] = {}
        self.read_only = False
        self.label_font = QFont()
        self.names_fit = True
        self.name_selected = True  # off when so many are selected that their names would be a blur
        self._quiet = False
        self._marked: set[str] = set()
        self.captions: dict[tuple[int, int], QGraphicsSimpleTextItem] = {}
        self.selectionChanged.connect(self._on_selection)

    # -------------------------------------------------------------- contents

    def set_stakeholders(self, stakeholders: list[Stakeholder]) -> None:
        self._quiet = True
        for marker in self.markers.values():
            self.removeItem(marker)
        for caption in self.captions.values():
            self.removeItem(caption)
        self.markers, self.groups, self._marked, self.captions = {}, {}, set(), {}
        # Each point's crowd is counted first, so a marker is made at the size _layout gives it
        # (made at one size and laid out at another, every outline was built twice).
        crowds = Counter((s.interest, s.influence) for s in stakeholders)
        sizes = {point: _marker_size(n) for point, n in crowds.items()}
        for s in stakeholders:
            self._add(s, sizes[(s.interest, s.influence)])
        for point in self.groups:
            self._layout(point)
        self._quiet = False

    def _add(self, s: Stakeholder, size: float = 16.0) -> None:
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
        for point in touched:
            self._layout(point)
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
        for point in touched:
            self._layout(point)
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

    def _layout(self, point: tuple[int, int]) -> None:
        """Spread the markers sharing a grid point over its square so none hides another."""
        keys = self.groups.get(point, [])
        centre = grid_centre(*point)
        n = len(keys)
        self._count_caption(point, n)
        if n == 0:
            return
        size = _marker_size(n)
        if n <= LABELLED_GROUP:  # one column on the left, names to the right
            gap = STEP * 0.8 / n
            for i, key in enumerate(keys):
                m = self.markers[key]
                m.set_size(size)
                m.show_label = True
                m.setPos(centre.x() - STEP * 0.42, centre.y() - STEP * 0.4 + gap * (i + 0.5))
                m.update_label(self.label_font)
            return
        # A grid filling the square above the caption, as many columns as rows.
        columns = math.ceil(math.sqrt(n))
        pitch = STEP * 0.72 / columns
        for i, key in enumerate(keys):
            m = self.markers[key]
            m.set_size(size)
            m.show_label = False
            row, col = divmod(i, columns)
            pos = QPointF(centre.x() - STEP * 0.36 + pitch * (col + 0.5), centre.y() - STEP * 0.45 + pitch * (row + 0.5))
            if m.pos() != pos:
                m.setPos(pos)
            m.update_label(self.label_font)

    def _count_caption(self, point: tuple[int, int], n: int) -> None:
        """Under a crowded point, how many share it (the markers alone are too small to count)."""
        caption = self.captions.get(point)
        if n <= LABELLED_GROUP:
            if caption is not None:
                caption.setVisible(False)
            return
        if caption is None:
            caption = self.captions[point] = QGraphicsSimpleTextItem()
            caption.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            caption.setBrush(self.palette().text())
            self.addItem(caption)
        caption.setFont(self.label_font)
        caption.setText(self.tr("{0} here").format(n))
        caption.setVisible(True)
        box = caption.boundingRect()
        centre = grid_centre(*point)
        caption.setPos(centre.x() - box.width() / 2, centre.y() + STEP * 0.49 - box.height())

    def set_text_size(self, wanted: float, scale: float) -> None:
        """Size the names for the screen: ``wanted`` scene units would match the officer's font.

        Names must fit their square; when the map is drawn so small that fitting names would be
        unreadable (under 9 pixels), only the selected stakeholders are named, at full size.
        """
        fitting = STEP * 0.15
        self.names_fit = wanted <= fitting or fitting * scale >= 9
        size = max(6.0, min(wanted, fitting) if self.names_fit else wanted)
        if abs(size - self.label_font.pixelSize()) < 0.5:
            for marker in self.markers.values():
                if marker.label is not None:
                    marker.update_label(self.label_font)
            return
        self.label_font = QFont(self.label_font)
        self.label_font.setPixelSize(round(size))
        for marker in self.markers.values():
            if marker.label is not None:
                marker.update_label(self.label_font)
        for point, keys in self.groups.items():
            self._count_caption(point, len(keys))
        self.update()

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
        was, self.name_selected = self.name_selected, len(selected) <= 25
        for key in (self._marked | selected) if was != self.name_selected else (self._marked ^ selected):
            marker = self.markers.get(key)
            if marker is not None:
                marker.mark_selected(key in selected)
                marker.update_label(self.label_font)
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
        grid = QRectF(LEFT, TOP, 5 * STEP, 5 * STEP)
        painter.setPen(QPen(text, 0.5, Qt.PenStyle.DotLine))
        for i in range(1, 5):
            painter.drawLine(QPointF(LEFT + i * STEP, TOP), QPointF(LEFT + i * STEP, TOP + 5 * STEP))
            painter.drawLine(QPointF(LEFT, TOP + i * STEP), QPointF(LEFT + 5 * STEP, TOP + i * STEP))
        painter.setPen(QPen(text, 1.5))
        painter.drawRect(grid)
        font = QFont(self.label_font)
        painter.setFont(font)
        for i in range(1, 6):
            painter.drawText(QRectF(LEFT + (i - 1) * STEP, TOP + 5 * STEP + 2, STEP, 20),
                             Qt.AlignmentFlag.AlignCenter, str(i))
            painter.drawText(QRectF(LEFT - 24, TOP + (5 - i) * STEP, 20, STEP),
                             Qt.AlignmentFlag.AlignCenter, str(i))
        painter.drawText(QRectF(LEFT, TOP + 5 * STEP + 22, 5 * STEP, 24), Qt.AlignmentFlag.AlignCenter,
                         self.tr("Interest in the service →"))
        painter.save()
        painter.translate(LEFT - 34, TOP + 5 * STEP / 2)
        painter.rotate(-90)
        painter.drawText(QRectF(-2.5 * STEP, -12, 5 * STEP, 24), Qt.AlignmentFlag.AlignCenter,
                         self.tr("Influence over it →"))
        painter.restore()
