"""Text inputs that commit once per edit (on Enter or leaving the field), as undo expects."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class CommitPlainTextEdit(QPlainTextEdit):
    """A multi-line box that emits ``editingFinished`` when it loses focus after a change.

    QPlainTextEdit has no such signal; committing every keystroke would flood the undo stack.
    """

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._committed = ""
        self._shown = ""  # the saved text as the box gives it back (see set_committed_text)
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field of the form

    def set_committed_text(self, text: str) -> None:
        """Show text that is already saved (no signal)."""
        self._committed = text
        if self.toPlainText() != text:
            self.setPlainText(text)
        # Qt gives a no-break space back as a plain space: compare with the text as shown, so
        # leaving an untouched box never rewrites what is saved.
        self._shown = self.toPlainText()

    def is_modified(self) -> bool:
        """True when what is on screen differs from what was last saved."""
        return self.toPlainText() != self._shown

    def text_to_save(self) -> str:
        """What is typed, or the saved text itself when nothing was typed."""
        return self.toPlainText() if self.is_modified() else self._committed

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.is_modified():
            self.editingFinished.emit()
