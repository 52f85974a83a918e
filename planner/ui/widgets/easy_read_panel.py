"""The easy-read summary's text on the Review step: section by section, checked like spelling.

Each section starts as the app's draft from the plan; what the officer types replaces it and
is saved when they leave the box. Long sentences, jargon and abbreviations are underlined as
they type and listed in words below the box, with what to write instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
    QWidget,
)

from planner.core import easy_read
from planner.core.model import Plan
from planner.core.plain_words import Problem, check_text
from planner.ui.text_fields import CommitPlainTextEdit

KIND_WORDS = {"long": "Long sentence", "jargon": "Jargon", "abbreviation": "Abbreviation"}
# The list names each section briefly; the document prints its full heading.
SHORT_NAMES = {"service": "1. The service", "people": "2. Who takes part",
               "change": "3. What will change", "safety": "4. Keeping people safe",
               "say": "5. Having a say", "contact": "6. Who to contact"}


class PlainWordsHighlighter(QSyntaxHighlighter):
    """Underlines each problem the checker finds, line by line (a line is a point)."""

    def __init__(self, document):
        super().__init__(document)
        self.word = QTextCharFormat()
        self.word.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.word.setUnderlineColor(QColor("#c00000"))
        self.sentence = QTextCharFormat()
        self.sentence.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.sentence.setUnderlineColor(QColor("#b36b00"))
        self.sentence.setBackground(QColor("#fff4d6"))

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        for problem in check_text(text):
            fmt = self.sentence if problem.kind == "long" else self.word
            self.setFormat(problem.start, problem.end - problem.start, fmt)


class EasyReadPanel(QGroupBox):
    """Six sections to choose from, the chosen one's text, and what the checker found in it."""

    text_committed = Signal(str, str)  # section key, the officer's text ("" = use the draft)
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Easy-read summary: \u201cWhat we are planning together\u201d"), parent)
        self.plan: Plan | None = None
        self.key = easy_read.SECTIONS[0].key
        self.problems: list[Problem] = []
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "For the people the plan is about. One point a line, in short everyday words; a "
            "picture goes beside each point. The app wrote a first version from the plan: "
            "change it as you like. Underlined words and sentences are hard for some readers."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.sections = QListWidget(self)
        self.sections.setObjectName("easy_read_sections")
        self.sections.setAccessibleName(self.tr("Easy-read sections"))
        for section in easy_read.SECTIONS:
            item = QListWidgetItem(self.tr(SHORT_NAMES[section.key]), self.sections)
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            item.setToolTip(self.tr(section.heading))
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setFixedWidth(self.fontMetrics().horizontalAdvance(
            self.tr("4. Keeping people safe") + self.tr(" (99 to look at)")) + 24)
        self.sections.currentRowChanged.connect(self._section_chosen)
        row.addWidget(self.sections)
        column = QVBoxLayout()
        self.editor = CommitPlainTextEdit(self)
        self.editor.setObjectName("easy_read_text")
        self.editor.setAccessibleName(self.tr("Easy-read text for this section"))
        self.highlighter = PlainWordsHighlighter(self.editor.document())
        self.editor.editingFinished.connect(self._commit)
        self.editor.textChanged.connect(self._check)
        column.addWidget(self.editor, 2)
        self.found = QListWidget(self)
        self.found.setObjectName("easy_read_problems")
        self.found.setAccessibleName(self.tr("What to look at in this section"))
        self.found.itemActivated.connect(self._show_problem)
        self.found.itemClicked.connect(self._show_problem)
        column.addWidget(self.found, 1)
        buttons = QHBoxLayout()
        self.source = QLabel(self)
        self.source.setObjectName("easy_read_source")
        self.reset = QPushButton(self.tr("Use the &draft"), self)
        self.reset.setToolTip(self.tr("Put back the app's draft of this part, written from the plan"))
        self.reset.setObjectName("easy_read_reset")
        self.reset.clicked.connect(self._use_draft)
        self.export_button = QPushButton(self.tr("Export easy &read\u2026"), self)
        self.export_button.setToolTip(self.tr("Write the easy-read summary as a PDF"))
        self.export_button.setObjectName("easy_read_export")
        self.export_button.clicked.connect(self.export_requested)
        # Where the text comes from on a line of its own, wrapped, and the two buttons under
        # it: side by side with the buttons the panel was too wide for a laptop at 125 %.
        self.source.setWordWrap(True)
        column.addWidget(self.source)
        buttons.addWidget(self.reset)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        column.addLayout(buttons)
        row.addLayout(column, 1)
        layout.addLayout(row)
        self.sections.setCurrentRow(0)

    def load(self, plan: Plan) -> None:
        """Show the plan's text (the officer's own, else the draft); keeps typing in progress."""
        self.plan = plan
        if not self.editor.hasFocus() or not self.editor.is_modified():
            self._show_section()
        self._label_sections()

    def _section_chosen(self, row: int) -> None:
        if row < 0:
            return
        if self.editor.is_modified():
            self._commit()
        self.key = easy_read.SECTIONS[row].key
        self._show_section()

    def _show_section(self) -> None:
        if self.plan is None:
            return
        own = easy_read.own_text(self.plan, self.key)
        self.editor.set_committed_text(own if own.strip() else easy_read.draft(self.plan, self.key))
        self.source.setText(self.tr("Your own text.") if own.strip()
                            else self.tr("The app\u2019s draft from the plan."))
        self.reset.setEnabled(bool(own.strip()))
        self._check()

    def _check(self) -> None:
        self.problems = check_text(self.editor.toPlainText())
        self.found.clear()
        if not self.problems:
            self.found.addItem(self.tr("\u2714 Nothing to look at: short sentences in plain words."))
            return
        for problem in self.problems:
            item = QListWidgetItem(f"{self.tr(KIND_WORDS[problem.kind])}: {problem.message}", self.found)
            item.setData(Qt.ItemDataRole.UserRole, (problem.start, problem.end))

    def _label_sections(self) -> None:
        """Each section's name with how many things to look at in it."""
        if self.plan is None:
            return
        texts = easy_read.texts(self.plan)
        for row, section in enumerate(easy_read.SECTIONS):
            count = len(check_text(texts[section.key]))
            label = self.tr(SHORT_NAMES[section.key])
            if count:
                label += self.tr(" (%d to look at)") % count
            self.sections.item(row).setText(label)

    def _show_problem(self, item: QListWidgetItem) -> None:
        span = item.data(Qt.ItemDataRole.UserRole)
        if not span:
            return
        cursor = self.editor.textCursor()
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _commit(self) -> None:
        """Save the shown text; text equal to the draft is saved as "", so it follows the plan."""
        if self.plan is None:
            return
        text = self.editor.toPlainText().strip()
        if text == easy_read.draft(self.plan, self.key).strip():
            text = ""
        if text != easy_read.own_text(self.plan, self.key).strip():
            self.text_committed.emit(self.key, text)

    def _use_draft(self) -> None:
        self.text_committed.emit(self.key, "")
