"""Choose which of the guidance's suggested risks or safeguards to add: each with why it fits and its source."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QVBoxLayout, QWidget,
)

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1  # the item's index in the suggestions, or -1 if present


class SuggestionsDialog(QDialog):
    """A list of suggestions to tick; those the plan already has are shown greyed, not offered.

    Args:
        kind: "risks" or "safeguards".
        suggestions: ``planner.guidance.suggest.Suggestion`` objects, those present last.
        owners: (key, name) of the stakeholders who may own what is added.
    """

    def __init__(self, kind: str, suggestions: list, owners: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.suggestions = list(suggestions)
        risks = kind == "risks"
        self.setWindowTitle(self.tr("Suggest risks") if risks else self.tr("Suggest safeguards"))
        layout = QVBoxLayout(self)
        offered = sum(1 for s in self.suggestions if not s.present)
        if offered:
            intro = (self.tr("The guidance suggests these risks for your plan. Tick the ones that could "
                             "happen here; each says why it fits and where in the article it comes from.")
                     if risks else
                     self.tr("The guidance suggests these safeguards, from what the article's case studies "
                             "did and what its conclusion recommends. Tick the ones your partners could "
                             "agree to; each says why it fits and where it comes from."))
        else:
            intro = (self.tr("Every risk the guidance suggests for this plan is already in the register.")
                     if risks else
                     self.tr("Every safeguard the guidance suggests for this plan is already in the list."))
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.list = QListWidget(self)
        self.list.setObjectName("suggestions")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setAccessibleName(self.tr("Suggestions to tick"))
        for index, suggestion in enumerate(self.suggestions):
            self.list.addItem(self._item(index, suggestion))
        self.list.itemChanged.connect(lambda _item: self._update())
        layout.addWidget(self.list, 1)

        self.explain = QLabel(self.tr(
            "What you add is marked \u201cSuggested\u201d in the list until you change it: your first "
            "edit (a title, a score, an owner) makes it your own, and Undo takes that back. A "
            "suggestion you do not need can be deleted like anything else."), self)
        self.explain.setObjectName("suggested_explained")
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)

        form = QFormLayout()
        self.owner = QComboBox(self)
        self.owner.setObjectName("suggestion_owner")
        self.owner.addItem(self.tr("No owner yet (choose later)"), None)
        for key, name in owners:
            self.owner.addItem(name, key)
        owner_caption = QLabel(self.tr("&Owner of what you add:"), self)
        owner_caption.setBuddy(self.owner)
        form.addRow(owner_caption, self.owner)
        layout.addLayout(form)

        self.buttons = QDialogButtonBox(self)
        self.tick_all = QPushButton(self.tr("&Tick all"), self)
        self.tick_all.clicked.connect(self._tick_all)
        self.buttons.addButton(self.tick_all, QDialogButtonBox.ButtonRole.ActionRole)
        self.add_button = self.buttons.addButton(self.tr("Add"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.add_button.setObjectName("add_suggestions")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if not offered:
            self.tick_all.hide()
            self.owner.setEnabled(False)
        em = self.fontMetrics().averageCharWidth()
        self.resize(90 * em, 36 * self.fontMetrics().lineSpacing())
        self._update()

    def _item(self, index: int, suggestion) -> QListWidgetItem:
        lines = [suggestion.title]
        if suggestion.present:
            lines[0] = self.tr("Already in your plan: %s") % suggestion.present
        lines += [f"    {reason}" for reason in suggestion.reasons]
        lines.append(f"    {suggestion.source}")
        item = QListWidgetItem("\n".join(lines))
        if suggestion.present:
            item.setFlags(Qt.ItemFlag.NoItemFlags)  # shown, greyed, not offered twice
            item.setData(SUGGESTION_ROLE, -1)
        else:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(SUGGESTION_ROLE, index)
        return item

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def chosen(self) -> list:
        """The suggestions ticked, in list order."""
        return [self.suggestions[item.data(SUGGESTION_ROLE)] for item in self.items()
                if item.data(SUGGESTION_ROLE) >= 0 and item.checkState() == Qt.CheckState.Checked]

    def owner_key(self) -> str | None:
        return self.owner.currentData()

    def _tick_all(self) -> None:
        for item in self.items():
            if item.data(SUGGESTION_ROLE) >= 0:
                item.setCheckState(Qt.CheckState.Checked)

    def _update(self) -> None:
        n = len(self.chosen())
        if n == 0:
            text = self.tr("Add the ticked")
        elif self.kind == "risks":
            text = self.tr("Add 1 risk") if n == 1 else self.tr("Add %d risks") % n
        else:
            text = self.tr("Add 1 safeguard") if n == 1 else self.tr("Add %d safeguards") % n
        self.add_button.setText(text)
        self.add_button.setEnabled(n > 0)
