"""The form for one action: what, who, by when, and where it came from."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QWidget

from planner.core.model import Action, ActionStatus
from planner.ui.widgets.fields import CommitTextEdit, enum_combo, set_combo
from planner.ui.widgets.record_fields import OptionalDate


def _fill(combo: QComboBox, none_text: str, items: list[tuple[str, str]]) -> None:
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(none_text, None)
    for key, text in items:
        combo.addItem(text, key)
    combo.blockSignals(False)


class ActionForm(QGroupBox):
    """Shows one action; emits ``edited(changes dict, undo text)`` for each change."""

    edited = Signal(dict, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        tr = self.tr
        self.action: Action | None = None
        self.read_only = False
        self.title = QLineEdit(self)
        self.owner = QComboBox(self)
        self.due = OptionalDate(tr("No due date"), self)
        self.status = enum_combo(ActionStatus, self)
        self.reason = CommitTextEdit(self, lines=2)
        self.risk = QComboBox(self)
        self.safeguard = QComboBox(self)
        self.engagement = QComboBox(self)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for text, widget, name in (
                (tr("&Title:"), self.title, tr("Title")), (tr("&Owner:"), self.owner, tr("Owner")),
                (tr("D&ue:"), self.due, tr("Due date")), (tr("&Status:"), self.status, tr("Status")),
                (tr("Why &dropped:"), self.reason, tr("Why it was dropped")),
                (tr("&Risk:"), self.risk, tr("Risk it follows from")),
                (tr("Sa&feguard:"), self.safeguard, tr("Safeguard it follows from")),
                (tr("&Log entry:"), self.engagement, tr("Log entry it follows from"))):
            widget.setAccessibleName(name)
            form.addRow(text, widget)
        form.labelForField(self.due).setBuddy(self.due.edit)
        self.title.editingFinished.connect(self._title)
        self.owner.activated.connect(lambda _i: self._emit("owner", self.owner.currentData(), "change action owner"))
        self.due.changed.connect(lambda v: self._emit("due", v, "change due date"))
        self.status.activated.connect(lambda _i: self._emit("status", self.status.current(), "change action status"))
        self.reason.committed.connect(lambda t: self._emit("reason", t, "change why dropped"))
        for combo, field in ((self.risk, "risk"), (self.safeguard, "safeguard"), (self.engagement, "engagement")):
            combo.activated.connect(lambda _i, c=combo, f=field: self._emit(f, c.currentData(), f"change action {f}"))
        self.show_action(None)

    def _fields(self) -> list[QWidget]:
        return [self.title, self.owner, self.due, self.status, self.reason, self.risk, self.safeguard, self.engagement]

    def _title(self) -> None:
        if self.action is not None and not self.title.text().strip():
            self.title.setText(self.action.title)
            return
        self._emit("title", self.title.text(), "rename action")

    def _emit(self, field: str, value, text: str) -> None:
        if self.action is None or self.read_only or getattr(self.action, field) == value:
            return
        self.edited.emit({field: value}, text)

    def set_choices(self, people, risks, safeguards, entries) -> None:
        """The stakeholders, risks, safeguards and log entries an action may name, as (key, text)."""
        tr = self.tr
        _fill(self.owner, tr("No owner yet"), people)
        _fill(self.risk, tr("None"), risks)
        _fill(self.safeguard, tr("None"), safeguards)
        _fill(self.engagement, tr("None"), entries)
        self.show_action(self.action)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._enable()

    def _enable(self) -> None:
        self.setTitle(self.tr("Selected action") if self.action is not None
                      else self.tr("No action selected: choose one in the list, or add one"))
        editable = self.action is not None and not self.read_only
        for widget in self._fields():
            widget.setEnabled(editable)

    def show_action(self, action: Action | None) -> None:
        self.action = action
        widgets = self._fields()
        for w in widgets:
            w.blockSignals(True)
        try:
            shown = action or Action(key="", title="")
            self.title.setText(shown.title)
            self.title.setCursorPosition(0)
            set_combo(self.owner, shown.owner)
            self.due.set_value(shown.due)
            set_combo(self.status, shown.status)
            self.reason.set_text(shown.reason)
            set_combo(self.risk, shown.risk)
            set_combo(self.safeguard, shown.safeguard)
            set_combo(self.engagement, shown.engagement)
        finally:
            for w in widgets:
                w.blockSignals(False)
        self._enable()
