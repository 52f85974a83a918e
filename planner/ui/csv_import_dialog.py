"""The preview before a CSV import: how the file's columns are matched, who will be added, which rows are refused."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHeaderView, QLabel, QListWidget,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from planner.core.fields import spec
from planner.core.model import Stakeholder, label
from planner.core.scale import RANGE_SHORT
from planner.storage import PlanError
from planner.storage.csv_columns import CsvTable, read_stakeholders
from planner.storage.csv_format import COLUMNS, CsvResult

SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}


class CsvImportDialog(QDialog):
    """Matches the file's columns to the plan's fields (the officer may change each), then previews.

    OK adds every row of ``import_result.accepted``.
    """

    def __init__(self, table: CsvTable, file_name: str, existing_keys: set[str] = frozenset(),
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.table = table
        self.existing_keys = set(existing_keys)
        self.import_result = CsvResult()
        self.setWindowTitle(self.tr("Import stakeholders from {0}").format(file_name))
        self.fields = {
            "name": self.tr("Name"), "organisation": self.tr("Organisation"),
            "contact": self.tr("Contact (email, phone, address)"), "notes": self.tr("Notes"),
            "category": self.tr("Category"), "side": self.tr("Side"),
            "planning_role": self.tr("Role in planning"), "delivery_role": self.tr("Role in delivery"),
            "influence": self.tr("Influence (%s)") % RANGE_SHORT, "interest": self.tr("Interest (%s)") % RANGE_SHORT,
            "stance": self.tr("Stance"), "motive": self.tr("Motive"),
            "personal": self.tr("Private individual (yes/no)"), "key": self.tr("Key"),
            "contributions": self.tr("Contributions (as this app exports them)"),
        }

        intro = QLabel(self.tr(
            "Each column of the file goes into one of the plan's fields, or is left out. Columns "
            "with a name the planner knows are matched already; choose for the others."), self)
        intro.setWordWrap(True)
        self.columns_table = QTableWidget(len(table.headers), 3, self)
        self.columns_table.setObjectName("csv_columns")
        self.columns_table.setAccessibleName(self.tr("Columns of the file and the fields they go into"))
        self.columns_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("First values"), self.tr("Goes into")])
        self.columns_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns_table.verticalHeader().setVisible(False)
        header = self.columns_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.combos: list[QComboBox] = []
        for row, (name, column) in enumerate(zip(table.headers, table.columns)):
            self.columns_table.setItem(row, 0, QTableWidgetItem(name))
            self.columns_table.setItem(row, 1, QTableWidgetItem(", ".join(table.sample(row))))
            combo = QComboBox(self.columns_table)
            combo.setObjectName(f"column_{row}")
            combo.setAccessibleName(self.tr("Field for the column {0}").format(name))
            combo.addItem(self.tr("Leave out"), None)
            for field in COLUMNS:
                # Fields without a wording here read as their declaration labels them.
                combo.addItem(self.fields.get(field) or spec(Stakeholder, field).label, field)
            combo.setCurrentIndex(max(0, combo.findData(column)))
            combo.currentIndexChanged.connect(lambda _i: self._refresh())
            self.columns_table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        read_as = ""
        if table.encoding != "UTF-8" or table.separator != ",":
            read_as = self.tr("Read as {0} text, columns separated by {1}.").format(
                table.encoding, self.tr(SEPARATORS.get(table.separator, "commas")))
        self.read_as = QLabel(read_as, self)
        self.read_as.setVisible(bool(read_as))

        self.summary = QLabel(self)
        self.summary.setObjectName("csv_summary")
        self.summary.setWordWrap(True)
        self.accepted_table = QTableWidget(0, 5, self)
        self.accepted_table.setAccessibleName(self.tr("Stakeholders to be added"))
        self.accepted_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Organisation"), self.tr("Category"), self.tr("Contact"),
             self.tr("Private individual")])
        self.accepted_table.horizontalHeaderItem(4).setToolTip(self.tr(
            "Ticked: a person, shown in circulated documents only by a role label. Service users, "
            "carers, volunteers and citizens start ticked; untick a group or organisation."))
        # The officer's own ticks, by stakeholder key, kept when the columns are matched again.
        self._personal: dict[str, bool] = {}
        self.accepted_table.itemChanged.connect(self._personal_ticked)
        self.accepted_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.accepted_table.verticalHeader().setVisible(False)
        self.accepted_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.refused_label = QLabel(self.tr("Left out, with the reason:"), self)
        self.refused_list = QListWidget(self)
        self.refused_list.setAccessibleName(self.tr("Rows that cannot be imported"))
        self.refused_list.setWordWrap(True)
        self.refused_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.refused_label.setBuddy(self.refused_list)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.columns_table, 2)
        layout.addWidget(self.read_as)
        layout.addWidget(self.summary)
        added = QLabel(self.tr("Will be added:"), self)
        added.setBuddy(self.accepted_table)
        layout.addWidget(added)
        layout.addWidget(self.accepted_table, 2)
        layout.addWidget(self.refused_label)
        layout.addWidget(self.refused_list, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().lineSpacing() * 34)
        self._refresh()

    def _personal_ticked(self, item: QTableWidgetItem) -> None:
        if item.column() != 4:
            return
        person = self.import_result.accepted[item.row()]
        person.personal = item.checkState() == Qt.CheckState.Checked
        self._personal[person.key] = person.personal
        self.accepted_table.blockSignals(True)
        item.setText(self.tr("Yes") if person.personal else self.tr("No"))
        self.accepted_table.blockSignals(False)

    def columns(self) -> list[str | None]:
        """The field chosen for each column of the file (None: left out)."""
        return [combo.currentData() for combo in self.combos]

    def _refresh(self) -> None:
        problem = ""
        try:
            self.import_result = read_stakeholders(self.table, self.columns(), self.existing_keys)
        except PlanError as error:  # no name column, or one field chosen twice
            self.import_result = CsvResult()
            problem = str(error).removeprefix("header: ")
        accepted, refused = self.import_result.accepted, self.import_result.refused
        people = (self.tr("1 stakeholder") if len(accepted) == 1
                  else self.tr("{0} stakeholders").format(len(accepted)))
        if problem:
            text = self.tr("Nothing can be added yet: {0}.").format(problem)
        elif not refused:
            text = self.tr("{0} will be added. Every row can be imported.").format(people)
        elif len(refused) == 1:
            text = self.tr("{0} will be added. 1 row cannot be imported and will be left out.").format(people)
        else:
            text = self.tr("{0} will be added. {1} rows cannot be imported and will be left out.").format(
                people, len(refused))
        ignored = [h for h, c in zip(self.table.headers, self.columns()) if c is None]
        if ignored:
            text += " " + self.tr("Columns left out: {0}.").format(", ".join(ignored))
        self.summary.setText(text)
        self.accepted_table.blockSignals(True)
        self.accepted_table.setRowCount(len(accepted))
        for row, s in enumerate(accepted):
            for column, value in enumerate((s.name, s.organisation, label(s.category), s.contact)):
                self.accepted_table.setItem(row, column, QTableWidgetItem(value))
            s.personal = self._personal.get(s.key, s.personal)
            tick = QTableWidgetItem(self.tr("Yes") if s.personal else self.tr("No"))
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            tick.setCheckState(Qt.CheckState.Checked if s.personal else Qt.CheckState.Unchecked)
            self.accepted_table.setItem(row, 4, tick)
        self.accepted_table.blockSignals(False)
        self.refused_list.clear()
        for number, reason in refused:
            self.refused_list.addItem(self.tr("Row {0}: {1}").format(number, reason))
        self.refused_label.setVisible(bool(refused))
        self.refused_list.setVisible(bool(refused))
        self.ok_button.setText(self.tr("Add {0}").format(people))
        self.ok_button.setEnabled(bool(accepted))
