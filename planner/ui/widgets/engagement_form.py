"""The form for one entry of the engagement log: who took part, what they said, what we did."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from planner.core.model import Engagement, EngagementKind, Outcome
from planner.ui.widgets.columns import Columns
from planner.ui.widgets.fields import CommitTextEdit, enum_combo, set_combo
from planner.ui.widgets.record_fields import KeyChecklist, OptionalDate
from planner.ui.widgets.register_form import RegisterForm


class EngagementForm(RegisterForm):
    """Shows one log entry; emits ``edited(changes dict, undo text)`` for each change."""

    ITEM = "entry"
    BLANK = staticmethod(lambda: Engagement(key="", title=""))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        tr = self.tr
        self.entry: Engagement | None = None
        self.title = QLineEdit(self)
        self.date = OptionalDate(tr("No date"), self)
        self.kind = enum_combo(EngagementKind, self)
        self.others = QSpinBox(self)
        self.others.setRange(0, 1_000_000)
        self.raised = CommitTextEdit(self, lines=4)
        self.response = CommitTextEdit(self, lines=4)
        self.outcome = enum_combo(Outcome, self)
        self.reason = CommitTextEdit(self, lines=3)
        self.people = KeyChecklist(self)
        self.risks = KeyChecklist(self, lines=3)
        self.safeguards = KeyChecklist(self, lines=3)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget, name in (
                (tr("&Title:"), self.title, tr("Title")), (tr("&Date:"), self.date, tr("Date")),
                (tr("&Kind:"), self.kind, tr("Kind of engagement")),
                (tr("You &said (what was raised):"), self.raised, tr("What was raised")),
                (tr("We &did (the response):"), self.response, tr("What was done in response")),
                (tr("&Outcome:"), self.outcome, tr("Outcome")),
                (tr("Why not &changed:"), self.reason, tr("Why the plan was not changed"))):
            widget.setAccessibleName(name)
            form.addRow(text, widget)
        form.labelForField(self.date).setBuddy(self.date.edit)
        right = QFormLayout()
        for text, widget, name in (
                (tr("Who took &part:"), self.people, tr("Stakeholders who took part")),
                (tr("&Others taking part:"), self.others, tr("How many others took part")),
                (tr("&Risks it touched:"), self.risks, tr("Risks it touched")),
                (tr("Sa&feguards it touched:"), self.safeguards, tr("Safeguards it touched"))):
            widget.setAccessibleName(name)
            right.addRow(text, widget)
        self.reason_note = QLabel(tr("Say why, so it can be fed back to those who raised it."), self)
        self.reason_note.setWordWrap(True)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.reason_note)
        left.addStretch(1)
        self.columns = Columns(self)
        self.columns.add_column(left, 3)
        self.columns.add_column(right, 2)

        self.title.editingFinished.connect(lambda: self._text_finished("title", self.title, "rename log entry", required=True))
        self.date.changed.connect(lambda v: self._emit("date", v, "change log entry date"))
        self.kind.activated.connect(lambda _i: self._emit("kind", self.kind.current(), "change log entry kind"))
        self.others.editingFinished.connect(lambda: self._emit("others", self.others.value(), "change others taking part"))
        self.raised.committed.connect(lambda t: self._emit("raised", t, "change what was raised"))
        self.response.committed.connect(lambda t: self._emit("response", t, "change the response"))
        self.outcome.activated.connect(lambda _i: self._emit("outcome", self.outcome.current(), "change outcome"))
        self.reason.committed.connect(lambda t: self._emit("reason", t, "change reason"))
        self.people.ticked.connect(lambda k: self._emit("participants", k, "change who took part"))
        self.risks.ticked.connect(lambda k: self._emit("risks", k, "change risks touched"))
        self.safeguards.ticked.connect(lambda k: self._emit("safeguards", k, "change safeguards touched"))
        self._choices = ([], [], [])
        self.show_item(None)

    def fit_width(self, width: int) -> None:
        self.columns.fit_width(width)

    def _fields(self) -> list[QWidget]:
        return [self.title, self.date, self.kind, self.others, self.raised, self.response, self.outcome,
                self.reason, self.people, self.risks, self.safeguards]

    def set_choices(self, people: list[tuple[str, str]], risks: list[tuple[str, str]],
                    safeguards: list[tuple[str, str]]) -> None:
        """The stakeholders, risks and safeguards an entry may name."""
        self._choices = (people, risks, safeguards)
        self.show_item(self.entry)

    def _title_for(self, shown) -> str:
        return (self.tr("Selected log entry") if shown is not None
                else self.tr("No log entry selected: choose one in the list, or add one"))

    def _enable(self) -> None:
        super()._enable()
        shown = self.entry
        needs_reason = shown is not None and shown.outcome is Outcome.NOT_CHANGED
        self.reason_note.setVisible(needs_reason and not shown.reason.strip())

    def _fill(self, shown: Engagement) -> None:
        self.title.setText(shown.title)
        self.title.setCursorPosition(0)
        self.date.set_value(shown.date)
        set_combo(self.kind, shown.kind)
        self.others.setValue(shown.others)
        self.raised.set_text(shown.raised)
        self.response.set_text(shown.response)
        set_combo(self.outcome, shown.outcome)
        self.reason.set_text(shown.reason)
        people, risks, safeguards = self._choices
        self.people.set_items(people, shown.participants)
        self.risks.set_items(risks, shown.risks)
        self.safeguards.set_items(safeguards, shown.safeguards)
