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
        if self.toPlainText() != text:
            self.setPlainText(text)
        # As the box gives the text back (a no-break space comes back as a space), so leaving
        # an untouched box never rewrites what is saved.
        self._shown = self.toPlainText()

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        self.commit()

    def commit(self) -> None:
        text = self.toPlainText()
        if text != self._shown:
            self._shown = text
            self.committed.emit(text)


class EnumCombo(QComboBox):
    """A combo of an enum's values in plain words; ``current()`` gives the member (or None)."""

    def __init__(self, enum: type[Enum], parent: QWidget, none_text: str | None = None):
        super().__init__(parent)
        self.enum = enum
        if none_text is not None:
            self.addItem(none_text, None)
        for value in enum:
            # Qt turns str-based enum members into plain strings, so store the value itself.
            self.addItem(label(value), value.value)

    def current(self):
        data = self.currentData()
        return None if data is None else self.enum(data)


def enum_combo(enum: type[Enum], parent: QWidget, none_text: str | None = None) -> EnumCombo:
    return EnumCombo(enum, parent, none_text)


def set_combo(combo: QComboBox, value) -> None:
    """Show ``value`` (an enum member, a key or None) as the current item."""
    index = combo.findData(value.value if isinstance(value, Enum) else value)
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
