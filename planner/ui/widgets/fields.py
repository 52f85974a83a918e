"""Small field widgets shared by the forms: enum combos, text that commits when left, focus hints."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QWidget

from planner.core.model import label


class CommitTextEdit(QPlainTextEdit):
    """Multi-line text that reports one edit when the officer leaves it, not one per key."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None, lines: int = 3):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._shown = ""
        line = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(int(line * min(lines, 2) + 12))
        self.setMaximumHeight(int(line * lines + 16))

    def set_text(self, text: str) -> None:
        self._shown = text
        if self.toPlainText() != text:
            self.setPlainText(text)

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        self.commit()

    def commit(self) -> None:
        text = self.toPlainText()
        if text != self._shown:
            self._shown = text
            self.committed.emit(text)


def enum_combo(enum: type[Enum], parent: QWidget, none_text: str | None = None) -> QComboBox:
    """A combo of an enum's values in plain words (item data = the value, or None first)."""
    combo = QComboBox(parent)
    if none_text is not None:
        combo.addItem(none_text, None)
    for value in enum:
        combo.addItem(label(value), value)
    return combo


def set_combo(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(0, index))


class FocusWatcher(QObject):
    """Calls ``callback(widget)`` when a watched widget gains focus (to show guidance)."""

    def __init__(self, callback, parent: QObject | None = None):
        super().__init__(parent)
        self.callback = callback

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.FocusIn:
            self.callback(watched)
        return False
