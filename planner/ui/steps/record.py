"""The partnership's record step: the engagement log ("you said, we did"), actions, agreed versions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QMessageBox, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from planner.core.dates import long_date
from planner.core.model import Outcome, label
from planner.storage.record_edits import snapshot_plan
from planner.ui.document import Change, PlanDocument
from planner.ui.models.record import ActionTableModel, EngagementTableModel
from planner.ui.operations import record as ops
from planner.ui.operations.base import update_row
from planner.ui.steps.base import SAFE_WHEN_READ_ONLY, Step, form_scroll
from planner.ui.steps.register_step import wire_register
from planner.ui.widgets.action_form import ActionForm
from planner.ui.widgets.engagement_form import EngagementForm
from planner.ui.widgets.register import RegisterPane
from planner.ui.widgets.versions_panel import AgreeDialog, VersionsPanel

_RECORD = ("engagements", "actions", "versions", "stakeholders", "risks", "safeguards", "plan")


class RecordStep(Step):
    """What the partnership heard and did, what it promised, and the versions it agreed."""

    TITLE = "The partnership's record"
    NAME = "record"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self._names: dict[str, str] = {}
        self.tabs = QTabWidget(self)
        self.tabs.setProperty(SAFE_WHEN_READ_ONLY, True)
        # The engagement log, filterable by who took part and by outcome.
        self.log_model = EngagementTableModel(lambda k: self._names.get(k, k or ""), self)
        self.log_pane = RegisterPane(self.log_model, self.tr("log entries"), self)
        self.person_filter = QComboBox(self)
        self.person_filter.setAccessibleName(self.tr("Show the entries of"))
        self.outcome_filter = QComboBox(self)
        self.outcome_filter.setAccessibleName(self.tr("Show the entries whose outcome is"))
        for widget in (self.person_filter, self.outcome_filter):
            widget.setProperty(SAFE_WHEN_READ_ONLY, True)
            widget.activated.connect(lambda _i: self._fill_log())
        self.outcome_filter.addItem(self.tr("Any outcome"), None)
        for outcome in Outcome:
            self.outcome_filter.addItem(label(outcome), outcome.value)
        filters = QHBoxLayout()
        who = QLabel(self.tr("&Who took part:"), self)
        who.setBuddy(self.person_filter)
        what = QLabel(self.tr("O&utcome:"), self)
        what.setBuddy(self.outcome_filter)
        for widget in (who, self.person_filter, what, self.outcome_filter):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.log_form = EngagementForm(self)
        log_split = QSplitter(Qt.Orientation.Vertical, self)
        log_top = QWidget(self)
        top_layout = QVBoxLayout(log_top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.log_pane)
        log_split.addWidget(log_top)
        log_split.addWidget(form_scroll(self.log_form, self))
        log_split.setSizes([900, 1100])
        # Actions.
        self.action_model = ActionTableModel(lambda k: self._names.get(k, "") if k else self.tr("No owner yet"), self)
        self.action_pane = RegisterPane(self.action_model, self.tr("actions"), self)
        self.action_form = ActionForm(self)
        action_split = QSplitter(Qt.Orientation.Vertical, self)
        action_split.addWidget(self.action_pane)
        action_split.addWidget(form_scroll(self.action_form, self))
        action_split.setSizes([1000, 1000])
        # Agreed versions.
        self.versions = VersionsPanel(snapshot_plan, self)
        self.versions.setProperty(SAFE_WHEN_READ_ONLY, True)
        for widget in (self.versions.list, self.versions.against, self.versions.view_button,
                       self.versions.export_button, self.versions.result):
            widget.setProperty(SAFE_WHEN_READ_ONLY, True)
        self.tabs.addTab(log_split, self.tr("Engagement &log: you said, we did"))
        self.tabs.addTab(action_split, self.tr("Ac&tions"))
        self.tabs.addTab(self.versions, self.tr("Agreed &versions"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.make_findings_panel())
        layout.addWidget(self.tabs)

        # Duplicate adds a fresh entry or action: a copy of a meeting or a promise is not the same one.
        wire_register(self.log_pane, self.log_form, selected=self._show_entry, add=self.add_entry,
                      duplicate=self.add_entry, delete=lambda: self._delete("engagements", self.log_pane),
                      edited=lambda changes, text: self._edit("engagements", self.log_form.item, changes, text))
        wire_register(self.action_pane, self.action_form, selected=self._show_action, add=self.add_action,
                      duplicate=self.add_action, delete=lambda: self._delete("actions", self.action_pane),
                      edited=lambda changes, text: self._edit("actions", self.action_form.item, changes, text))
        self.versions.agree_requested.connect(self.agree)
        self.versions.export_requested.connect(self.export_version)

    # -------------------------------------------------------------- loading and refreshing

    def load(self, document: PlanDocument) -> None:
        if self.document is not None:
            self.document.plan_changed.disconnect(self._changed)
        self.document = document
        document.plan_changed.connect(self._changed)
        for pane in (self.log_pane, self.action_pane):
            pane.set_read_only(document.read_only)
        self.log_form.set_read_only(document.read_only)
        self.action_form.set_read_only(document.read_only)
        self.versions.agree_button.setEnabled(not document.read_only)
        self._reload()
        self.report_findings(document)

    def _reload(self) -> None:
        plan = self.document.plan
        self._names = {s.key: s.name for s in plan.stakeholders}
        keep = self.person_filter.currentData()
        self.person_filter.blockSignals(True)
        self.person_filter.clear()
        self.person_filter.addItem(self.tr("Anyone"), None)
        for s in plan.stakeholders:
            self.person_filter.addItem(s.name, s.key)
        self.person_filter.setCurrentIndex(max(0, self.person_filter.findData(keep)))
        self.person_filter.blockSignals(False)
        people = list(self._names.items())
        risks = [(r.key, f"{r.key.upper()} {r.title}") for r in plan.risks]
        guards = [(g.key, f"{g.key.upper()} {g.title}") for g in plan.safeguards]
        entries = [(e.key, f"{long_date(e.date)}: {e.title}" if e.date else e.title) for e in plan.engagements]
        self.log_form.set_choices(people, risks, guards)
        self.action_form.set_choices(people, risks, guards, entries)
        self._fill_log()
        keep_actions = self.action_pane.selected_keys()
        self.action_model.reset(plan.actions)
        self.action_pane.fit_columns()
        self.action_pane.select_keys(keep_actions, scroll=False)
        self._show_action()
        self.versions.set_plan(plan)

    def _fill_log(self) -> None:
        """The log entries that pass the filters, keeping the selection."""
        person, outcome = self.person_filter.currentData(), self.outcome_filter.currentData()
        shown = [e for e in self.document.plan.engagements
                 if (person is None or person in e.participants) and (outcome is None or e.outcome.value == outcome)]
        keep = self.log_pane.selected_keys()
        self.log_model.reset(shown)
        self.log_pane.fit_columns()
        self.log_pane.select_keys(keep, scroll=False)
        self._show_entry()

    def _changed(self, change: Change) -> None:
        if change.touches(*_RECORD):
            self._reload()
        self.report_findings(self.document)

    def _show_entry(self, *_args) -> None:
        self.log_form.show_item(self.log_model.item_for(self.log_pane.current_key()))

    def _show_action(self, *_args) -> None:
        self.action_form.show_item(self.action_model.item_for(self.action_pane.current_key()))

    def show_entries_of(self, key: str) -> None:
        """The log filtered to one stakeholder's entries (from their form)."""
        self.tabs.setCurrentIndex(0)
        self.person_filter.setCurrentIndex(max(0, self.person_filter.findData(key)))
        self._fill_log()

    def select(self, target_type: str, key: str | None) -> None:
        if target_type == "stakeholder" and key:
            self.show_entries_of(key)
        elif target_type == "action" and key:
            self.tabs.setCurrentIndex(1)
            self.action_pane.select_keys([key])
            self.action_pane.view.setFocus()

    # -------------------------------------------------------------- edits

    def _execute(self, command) -> bool:
        return self.document is not None and not self.document.read_only and self.document.execute(command)

    def add_entry(self) -> None:
        command = ops.add_engagement(self.document, self.tr("New log entry"))
        self.person_filter.setCurrentIndex(0)
        self.outcome_filter.setCurrentIndex(0)
        if self._execute(command):
            self.log_pane.select_keys(command.keys)
            self.log_form.title.setFocus()
            self.log_form.title.selectAll()

    def add_action(self) -> None:
        command = ops.add_action(self.document, self.tr("New action"))
        if self._execute(command):
            self.action_pane.select_keys(command.keys)
            self.action_form.title.setFocus()
            self.action_form.title.selectAll()

    def _delete(self, scope: str, pane: RegisterPane) -> None:
        keys = pane.selected_keys()
        if keys:
            self._execute(ops.delete(self.document, scope, keys))

    def _edit(self, scope: str, item, changes: dict, text: str) -> None:
        if item is not None:
            self._execute(update_row(self.document, scope, item, text, **changes))

    def ask_agreement(self) -> tuple[str, str] | None:
        """The label and date of the version being agreed, or None if cancelled (tests replace this)."""
        dialog = AgreeDialog(self)
        try:
            return dialog.answer() if dialog.exec() == AgreeDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def show_message(self, text: str) -> None:
        """Tell the officer something (tests replace this)."""
        QMessageBox.information(self, self.tr("Agreed versions"), text)

    def agree(self) -> None:
        if self.document is None or self.document.read_only:
            return
        answer = self.ask_agreement()
        if answer is None:
            return
        if not answer[0]:
            self.show_message(self.tr("A version needs a label, such as the meeting that agreed it."))
            return
        if self._execute(ops.AgreeCommand(self.document, *answer)):
            self.versions.list.setCurrentRow(self.versions.list.count() - 1)

    def export_version(self, version_label: str) -> None:
        from planner.ui.version_export import export_version_pdf

        export_version_pdf(self.window(), self.document, version_label)
