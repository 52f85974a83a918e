"""A small table of what a stakeholder brings: kind, amount, unit, note; rows added and removed."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from planner.core.limits import amount_problem
from planner.core.model import Contribution, ContributionKind, label
from planner.ui.widgets.fields import enum_combo, set_combo


class ContributionsEditor(QWidget):
    """Emits ``changed(list[Contribution])`` with the whole new list after each edit."""

    changed = Signal(list)
    refused = Signal(str)  # a typed amount that cannot be kept, with why

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[Contribution] = []
        self._filling = False
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Amount"), self.tr("Unit"), self.tr("Note")])
        self.table.setAccessibleName(self.tr("Contributions"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        # Rows as tall as the Kind combo box, the note taking what width is left, and room for
        # three rows before the table scrolls.
        hint = enum_combo(ContributionKind, None).sizeHint()  # measured, never shown
        row = max(hint.height(), self.fontMetrics().lineSpacing() + 8) + 2
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(row)
        rows.setDefaultSectionSize(row)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().averageCharWidth()
        header.resizeSection(0, hint.width() + 4)
        header.resizeSection(1, max(header.sectionSizeFromContents(1).width(), 8 * em))
        header.resizeSection(2, max(header.sectionSizeFromContents(2).width(), 10 * em))
        frame = 2 * self.table.frameWidth()
        head = header.sizeHint().height()
        self.table.setMinimumHeight(head + 3 * row + frame)
        self.table.setMaximumHeight(head + 5 * row + frame)
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = QPushButton(self.tr("Add contribution"), self)
        self.remove_button = QPushButton(self.tr("Remove contribution"), self)
        self.add_button.setAccessibleName(self.tr("Add a contribution"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected contribution"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_contributions(self, items: list[Contribution]) -> None:
        """Show these contributions; rows already there are updated in place.

        An edit in the table comes back here through the plan: replacing the cell's item and
        combo box under the officer's hands would drop their place in the table.
        """
        self._items = [replace(c) for c in items]
        self._filling = True
        try:
            if self.table.rowCount() != len(items):
                self.table.setRowCount(len(items))
            for row, c in enumerate(items):
                combo = self.table.cellWidget(row, 0)
                if combo is None:
                    combo = enum_combo(ContributionKind, self.table)
                    combo.setAccessibleName(self.tr("Kind of contribution {0}").format(row + 1))
                    combo.activated.connect(lambda _i, r=row, box=combo: self._kind_changed(r, box.current()))
                    self.table.setCellWidget(row, 0, combo)
                set_combo(combo, c.kind)
                amount = "" if c.amount is None else f"{c.amount:g}"
                for column, text in ((1, amount), (2, c.unit), (3, c.note)):
                    item = self.table.item(row, column)
                    if item is None:
                        item = QTableWidgetItem(text)
                        self.table.setItem(row, column, item)
                    elif item.text() != text:
                        item.setText(text)
                    if column == 3 and item.toolTip() != text:
                        item.setToolTip(text)  # the whole note, however narrow its column
        finally:
            self._filling = False

    def contributions(self) -> list[Contribution]:
        return [replace(c) for c in self._items]

    def _kind_changed(self, row: int, kind: ContributionKind) -> None:
        items = self.contributions()
        items[row].kind = kind
        self.changed.emit(items)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        items = self.contributions()
        c = items[item.row()]
        text = item.text().strip()
        if item.column() == 1:
            try:
                amount = float(text.replace(",", "")) if text else None
                problem = amount_problem(amount)
            except ValueError:
                problem = "must be a number of zero or more"
            if problem:
                self.set_contributions(self._items)  # refuse the text, show the old amount
                self.refused.emit(self.tr("The amount “{0}” was not kept: an amount {1}.").format(
                    text[:40] + ("…" if len(text) > 40 else ""), self.tr(problem)))
                return
            if amount is not None and amount == int(amount):
                amount = int(amount)
            if amount == c.amount:
                self.set_contributions(self._items)
                return
            c.amount = amount
        elif item.column() == 2:
            c.unit = item.text()
        else:
            c.note = item.text()
        self.changed.emit(items)

    def add_row(self) -> None:
        self.changed.emit(self.contributions() + [Contribution()])

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._items):
            items = self.contributions()
            del items[row]
            self.changed.emit(items)


__all__ = ["ContributionsEditor", "label"]
