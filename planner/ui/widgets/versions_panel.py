"""The agreed versions: agree this one, list them with their dates, view, export and compare them."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from planner.core.changes import compare
from planner.core.dates import long_date
from planner.core.model import Plan, Version
from planner.ui.words import long_date_field

NOW = "__now__"


class AgreeDialog(QDialog):
    """Asks the label and date of the version being agreed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agree this version"))
        self.label = QLineEdit(self)
        self.label.setPlaceholderText(self.tr("e.g. Partnership meeting, 3 March 2027"))
        self.label.setAccessibleName(self.tr("Label"))
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        long_date_field(self.date)
        self.date.setAccessibleName(self.tr("Date agreed"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Store the plan as it is now as the version the partnership agreed. "
                                   "It is kept read-only inside the plan file."), self))
        form.addRow(self.tr("&Label:"), self.label)
        form.addRow(self.tr("&Date agreed:"), self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def answer(self) -> tuple[str, str]:
        return self.label.text().strip(), self.date.date().toString(Qt.DateFormat.ISODate)


class VersionsPanel(QWidget):
    """Lists the versions; ``agree_requested``/``export_requested(label)`` ask the step to act."""

    agree_requested = Signal()
    export_requested = Signal(str)

    def __init__(self, snapshot_plan, parent: QWidget | None = None):
        """``snapshot_plan(version) -> Plan`` reads a version's snapshot (storage's, passed in)."""
        super().__init__(parent)
        tr = self.tr
        self.snapshot_plan = snapshot_plan
        self.plan: Plan | None = None
        self.versions: list[Version] = []
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(tr("Agreed versions"))
        self.agree_button = QPushButton(tr("&Agree this version…"), self)
        self.export_button = QPushButton(tr("&Export this version as PDF…"), self)
        self.view_button = QPushButton(tr("&View this version"), self)
        self.against = QComboBox(self)
        self.against.setAccessibleName(tr("Compare with"))
        self.result = QPlainTextEdit(self)
        self.result.setReadOnly(True)
        self.result.setAccessibleName(tr("What changed"))
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.agree_button, self.view_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        compare_row = QHBoxLayout()
        with_label = QLabel(tr("&Compare the selected version with:"), self)
        with_label.setBuddy(self.against)
        compare_row.addWidget(with_label)
        compare_row.addWidget(self.against, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(compare_row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.result, 3)
        self.agree_button.clicked.connect(self.agree_requested)
        self.export_button.clicked.connect(lambda: self.selected() and self.export_requested.emit(self.selected().label))
        self.view_button.clicked.connect(self.view_selected)
        self.list.currentRowChanged.connect(lambda _r: self.show_comparison())
        self.against.activated.connect(lambda _i: self.show_comparison())

    def set_plan(self, plan: Plan) -> None:
        """Show the versions of ``plan`` (the newest selected) and what changed since."""
        keep = self.selected().label if self.selected() else None
        self.plan = plan
        self.versions = list(plan.versions)
        self.list.blockSignals(True)
        self.list.clear()
        for v in self.versions:
            item = QListWidgetItem(self.tr("{0} \u2014 agreed on {1}").format(v.label, _day(v.date)), self.list)
            item.setData(Qt.ItemDataRole.UserRole, v.label)
        labels = [v.label for v in self.versions]
        self.list.setCurrentRow(labels.index(keep) if keep in labels else len(labels) - 1)
        self.list.blockSignals(False)
        self.intro.setText(self.tr(
            "When the partnership agrees the plan, store it here as an agreed version: a label and a "
            "date. Any version can be viewed, printed and compared with the plan now or another version.")
            if self.versions else self.tr(
            "No version has been agreed yet. When the partnership agrees the plan at a meeting, "
            "choose Agree this version… to keep a read-only copy of it with the meeting's name and date."))
        for button in (self.export_button, self.view_button):
            button.setEnabled(bool(self.versions))
        self.show_comparison()

    def selected(self) -> Version | None:
        row = self.list.currentRow()
        return self.versions[row] if 0 <= row < len(self.versions) else None

    def _fill_against(self, chosen: Version) -> None:
        current = self.against.currentData()
        self.against.blockSignals(True)
        self.against.clear()
        self.against.addItem(self.tr("The plan now"), NOW)
        for v in self.versions:
            if v.label != chosen.label:
                self.against.addItem(f"{v.label} ({_day(v.date)})", v.label)
        index = self.against.findData(current)
        self.against.setCurrentIndex(max(0, index))
        self.against.blockSignals(False)

    def show_comparison(self) -> None:
        """What changed from the selected version to the plan now (or the version chosen)."""
        chosen = self.selected()
        self.against.setEnabled(chosen is not None)
        if chosen is None or self.plan is None:
            self.result_label.setText("")
            self.result.setPlainText("")
            return
        self._fill_against(chosen)
        other = self.against.currentData()
        old = self.snapshot_plan(chosen)
        if other == NOW:
            new, name = self.plan, self.tr("now")
        else:
            version = next(v for v in self.versions if v.label == other)
            new, name = self.snapshot_plan(version), f"\u201c{version.label}\u201d"
            if (version.date or "") < (chosen.date or ""):
                old, new = new, old
        lines = [d.text for d in compare(old, new)]
        self.result_label.setText(
            self.tr("Changes between \u201c{0}\u201d and {1} ({2}):").format(chosen.label, name, len(lines))
            if lines else self.tr("Nothing has changed between \u201c{0}\u201d and {1}.").format(chosen.label, name))
        self.result.setPlainText("\n".join(lines))

    def view_selected(self) -> None:
        """Show the selected version's contents, read-only, where the comparison is."""
        chosen = self.selected()
        if chosen is None:
            return
        plan = self.snapshot_plan(chosen)
        lines = [plan.title, ""]
        for title, items, name in ((self.tr("Stakeholders"), plan.stakeholders, "name"),
                                   (self.tr("Risks"), plan.risks, "title"),
                                   (self.tr("Safeguards"), plan.safeguards, "title"),
                                   (self.tr("Engagement log"), plan.engagements, "title"),
                                   (self.tr("Actions"), plan.actions, "title")):
            lines.append(f"{title} ({len(items)})")
            lines += [f"  {item.key.upper()}  {getattr(item, name)}" for item in items]
            lines.append("")
        self.result_label.setText(self.tr("The version \u201c{0}\u201d as agreed on {1} (read-only):").format(
            chosen.label, _day(chosen.date)))
        self.result.setPlainText("\n".join(lines))


def _day(iso: str | None) -> str:
    return long_date(iso, "?")
