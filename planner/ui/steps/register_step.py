"""What the steps built around a register (a list beside a form) share: wiring and edits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QWidget

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

    ITEM = ""  # the form's attribute holding the shown item: "stakeholder", "risk", "safeguard"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        # Text typed into a field whose save was refused, by (item key, field): kept on screen
        # (also after choosing another row and coming back) until it is saved, and named when
        # the plan is closed, as the Context step does.
        self._unsaved: dict[tuple[str, str], str] = {}

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
            self.document.write_failed.disconnect(self._refused)
        self.document = document
        self._unsaved.clear()
        document.plan_changed.connect(self._changed)
        # A refused edit puts the form back to what the file holds, except the typed text.
        document.write_failed.connect(self._refused)
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

    def _execute_edit(self, key: str, changes: dict, command) -> bool:
        """Run an edit of the item ``key``; typed text stays on screen if the save is refused."""
        typed = {field: value for field, value in changes.items() if isinstance(value, str)}
        for field, value in typed.items():
            self._unsaved[(key, field)] = value
        done = self._execute(command)
        if done:
            for field in typed:
                self._unsaved.pop((key, field), None)
        return done

    def _refused(self, _message: str = "") -> None:
        self._show_current()

    def _shown_key(self) -> str | None:
        item = getattr(self.form, self.ITEM, None)
        return getattr(item, "key", None)

    def _restore_unsaved(self) -> None:
        """Put text whose save failed back into the form's fields for the item shown."""
        key = self._shown_key()
        for (owner, field), value in self._unsaved.items():
            widget = getattr(self.form, field, None)
            if owner != key or widget is None:
                continue
            widget.blockSignals(True)
            try:
                if isinstance(widget, QLineEdit):
                    widget.setText(value)
                elif isinstance(widget, QPlainTextEdit):
                    widget.setPlainText(value)  # what was saved stays its "shown" text: leaving retries
            finally:
                widget.blockSignals(False)

    def unsaved_changes(self) -> list[str]:
        """The fields whose last save failed, named as on screen with their item's key."""
        names = []
        for key, field in self._unsaved:
            widget = getattr(self.form, field, None)
            name = widget.accessibleName() if widget is not None and widget.accessibleName() else field
            names.append(f"{name} ({key})")
        return names
