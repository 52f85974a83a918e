"""Field widgets the record's forms share: an optional date, a checkable list of keys."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QListWidget, QListWidgetItem, QSizePolicy, QWidget

from planner.ui.words import long_date_field


class OptionalDate(QWidget):
    """A date with a "No date" tick; ``changed(value)`` gives ``YYYY-MM-DD`` or None."""

    changed = Signal(object)

    def __init__(self, none_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        long_date_field(self.edit)
        self.none = QCheckBox(none_text, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.none)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.edit.editingFinished.connect(self._emit)
        self.edit.calendarWidget().clicked.connect(lambda _d: self._emit())
        self.none.toggled.connect(lambda _c: self._emit())

    def value(self) -> str | None:
        return None if self.none.isChecked() else self.edit.date().toString(Qt.DateFormat.ISODate)

    def set_value(self, value: str | None) -> None:
        self.blockSignals(True)
        self.edit.blockSignals(True)
        self.none.blockSignals(True)
        date = QDate.fromString(value or "", Qt.DateFormat.ISODate)
        self.none.setChecked(not date.isValid())
        self.edit.setDate(date if date.isValid() else QDate.currentDate())
        self.edit.setEnabled(date.isValid())
        self.none.blockSignals(False)
        self.edit.blockSignals(False)
        self.blockSignals(False)

    def _emit(self) -> None:
        self.edit.setEnabled(not self.none.isChecked())
        self.changed.emit(self.value())


class KeyChecklist(QListWidget):
    """Items to tick by key (who took part, risks touched); ``ticked(keys)`` after each change."""

    ticked = Signal(list)

    def __init__(self, parent: QWidget | None = None, lines: int = 4):
        super().__init__(parent)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * lines)
        self.itemChanged.connect(lambda _i: self.ticked.emit(self.keys()))

    def set_items(self, items: list[tuple[str, str]], checked: list[str]) -> None:
        self.blockSignals(True)
        self.clear()
        for key, text in items:
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def keys(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]
