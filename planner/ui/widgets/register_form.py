"""What every register's form shares: showing one row, and reporting each change as one edit.

Every form (stakeholder, risk, safeguard, log entry, action) emits the same signal,
``edited(changes, text)``: ``changes`` maps field names to their new values (one field, or a few
that change together) and ``text`` is what the Edit menu says after "Undo". A register step
turns it into one undoable command without knowing which form sent it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLineEdit, QWidget


class RegisterForm(QGroupBox):
    """A form for one row of a register. Subclasses set ``ITEM`` and ``BLANK`` and fill the fields.

    ``ITEM`` names the attribute holding the row shown (``form.risk``, ``form.stakeholder``...),
    None when no row is selected; ``BLANK`` makes an empty row to clear the fields with.
    Subclasses implement ``_fields`` (the inputs, disabled with no row or read-only),
    ``_fill(row)`` and ``_title_for(row)`` (the box's title).
    """

    edited = Signal(dict, str)  # {field: new value}, the undo text
    guidance_requested = Signal(str, str)  # (topic, value): the guidance panel follows the form

    ITEM = ""
    BLANK = staticmethod(lambda: None)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.read_only = False
        setattr(self, self.ITEM, None)

    @property
    def item(self):
        """The row shown, or None."""
        return getattr(self, self.ITEM)

    # ------------------------------------------------------------ reporting edits

    def _emit(self, field: str, value, text: str) -> None:
        """Report one field's new value, unless it is the value the row already has."""
        self._emit_changes({field: value}, text)

    def _emit_changes(self, changes: dict, text: str) -> None:
        """Report the fields that differ from the row shown, as one edit."""
        item = self.item
        if item is None or self.read_only:
            return
        changed = {field: value for field, value in changes.items() if getattr(item, field) != value}
        if changed:
            self.edited.emit(changed, text)

    def _text_finished(self, field: str, edit: QLineEdit, text: str, required: bool = False) -> None:
        """A line of text left: report it; a required one left empty gets its old text back."""
        item = self.item
        if item is None:
            return
        if required and not edit.text().strip():
            edit.setText(getattr(item, field))
            return
        self._emit(field, edit.text(), text)

    # ------------------------------------------------------------ showing a row

    def _fields(self) -> list[QWidget]:
        raise NotImplementedError

    def _fill(self, shown) -> None:
        """Put ``shown``'s values in the fields (their signals are blocked meanwhile)."""
        raise NotImplementedError

    def _title_for(self, shown) -> str:
        raise NotImplementedError

    def show_item(self, item) -> None:
        """Fill the fields from ``item`` (None: clear and disable) without reporting edits."""
        setattr(self, self.ITEM, item)
        widgets = self._fields()
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self._fill(item if item is not None else self.BLANK())
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._enable()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._enable()

    def _enable(self) -> None:
        self.setTitle(self._title_for(self.item))
        editable = self.item is not None and not self.read_only
        for widget in self._fields():
            widget.setEnabled(editable)
