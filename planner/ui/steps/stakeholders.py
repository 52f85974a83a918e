"""The Stakeholders step: the list, the power/interest map and the form, kept in step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog, QMessageBox, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from planner.storage import PlanError
from planner.storage.atomic import write_atomically
from planner.storage.csv_columns import CsvTable, read_table
from planner.storage.csv_format import stakeholders_to_csv
from planner.ui.csv_import_dialog import CsvImportDialog
from planner.ui.document import Change, PlanDocument
from planner.ui.models.stakeholders import StakeholderTableModel
from planner.ui.operations import stakeholders as ops
from planner.ui.steps.base import form_scroll
from planner.ui.steps.stakeholder_privacy import PersonalDataActions
from planner.ui.steps.register_step import LAZY_ABOVE, RegisterStep
from planner.ui.widgets.power_map_view import PowerMap
from planner.ui.widgets.register import RegisterPane
from planner.ui.widgets.stakeholder_form import StakeholderForm


ROW_BY_ROW = 200  # an edit touching more stakeholders than this reloads the list in one go


class StakeholdersStep(RegisterStep):
    """Who has a part in the service, what part, how much they can sway it and how much they care."""

    REGISTER = "stakeholders"
    ITEM = "stakeholder"
    FIRST_FIELD = "name"

    TITLE = "Stakeholders"
    NAME = "stakeholders"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._syncing = False
        self._stale = False
        self.model = StakeholderTableModel(self)
        self.tabs = QTabWidget(self)  # made first, so its tabs come first when tabbing the page
        self.pane = RegisterPane(self.model, self.tr("stakeholders"), self)
        self.import_button = QPushButton(self.tr("&Import from CSV…"), self)
        self.import_button.setAccessibleName(self.tr("Import stakeholders from a CSV file"))
        self.import_button.clicked.connect(self.import_csv)
        self.pane.add_button_widget(self.import_button)
        self.export_button = QPushButton(self.tr("E&xport to CSV…"), self)
        self.export_button.setAccessibleName(self.tr("Export the stakeholders to a CSV file"))
        self.export_button.setToolTip(self.tr("A spreadsheet copy of the list, in the same columns the import reads."))
        self.export_button.clicked.connect(self.export_csv)
        self.pane.add_button_widget(self.export_button)
        self.map = PowerMap(self)
        self.form = StakeholderForm(self)
        self.form.log_requested.connect(self._show_log_of)
        scroll = form_scroll(self.form, self)

        # The list and the map are two views of the same people, one at a time: side by side on
        # a laptop screen the map's squares were too small to name anyone in them.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.pane)
        self.splitter.addWidget(scroll)
        self.splitter.setSizes([1000, 1000])  # the form fits without scrolling
        self.tabs.setObjectName("stakeholder_views")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, self.tr("List and details"))
        self.tabs.addTab(self.map, self.tr("Power and interest map"))
        self.tabs.setTabToolTip(1, self.tr("Ctrl+Tab switches between the list and the map"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.make_findings_panel())
        layout.addWidget(self.tabs)
        QWidget.setTabOrder(self.pane.filter_box, self.pane.view)
        QWidget.setTabOrder(self.pane.view, self.pane.add_button)
        QWidget.setTabOrder(self.export_button, self.form.name)

        self._connect_register(self._table_selection)
        self.privacy = PersonalDataActions(self)
        self.form.personal_data.erase_requested.connect(lambda: self.privacy.forget(anonymise=False))
        self.form.personal_data.anonymise_requested.connect(lambda: self.privacy.forget(anonymise=True))
        self.form.personal_data.record_requested.connect(self.privacy.save_record)
        self.form.personal_data.extend_requested.connect(self.privacy.extend)
        self.form.contributions.refused.connect(lambda text: self.show_message(text))
        self.map.scene.selection_made.connect(self._map_selection)
        self.map.scene.move_requested.connect(self._move)

    # -------------------------------------------------------------- loading and refreshing

    def load(self, document: PlanDocument) -> None:
        self._attach(document)
        read_only = document.read_only
        self.import_button.setEnabled(not read_only)
        self.map.scene.set_read_only(read_only)
        self._reload(fresh=True)
        self._select_first()

    def _reload(self, fresh: bool = False) -> None:
        """Read every stakeholder again: ``fresh`` for a newly opened plan, else after a wide edit."""
        self._stale = False
        stakeholders = self.document.plan.stakeholders
        self.model.reset(stakeholders)
        if fresh:
            self.pane.fit_columns()
            self.map.scene.set_stakeholders(stakeholders)
        else:
            self.map.scene.sync(stakeholders)
        self._show_current()

    def _changed(self, change: Change) -> None:
        keys = change.keys_in("stakeholders")
        if change.touches("stakeholders") and 0 < len(keys) <= ROW_BY_ROW:
            self._refresh_rows(keys)  # edited, added or deleted: just those rows and markers
        elif change.everything or change.touches("stakeholders"):  # Open, erase, an import of hundreds
            if not self.isVisible() and self.model.rowCount() > LAZY_ABOVE:
                self._stale = True  # a big list is read again when the page is next shown
                return
            keep = self.pane.selected_keys()
            self._reload()
            self._select(keep)
        elif change.touches("engagements") and self.form.stakeholder is not None:
            shown = self.form.stakeholder.key  # their entries in the log, under the form
            self.form.show_log([e for e in self.document.plan.engagements if shown in e.participants])

    def _refresh_rows(self, keys) -> None:
        self._refresh_own_rows(keys, fit_columns=False)  # its columns stay as they were set
        self.map.scene.refresh_many({key: self.model.item_for(key) for key in keys})
        if self.form.stakeholder is None or self.form.stakeholder.key in keys:
            self._show_current()

    def showEvent(self, event):
        super().showEvent(event)
        if self._stale and self.document is not None:
            keep = self.pane.selected_keys()
            self._reload()
            self._select(keep)

    def guidance_topic(self) -> tuple[str, str] | None:
        shown = self.form.stakeholder
        return ("stakeholder_category", shown.category.value) if shown is not None else None

    def _show_current(self, *_args) -> None:
        super()._show_current()
        shown = self.form.stakeholder
        if shown is not None and self.document is not None:
            self.form.show_log([e for e in self.document.plan.engagements if shown.key in e.participants])
        self.form.log_line.setVisible(shown is not None)

    def _show_log_of(self, key: str) -> None:
        """The engagement log on the record step, filtered to this stakeholder's entries."""
        go_to = getattr(self.window(), "go_to", None)
        if go_to is not None:
            go_to("record", "stakeholder", key)

    # -------------------------------------------------------------- selection, both ways

    def _table_selection(self) -> None:
        self._show_current()
        if not self._syncing:
            self.map.scene.select_keys(self.pane.selected_keys())

    def _map_selection(self, keys: list[str]) -> None:
        self._syncing = True
        try:
            self.pane.select_keys(keys)
        finally:
            self._syncing = False

    def _select(self, keys: list[str]) -> None:
        self.pane.select_keys(keys)

    def show_map(self) -> None:
        """Bring the power/interest map to the front (the list and form share its selection)."""
        self.tabs.setCurrentWidget(self.map)

    def select(self, target_type: str, key: str | None) -> None:
        if key and target_type in ("stakeholder", "stakeholders"):
            self.tabs.setCurrentWidget(self.splitter)
            self._select([key])
            self.pane.view.setFocus()
        elif target_type == "plan":  # the list as a whole (empty, or a plan-wide finding)
            self.tabs.setCurrentWidget(self.splitter)
            self.pane.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -------------------------------------------------------------- edits

    def new_command(self):
        return ops.add_stakeholder(self.document, self.tr("New stakeholder"))

    def duplicate_command(self, originals):
        return ops.duplicate_stakeholders(self.document, originals, self.tr("(copy)"))

    def delete_command(self, keys):
        return ops.delete_stakeholders(self.document, keys)

    def _show_added(self, keys: list[str]) -> None:
        self.tabs.setCurrentWidget(self.splitter)
        self._select(keys)

    def may_delete(self, keys: list[str]) -> bool:
        """A person is offered Erase instead; one who owns risks or safeguards is asked about first."""
        people = [s for s in self.document.plan.stakeholders if s.key in set(keys) and s.personal]
        if people:  # a person: deleting keeps them in the undo history; offer Erase instead
            answer = self.privacy.ask_delete_people([s.name for s in people], len(keys))
            if answer == "erase":
                self.privacy.forget(anonymise=False, key=people[0].key)
                return False
            if answer != "delete":
                return False
        return self._may_delete_owners(keys)

    def _may_delete_owners(self, keys: list[str]) -> bool:
        """Ask first when the stakeholders own risks or safeguards, naming them all."""
        plan, gone = self.document.plan, set(keys)
        risks = [r.title for r in plan.risks if r.owner in gone]
        safeguards = [g.title for g in plan.safeguards if g.owner in gone]
        if not risks and not safeguards:
            return True
        names = [s.name for s in plan.stakeholders if s.key in gone]
        who = "\u201c%s\u201d" % names[0] if len(names) == 1 else self.tr("%d stakeholders") % len(names)
        owned = []
        if risks:
            owned.append((self.tr("the risk %s") if len(risks) == 1 else self.tr("the risks %s"))
                         % ", ".join(f"\u201c{t}\u201d" for t in risks))
        if safeguards:
            owned.append((self.tr("the safeguard %s") if len(safeguards) == 1 else self.tr("the safeguards %s"))
                         % ", ".join(f"\u201c{t}\u201d" for t in safeguards))
        text = self.tr("%s own %s. If you delete these stakeholders, what they own stays in the plan "
                       "with no owner, and the plan check will ask for one. Undo brings everything back.") \
            if len(names) > 1 else self.tr(
                "%s owns %s. If you delete this stakeholder, what they own stays in the plan with no "
                "owner, and the plan check will ask for one. Undo brings everything back.")
        return self.ask_confirm(self.tr("Delete a stakeholder who owns things?"),
                                text % (who, self.tr(" and ").join(owned)), self.tr("Delete"))

    def update_command(self, item, changes: dict, text: str):
        """A new category may change the private-individual flag in the same step."""
        if "category" in changes:
            changes = {**changes, **ops.private_flag_for(self.document, item, changes["category"])}
        return super().update_command(item, changes, text)

    def _move(self, key: str, influence: int, interest: int) -> None:
        if not self._execute(ops.move_stakeholder(self.document, key, influence, interest)):
            self.map.scene.refresh(key, self.model.item_for(key))  # put the marker back

    # -------------------------------------------------------------- CSV import

    def ask_csv_path(self) -> str:
        """The CSV file to import, or "" if the officer cancels (tests replace this)."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import stakeholders"), "", self.tr("CSV files (*.csv);;All files (*)"))
        return path

    def ask_import(self, table: CsvTable, file_name: str, existing_keys: set[str]):
        """Match the columns and show what the import adds and refuses; the result to add, or None.

        ``existing_keys`` are the stakeholder keys rows read from the file must not take (storage's ``used_keys``).
        """
        dialog = CsvImportDialog(table, file_name, existing_keys, self)
        try:
            if dialog.exec() != CsvImportDialog.DialogCode.Accepted:
                return None
            return dialog.import_result
        finally:
            dialog.deleteLater()

    def ask_export_path(self) -> str:
        """Where to write the CSV copy, or "" if the officer cancels (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export stakeholders"), getattr(self, "_csv_name", "stakeholders.csv"),
            self.tr("CSV files (*.csv)"))
        return path

    def show_message(self, text: str) -> None:
        """Tell the officer why a file could not be used (tests replace this)."""
        QMessageBox.warning(self, self.tr("Stakeholders"), text)

    def export_csv(self) -> None:
        """Write every stakeholder (not only those the filter shows) to a CSV file.

        The CSV is the whole record, never redacted, so with private individuals in the list
        the officer confirms it every time, and the name offered says it is not for circulation.
        """
        people = sum(1 for s in self.model.stakeholders() if s.personal)
        self._csv_name = self.tr("stakeholders.csv")
        if people:
            if not self.privacy.ask_confirm(
                    self.tr("Export personal data?"),
                    self.tr("The list names {0} private individual(s), and the CSV file holds "
                            "everything about them: names, contacts, notes, consent. Keep it for "
                            "your own use and do not circulate it; to share the plan, export a "
                            "PDF or Word document, which show people by a role label.").format(people)):
                return
            self._csv_name = self.tr("stakeholders — PERSONAL, not for circulation.csv")
        path = self.ask_export_path()
        if not path:
            return
        try:  # all at once or not at all: a full disk never leaves half the old file
            write_atomically(Path(path), stakeholders_to_csv(self.model.stakeholders()).encode("utf-8"))
        except PlanError as error:
            self.show_message(str(error))

    def import_csv(self) -> None:
        if self.document is None or self.document.read_only:
            return
        path = self.ask_csv_path()
        if not path:
            return
        try:
            table = read_table(Path(path).read_bytes())
        except OSError as error:
            self.show_message(self.tr("{0} could not be read: {1}").format(Path(path).name, error.strerror or error))
            return
        except PlanError as error:  # not a table at all
            self.show_message(str(error))
            return
        result = self.ask_import(table, Path(path).name, self.document.store.used_keys("stakeholders"))
        if result is None or not result.accepted:
            return
        command = ops.import_stakeholders(self.document, result.accepted)
        if self._execute(command):
            self._select(command.keys)
