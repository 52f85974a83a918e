"""What the steps built around a register (a list beside a form) share: wiring and edits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QScrollArea, QWidget

from planner.ui.document import PlanDocument
from planner.ui.models.base import KEY_ROLE
from planner.ui.steps.base import Step

LAZY_ABOVE = 1000  # rows; above this a hidden page waits to be shown before reloading


class RegisterStep(Step):
    """A step with ``self.pane`` (a RegisterPane) and ``self.form``.

    Subclasses implement ``add``, ``duplicate``, ``delete``, ``_edit``, ``_changed`` and
    ``_show_current``, call ``_connect_register`` once their widgets exist, and ``_attach``
    at the start of ``load``.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None

    def _connect_register(self, on_selection) -> None:
        self.pane.selection_changed.connect(on_selection)
        self.pane.selection_changed.connect(self.follow_guidance)  # the panel follows the selection
        self.pane.add_requested.connect(self.add)
        self.pane.duplicate_requested.connect(self.duplicate)
        self.pane.delete_requested.connect(self.delete)
        self.form.edited.connect(self._edit)
        self.form.guidance_requested.connect(self.guidance_requested)

    def _attach(self, document: PlanDocument) -> None:
        """Listen to ``document`` instead of the plan shown before, and follow its read-only state."""
        if self.document is not None:
            self.document.plan_changed.disconnect(self._changed)
            self.document.write_failed.disconnect(self._show_current)
        self.document = document
        document.plan_changed.connect(self._changed)
        # A refused edit puts the form back to what the file holds.
        document.write_failed.connect(self._show_current)
        self.pane.set_read_only(document.read_only)
        self.form.set_read_only(document.read_only)

    def _suggested_note(self, text: str) -> QLabel:
        """The line that says what "Suggested" means, shown while anything in the list is one."""
        note = QLabel(text, self)
        note.setObjectName("suggested_note")
        note.setWordWrap(True)
        note.setStyleSheet("QLabel { border: 1px solid palette(mid); padding: 4px; background: palette(alternate-base); }")
        note.hide()
        return note

    def _select_first(self) -> None:
        """Show the first row in the form rather than an empty form when a plan opens."""
        if not self.pane.selected_keys() and self.pane.proxy.rowCount():
            self.pane.select_keys([self.pane.proxy.index(0, 0).data(KEY_ROLE)])

    def ask_confirm(self, title: str, text: str, yes: str) -> bool:
        """Ask before an action that touches more than it seems; True to go ahead (tests replace this)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self)
        go = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is go

    def ask_suggestions(self, kind: str, suggestions: list) -> tuple[list, str | None] | None:
        """Let the officer tick suggestions: (those ticked, owner key or None), or None if cancelled."""
        from planner.ui.suggestions_dialog import SuggestionsDialog  # only when suggesting

        owners = [(s.key, s.name) for s in self.document.plan.stakeholders]
        dialog = SuggestionsDialog(kind, suggestions, owners, self)
        try:
            if dialog.exec() != SuggestionsDialog.DialogCode.Accepted:
                return None
            return dialog.chosen(), dialog.owner_key()
        finally:
            dialog.deleteLater()

    def _start_typing_in(self, field: QWidget) -> None:
        """After Add: the new row is selected and in sight; the cursor waits in its first field."""
        scroll = field.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        if scroll is not None:
            scroll.ensureWidgetVisible(field)
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(field, QLineEdit):
            field.selectAll()

    def _execute(self, command) -> bool:
        """Run an edit unless the plan is read-only; False when it was not applied."""
        return self.document is not None and not self.document.read_only and self.document.execute(command)
