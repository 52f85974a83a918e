"""The Governance safeguards step: the arrangements that answer the risks, and the risks still bare."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel, QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from planner.ui.document import Change, PlanDocument
from planner.ui.models.safeguards import SafeguardTableModel
from planner.ui.operations import safeguards as ops
from planner.ui.steps.attention import bare_risks
from planner.ui.steps.base import form_scroll
from planner.ui.steps.register_step import LAZY_ABOVE, RegisterStep
from planner.ui.widgets.register import RegisterPane
from planner.ui.widgets.safeguard_form import SafeguardForm

STATUS_COLUMN = 1  # "Suggested" or empty: shown only while some safeguard is still a suggestion


class SafeguardsStep(RegisterStep):
    """Accountability does not go away when users and communities share the work."""

    REGISTER = "safeguards"
    ITEM = "safeguard"

    TITLE = "Governance safeguards"
    NAME = "safeguards"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._names: dict[str, str] = {}
        self._risks: list = []
        self._stale = False
        self.model = SafeguardTableModel(lambda key: self._names.get(key, "") if key else "",
                                         self._risk_title, self)
        self.pane = RegisterPane(self.model, self.tr("safeguards"), self)
        self.suggest_button = QPushButton(self.tr("&Suggest safeguards…"), self)
        self.suggest_button.setAccessibleName(self.tr("Suggest safeguards that fit the target cell and the risks"))
        self.suggest_button.clicked.connect(self.suggest)
        self.pane.add_button_widget(self.suggest_button)
        self.bare_label = QLabel(self)
        self.bare_label.setWordWrap(True)
        self.bare = QListWidget(self)
        self.bare.setAccessibleName(self.tr("Risks with no safeguard"))
        self.bare_label.setBuddy(self.bare)
        self.answer_button = QPushButton(self.tr("Add a safeguard &for this risk"), self)
        self.answer_button.setAccessibleName(self.tr("Add a safeguard for the selected risk"))
        self.answer_button.clicked.connect(self.answer_selected_risk)
        self.bare.itemActivated.connect(lambda _item: self.answer_selected_risk())
        self.bare.currentItemChanged.connect(lambda *_: self._update_answer_button())
        self.form = SafeguardForm(self)
        scroll = form_scroll(self.form, self)

        self.bare_box = QWidget(self)
        bare_layout = QVBoxLayout(self.bare_box)
        bare_layout.setContentsMargins(0, 0, 0, 0)
        bare_layout.addWidget(self.bare_label)
        bare_layout.addWidget(self.bare, 1)
        bare_layout.addWidget(self.answer_button, 0, Qt.AlignmentFlag.AlignLeft)
        bare_layout.addStretch(0)
        top = QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.pane)
        top.addWidget(self.bare_box)
        top.setSizes([1800, 900])  # the register wants the width; the bare risks are a short list
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(scroll)
        splitter.setSizes([1100, 900])
        self.suggested_note = self._suggested_note(self.tr(
            "\u201cSuggested\u201d marks a safeguard added from the guidance that you have not changed "
            "yet. Agree it with your partners and give it an owner: your first change makes it "
            "your own; delete it if it does not apply."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.make_findings_panel())
        layout.addWidget(self.suggested_note)
        layout.addWidget(splitter)

        self._connect_register(self._show_current)

    def _risk_title(self, key: str) -> str:
        return next((r.title for r in self._risks if r.key == key), key)

    # -------------------------------------------------------------- loading and refreshing

    def load(self, document: PlanDocument) -> None:
        self._attach(document)
        self.pane.view.clearSelection()
        self.suggest_button.setEnabled(not document.read_only)
        self._reload()
        self._select_first()

    def _reload(self) -> None:
        keep = self.pane.selected_keys()
        plan = self.document.plan
        self._names = {s.key: s.name for s in plan.stakeholders}
        self._risks = list(plan.risks)
        self.form.set_choices(list(self._names.items()), self._risks)
        self.model.reset(plan.safeguards)
        self.pane.fit_columns()
        self._stale = False
        self.pane.select_keys(keep, scroll=False)
        self._after_safeguards()

    def _changed(self, change: Change) -> None:
        if change.touches("risks", "stakeholders"):
            # Risk titles, owners' names and links may have changed: read them now if the page
            # is in sight, else when it is next shown (an edit elsewhere must stay cheap).
            self._stale = True
            if self.isVisible() or (change.scope != "stakeholders" and len(self._names) <= LAZY_ABOVE):
                self._reload()
        elif change.touches("safeguards"):
            self._refresh_own_rows(change.keys_in("safeguards"))
            self._after_safeguards()

    def showEvent(self, event):
        super().showEvent(event)
        if self.document is not None and self._stale:
            self._reload()

    def _after_safeguards(self) -> None:
        suggested = any(g.suggested for g in self.model.items())
        self.pane.set_column_shown(STATUS_COLUMN, suggested)
        self.suggested_note.setVisible(suggested)
        bare = bare_risks(self._risks, self.model.items())
        self.bare.clear()
        for risk in bare:
            item = QListWidgetItem(self.tr("{0} (score {1})").format(risk.title, risk.score), self.bare)
            item.setData(Qt.ItemDataRole.UserRole, risk.key)
        if not self._risks:
            self.bare_label.setText(self.tr("The plan has no risks yet: add them on the Division of risk step."))
        elif bare:
            self.bare_label.setText(self.tr("Risks with no safeguard yet ({0}):").format(len(bare)))
        else:
            self.bare_label.setText(self.tr("Every risk has at least one safeguard."))
        self.bare.setVisible(bool(bare))
        # With every risk answered the short list has nothing to show: the register takes the
        # whole width, so its columns are not cut (the page's findings say all is well).
        self.bare_box.setVisible(bool(bare) or not self._risks)
        if bare:
            self.bare.setCurrentRow(0)
        self._update_answer_button()
        self._show_current()

    def _update_answer_button(self) -> None:
        self.answer_button.setVisible(self.bare.count() > 0)
        self.answer_button.setEnabled(
            self.bare.currentItem() is not None and self.document is not None and not self.document.read_only)

    def guidance_topic(self) -> tuple[str, str] | None:
        shown = self.form.safeguard
        return ("safeguard_kind", shown.kind.value) if shown is not None else None

    def select(self, target_type: str, key: str | None) -> None:
        if target_type == "plan":  # a plan-wide finding (no line of accountability): add one
            self.pane.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not key:
            return
        if target_type in ("safeguard", "safeguards"):
            self.pane.select_keys([key])
            self.pane.view.setFocus()
        elif target_type in ("risk", "risks"):
            for i in range(self.bare.count()):
                if self.bare.item(i).data(Qt.ItemDataRole.UserRole) == key:
                    self.bare.setCurrentRow(i)
                    self.bare.setFocus()

    # -------------------------------------------------------------- edits

    def new_command(self, mitigates: list[str] = ()):
        return ops.add_safeguard(self.document, self.tr("New safeguard"), list(mitigates))

    def duplicate_command(self, originals):
        return ops.duplicate_safeguards(self.document, originals, self.tr("(copy)"))

    def delete_command(self, keys):
        return ops.delete_safeguards(self.document, keys)

    def answer_selected_risk(self) -> None:
        item = self.bare.currentItem()
        if item is not None:
            self._add(self.new_command([item.data(Qt.ItemDataRole.UserRole)]))

    def show_message(self, text: str) -> None:
        """Tell the officer something (tests replace this)."""
        QMessageBox.information(self, self.tr("Suggest safeguards"), text)

    def suggestions(self, library) -> list:
        from planner.guidance.suggest import safeguard_suggestions

        return safeguard_suggestions(library, self.document.plan)

    def suggest_command(self, chosen, owner):
        return ops.suggest_safeguards(self.document, chosen, owner)
