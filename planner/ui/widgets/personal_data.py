"""The data-protection part of a private individual's form: basis, consent, retention, needs.

Shown only for a stakeholder marked as a private individual. Each change is reported as one
edit, like every other field of the form; the buttons ask the step to erase, anonymise or hand
over the person's data (those are not undoable edits, so the step confirms them first).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from planner.core.model import ConsentMethod, LawfulBasis, Stakeholder
from planner.ui.widgets.fields import enum_combo, set_combo
from planner.ui.words import long_date_field

# QDateEdit cannot be empty; its minimum date stands for "not set" and shows as such.
_UNSET = QDate(2000, 1, 1)


class OptionalDate(QDateEdit):
    """A date field that can also say "Not set"; ``iso()`` is YYYY-MM-DD or None."""

    def __init__(self, parent: QWidget, unset_text: str):
        super().__init__(parent)
        long_date_field(self)
        self.setMinimumDate(_UNSET)
        self.setSpecialValueText(unset_text)
        self.setCalendarPopup(True)
        self.setKeyboardTracking(False)

    def set_iso(self, value: str | None) -> None:
        try:
            day = date.fromisoformat(value) if value else None
        except ValueError:
            day = None
        self.setDate(QDate(day.year, day.month, day.day) if day else _UNSET)

    def iso(self) -> str | None:
        value = self.date()
        return None if value == _UNSET else value.toString("yyyy-MM-dd")


class PersonalDataPanel(QGroupBox):
    """Lawful basis, consent, keep-until date, communication needs and language of one person."""

    edited = Signal(dict, str)  # {field: value}, undo text: the signal every register form has
    erase_requested = Signal()
    extend_requested = Signal()
    anonymise_requested = Signal()
    record_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Data protection (this person)"), parent)
        tr = self.tr
        self.stakeholder: Stakeholder | None = None
        self.lawful_basis = enum_combo(LawfulBasis, self, tr("Not recorded"))
        self.lawful_basis.setToolTip(tr(
            "Why the council may hold this person's details (UK GDPR article 6). Ask your "
            "information-governance team which applies."))
        self.consent_given_on = OptionalDate(self, tr("Not recorded"))
        self.consent_how = enum_combo(ConsentMethod, self, tr("Not recorded"))
        self.consent_covers = QLineEdit(self)
        self.consent_covers.setPlaceholderText(tr("e.g. being named in the plan and contacted about it"))
        self.consent_withdrawn_on = OptionalDate(self, tr("Not withdrawn"))
        self.retain_until = OptionalDate(self, tr("Not set"))
        self.retain_until.setToolTip(tr(
            "Review or delete this person's details by this date. The plan check warns 30 days "
            "before and reports it once the date has passed."))
        self.communication_needs = QLineEdit(self)
        self.communication_needs.setPlaceholderText(tr("e.g. large print, easy read, BSL interpreter"))
        self.language = QLineEdit(self)
        self.language.setPlaceholderText(tr("e.g. Welsh"))
        self.consent_rows: list[QWidget] = [self.consent_given_on, self.consent_how,
                                            self.consent_covers, self.consent_withdrawn_on]

        self.form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget, name in (
                (tr("Lawful &basis:"), self.lawful_basis, tr("Lawful basis")),
                (tr("Consent &given on:"), self.consent_given_on, tr("Consent given on")),
                (tr("Consent given &by:"), self.consent_how, tr("How consent was given")),
                (tr("Consent co&vers:"), self.consent_covers, tr("What the consent covers")),
                (tr("Consent &withdrawn on:"), self.consent_withdrawn_on, tr("Consent withdrawn on")),
                (tr("&Keep details until:"), self.retain_until, tr("Keep details until")),
                (tr("Communication ne&eds:"), self.communication_needs, tr("Communication needs")),
                (tr("Lan&guage:"), self.language, tr("Language preference"))):
            widget.setAccessibleName(name)
            form.addRow(text, widget)
        self.extend_button = QPushButton(tr("Extend…"), self)
        self.extend_button.setToolTip(tr(
            "Keep their details longer: choose the new date and say why (the reason is kept in "
            "their notes)."))
        self.erase_button = QPushButton(tr("Erase this person…"), self)
        self.erase_button.setToolTip(tr(
            "Remove them and every trace of them from the plan file for good. Cannot be undone."))
        self.anonymise_button = QPushButton(tr("Anonymise…"), self)
        self.anonymise_button.setToolTip(tr(
            "Keep their part in the plan's figures under their role label; clear everything that "
            "identifies them. Cannot be undone."))
        self.record_button = QPushButton(tr("Their data…"), self)
        self.record_button.setToolTip(tr(
            "Save everything the plan holds about this person as a file (a subject access request)."))
        buttons = QHBoxLayout()
        for button in (self.record_button, self.extend_button, self.anonymise_button,
                       self.erase_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        note = QLabel(tr("Deleting a person can be undone while the plan is open; erasing cannot."), self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(note)

        self.lawful_basis.activated.connect(
            lambda _i: self._emit("lawful_basis", self.lawful_basis.current(), "change lawful basis"))
        self.consent_how.activated.connect(
            lambda _i: self._emit("consent_how", self.consent_how.current(), "change how consent was given"))
        for widget, field_name, what in (
                (self.consent_given_on, "consent_given_on", "change consent date"),
                (self.consent_withdrawn_on, "consent_withdrawn_on", "record consent withdrawn"),
                (self.retain_until, "retain_until", "change keep-until date")):
            widget.dateChanged.connect(
                lambda _d, w=widget, f=field_name, t=what: self._emit(f, w.iso(), t))
        for edit, field_name, what in (
                (self.consent_covers, "consent_covers", "change what consent covers"),
                (self.communication_needs, "communication_needs", "change communication needs"),
                (self.language, "language", "change language preference")):
            edit.editingFinished.connect(
                lambda e=edit, f=field_name, t=what: self._emit(f, e.text(), t))
        self.erase_button.clicked.connect(self.erase_requested)
        self.extend_button.clicked.connect(self.extend_requested)
        self.anonymise_button.clicked.connect(self.anonymise_requested)
        self.record_button.clicked.connect(self.record_requested)

    def fields(self) -> list[QWidget]:
        return [self.lawful_basis, *self.consent_rows, self.retain_until,
                self.communication_needs, self.language]

    def _emit(self, field_name: str, value, text: str) -> None:
        if self.stakeholder is not None and getattr(self.stakeholder, field_name) != value:
            self.edited.emit({field_name: value}, text)

    def _show_consent(self, basis: LawfulBasis | None) -> None:
        # Consent's date, method and scope matter only when consent is the basis.
        for widget in self.consent_rows:
            self.form.setRowVisible(widget, basis is LawfulBasis.CONSENT)

    def show_stakeholder(self, s: Stakeholder | None, editable: bool) -> None:
        """Fill the fields from ``s`` without reporting edits; hidden unless a private individual."""
        self.stakeholder = s
        self.setVisible(s is not None and s.personal)
        if s is None:
            return
        for widget in self.fields():
            widget.blockSignals(True)
        try:
            set_combo(self.lawful_basis, s.lawful_basis)
            self.consent_given_on.set_iso(s.consent_given_on)
            set_combo(self.consent_how, s.consent_how)
            self.consent_covers.setText(s.consent_covers)
            self.consent_withdrawn_on.set_iso(s.consent_withdrawn_on)
            self.retain_until.set_iso(s.retain_until)
            self.communication_needs.setText(s.communication_needs)
            self.language.setText(s.language)
        finally:
            for widget in self.fields():
                widget.blockSignals(False)
        self._show_consent(s.lawful_basis)
        for widget in (*self.fields(), self.erase_button, self.anonymise_button, self.extend_button):
            widget.setEnabled(editable)
