"""Erase, anonymise and hand over one private individual's data from the Stakeholders step.

None of these is an ordinary edit: erase and anonymise cannot be undone (their point is that no
copy survives, so they also clear the undo history), and the subject access record is a file.
Each is confirmed or asked for through small ``ask_*`` methods the tests replace.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from planner.core.redaction import role_labels
from planner.core.subject_access import subject_access
from planner.storage import PlanError
from planner.storage.atomic import write_atomically


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

    def show_message(self, text: str) -> None:
        QMessageBox.information(self.step, self.tr("Personal data"), text)

    # ------------------------------------------------------------ actions

    def _person(self):
        document, person = self.step.document, self.step.form.stakeholder
        if document is None or person is None:
            return None, None
        return document, person

    def forget(self, anonymise: bool) -> None:
        """Erase (or anonymise) the stakeholder on the form, after the officer confirms."""
        document, person = self._person()
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
