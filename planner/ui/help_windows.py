"""The Help menu's windows: the user guide (bundled, read offline) and guidance without a plan open."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser, QVBoxLayout,
    QWidget,
)

from planner.core.article import ARTICLE
from planner.core.matrix import available_cells
from planner.core.model import Driver, label
from planner.resources import resource_path
from planner.ui.guidance_panel import GuidancePanel

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


def user_guide_html() -> str | None:
    """The bundled user guide as HTML, or None when it is not installed."""
    try:
        html = resource_path("guide", "user-guide.html").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return None
    return html.replace("<!--ARTICLE-->", escape(ARTICLE))  # the one full citation, not a copy


class UserGuide(QDialog):
    """The user guide in a window of its own: no browser and no network needed."""

    def __init__(self, html: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Coproduction Planner: user guide"))
        self.setObjectName("user_guide")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("user_guide_text")
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(html)
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        em = self.fontMetrics().averageCharWidth()
        self.resize(80 * em, 40 * self.fontMetrics().lineSpacing())


class GuidanceWindow(QDialog):
    """The guidance on the matrix cells and the drivers, for reading before a plan is open."""

    def __init__(self, library_source: Callable[[], Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Guidance"))
        self.setObjectName("guidance_window")
        self.topics = QListWidget(self)
        self.topics.setObjectName("guidance_topics")
        self.topics.setAccessibleName(self.tr("Topics"))
        self.topics.setWordWrap(True)  # the cells' names are long: wrap them, never scroll sideways
        self.topics.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.topics.setSpacing(2)
        intro = QListWidgetItem(self.tr("About coproduction"), self.topics)
        intro.setData(Qt.ItemDataRole.UserRole, None)
        for cell in available_cells():
            item = QListWidgetItem(self.tr("Matrix: %s") % cell.name, self.topics)
            item.setData(Qt.ItemDataRole.UserRole, ("cell", cell.code))
        for driver in Driver:
            item = QListWidgetItem(self.tr("Why coproduce: %s") % label(driver), self.topics)
            item.setData(Qt.ItemDataRole.UserRole, ("driver", driver.value))
        self.panel = GuidancePanel(library_source, self)
        self.topics.currentItemChanged.connect(self._show)
        row = QHBoxLayout()
        row.addWidget(self.topics, 2)
        row.addWidget(self.panel, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        em = self.fontMetrics().averageCharWidth()
        self.resize(100 * em, 34 * self.fontMetrics().lineSpacing())
        self.topics.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None, _previous=None) -> None:
        topic = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if topic is None:
            self.panel.show_intro()
        else:
            self.panel.show_guidance(*topic)


def wire(window: MainWindow) -> None:
    """Connect File > Open an example, Help > Guidance (also with no plan open) and Help > User guide."""
    actions = window.actions
    actions.open_example.setEnabled(window.examples is not None)
    actions.open_example.triggered.connect(lambda: choose_example(window))
    actions.user_guide.triggered.connect(lambda: show_user_guide(window))


def choose_example(window: MainWindow) -> bool:
    """Ask which worked example to open, then copy it to a new file as the welcome screen does."""
    from planner.ui import files

    if window.examples is None:
        return False
    names = list(window.examples.example_names())
    titles = [window.examples.example_title(n).removesuffix(" (worked example)") for n in names]
    chosen = window.ask_item(window.tr("Open an example"), window.tr(
        "Each example is one of the article's case studies as a plan. It is copied to a new file "
        "you choose, so you can change it freely.\n\nExample:"), titles)
    if chosen is None:
        return False
    return files.open_example(window, names[titles.index(chosen)])


def show_user_guide(window: MainWindow) -> QDialog | None:
    """Open the bundled user guide in its own window (or say that it is missing)."""
    html = user_guide_html()
    if html is None:
        window.show_message(window.tr("User guide"), window.tr(
            "The user guide is not installed with this copy of Coproduction Planner."))
        return None
    return _keep(window, "user_guide_window", lambda: UserGuide(html, window))


def show_guidance_window(window: MainWindow) -> QDialog:
    """The guidance on its own, for Help > Guidance on the welcome screen (no plan, no panel)."""
    return _keep(window, "guidance_window", lambda: GuidanceWindow(lambda: window.library, window))


def _keep(window: MainWindow, name: str, make: Callable[[], QDialog]) -> QDialog:
    """Show the window's one dialog of this kind, making it the first time (it is not modal)."""
    dialog = getattr(window, name, None)
    if dialog is None:
        dialog = make()
        setattr(window, name, dialog)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
