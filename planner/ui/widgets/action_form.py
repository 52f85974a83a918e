"""The form for one action: what, who, by when, and where it came from."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from planner.core.model import Action, ActionStatus
from planner.ui.widgets.fields import CommitTextEdit, enum_combo, set_combo
from planner.ui.widgets.record_fields import OptionalDate
from planner.ui.widgets.register_form import RegisterForm


def _fill(combo: QComboBox, none_text: str, items: list[tuple[str, str]]) -> None:
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(none_text, None)
    for key, text in items:
        combo.addItem(text, key)
    combo.blockSignals(False)


class ActionForm(RegisterForm):
    """Shows one action; emits ``edited(changes dict, undo text)`` for each change."""

    ITEM = "action"
    BLANK = staticmethod(lambda: Action(key="", title=""))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        tr = self.tr
        self.action: Action | None = None
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
        self.title.editingFinished.connect(lambda: self._text_finished("title", self.title, "rename action", required=True))
        self.owner.activated.connect(lambda _i: self._emit("owner", self.owner.currentData(), "change action owner"))
        self.due.changed.connect(lambda v: self._emit("due", v, "change due date"))
        self.status.activated.connect(lambda _i: self._emit("status", self.status.current(), "change action status"))
        self.reason.committed.connect(lambda t: self._emit("reason", t, "change why dropped"))
        for combo, field in ((self.risk, "risk"), (self.safeguard, "safeguard"), (self.engagement, "engagement")):
            combo.activated.connect(lambda _i, c=combo, f=field: self._emit(f, c.currentData(), f"change action {f}"))
        self.show_item(None)

    def _fields(self) -> list[QWidget]:
        return [self.title, self.owner, self.due, self.status, self.reason, self.risk, self.safeguard, self.engagement]

    def set_choices(self, people, risks, safeguards, entries) -> None:
        """The stakeholders, risks, safeguards and log entries an action may name, as (key, text)."""
        tr = self.tr
        _fill(self.owner, tr("No owner yet"), people)
        _fill(self.risk, tr("None"), risks)
        _fill(self.safeguard, tr("None"), safeguards)
        _fill(self.engagement, tr("None"), entries)
        self.show_item(self.action)

    def _title_for(self, shown) -> str:
        return (self.tr("Selected action") if shown is not None
                else self.tr("No action selected: choose one in the list, or add one"))

    def _fill(self, shown: Action) -> None:
        self.title.setText(shown.title)
        self.title.setCursorPosition(0)
        set_combo(self.owner, shown.owner)
        self.due.set_value(shown.due)
        set_combo(self.status, shown.status)
        self.reason.set_text(shown.reason)
        set_combo(self.risk, shown.risk)
        set_combo(self.safeguard, shown.safeguard)
        set_combo(self.engagement, shown.engagement)
