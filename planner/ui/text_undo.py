"""Ctrl+Z in a text box undoes the typing not yet saved, and only that; then it is the plan's Undo.

Every field saves when it is left (or on Enter in a one-line field), and each save is one step
of the plan's undo stack. A text box keeps its own undo history too, which without care reached
back past the saved value: Ctrl+Z emptied a field that held saved text, and leaving it saved the
empty text. As in Word or LibreOffice, Ctrl+Z now undoes the typing since the field was entered
(or since Enter saved it); once there is none left, Ctrl+Z (and Ctrl+Y) go to the plan's undo.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

_GUARDED = "text_undo_guarded"  # a property: its Enter is already wired


def forget_history(widget: QWidget) -> None:
    """Drop a text box's own undo history, keeping its text, cursor and selection."""
    if isinstance(widget, QLineEdit):
        if not widget.isUndoAvailable() and not widget.isRedoAvailable():
            return
        cursor, start, length = widget.cursorPosition(), widget.selectionStart(), len(widget.selectedText())
        blocked = widget.blockSignals(True)  # the text is the same: nobody needs to hear of it
        widget.setText(widget.text())  # QLineEdit's only way to clear its undo history
        widget.blockSignals(blocked)
        if start >= 0 and length:
            if cursor == start:  # the selection was made leftwards: keep the cursor at its start
                widget.setSelection(start + length, -length)
            else:
                widget.setSelection(start, length)
        else:
            widget.setCursorPosition(cursor)
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        widget.document().clearUndoRedoStacks()


def _own_history(widget: QObject, undo: bool) -> bool | None:
    """Whether an editable text box can undo (or redo) typing itself; None if it is not one."""
    if isinstance(widget, QLineEdit):
        if widget.isReadOnly():
            return None
        return widget.isUndoAvailable() if undo else widget.isRedoAvailable()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        if widget.isReadOnly():
            return None
        document = widget.document()
        return document.isUndoAvailable() if undo else document.isRedoAvailable()
    return None


class TextUndoGuard(QObject):
    """Installed on the application: keeps every text box's undo to its unsaved typing."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn and _own_history(watched, True) is not None:
            forget_history(watched)  # what it shows now is what is saved
            if isinstance(watched, QLineEdit) and not watched.property(_GUARDED):
                # Enter saves a one-line field; after that, its typing is the plan's to undo.
                watched.setProperty(_GUARDED, True)
                watched.returnPressed.connect(partial(forget_history, watched))
        elif kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            for key, undo in ((QKeySequence.StandardKey.Undo, True), (QKeySequence.StandardKey.Redo, False)):
                if event.matches(key):
                    own = _own_history(watched, undo)
                    if own is False:
                        event.ignore()
                        return True  # nothing of its own to undo: the plan's Undo takes the key
                    return False
        return False

