"""The Division of risk step: the risk register, who carries each risk, and what each side must trust."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel, QMessageBox, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from planner.ui.document import Change, PlanDocument
from planner.ui.models.risks import RiskTableModel
from planner.ui.operations import risks as ops
from planner.ui.steps.base import form_scroll
from planner.ui.steps.register_step import LAZY_ABOVE, RegisterStep
from planner.ui.widgets.register import RegisterPane
from planner.ui.widgets.risk_form import RiskForm
from planner.ui.widgets.shares import CarriedChart

STATUS_COLUMN = 1  # "Suggested" or empty: shown only while some risk is still a suggestion


class RisksStep(RegisterStep):
    """Coproduction moves risk onto users and communities: write down who carries what."""

    REGISTER = "risks"
    ITEM = "risk"

    TITLE = "Division of risk"
    NAME = "risks"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._names: dict[str, str] = {}
        self._owners_stale = False
        self._stale = False
        self.model = RiskTableModel(lambda key: self._names.get(key, "") if key else "", self)
        self.pane = RegisterPane(self.model, self.tr("risks"), self)
        self.suggest_button = QPushButton(self.tr("&Suggest risks…"), self)
        self.suggest_button.setAccessibleName(self.tr("Suggest risks that fit the target cell"))
        self.suggest_button.clicked.connect(self.suggest)
        self.pane.add_button_widget(self.suggest_button)
        self.chart = CarriedChart(self)
        chart_title = QLabel(self.tr("Who carries how much of the total risk (likelihood × impact × share):"), self)
        chart_title.setWordWrap(True)
        self.form = RiskForm(self)
        scroll = form_scroll(self.form, self)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.pane, 1)
        top_layout.addWidget(chart_title)
        top_layout.addWidget(self.chart)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(scroll)
        splitter.setSizes([1100, 900])
        self.suggested_note = self._suggested_note(self.tr(
            "\u201cSuggested\u201d marks a risk added from the guidance that you have not changed yet. "
            "Check it fits your plan: your first change (a score, an owner, a word) makes it your "
            "own; delete it if it does not apply."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.make_findings_panel())
        layout.addWidget(self.suggested_note)
        layout.addWidget(splitter)

        self._connect_register(self._show_current)

    # -------------------------------------------------------------- loading and refreshing

    def load(self, document: PlanDocument) -> None:
        self._attach(document)
        self.pane.view.clearSelection()
        self._reload()
        self._select_first()

    def _reload(self) -> None:
        self._stale = False
        plan = self.document.plan
        self._set_owners(plan.stakeholders)
        self.model.reset(plan.risks)
        self.pane.fit_columns()
        self._after_risks()

    def _set_owners(self, stakeholders) -> None:
        self._names = {s.key: s.name for s in stakeholders}
        self.form.set_owners(list(self._names.items()))
        self._owners_stale = False
        self._update_suggest()

    def _changed(self, change: Change) -> None:
        if change.everything:
            if not self.isVisible() and len(self._names) > LAZY_ABOVE:
                self._stale = True  # a big plan is read again when the page is next shown
                return
            keep = self.pane.selected_keys()
            self._reload()
            self.pane.select_keys(keep, scroll=False)
            return
        if change.touches("risks"):
            self._refresh_own_rows(change.keys_in("risks"))
            self._after_risks()
        if change.touches("stakeholders"):
            # Names of owners may have changed; read them when the page is next seen.
            self._owners_stale = True
            if self.isVisible():
                self._refresh_owners()
        if change.touches("plan"):
            self._update_suggest()

    def _refresh_owners(self) -> None:
        self._set_owners(self.document.plan.stakeholders)
        self.model.texts_changed()  # owner names shown in the table
        self._show_current()

    def showEvent(self, event):
        super().showEvent(event)
        if self.document is not None and (self._owners_stale or self._stale):
            keep = self.pane.selected_keys()
            if self._stale:
                self._reload()
            else:
                self._refresh_owners()
            self.pane.select_keys(keep, scroll=False)

    def _after_risks(self) -> None:
        risks = self.model.items()
        self.pane.set_column_shown(STATUS_COLUMN, any(r.suggested for r in risks))
        self.suggested_note.setVisible(any(r.suggested for r in risks))
        self.chart.set_risks(risks)
        self._show_current()

    def guidance_topic(self) -> tuple[str, str] | None:
        shown = self.form.risk
        return ("risk_category", shown.category.value) if shown is not None else None

    def _update_suggest(self) -> None:
        self.suggest_button.setEnabled(self.document is not None and not self.document.read_only)

    def select(self, target_type: str, key: str | None) -> None:
        if key and target_type in ("risk", "risks"):
            self.pane.select_keys([key])
            self.pane.view.setFocus()
        elif target_type == "plan":  # the register as a whole (it is empty): Add is the way on
            self.pane.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -------------------------------------------------------------- edits

    def new_command(self):
        return ops.add_risk(self.document, self.tr("New risk"))

    def duplicate_command(self, originals):
        return ops.duplicate_risks(self.document, originals, self.tr("(copy)"))

    def delete_command(self, keys):
        return ops.delete_risks(self.document, keys)

    def show_message(self, text: str) -> None:
        """Tell the officer something (tests replace this)."""
        QMessageBox.information(self, self.tr("Suggest risks"), text)

    def suggestions(self, library) -> list:
        from planner.guidance.suggest import risk_suggestions

        return risk_suggestions(library, self.document.plan)

    def suggest_command(self, chosen, owner):
        return ops.suggest_risks(self.document, chosen, owner)
