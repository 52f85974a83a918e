"""The form for one risk: what it is, who carries it, what each side must trust, what is accepted."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout,
    QWidget,
)

from planner.core.model import Risk, RiskCategory
from planner.core.scale import RANGE, RANGE_SHORT
from planner.ui.widgets.columns import Columns
from planner.ui.widgets.fields import CommitTextEdit, FocusWatcher, enum_combo, set_combo
from planner.ui.widgets.register_form import RegisterForm
from planner.ui.widgets.shares import SharesEditor
from planner.ui.words import scale_spin


class RiskForm(RegisterForm):
    """Shows one risk; emits ``edited(changes dict, undo text)`` for each change."""

    ITEM = "risk"
    BLANK = staticmethod(lambda: Risk(key="", title=""))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        tr = self.tr
        self.risk: Risk | None = None
        self.title = QLineEdit(self)
        self.category = enum_combo(RiskCategory, self)
        self.likelihood = QSpinBox(self)
        self.impact = QSpinBox(self)
        for spin, name in ((self.likelihood, "likelihood"), (self.impact, "impact")):
            scale_spin(spin, Risk, name)
            spin.setKeyboardTracking(False)
        self.owner = QComboBox(self)
        self.description = CommitTextEdit(self)
        self.trust_users = CommitTextEdit(self, lines=2)
        self.trust_community = CommitTextEdit(self, lines=2)
        self.trust_professionals = CommitTextEdit(self, lines=2)
        self.shares = SharesEditor(self, beside={"users": self.trust_users, "community": self.trust_community,
                                                 "professionals": self.trust_professionals})
        self.accepted = QCheckBox(tr("We accept the risk that remains after the safeguards"), self)
        self.rationale = CommitTextEdit(self, lines=2)
        # Two columns: the risk itself on the left; who carries it and what each side must
        # trust of the others on the right (the form sits under the register, wide not tall).
        left = QFormLayout()
        for text, widget, name in (
                (tr("&Title:"), self.title, tr("Title")),
                (tr("&Category:"), self.category, tr("Risk category")),
                (tr("&Likelihood (%s):") % RANGE_SHORT, self.likelihood, tr("Likelihood, %s") % RANGE),
                (tr("&Impact (%s):") % RANGE_SHORT, self.impact, tr("Impact, %s") % RANGE),
                (tr("&Owner:"), self.owner, tr("Owner")),
                (tr("&Description:"), self.description, tr("Description"))):
            widget.setAccessibleName(name)
            left.addRow(text, widget)
        for widget, name in (
                (self.trust_users, tr("What users must trust of the other sides")),
                (self.trust_community, tr("What the community must trust of the other sides")),
                (self.trust_professionals, tr("What professionals must trust of the other sides")),
                (self.accepted, tr("Residual risk accepted")),
                (self.rationale, tr("Why the residual risk is accepted"))):
            widget.setAccessibleName(name)
        self.shares.setAccessibleName(tr("Shares of the risk"))
        rationale_label = QLabel(tr("&Why it is accepted:"), self)
        rationale_label.setBuddy(self.rationale)
        right = QVBoxLayout()
        right.addWidget(self.shares)
        right.addWidget(self.accepted)
        right.addWidget(rationale_label)
        right.addWidget(self.rationale)
        self.columns = Columns(self)
        for part in (left, right):
            column = QVBoxLayout()
            column.addLayout(part)
            column.addStretch(1)
            self.columns.add_column(column, 1)
        chain = [self.description]
        for side in ("users", "community", "professionals"):
            chain += [self.shares.spins[side], getattr(self, f"trust_{side}")]
        chain += [self.accepted, self.rationale]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self.shares.setToolTip(tr("Type each side's share; the three should add up to 100 %."))

        self.title.editingFinished.connect(lambda: self._text_finished("title", self.title, "rename risk", required=True))
        self.category.activated.connect(lambda _i: self._emit("category", self.category.current(), "change risk category"))
        self.category.activated.connect(lambda _i: self._hint())
        self.likelihood.valueChanged.connect(lambda v: self._emit("likelihood", v, "change risk likelihood"))
        self.impact.valueChanged.connect(lambda v: self._emit("impact", v, "change risk impact"))
        self.owner.activated.connect(lambda _i: self._emit("owner", self.owner.currentData(), "change risk owner"))
        self.description.committed.connect(lambda t: self._emit("description", t, "change risk description"))
        self.shares.shares_edited.connect(lambda s: self._emit("shares", s, "change risk shares"))
        for side in ("users", "community", "professionals"):
            getattr(self, f"trust_{side}").committed.connect(
                lambda t, s=side: self._emit(f"trust_{s}", t, f"change what {s} must trust"))
        self.accepted.toggled.connect(lambda v: self._emit("accepted_residual", v, "change accepted residual risk"))
        self.rationale.committed.connect(lambda t: self._emit("residual_rationale", t, "change residual risk rationale"))
        self._watcher = FocusWatcher(lambda _w: self._hint(), self)
        self._watcher.watch(self.category)
        self.show_item(None)

    def fit_width(self, width: int) -> None:
        """Two columns when the page is wide enough, else one (see widgets.columns)."""
        self.columns.fit_width(width)

    def _fields(self) -> list[QWidget]:
        return [self.title, self.category, self.likelihood, self.impact, self.owner, self.description,
                self.shares, self.trust_users, self.trust_community, self.trust_professionals,
                self.accepted, self.rationale]

    def _hint(self) -> None:
        self.guidance_requested.emit("risk_category", self.category.current().value)

    def set_owners(self, owners: list[tuple[str, str]]) -> None:
        """The stakeholders a risk may belong to, as (key, name)."""
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("No owner yet"), None)
        for key, name in owners:
            self.owner.addItem(name, key)
        self.owner.blockSignals(False)
        if self.risk is not None:
            set_combo(self.owner, self.risk.owner)

    def _title_for(self, shown) -> str:
        return (self.tr("Selected risk") if shown is not None
                else self.tr("No risk selected: choose one in the list, or add one"))

    def show_item(self, risk: Risk | None) -> None:
        if risk is None or self.risk is None or risk.key != self.risk.key:
            self.shares.forget_last()
        super().show_item(risk)

    def _fill(self, shown: Risk) -> None:
        self.title.setText(shown.title)
        self.title.setCursorPosition(0)  # a long text shows its start
        set_combo(self.category, shown.category)
        self.likelihood.setValue(shown.likelihood)
        self.impact.setValue(shown.impact)
        set_combo(self.owner, shown.owner)
        self.description.set_text(shown.description)
        self.shares.set_shares(shown.shares)
        self.trust_users.set_text(shown.trust_users)
        self.trust_community.set_text(shown.trust_community)
        self.trust_professionals.set_text(shown.trust_professionals)
        self.accepted.setChecked(shown.accepted_residual)
        self.rationale.set_text(shown.residual_rationale)
