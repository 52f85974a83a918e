"""Table 1 drawn as a 3x3 grid of cells the officer can choose with mouse or keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from planner.core.matrix import (
    CELL_EXAMPLES, DELIVERY_HEADINGS, FIGURE_1_ONLY, NA_CELL, PLANNING_HEADINGS, Cell, Delivery, Planning,
)

_STYLE = """
CellTile { border: 1px solid palette(mid); border-radius: 4px; background: palette(base); }
CellTile[described="true"] { border: 2px dotted palette(text); }
CellTile[today="true"] { border: 2px dashed palette(text); }
CellTile[target="true"] { border: 4px solid palette(highlight); }
CellTile:disabled { background: palette(window); border: 2px dashed palette(mid); }
CellTile:disabled QLabel { color: palette(window-text); }
"""


class CellTile(QFrame):
    """One cell: its name from Table 1, the article's example and what the plan says of it."""

    chosen = Signal(object)  # the Cell
    focused = Signal(object)
    move_requested = Signal(object, int, int)  # (cell, delta row, delta column)

    def __init__(self, cell: Cell, parent: QWidget | None = None):
        super().__init__(parent)
        self.cell = cell
        self.setObjectName(f"cell_{cell.planning.value}_{cell.delivery.value}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 9, 12, 9)  # room for the focus ring inside the border
        layout.setSpacing(4)
        self.name_label = QLabel(self)
        self.name_label.setWordWrap(True)
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.example_label = QLabel(self)
        self.example_label.setWordWrap(True)
        self.tags_label = QLabel(self)
        self.tags_label.setWordWrap(True)
        self.tags_label.setObjectName("tags")
        for child in (self.name_label, self.example_label, self.tags_label):
            child.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(child)
        layout.addStretch(1)
        if cell.is_available:
            self.name_label.setText(cell.name)
            example = CELL_EXAMPLES.get(cell)
            shown = self.tr("Example: %s") % example if example else ""
            if cell in FIGURE_1_ONLY:  # Table 1 leaves this cell without an example
                shown = self.tr("Case study (Figure 1): %s") % example
            self.example_label.setText(shown)
            self.example_label.setVisible(bool(example))
        else:
            self.name_label.setText(self.tr("N/A"))
            why = self.tr(
                "Table 1 prints only \u201cN/A\u201d here, so no plan can choose this cell. Our "
                "reading: a service users or the community alone plan cannot have professionals "
                "as its sole deliverers.")
            self.example_label.setText(why)
            self.setToolTip(why)
            self.setEnabled(False)
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.set_marks(target=False, today=False, described=False)

    def set_marks(self, target: bool, today: bool, described: bool) -> None:
        """Show in words (and by the border's pattern) what this cell is for the plan."""
        tags = []
        if target:
            tags.append(self.tr("◎ Target: where you want to get to"))
        if today:
            tags.append(self.tr("● Today: where the service is now"))
        if described:
            tags.append(self.tr("◇ Where your stakeholders' roles put it"))
        self.tags_label.setText("\n".join(tags))
        self.tags_label.setVisible(bool(tags))
        for name, value in (("target", target), ("today", today), ("described", described)):
            self.setProperty(name, value)
        self.style().unpolish(self)
        self.style().polish(self)
        status = "; ".join(tags) if tags else self.tr("not chosen")
        if self.cell.is_available:
            self.setAccessibleName(self.tr("Cell: %s") % self.cell.name)
            self.setAccessibleDescription(
                self.tr("%s. Press Space or Enter to make it the target.") % status)
        else:
            self.setAccessibleName(self.tr("N/A cell, not available"))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled():
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self.chosen.emit(self.cell)
            event.accept()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        moves = {Qt.Key.Key_Up: (-1, 0), Qt.Key.Key_Down: (1, 0),
                 Qt.Key.Key_Left: (0, -1), Qt.Key.Key_Right: (0, 1)}
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.chosen.emit(self.cell)
        elif key in moves:
            self.move_requested.emit(self.cell, *moves[key])
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit(self.cell)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.hasFocus():
            # The keyboard focus: a dotted ring inside the border in the text colour, so it
            # shows in every style and does not rely on colour (some styles draw no focus ring).
            painter = QPainter(self)
            pen = QPen(self.palette().color(QPalette.ColorRole.WindowText), 2, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawRoundedRect(self.rect().adjusted(7, 7, -8, -8), 3, 3)
            painter.end()


class MatrixGrid(QWidget):
    """Table 1 with the article's headings: planning across the top, delivery down the side."""

    cell_chosen = Signal(object)
    cell_focused = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        grid = QGridLayout(self)
        grid.setSpacing(5)
        plans = QLabel(self.tr("Who plans the service →"), self)
        delivers = QLabel(self.tr("Who delivers it ↓"), self)
        for caption in (plans, delivers):
            font = caption.font()
            font.setBold(True)
            caption.setFont(font)
        grid.addWidget(plans, 0, 1, 1, 3)
        grid.addWidget(delivers, 1, 0)
        self.tiles: dict[Cell, CellTile] = {}
        for column, planning in enumerate(Planning, start=1):
            heading = QLabel(PLANNING_HEADINGS[planning], self)
            heading.setWordWrap(True)
            heading.setAlignment(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(heading, 1, column)
            grid.setColumnStretch(column, 3)
        grid.setColumnStretch(0, 2)
        for row, delivery in enumerate(Delivery, start=2):
            heading = QLabel(DELIVERY_HEADINGS[delivery], self)
            heading.setWordWrap(True)
            heading.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(heading, row, 0)
            for column, planning in enumerate(Planning, start=1):
                tile = CellTile(Cell(planning, delivery), self)
                tile.chosen.connect(self.cell_chosen)
                tile.focused.connect(self.cell_focused)
                tile.move_requested.connect(self._move)
                self.tiles[tile.cell] = tile
                grid.addWidget(tile, row, column)
        # Tab order follows Table 1 row by row, as a reader would.
        order = [self.tiles[Cell(p, d)] for d in Delivery for p in Planning if Cell(p, d) != NA_CELL]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)

    def _move(self, cell: Cell, d_row: int, d_column: int) -> None:
        rows, columns = list(Delivery), list(Planning)
        row, column = rows.index(cell.delivery), columns.index(cell.planning)
        while True:
            row, column = row + d_row, column + d_column
            if not (0 <= row < 3 and 0 <= column < 3):
                return
            neighbour = Cell(columns[column], rows[row])
            if neighbour.is_available:  # step over the N/A cell
                self.tiles[neighbour].setFocus(Qt.FocusReason.TabFocusReason)
                return

    def set_marks(self, target: Cell | None, today: Cell | None, described: Cell | None) -> None:
        """Mark the target, today's cell and the cell the roles describe."""
        for cell, tile in self.tiles.items():
            tile.set_marks(cell == target, cell == today, cell == described)
