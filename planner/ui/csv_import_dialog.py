"""The preview before a CSV import: who will be added, which rows are refused and why."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QListWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from planner.core.model import label


class CsvImportDialog(QDialog):
    """Lists ``result.accepted`` and ``result.refused``; OK adds every accepted row."""

    def __init__(self, result, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import stakeholders from {0}").format(file_name))
        accepted, refused = result.accepted, result.refused
        people = (self.tr("1 stakeholder") if len(accepted) == 1
                  else self.tr("{0} stakeholders").format(len(accepted)))
        if not refused:
            rest = self.tr("Every row can be imported.")
        elif len(refused) == 1:
            rest = self.tr("1 row cannot be imported and will be left out.")
        else:
            rest = self.tr("{0} rows cannot be imported and will be left out.").format(len(refused))
        summary = QLabel(self.tr("{0} will be added. {1}").format(people, rest), self)
        summary.setWordWrap(True)

        self.accepted_table = QTableWidget(len(accepted), 4, self)
        self.accepted_table.setAccessibleName(self.tr("Stakeholders to be added"))
        self.accepted_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Organisation"), self.tr("Category"), self.tr("Side")])
        self.accepted_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.accepted_table.verticalHeader().setVisible(False)
        self.accepted_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, s in enumerate(accepted):
            for column, text in enumerate((s.name, s.organisation, label(s.category), label(s.side))):
                self.accepted_table.setItem(row, column, QTableWidgetItem(text))

        self.refused_list = QListWidget(self)
        self.refused_list.setAccessibleName(self.tr("Rows that cannot be imported"))
        self.refused_list.setWordWrap(True)
        self.refused_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        for number, reason in refused:
            self.refused_list.addItem(self.tr("Row {0}: {1}").format(number, reason))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add {0}").format(people))
        self.ok_button.setEnabled(bool(accepted))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        added = QLabel(self.tr("Will be added:"), self)
        added.setBuddy(self.accepted_table)
        layout.addWidget(added)
        layout.addWidget(self.accepted_table, 2)
        if refused:
            left_out = QLabel(self.tr("Left out, with the reason:"), self)
            left_out.setBuddy(self.refused_list)
            layout.addWidget(left_out)
            layout.addWidget(self.refused_list, 1)
        else:
            self.refused_list.hide()
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().lineSpacing() * 24)
