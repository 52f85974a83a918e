"""The power/interest map as a widget: the view that keeps the grid in sight, and its legend."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QFrame, QGraphicsView, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

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
        self.crowded = QLabel(self)
        self.crowded.setObjectName("map_crowded")
        self.crowded.setTextFormat(Qt.TextFormat.PlainText)
        self.crowded.setWordWrap(True)
        self.crowded.setAccessibleName(self.tr("Stakeholders in crowded squares"))
        self.crowded.setContentsMargins(0, 0, 4, 0)
        # The list scrolls rather than grows: taking height from the map would crowd it more.
        self.crowded_box = QScrollArea(self)
        self.crowded_box.setWidget(self.crowded)
        self.crowded_box.setWidgetResizable(True)
        self.crowded_box.setFrameShape(QFrame.Shape.NoFrame)
        self.crowded_box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.crowded_box.setVisible(False)
        self.view.setMinimumSize(240, 240)
        self.scene.crowds_changed.connect(self._show_crowds)
        side = QVBoxLayout()
        side.addWidget(self.legend)
        side.addWidget(self.crowded_box, 1)
        side.addStretch(0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 3)
        layout.addLayout(side, 1)

    def _show_crowds(self) -> None:
        """Name beside the map the people of each square too crowded to name them in."""
        text = self.scene.crowded_text()
        self.crowded.setText(self.tr("Too many to name in their square:") + "\n" + text if text else "")
        self.crowded.setToolTip(text)
        self.crowded_box.setVisible(bool(text))
