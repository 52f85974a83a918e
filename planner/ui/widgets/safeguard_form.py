"""The form for one governance safeguard, with the risks it answers as a checkable list."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QVBoxLayout, QWidget,
)

from planner.core.model import Risk, Safeguard, SafeguardKind
from planner.ui.widgets.columns import Columns
from planner.ui.widgets.fields import CommitTextEdit, FocusWatcher, enum_combo, set_combo
from planner.ui.widgets.register_form import RegisterForm
from planner.ui.words import long_date_field


class SafeguardForm(RegisterForm):
    """Shows one safeguard; emits ``edited(changes dict, undo text)`` for each change."""

    ITEM = "safeguard"
    BLANK = staticmethod(lambda: Safeguard(key="", title=""))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        tr = self.tr
        self.safeguard: Safeguard | None = None
        self.title = QLineEdit(self)
        self.kind = enum_combo(SafeguardKind, self)
        self.owner = QComboBox(self)
        self.description = CommitTextEdit(self)
        self.review = QDateEdit(self)
        self.review.setCalendarPopup(True)
        long_date_field(self.review)
        self.review.setAccessibleName(tr("Review date"))
        self.no_review = QCheckBox(tr("No review date"), self)
        self.no_review.setAccessibleName(tr("No review date"))
        review_row = QWidget(self)
        review_layout = QHBoxLayout(review_row)
        review_layout.setContentsMargins(0, 0, 0, 0)
        review_layout.addWidget(self.review)
        review_layout.addWidget(self.no_review)
        review_layout.addStretch(1)
        self.mitigates = QListWidget(self)
        self.mitigates.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        # Two columns: the safeguard on the left, the risks it answers on the right.
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget, name in (
                (tr("&Title:"), self.title, tr("Title")),
                (tr("&Kind:"), self.kind, tr("Kind of safeguard")),
                (tr("&Owner:"), self.owner, tr("Owner")),
                (tr("&Review date:"), review_row, tr("Review date")),
                (tr("&Description:"), self.description, tr("Description"))):
            widget.setAccessibleName(name)
            form.addRow(text, widget)
        self.mitigates.setAccessibleName(tr("Risks this safeguard answers"))
        answers = QLabel(tr("&Answers these risks (tick each one):"), self)
        answers.setBuddy(self.mitigates)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(answers)
        right.addWidget(self.mitigates, 1)
        self.columns = Columns(self)
        self.columns.add_column(left, 1)
        self.columns.add_column(right, 1)
        label = form.labelForField(review_row)
        label.setBuddy(self.review)

        self.title.editingFinished.connect(lambda: self._text_finished("title", self.title, "rename safeguard", required=True))
        self.kind.activated.connect(lambda _i: self._emit("kind", self.kind.current(), "change safeguard kind"))
        self.kind.activated.connect(lambda _i: self._hint())
        self.owner.activated.connect(lambda _i: self._emit("owner", self.owner.currentData(), "change safeguard owner"))
        self.description.committed.connect(lambda t: self._emit("description", t, "change safeguard description"))
        self.review.editingFinished.connect(self._date)
        self.review.calendarWidget().clicked.connect(lambda _d: self._date())
        self.no_review.toggled.connect(self._no_date)
        self.mitigates.itemChanged.connect(self._ticked)
        # Tab in the order the fields are read: down the left column, then the risks on the right.
        chain = [self.title, self.kind, self.owner, self.review, self.no_review, self.description, self.mitigates]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        self._watcher = FocusWatcher(lambda _w: self._hint(), self)
        self._watcher.watch(self.kind)
        self.show_item(None)

    def fit_width(self, width: int) -> None:
        """Two columns when the page is wide enough, else one (see widgets.columns)."""
        self.columns.fit_width(width)

    def _fields(self) -> list[QWidget]:
        return [self.title, self.kind, self.owner, self.description, self.review, self.no_review, self.mitigates]

    def _hint(self) -> None:
        self.guidance_requested.emit("safeguard_kind", self.kind.current().value)

    def _date(self) -> None:
        if not self.no_review.isChecked():
            self._emit("review_date", self.review.date().toString(Qt.DateFormat.ISODate), "change review date")

    def _no_date(self, checked: bool) -> None:
        self.review.setEnabled(not checked and not self.read_only and self.safeguard is not None)
        value = None if checked else self.review.date().toString(Qt.DateFormat.ISODate)
        self._emit("review_date", value, "change review date")

    def _ticked(self, _item: QListWidgetItem) -> None:
        keys = [self.mitigates.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.mitigates.count())
                if self.mitigates.item(i).checkState() == Qt.CheckState.Checked]
        self._emit("mitigates", keys, "change risks answered by safeguard")

    def set_choices(self, owners: list[tuple[str, str]], risks: list[Risk]) -> None:
        """The stakeholders who may own a safeguard and the risks it may answer."""
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("No owner yet"), None)
        for key, name in owners:
            self.owner.addItem(name, key)
        self.owner.blockSignals(False)
        self.risks = list(risks)
        self.show_item(self.safeguard)

    def _title_for(self, shown) -> str:
        return (self.tr("Selected safeguard") if shown is not None
                else self.tr("No safeguard selected: choose one in the list, or add one"))

    def _enable(self) -> None:
        super()._enable()
        editable = self.safeguard is not None and not self.read_only
        self.review.setEnabled(editable and not self.no_review.isChecked())

    def _fill(self, shown: Safeguard) -> None:
        self.title.setText(shown.title)
        self.title.setCursorPosition(0)  # a long text shows its start
        set_combo(self.kind, shown.kind)
        set_combo(self.owner, shown.owner)
        self.description.set_text(shown.description)
        date = QDate.fromString(shown.review_date or "", Qt.DateFormat.ISODate)
        self.no_review.setChecked(not date.isValid())
        self.review.setDate(date if date.isValid() else QDate.currentDate().addMonths(6))
        self.mitigates.clear()
        for risk in getattr(self, "risks", []):
            item = QListWidgetItem(risk.title, self.mitigates)
            item.setData(Qt.ItemDataRole.UserRole, risk.key)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if risk.key in shown.mitigates else Qt.CheckState.Unchecked)
