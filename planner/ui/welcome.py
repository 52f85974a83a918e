"""The welcome screen shown when no plan is open: new, open, recent plans and worked examples."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
    QWidget,
)


MISSING_ROLE = Qt.ItemDataRole.UserRole + 1  # True when the recent plan's file is not there


def example_list(examples) -> list[tuple[str, str, str]]:
    """(name, title, target cell's name) of each worked example of ``examples`` (planner.guidance)."""
    listed = []
    for name in examples.example_names():
        plan = examples.example_plan(name)
        listed.append((name, plan.title, plan.target_cell.name if plan.target_cell else ""))
    return listed


class WelcomePage(QWidget):
    """Start here: make a plan, open one, pick up a recent one or learn from an example."""

    new_requested = Signal()
    open_requested = Signal()
    recent_chosen = Signal(str)
    recent_removed = Signal(str)  # the officer took a plan off the recent list
    example_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcome")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        outer.addLayout(column, 6)
        outer.addStretch(1)

        title = QLabel(self.tr("Coproduction Planner"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        column.addWidget(title)
        tagline = QLabel(self.tr(
            "Plan a public service with the people who use it: who takes part, who plans and "
            "who delivers, who carries which risk, and the safeguards that keep it accountable."), self)
        tagline.setWordWrap(True)
        column.addWidget(tagline)

        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New plan…"), self)
        self.new_button.setObjectName("welcome_new")
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton(self.tr("&Open plan…"), self)
        self.open_button.setObjectName("welcome_open")
        self.open_button.clicked.connect(self.open_requested)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        column.addLayout(buttons)

        lists = QHBoxLayout()
        recent_box = QGroupBox(self.tr("Recent plans"), self)
        recent_layout = QVBoxLayout(recent_box)
        self.recent = QListWidget(recent_box)
        self.recent.setObjectName("welcome_recent")
        self.recent.setAccessibleName(self.tr("Recent plans"))
        self.recent.setWordWrap(True)
        self.recent.setSpacing(2)
        self.recent.itemActivated.connect(lambda item: self.recent_chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.no_recent = QLabel(self.tr("Plans you open will be listed here."), recent_box)
        self.no_recent.setWordWrap(True)
        self.open_recent = QPushButton(self.tr("Open &selected plan"), recent_box)
        self.open_recent.setObjectName("welcome_open_recent")
        self.open_recent.clicked.connect(lambda: self._activate(self.recent))
        self.remove_recent = QPushButton(self.tr("&Remove from list"), recent_box)
        self.remove_recent.setObjectName("welcome_remove_recent")
        self.remove_recent.setToolTip(self.tr("Take the selected plan off this list; the file itself is not touched"))
        self.remove_recent.clicked.connect(self._remove_selected)
        self.recent.currentItemChanged.connect(self._recent_selected)
        self.open_recent.setEnabled(False)
        self.remove_recent.setEnabled(False)
        recent_layout.addWidget(self.no_recent)
        recent_layout.addWidget(self.recent, 1)
        recent_buttons = QHBoxLayout()
        recent_buttons.addWidget(self.open_recent)
        recent_buttons.addWidget(self.remove_recent)
        recent_buttons.addStretch(1)
        recent_layout.addLayout(recent_buttons)
        recent_layout.addStretch(0)
        lists.addWidget(recent_box, 1)

        examples_box = QGroupBox(self.tr("Open an example"), self)
        examples_layout = QVBoxLayout(examples_box)
        explain = QLabel(self.tr(
            "Each example is one of the article's case studies as a plan. It is copied to a new "
            "file you choose, so you can change it freely."), examples_box)
        explain.setWordWrap(True)
        examples_layout.addWidget(explain)
        self.examples = QListWidget(examples_box)
        self.examples.setObjectName("welcome_examples")
        self.examples.setAccessibleName(self.tr("Worked examples"))
        self.examples.setWordWrap(True)
        self.examples.setSpacing(2)
        self.examples.itemActivated.connect(lambda item: self.example_chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        examples_layout.addWidget(self.examples, 1)
        self.open_example = QPushButton(self.tr("Open this e&xample…"), examples_box)
        self.open_example.setObjectName("welcome_open_example")
        self.open_example.clicked.connect(lambda: self._activate(self.examples))
        self.examples.currentItemChanged.connect(lambda item, _old: self.open_example.setEnabled(item is not None))
        self.open_example.setEnabled(False)
        examples_layout.addWidget(self.open_example, 0, Qt.AlignmentFlag.AlignLeft)
        self.no_examples = QLabel(self.tr("The worked examples are not installed."), examples_box)
        examples_layout.addWidget(self.no_examples)
        lists.addWidget(examples_box, 1)
        column.addLayout(lists, 3)
        column.addStretch(1)
        # Tab order: the two main buttons first, then each list and its button.
        QWidget.setTabOrder(self.new_button, self.open_button)
        QWidget.setTabOrder(self.open_button, self.recent)
        QWidget.setTabOrder(self.recent, self.open_recent)
        QWidget.setTabOrder(self.open_recent, self.remove_recent)
        QWidget.setTabOrder(self.remove_recent, self.examples)
        QWidget.setTabOrder(self.examples, self.open_example)

    def _activate(self, view: QListWidget) -> None:
        item = view.currentItem()
        if item is not None:
            view.itemActivated.emit(item)

    def _recent_selected(self, item: QListWidgetItem | None, _old=None) -> None:
        missing = item is not None and item.data(MISSING_ROLE)
        self.open_recent.setEnabled(item is not None and not missing)
        self.remove_recent.setEnabled(item is not None)

    def _remove_selected(self) -> None:
        item = self.recent.currentItem()
        if item is not None:
            self.recent_removed.emit(item.data(Qt.ItemDataRole.UserRole))

    def set_recent(self, paths: list[str]) -> None:
        """List recent plans by name, each with its folder; a plan no longer there is marked missing."""
        self.recent.clear()
        for text in paths:
            path = Path(text)
            missing = not path.exists()
            shown = self.tr("%s (missing: moved, renamed or deleted?)") % path.stem if missing else path.stem
            item = QListWidgetItem(f"{shown}\n{path.parent}", self.recent)
            item.setData(Qt.ItemDataRole.UserRole, text)
            item.setData(MISSING_ROLE, missing)
            item.setToolTip(self.tr("%s is not there any more. Remove it from the list, or put the "
                                    "file back.") % text if missing else text)
            if missing:
                item.setForeground(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, (
                self.tr("%s in %s, missing") if missing else self.tr("%s in %s")) % (path.stem, path.parent))
        self.recent.setVisible(bool(paths))
        self.open_recent.setVisible(bool(paths))
        self.remove_recent.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)
        self._recent_selected(self.recent.currentItem())

    def set_examples(self, examples: list[tuple[str, str, str]]) -> None:
        """List the worked examples as (name, title, the Table 1 cell it illustrates)."""
        self.examples.clear()
        for name, title, cell in examples:
            title = title.removesuffix(" (worked example)")
            text = f"{title}\n    {self.tr('Table 1 cell')}: {cell}" if cell else title
            item = QListWidgetItem(text, self.examples)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("Example: %s. %s") % (title, cell))
        self.examples.setVisible(bool(examples))
        self.open_example.setVisible(bool(examples))
        self.no_examples.setVisible(not examples)
