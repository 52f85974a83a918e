"""The welcome screen shown when no plan is open: new, open, recent plans and worked examples."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
    QWidget,
)


class WelcomePage(QWidget):
    """Start here: make a plan, open one, pick up a recent one or learn from an example."""

    new_requested = Signal()
    open_requested = Signal()
    recent_chosen = Signal(str)
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
        self.recent.itemActivated.connect(lambda item: self.recent_chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.no_recent = QLabel(self.tr("Plans you open will be listed here."), recent_box)
        self.no_recent.setWordWrap(True)
        recent_layout.addWidget(self.recent)
        recent_layout.addWidget(self.no_recent)
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
        self.examples.itemActivated.connect(lambda item: self.example_chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        examples_layout.addWidget(self.examples)
        self.no_examples = QLabel(self.tr("The worked examples are not installed."), examples_box)
        examples_layout.addWidget(self.no_examples)
        lists.addWidget(examples_box, 1)
        column.addLayout(lists, 1)

    def set_recent(self, paths: list[str]) -> None:
        """List recent plans by name, each with its folder so two copies can be told apart."""
        self.recent.clear()
        for text in paths:
            path = Path(text)
            item = QListWidgetItem(f"{path.stem}\n{path.parent}", self.recent)
            item.setData(Qt.ItemDataRole.UserRole, text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr("%s in %s") % (path.stem, path.parent))
        self.recent.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)

    def set_examples(self, examples: list[tuple[str, str]]) -> None:
        """List the worked examples as (name, title)."""
        self.examples.clear()
        for name, title in examples:
            item = QListWidgetItem(title, self.examples)
            item.setData(Qt.ItemDataRole.UserRole, name)
        self.examples.setVisible(bool(examples))
        self.no_examples.setVisible(not examples)
