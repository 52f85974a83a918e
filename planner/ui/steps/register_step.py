"""What the steps built around a register (a list beside a form) share: wiring and edits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QWidget

from planner.ui.document import PlanDocument
from planner.ui.models.base import KEY_ROLE
from planner.ui.operations.base import update_row
from planner.ui.steps.base import Step

LAZY_ABOVE = 1000  # rows; above this a hidden page waits to be shown before reloading


def wire_register(pane, form, *, selected, add, duplicate, delete, edited) -> None:
    """Connect one register's list (a RegisterPane) and form (a RegisterForm) to a page's handlers.

    Every register is wired the same way, whether its page holds one (RegisterStep) or several
    (the record step's log and actions): the list's selection and buttons, and the form's one
    ``edited(changes, undo text)`` signal.
    """
    pane.selection_changed.connect(selected)
    pane.add_requested.connect(add)
    pane.duplicate_requested.connect(duplicate)
    pane.delete_requested.connect(delete)
    form.edited.connect(edited)


class RegisterStep(Step):
    """A step with ``self.pane`` (a RegisterPane), ``self.model`` and ``self.form`` (a RegisterForm).

    The list's buttons, the form's ``edited`` signal and the undoable commands are wired here
    once. Subclasses say which register they edit (``REGISTER``, ``ITEM``), implement
    ``new_command``, ``duplicate_command``, ``delete_command`` and ``_changed``, call
    ``_connect_register`` once their widgets exist, and ``_attach`` at the start of ``load``.
    """

    REGISTER = ""  # the register edited, as storage and Change name it: "stakeholders", "risks"...
    ITEM = ""  # the form's attribute holding the shown item: "stakeholder", "risk", "safeguard"
    FIRST_FIELD = "title"  # the form's field the cursor waits in after Add

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        # Text typed into a field whose save was refused, by (item key, field): kept on screen
        # (also after choosing another row and coming back) until it is saved, and named when
        # the plan is closed, as the Context step does.
        self._unsaved: dict[tuple[str, str], str] = {}

    def _connect_register(self, on_selection) -> None:
        wire_register(self.pane, self.form, selected=on_selection, add=self.add, duplicate=self.duplicate,
                      delete=self.delete, edited=self._edit)
        self.pane.selection_changed.connect(self.follow_guidance)  # the panel follows the selection
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

    # -------------------------------------------------------------- the row shown

    def _show_current(self, *_args) -> None:
        """Show the current row of the list in the form, with any text whose save failed."""
        self.form.show_item(self.model.item_for(self.pane.current_key()))
        self._restore_unsaved()

    # -------------------------------------------------------------- edits, one command each

    def new_command(self):
        """The command Add runs: one new row with default fields."""
        raise NotImplementedError

    def duplicate_command(self, originals: list):
        """The command Duplicate runs: copies of ``originals`` with keys of their own."""
        raise NotImplementedError

    def delete_command(self, keys: list[str]):
        """The command Delete runs for the selected rows."""
        raise NotImplementedError

    def update_command(self, item, changes: dict, text: str):
        """The command for one edit the form reported (a step may add changes that go with it)."""
        return update_row(self.document, self.REGISTER, item, text, **changes)

    def may_delete(self, keys: list[str]) -> bool:
        """Whether to go ahead with deleting ``keys`` (a step may ask the officer first)."""
        return True

    def add(self) -> None:
        self._add(self.new_command())

    def _add(self, command) -> None:
        """Run an add; the new row is selected and the cursor waits in its first field."""
        if self._execute(command):
            self._show_added(command.keys)
            self._start_typing_in(getattr(self.form, self.FIRST_FIELD))

    def _show_added(self, keys: list[str]) -> None:
        self.pane.select_keys(keys)

    # Rows above which an edit leaves the columns' widths alone (fitting reads every row's text).
    FIT_COLUMNS_BELOW = 500

    def _refresh_own_rows(self, keys, fit_columns: bool = True) -> None:
        """Show the rows ``keys`` of this step's register as they now are (read by key), and
        fit a short list's columns to their text again unless ``fit_columns`` is False."""
        part = self.REGISTER
        self.model.refresh(keys, getattr(self.document.store, self.ITEM),
                           lambda: getattr(self.document.plan, part))
        if fit_columns and self.model.rowCount() < self.FIT_COLUMNS_BELOW:
            self.pane.fit_columns()

    def duplicate(self) -> None:
        originals = [self.model.item_for(k) for k in self.pane.selected_keys()]
        if originals:
            command = self.duplicate_command(originals)
            if self._execute(command):
                self._show_added(command.keys)

    def delete(self) -> None:
        keys = self.pane.selected_keys()
        if keys and self.may_delete(keys):
            self._execute(self.delete_command(keys))

    def _edit(self, changes: dict, text: str) -> None:
        """The form's ``edited``: one undoable command for the row shown."""
        item = self.form.item
        if item is not None:
            self._execute_edit(item.key, changes, self.update_command(item, changes, text))

    # -------------------------------------------------------------- suggestions from the guidance

    def suggestions(self, library) -> list:
        """The guidance's suggestions that fit this plan (steps that offer them implement this)."""
        raise NotImplementedError

    def suggest_command(self, chosen: list, owner: str | None):
        """The one command that adds every suggestion ticked."""
        raise NotImplementedError

    def show_message(self, text: str) -> None:
        """Tell the officer something (tests replace this)."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, self.TITLE, text)

    def suggest(self) -> None:
        """Offer the guidance's suggestions that fit this plan; add those the officer ticks, as one action."""
        if self.document is None or self.document.read_only:
            return
        if self.document.plan.target_cell is None:
            self.show_message(self.tr("Choose a target cell on the Matrix step first: "
                                      "the suggestions depend on it."))
            return
        from planner.ui.operations.risks import guidance_library

        library = guidance_library()
        if library is None:
            self.show_message(self.tr("The guidance could not be read, so there are no suggestions."))
            return
        answer = self.ask_suggestions(self.REGISTER, self.suggestions(library))
        if not answer or not answer[0]:
            return
        chosen, owner = answer
        command = self.suggest_command(chosen, owner)
        if self._execute(command):
            self.pane.select_keys(command.keys)

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
        return getattr(self.form.item, "key", None)

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
