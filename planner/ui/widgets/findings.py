"""The plan check's findings for one step, shown at the top of its page with a way to each."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget

from planner.core.checks import Finding, Severity
from planner.core import wording
from planner.core.wording import SEVERITY_MARKS, SEVERITY_WORDS
from planner.ui.list_diff import follow
from planner.ui.words import said

_TARGET_ROLE = Qt.ItemDataRole.UserRole


def severity_words(widget: QWidget, severity: Severity) -> str:
    """How a finding's severity is said, on the pages and in Review alike: the PDF's words, marked."""
    words = QCoreApplication.translate("Severity", SEVERITY_WORDS[severity])
    return f"{SEVERITY_MARKS[severity]} {words}"


def finding_line(widget: QWidget, finding: Finding) -> str:
    return f"{severity_words(widget, finding.severity)}: {finding.message}"


class FindingsPanel(QWidget):
    """A short list of this step's findings; choosing one selects what it points at.

    Hidden when the step has none. The list shows a few lines and scrolls, so it never pushes
    the page's own controls off a small screen.
    """

    go_to = Signal(str, object)  # target type, key (None for the plan)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("step_findings")
        self.findings: list[Finding] = []
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.list = QListWidget(self)
        self.list.setObjectName("step_findings_list")
        self.list.setAccessibleName(self.tr("Plan check findings for this step"))
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        # A huge plan's page lists thousands of findings, each wrapped: laid out all at once on
        # the page's first paint, the app stalled for 0.3 s; in batches, between event-loop turns.
        self.list.setLayoutMode(QListWidget.LayoutMode.Batched)
        self.list.setBatchSize(100)
        self.list.setToolTip(self.tr("Click a finding, or press Enter on it, to go to what it is about."))
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.heading.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.setVisible(False)
        # As tall as its list, never more: the page below takes the rest.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def show_findings(self, findings: Sequence[Finding], counted: int) -> None:
        """List ``findings``; ``counted`` of them must or should be fixed (the step list's number).

        Most edits leave a step's findings as they were, or change a few of thousands: the list
        keeps its rows (and its scroll and current row) and only the rows that differ come and go.
        """
        if findings is self.findings:
            return  # the very list shown (the step sorted none of the findings that changed)
        # Kept as given: the lists steps are given are never changed once made.
        old, self.findings = self.findings, findings if isinstance(findings, list) else list(findings)
        if self.list.count() != len(old) or not follow(
                old, self.findings, self.list.takeItem, lambda row, f: self.list.insertItem(row, self._item(f))):
            self.list.clear()
            for finding in self.findings:
                self.list.addItem(self._item(finding))
        if counted:
            self.heading.setText(f"⚠ {said(wording.TO_FIX_ON_STEP, counted)}")
        else:
            self.heading.setText(self.tr("✔ Nothing to fix on this step; the plan check's advice:"))
        # A finding wraps to two or three lines: one is shown whole, more scroll past four lines.
        lines = self.list.fontMetrics().lineSpacing()
        self.list.setMaximumHeight(lines * (3 if len(self.findings) == 1 else 4) + 2 * self.list.frameWidth() + 4)
        self.setVisible(bool(self.findings))

    def _item(self, finding: Finding) -> QListWidgetItem:
        item = QListWidgetItem(finding_line(self, finding))
        item.setData(_TARGET_ROLE, (finding.target_type, finding.target_key))
        item.setToolTip(finding.message)
        return item

    def _chosen(self, item: QListWidgetItem) -> None:
        target_type, key = item.data(_TARGET_ROLE)
        self.go_to.emit(target_type, key)
