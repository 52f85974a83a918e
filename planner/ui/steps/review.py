"""The Review and share step: the findings with "Go to", what the meeting is asked to do, the PDF."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget,
)

from planner.core import easy_read
from planner.core.checks import Finding
from planner.ui.document import Change, PlanDocument
from planner.ui.operations.plan import change_plan
from planner.ui.settings import PAPERS
from planner.ui.steps import registry
from planner.ui.steps.attention import by_step, step_for
from planner.ui.list_diff import follow
from planner.ui.widgets.findings import severity_words
from planner.ui.steps.base import SAFE_WHEN_READ_ONLY, Step, form_scroll
from planner.ui.text_fields import CommitPlainTextEdit
from planner.ui.widgets.due_list import DueList
from planner.ui.widgets.easy_read_panel import EasyReadPanel
from planner.ui.widgets.personal_choice import PersonalDataChoice
from planner.ui.words import summary, to_fix

__all__ = ["ReviewStep", "step_for"]  # step_for: where a finding is fixed (see attention)


class ReviewStep(Step):
    """Review and share: what the plan check found, and the PDF for partners and the board."""

    TITLE = "Review and share"
    # Findings shown under each step's heading; the rest are counted, and listed on the step's
    # own page. A huge plan has thousands (one a stakeholder): as rows here, they took minutes
    # to lay out, and no one reads them in one list.
    SHOWN = 30
    NAME = "review"
    go_to_requested = Signal(str, str, object)  # (step NAME, target type, key or None)
    export_requested = Signal(dict)  # paper, include_personal, status, open_when_done
    easy_read_export_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self.findings: list[Finding] = []
        self._headings: dict[str, QLabel] = {}  # step NAME -> its heading, for steps with findings
        self._rows: dict[str, list[tuple[Finding, QWidget]]] = {}  # step NAME -> its rows, in order
        self._mores: dict[str, QFrame] = {}  # step NAME -> "…and 1,540 more", for steps with over SHOWN
        self.step_titles: dict[str, str] = {}  # NAME -> title, for "Go to Stakeholders"
        # The page scrolls as a whole when the window is small (1366x768 at 125 % leaves about
        # 1090x610): stacked, its findings, decisions and export box need more than that.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        page = QWidget(self)
        outer.addWidget(form_scroll(page, self))
        layout = QVBoxLayout(page)
        intro = QLabel(self.tr(
            "The plan check reads the whole plan the way a critical friend would. Fix what it "
            "marks \u201cMust fix\u201d before you share the plan; the rest is for you to weigh."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.summary = QLabel(self)
        self.summary.setObjectName("review_summary")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        layout.addWidget(self.summary)

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.list_widget = QWidget(self.scroll)
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.addStretch(1)
        self.scroll.setWidget(self.list_widget)
        # The findings and the easy-read summary's text share the room, one tab each.
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("review_tabs")
        self.tabs.addTab(self.scroll, self.tr("Plan check &findings"))
        self.easy_read = EasyReadPanel(self.tabs)
        self.easy_read.setFlat(True)
        self.easy_read.setTitle("")  # the tab names it
        self.easy_read.text_committed.connect(self._save_easy_read)
        self.easy_read.export_requested.connect(self.easy_read_export_requested)
        self.easy_read.export_button.setProperty(SAFE_WHEN_READ_ONLY, True)
        self.easy_read.sections.setProperty(SAFE_WHEN_READ_ONLY, True)
        self.tabs.addTab(self.easy_read, self.tr("Easy-&read summary"))
        self.due = DueList(self.tabs)
        self.due.list.setProperty(SAFE_WHEN_READ_ONLY, True)
        self.tabs.addTab(self.due, self.tr("What is &due"))
        layout.addWidget(self.tabs, 1)

        # Printed on page 2 of the PDF as "The meeting is asked to: 1. ... 2. ...".
        asks = QGroupBox(self.tr("What the meeting is asked to do"), self)
        asks_layout = QVBoxLayout(asks)
        asks_hint = QLabel(self.tr(
            "One decision a line, e.g. \u201cAgree the plan\u201d. The PDF prints them first, on "
            "page 2."), asks)
        asks_hint.setWordWrap(True)
        self.decisions = CommitPlainTextEdit(asks)
        self.decisions.setObjectName("field_decisions")
        self.decisions.setAccessibleName(self.tr("What the meeting is asked to do"))
        self.decisions.setPlaceholderText(self.tr("Agree the plan\nNote the risks users will carry"))
        lines = self.decisions.fontMetrics().lineSpacing()
        self.decisions.setMinimumHeight(3 * lines)
        self.decisions.setMaximumHeight(6 * lines)
        self.decisions.editingFinished.connect(self._commit_decisions)
        self._decisions_unsaved = False
        asks_hint.setBuddy(self.decisions)
        asks_layout.addWidget(asks_hint)
        asks_layout.addWidget(self.decisions)
        layout.addWidget(asks)

        box = QGroupBox(self.tr("Share the plan as a PDF"), self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.paper = QComboBox(box)
        self.paper.setObjectName("export_paper")
        for value, text in PAPERS:
            self.paper.addItem(self.tr(text), value)
        self.personal = PersonalDataChoice(box)  # unticked again after every export
        self.status_line = QLineEdit(box)
        self.status_line.setObjectName("export_status")
        self.status_line.setPlaceholderText(self.tr("e.g. Draft for the partnership board"))
        self.open_when_done = QCheckBox(self.tr("Open the PDF when it is ready"), box)
        self.open_when_done.setObjectName("export_open")
        self.export_button = QPushButton(self.tr("&Export PDF…"), box)
        self.export_button.setObjectName("export_button")
        self.export_button.clicked.connect(self._export)
        paper_caption = QLabel(self.tr("&Paper:"), box)
        paper_caption.setBuddy(self.paper)
        status_caption = QLabel(self.tr("&Status line:"), box)
        status_caption.setBuddy(self.status_line)
        form.addRow(paper_caption, self.paper)
        form.addRow(status_caption, self.status_line)
        form.addRow("", self.personal)
        form.addRow("", self.open_when_done)
        form.addRow("", self.export_button)
        for widget in (self.paper, self.personal, self.status_line, self.open_when_done, self.export_button):
            widget.setProperty(SAFE_WHEN_READ_ONLY, True)  # exporting changes nothing in the plan
        layout.addWidget(box)

    def guidance_topic(self) -> tuple[str, str] | None:
        cell = self.document.plan.target_cell if self.document is not None else None
        return ("cell", cell.code) if cell is not None else None

    def load(self, document: PlanDocument) -> None:
        self.document = document
        document.plan_changed.connect(self._plan_changed)
        self.status_line.setText(document.plan.status_line)  # kept with the plan
        self.status_line.editingFinished.connect(self._keep_status_line)
        self._refresh()
        self.easy_read.load(document.plan)

    def set_step_titles(self, titles: dict[str, str]) -> None:
        """Name the steps on the "Go to" buttons; before this they just say "Go to"."""
        self.step_titles = dict(titles)
        if self.document is not None:
            self._show_findings(self.document.findings, again=True)

    def set_export_preferences(self, paper: str, open_when_done: bool) -> None:
        """Fill the export options from the remembered preferences; personal data is never one."""
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))
        self.open_when_done.setChecked(open_when_done)
        self.personal.clear()

    def export_options(self) -> dict:
        """The options as the officer set them here."""
        return {
            "paper": self.paper.currentData(), "include_personal": self.personal.isChecked(),
            "status": self.status_line.text().strip(), "open_when_done": self.open_when_done.isChecked(),
        }

    def _export(self) -> None:
        self.export_requested.emit(self.export_options())

    def _plan_changed(self, change: Change) -> None:
        if change.touches("plan") and not self.status_line.hasFocus():
            if self.status_line.text().strip() != self.document.plan.status_line:
                self.status_line.setText(self.document.plan.status_line)  # an undo, say
        self._refresh()
        self.easy_read.load(self.document.plan)

    def _keep_status_line(self) -> None:
        """Save the status line with the plan when the officer leaves the box (one undoable edit)."""
        text = self.status_line.text().strip()
        if self.document is not None and not self.document.read_only and text != self.document.plan.status_line:
            change_plan(self.document, "status_line", text)

    def _save_easy_read(self, key: str, text: str) -> None:
        """One undoable edit per section the officer leaves ("" goes back to the draft)."""
        if self.document is None or self.document.read_only:
            return
        change_plan(self.document, easy_read.field_name(key), text)

    def _commit_decisions(self) -> None:
        if self.document is None or self.document.read_only:
            return
        items = [" ".join(line.split()) for line in self.decisions.toPlainText().splitlines()]
        items = [item for item in items if item]
        if items == list(self.document.plan.decisions):
            self._decisions_unsaved = False
            self.decisions.set_committed_text("\n".join(items))
            return
        self._decisions_unsaved = True  # until storage says it is on disk
        if change_plan(self.document, "decisions", items):
            self._decisions_unsaved = False
            self.decisions.set_committed_text("\n".join(items))

    def unsaved_changes(self) -> list[str]:
        """The decisions, if their last save failed."""
        return [self.decisions.accessibleName()] if self._decisions_unsaved else []

    def _refresh(self) -> None:
        if not self.decisions.is_modified():  # typing not yet saved stays as typed
            self.decisions.set_committed_text("\n".join(self.document.plan.decisions))
        self.due.show_due(self.document.plan, date.today())
        self._show_findings(self.document.findings)
        self.summary.setText(summary(self.findings))
        self.report_findings(self.document)

    def _show_findings(self, findings: list[Finding], again: bool = False) -> None:
        """Under each step's heading, in step order, its findings: only the rows that differ change.

        ``again``: make every row anew (the step titles on the "Go to" buttons changed).
        """
        self.findings = findings
        groups = by_step(findings)
        position = 0
        for name in registry.headed():
            mine = groups.lists.get(name, [])
            heading = self._headings.get(name)
            if mine and heading is None:
                heading = self._headings[name] = self._heading(name)
                self.list_layout.insertWidget(position, heading)
            elif heading is not None and not mine:
                self._headings.pop(name)
                self.list_layout.removeWidget(heading)
                heading.setObjectName("")
                heading.deleteLater()
                heading = None
            if heading is not None:
                status = to_fix(groups.count(name)) if groups.count(name) else self.tr("advice only")
                heading.setText(f"{self.step_titles.get(name, name)} — {status}")
                position += 1
            shown = mine[:self.SHOWN]
            self._follow(self._rows.setdefault(name, []), shown, groups.places.get(name, []), position, again)
            position += len(shown)
            position += self._more(name, len(mine) - len(shown), position)

    def _more(self, name: str, more: int, position: int) -> int:
        """The line under a step's first ``SHOWN`` findings that says how many more its page lists.

        Returns how many lines it takes in the list (0 or 1).
        """
        row = self._mores.get(name)
        if not more:
            if row is not None:
                self._mores.pop(name)
                self.list_layout.removeWidget(row)
                row.hide()
                row.deleteLater()
            return 0
        if row is None:
            row = self._mores[name] = QFrame(self.list_widget)
            row.setObjectName(f"review_more_{name}")
            layout = QHBoxLayout(row)
            row.label = QLabel(row)
            go = QPushButton(row)
            go.setProperty(SAFE_WHEN_READ_ONLY, True)
            go.clicked.connect(lambda _=False: self.go_to_requested.emit(name, "findings", None))
            row.go = go
            layout.addWidget(row.label, 1)
            layout.addWidget(go, 0)
            self.list_layout.insertWidget(position, row)
        where = self.step_titles.get(name, name)
        row.label.setText(self.tr("…and {0} more, all listed at the top of the step's own page.").format(f"{more:,}"))
        row.go.setText(self.tr("Go to %s") % where)
        return 1

    def _follow(self, rows: list, mine: list[Finding], places: list[int], base: int, again: bool) -> None:
        """Make one step's rows (finding, widget), from layout place ``base``, show ``mine``."""
        def take(at: int) -> None:
            widget = rows.pop(at)[1]
            self.list_layout.removeWidget(widget)
            widget.hide()
            widget.setObjectName("")  # gone, though deleted only when the event loop next turns
            widget.go.setObjectName("")
            widget.deleteLater()

        def put(at: int, finding: Finding) -> None:
            widget = self._row(finding)
            rows.insert(at, (finding, widget))
            self.list_layout.insertWidget(base + at, widget)

        if again or not follow([finding for finding, _ in rows], mine, take, put):
            while rows:
                take(len(rows) - 1)
            for at, finding in enumerate(mine):
                put(at, finding)
        # Rows and their "Go to" buttons are named by the finding's place in the plan check's list.
        for at, (place, (_finding, widget)) in enumerate(zip(places, rows)):
            rows[at] = (mine[at], widget)
            if widget.property("place") != place:
                widget.setProperty("place", place)
                widget.setObjectName(f"finding_{place}")
                widget.go.setObjectName(f"go_to_{place}")

    def _heading(self, name: str) -> QLabel:
        heading = QLabel(self.list_widget)
        heading.setObjectName(f"review_heading_{name}")
        heading.setTextFormat(Qt.TextFormat.PlainText)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        return heading

    def _row(self, finding: Finding) -> QWidget:
        row = QFrame(self.list_widget)
        row.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(row)
        severity = QLabel(severity_words(self, finding.severity), row)
        font = severity.font()
        font.setBold(True)
        severity.setFont(font)
        severity.setMinimumWidth(severity.fontMetrics().horizontalAdvance("✖ Must fix  "))
        message = QLabel(finding.message, row)
        message.setTextFormat(Qt.TextFormat.PlainText)  # names in it were typed by people
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where = self.step_titles.get(step_for(finding))
        go = QPushButton(self.tr("Go to %s") % where if where else self.tr("Go to"), row)
        row.go = go  # named with the row, by the finding's place (see _follow)
        go.setAccessibleName(self.tr("Go to: %s") % finding.message)
        go.setProperty(SAFE_WHEN_READ_ONLY, True)
        go.clicked.connect(lambda _=False, f=finding: self.go_to_requested.emit(step_for(f), f.target_type, f.target_key))
        layout.addWidget(severity, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(message, 1)
        layout.addWidget(go, 0, Qt.AlignmentFlag.AlignTop)
        return row
