"""Erase, anonymise and hand over one private individual's data from the Stakeholders step.

None of these is an ordinary edit: erase and anonymise cannot be undone (their point is that no
copy survives, so they also clear the undo history), and the subject access record is a file.
Each is confirmed or asked for through small ``ask_*`` methods the tests replace.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QObject
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QLineEdit, QMessageBox,
    QWidget,
)

from planner.core.dates import long_date
from planner.core.privacy import add_months
from planner.core.redaction import role_labels
from planner.core.subject_access import subject_access
from planner.storage import PlanError
from planner.storage.atomic import write_atomically
from planner.ui.operations.stakeholders import update_stakeholder
from planner.ui.words import long_date_field


class ExtendDialog(QDialog):
    """Asks for the new keep-until date and why the details are kept longer."""

    def __init__(self, proposed: date, parent: QWidget):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keep details longer"))
        self.date = QDateEdit(QDate(proposed.year, proposed.month, proposed.day), self)
        long_date_field(self.date)
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(QDate.currentDate())
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("e.g. they still take part in the monthly group"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("The reason is kept in their notes with today's date."), self))
        form.addRow(self.tr("Keep until:"), self.date)
        form.addRow(self.tr("&Why:"), self.reason)
        form.addRow(buttons)


class PersonalDataActions(QObject):
    """What the form's data-protection buttons do, for the step that owns ``parent``."""

    def __init__(self, step: QWidget):
        super().__init__(step)
        self.step = step

    # ------------------------------------------------------------ dialogs (tests replace these)

    def ask_confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.warning(
            self.step, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def ask_record_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self.step, self.tr("Save this person's data"), suggested, self.tr("JSON files (*.json)"))
        return path

    def ask_extension(self, proposed: date) -> tuple[str, str] | None:
        """The new keep-until date (ISO) and the reason, or None if the officer cancels."""
        dialog = ExtendDialog(proposed, self.step)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.date.date().toString("yyyy-MM-dd"), dialog.reason.text().strip()
        finally:
            dialog.deleteLater()

    def ask_delete_people(self, names: list[str], selected: int) -> str | None:
        """Delete, erase instead (one person only) or cancel: "delete", "erase" or None."""
        one = len(names) == 1
        text = self.tr(
            "{0} {1} a private individual. Delete can be undone while this plan is open, so "
            "their details are kept in the undo history until you close it. To remove a "
            "person's details for good, erase them instead: erasing cannot be undone.").format(
            ", ".join(f"\u201c{n}\u201d" for n in names), self.tr("is") if one else self.tr("are each"))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete or erase?"), text,
                          QMessageBox.StandardButton.Cancel, self.step)
        delete = box.addButton(self.tr("Delete (can be undone)") if selected == 1
                               else self.tr("Delete all {0}").format(selected),
                               QMessageBox.ButtonRole.DestructiveRole)
        erase = box.addButton(self.tr("Erase instead…"), QMessageBox.ButtonRole.ActionRole) if one else None
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return "delete" if clicked is delete else "erase" if erase is not None and clicked is erase else None

    def show_message(self, text: str) -> None:
        QMessageBox.information(self.step, self.tr("Personal data"), text)

    # ------------------------------------------------------------ actions

    def _person(self):
        document, person = self.step.document, self.step.form.stakeholder
        if document is None or person is None:
            return None, None
        return document, person

    def forget(self, anonymise: bool, key: str | None = None) -> None:
        """Erase (or anonymise) the stakeholder on the form (or ``key``), after the officer confirms."""
        document, person = self._person()
        if key is not None and document is not None:
            person = document.plan.stakeholder(key)
        if person is None or document.read_only:
            return
        label = role_labels(document.plan).get(person.key, person.name)
        if anonymise:
            title = self.tr("Anonymise {0}?").format(person.name)
            text = self.tr(
                "{0} will stay in the plan only as “{1}”, with their category, roles and "
                "contributions' amounts. Their name, address, contact, notes, consent and needs "
                "are cleared, and their name is replaced wherever it was typed in the plan.\n\n"
                "This cannot be undone, and it clears the undo history.").format(person.name, label)
        else:
            title = self.tr("Erase {0}?").format(person.name)
            text = self.tr(
                "{0} and everything about them will be removed from this plan file for good, "
                "and their name replaced by “{1}” wherever it was typed in the plan. Risks and "
                "safeguards they own will have no owner.\n\nThis cannot be undone, and it "
                "clears the undo history. Copies made elsewhere (PDFs, backups) are not "
                "touched.").format(person.name, label)
        if not self.ask_confirm(title, text):
            return
        try:
            done = document.forget(person.key, anonymise)
        except PlanError as error:
            self.show_message(str(error))
            return
        message = (self.tr("{0} has been anonymised.") if anonymise
                   else self.tr("{0} has been erased from the plan file.")).format(done.label)
        if done.owners_cleared:
            message += " " + self.tr("These now need an owner: {0}.").format(
                ", ".join(k.upper() for k in done.owners_cleared))
        self.show_message(message)

    def extend(self) -> None:
        """Keep the person's details longer, with the reason written into their notes."""
        document, person = self._person()
        if person is None or document.read_only:
            return
        months = document.plan.retention_months or 12
        answer = self.ask_extension(add_months(date.today(), months))
        if answer is None:
            return
        until, reason = answer
        if not reason:
            self.show_message(self.tr("Say why the details are kept longer: the reason is what "
                                      "your information-governance team will ask for."))
            return
        line = self.tr("Kept until {0} (decided {1}): {2}").format(
            long_date(until), long_date(date.today()), reason)
        notes = f"{person.notes}\n{line}" if person.notes.strip() else line
        self.step.document.execute(update_stakeholder(
            document, person.key, self.tr("extend keep-until date"), retain_until=until, notes=notes))

    def save_record(self) -> None:
        """Write everything the plan holds about the person on the form to a JSON file."""
        document, person = self._person()
        if person is None:
            return
        suggested = f"{role_labels(document.plan).get(person.key, person.key)} - subject access.json"
        path = self.ask_record_path(suggested)
        if not path:
            return
        record = subject_access(document.plan, person.key)
        try:
            write_atomically(Path(path), json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8"))
        except PlanError as error:
            self.show_message(str(error))
