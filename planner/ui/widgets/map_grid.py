"""The power/interest map's grid, as its scene draws it behind the markers: quadrants, ticks, titles."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen

from planner.core import power_layout as pl
from planner.core.scale import SCALE
from planner.ui.widgets.map_marker import LEFT, STEP, TOP, to_scene


class GridDrawing:
    """For the map's scene (a QGraphicsScene with a ``label_font``): the grid and its words."""

    label_font: QFont

    def frame(self) -> QRectF:
        """The grid with room for the ticks and the axis titles at the names' text size."""
        u = self.label_font.pixelSize()
        return QRectF(LEFT - 2.9 * u, TOP - 0.3 * u, 5 * STEP + 3.2 * u, 5 * STEP + 3.3 * u)

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
        for i in SCALE:
            found.append(("x-tick", QRectF(LEFT + (i - 1) * STEP, TOP + 5 * STEP + 0.15 * u, STEP, 1.2 * u),
                          centre, str(i)))
            found.append(("y-tick", QRectF(LEFT - 1.4 * u, TOP + (5 - i) * STEP, 1.1 * u, STEP),
                          Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, str(i)))
        found.append(("x-title", QRectF(LEFT, TOP + 5 * STEP + 1.6 * u, 5 * STEP, 1.4 * u), centre,
                      self.tr("Interest in the service →")))
        found.append(("y-title", QRectF(LEFT - 2.9 * u, TOP, 1.4 * u, 5 * STEP), centre,
                      self.tr("Influence over it →")))
        return found
