"""The plan's data-protection settings on the Service and context step: retention and DPIA screening.

The screening asks the ICO's questions that can apply to a coproduction plan and says, as the
answers come in, whether a data-protection impact assessment is likely to be needed; the
reference of the DPIA, if one was done, is kept beside it. "Personal data in this plan…" lists
every private individual and what is held about them: the record an IG officer asks to see.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from planner.core.dates import long_date
from planner.core.model import Plan, label
from planner.core.privacy import SCREENING, screening_result

_ANSWERS = ((None, "Not answered"), (True, "Yes"), (False, "No"))


class DataProtectionBox(QGroupBox):
    """Retention period, DPIA screening and reference; emits ``edited(field, value)``."""

    edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Personal data in this plan"), parent)
        tr = self.tr
        self.plan: Plan | None = None
        intro = QLabel(tr(
            "Plans name residents, so your information-governance team will ask how their "
            "details are kept. Answer the screening questions once; the plan check reminds you "
            "of anything missing."), self)
        intro.setWordWrap(True)
        self.retention = QSpinBox(self)
        self.retention.setRange(0, 1200)
        self.retention.setSpecialValueText(tr("Not set"))
        self.retention.setSuffix(tr(" months"))
        self.retention.setKeyboardTracking(False)
        self.retention.setAccessibleName(tr("Keep people's details for, in months"))
        self.retention.setToolTip(tr(
            "A new private individual's 'keep details until' date is set this many months ahead."))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("&Keep people's details for:"), self.retention)
        self.questions: dict[str, QComboBox] = {}
        for question in SCREENING:
            combo = QComboBox(self)
            for value, text in _ANSWERS:
                combo.addItem(tr(text), value)
            combo.setAccessibleName(question.text)
            combo.activated.connect(self._answered)
            self.questions[question.key] = combo
            caption = QLabel(tr(question.text), self)
            caption.setWordWrap(True)
            caption.setBuddy(combo)
            form.addRow(caption, combo)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setAccessibleName(tr("Screening result"))
        self.reference = QLineEdit(self)
        self.reference.setPlaceholderText(tr("e.g. DPIA-2027-014, if one was done"))
        self.reference.setAccessibleName(tr("DPIA reference"))
        form.addRow(tr("Result:"), self.result)
        form.addRow(tr("DPIA &reference:"), self.reference)
        self.people_button = QPushButton(tr("Who is named, and what is held…"), self)
        self.people_button.setAccessibleName(tr("List the private individuals in this plan"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.people_button)

        self.retention.valueChanged.connect(
            lambda v: self._emit("retention_months", v or None))
        self.reference.editingFinished.connect(
            lambda: self._emit("dpia_reference", self.reference.text().strip()))
        self.people_button.clicked.connect(self.show_people)

    def answers(self) -> dict[str, bool]:
        """The screening answers given so far (questions not answered are left out)."""
        return {key: combo.currentData() for key, combo in self.questions.items()
                if combo.currentData() is not None}

    def _answered(self, _index: int) -> None:
        self.result.setText(self.tr(screening_result(self.answers())))
        self._emit("dpia_screening", self.answers())

    def _emit(self, field: str, value) -> None:
        if self.plan is not None and getattr(self.plan, field) != value:
            self.edited.emit(field, value)

    def show_plan(self, plan: Plan, editable: bool) -> None:
        """Show the plan's settings without reporting edits."""
        self.plan = plan
        widgets = [self.retention, self.reference, *self.questions.values()]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.retention.setValue(plan.retention_months or 0)
            if self.reference.text() != plan.dpia_reference:
                self.reference.setText(plan.dpia_reference)
            for key, combo in self.questions.items():
                combo.setCurrentIndex(max(0, combo.findData(plan.dpia_screening.get(key))))
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.result.setText(self.tr(screening_result(plan.dpia_screening)))
        for widget in widgets:
            widget.setEnabled(editable)

    def show_people(self) -> None:
        if self.plan is not None:
            PeopleDialog(self.plan, self).exec()


def people_rows(plan: Plan) -> list[list[str]]:
    """One row per private individual: name, what is held, lawful basis, keep-until date."""
    rows = []
    for person in plan.stakeholders:
        if not person.personal:
            continue
        held = [text for text, present in (
            ("contact", person.contact), ("organisation or address", person.organisation),
            ("notes", person.notes), ("consent record", person.consent_given_on),
            ("communication needs", person.communication_needs), ("language", person.language),
            ("contributions", person.contributions)) if present]
        rows.append([person.name, ", ".join(held) or "name only",
                     label(person.lawful_basis) if person.lawful_basis else "Not recorded",
                     long_date(person.retain_until)])
    return rows


class PeopleDialog(QDialog):
    """Every private individual the plan names, with what is held about them."""

    def __init__(self, plan: Plan, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Personal data in this plan"))
        rows = people_rows(plan)
        self.table = QTableWidget(len(rows), 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("What is held"), self.tr("Lawful basis"), self.tr("Keep until")])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        summary = QLabel(self.tr("{0} private individual(s). Erase, anonymise or hand over a "
                                 "person's data from their form on the Stakeholders step.")
                         .format(len(rows)), self)
        summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 360)
