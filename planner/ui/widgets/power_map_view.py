"""The power/interest map as a widget: the view that keeps the grid in sight, and its legend."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QPainter, QPalette, QPen, QTextCursor
from PySide6.QtWidgets import (
    QApplication, QFrame, QGraphicsView, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget,
)

from planner.core.model import label
from planner.ui.widgets.map_marker import SIDE_STYLE, STEP
from planner.ui.widgets.power_map import PowerMapScene


class PowerMapView(QGraphicsView):
    """The map's view: keeps the whole grid in sight and moves a selected marker with the arrows."""

    def __init__(self, scene: PowerMapScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        # One Tab stop for the map, not two; clicks on the map focus the view so arrows work at
        # once. In this order: a focus policy set on the viewport would pass to its proxy.
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setFocusProxy(self)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self._banding = self._add = False
        self.rubberBandChanged.connect(self._band)

    def _band(self, rect, from_scene, to_scene) -> None:
        """The rubber band selects the markers it touches; the list follows when it is let go."""
        if rect.isNull():
            if self._banding:
                self._banding = False
                self.scene().band_finished()
            return
        if not self._banding:
            self._banding = True
            self._add = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier)
            self.scene().band_started(self._add)
        self.scene().select_in(QRectF(from_scene, to_scene).normalized(), self._add)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event):
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Fill the view with the grid and write on it at the officer's own font size.

        The text size follows their scaling setting, not the map's size: a small map names
        fewer people per square and counts the rest, rather than shrinking names out of reach.
        """
        px = max(9.0, self.fontInfo().pixelSize() * 0.9)
        width, height = self.viewport().width(), self.viewport().height()
        grid = max(40.0, min(width - 3.2 * px, height - 3.3 * px) - 2)  # the frame's margins at px
        scale = grid / (5 * STEP)
        self.scene().set_text_size(px / scale)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def keyPressEvent(self, event):
        moves = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                 Qt.Key.Key_Up: (0, 1), Qt.Key.Key_Down: (0, -1)}
        move = moves.get(Qt.Key(event.key()))
        if move is not None:
            self.scene().nudge(*move)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event):
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect) -> None:
        """A focus frame, so keyboard users see that the arrows will move the selected marker."""
        if self.hasFocus():
            pen = QPen(self.palette().highlight().color(), 2 / (self.transform().m11() or 1), Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.sceneRect().adjusted(2, 2, -2, -2))


class PowerMap(QWidget):
    """The map with its legend underneath."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scene = PowerMapScene(self)
        self.view = PowerMapView(self.scene, self)
        self.view.setAccessibleName(self.tr("Power and interest map"))
        self.view.setAccessibleDescription(self.tr(
            "Each stakeholder is a marker: across is interest, up is influence. Select one in the "
            "list, then use the arrow keys here to move it."))
        parts = [f'<span style="color:{colour}">{char}</span>&nbsp;{self.tr(label(side))}'
                 for side, (_, colour, char) in SIDE_STYLE.items()]
        self.legend = QLabel(self.tr("Shapes show the side:") + "<br>" + "<br>".join(parts), self)
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(self.tr("Map legend"))
        self.crowded_heading = QLabel(self.tr("Too many to name in their square:"), self)
        self.crowded_heading.setWordWrap(True)
        # A plain-text box lays out only the lines in sight: a huge plan's crowded squares list
        # 20,000 names, and an edit rewrites just the lines of the squares it changed.
        self.crowded = QPlainTextEdit(self)
        self.crowded.setObjectName("map_crowded")
        self.crowded.setReadOnly(True)
        self.crowded.setUndoRedoEnabled(False)
        self.crowded.setTabChangesFocus(True)
        self.crowded.setFrameShape(QFrame.Shape.NoFrame)
        self.crowded.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.crowded.document().setDocumentMargin(0)
        self.crowded.viewport().setAutoFillBackground(False)  # reads as text beside the map, not a field
        palette = self.crowded.palette()
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
        self.crowded.setPalette(palette)
        self.crowded.setAccessibleName(self.tr("Stakeholders in crowded squares"))
        self.crowded_heading.setBuddy(self.crowded)
        self._listed: list[tuple[int, int]] = []  # the crowded points, one line each, in order
        self._unlisted: set[tuple[int, int]] = set()  # points whose line changed while the map was hidden
        self.crowded_heading.setVisible(False)
        self.crowded.setVisible(False)
        self.view.setMinimumSize(240, 240)
        self.scene.crowds_changed.connect(self._show_crowds)
        side = QVBoxLayout()
        side.addWidget(self.legend)
        side.addWidget(self.crowded_heading)
        side.addWidget(self.crowded, 1)
        side.addStretch(0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 3)
        layout.addLayout(side, 1)

    def _show_crowds(self, points: list[tuple[int, int]]) -> None:
        """Name beside the map the people of each square too crowded to name them in.

        Only the lines of ``points`` are rewritten when the crowded squares stay the same ones,
        and only when the map is in sight (edits in the form, on the other tab, wait for it).
        """
        self._unlisted.update(points)
        if self.isVisible():
            self._list_crowds()

    def showEvent(self, event):
        super().showEvent(event)
        # After the map's first paint: on a huge plan, listing 20,000 names in the same turn as
        # drawing the map held the app up for two short jobs' worth at once.
        QTimer.singleShot(0, self._list_crowds)

    def _list_crowds(self) -> None:
        scene, order = self.scene, self.scene.crowded_points()
        points, self._unlisted = self._unlisted, set()
        if order != self._listed:
            self._listed = order
            self.crowded.setPlainText(scene.crowded_text())
        elif points:
            document = self.crowded.document()
            cursor = QTextCursor(document)
            cursor.beginEditBlock()
            for point in points:
                if point in scene.crowd_lines:
                    block = document.findBlockByNumber(order.index(point))
                    cursor.setPosition(block.position())
                    cursor.setPosition(block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor)
                    cursor.insertText(scene.crowd_lines[point])
            cursor.endEditBlock()
        self.crowded_heading.setVisible(bool(order))
        self.crowded.setVisible(bool(order))
