"""The main window: welcome screen or the open plan's steps, guidance, menus and file flows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (
    QApplication, QLabel, QMainWindow, QSplitter, QStackedWidget,
    QVBoxLayout, QWidget,
)

from planner import __version__
from planner.storage import PlanStore
from planner.ui import files, help_windows
from planner.ui.actions import Actions
from planner.ui.asking import Asking
from planner.ui.document import PlanDocument
from planner.ui.exporting import Exporting
from planner.ui.guidance_panel import ARTICLE, GuidancePanel
from planner.ui.settings import Settings
from planner.ui.step_list import StepList, StepListModel
from planner.ui.step_pages import StepPages
from planner.ui.steps import Step, registry
from planner.ui.text_undo import TextUndoGuard
from planner.ui.welcome import WelcomePage, example_list


class MainWindow(Asking, Exporting, QMainWindow):
    """One window, one plan at a time.

    Args:
        settings: the app's preferences.
        library: the guidance library, or None when it is not installed.
        examples: anything with ``example_names()``, ``example_title(name)`` and
            ``example_plan(name)`` (the ``planner.guidance`` module), or None.
        load_library: instead of ``library``, reads it the first time it is needed.
    """

    def __init__(self, settings: Settings, library=None, examples=None, parent: QWidget | None = None,
                 load_library: Callable[[], Any] | None = None):
        super().__init__(parent)
        self.settings = settings
        self._library = library
        self._load_library = load_library
        self.examples = examples
        self.document: PlanDocument | None = None
        self._quiet_guidance = False  # True while opening a plan: the panel keeps its introduction
        self.undo_group = QUndoGroup(self)
        # Ctrl+Z in a text box undoes its unsaved typing only, then the plan's edits.
        self.text_undo = TextUndoGuard(self)
        QApplication.instance().installEventFilter(self.text_undo)

        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.welcome = WelcomePage(self.pages)
        self.pages.addWidget(self.welcome)
        self.plan_view = QWidget(self.pages)
        self.pages.addWidget(self.plan_view)
        view_layout = QVBoxLayout(self.plan_view)
        view_layout.setContentsMargins(6, 6, 6, 6)
        self.banner = QLabel(self.plan_view)
        self.banner.setObjectName("read_only_banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet(
            "QLabel { border: 2px solid palette(text); padding: 6px; background: palette(alternate-base); }")
        self.banner.hide()
        view_layout.addWidget(self.banner)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.plan_view)
        self.splitter.setObjectName("main_splitter")
        self.splitter.setChildrenCollapsible(False)
        view_layout.addWidget(self.splitter, 1)
        self.step_list = StepList(self.splitter)
        self.step_model = StepListModel([(p.name, self.tr(p.title)) for p in registry.PAGES], self)
        self.step_list.setModel(self.step_model)
        self.step_list.selectionModel().currentChanged.connect(self._step_chosen)
        self.step_stack = QStackedWidget(self.splitter)
        self.step_stack.setObjectName("step_stack")
        self.step_pages = StepPages(self.step_stack, self.step_model, self._prepare_step, self)
        # Tab goes step list -> step page -> guidance, though each page is built after it.
        self.step_pages.built.connect(
            lambda step: self.step_pages.tab_between(step, self.step_list, self.guidance.browser))
        self.guidance = GuidancePanel(lambda: self.library, self.splitter)
        self.guidance.setObjectName("guidance_panel")
        for index, stretch in enumerate((0, 3, 1)):
            self.splitter.setStretchFactor(index, stretch)
        em = self.fontMetrics().averageCharWidth()
        metrics = self.step_list.fontMetrics()
        widest = max(metrics.horizontalAdvance(f"{n}. {self.tr(p.title)}") for n, p in enumerate(registry.PAGES, 1))
        list_width = widest + 5 * em  # room for the frame, spacing and a scroll bar
        self.step_list.setMinimumWidth(list_width)
        self.guidance.setMinimumWidth(20 * em)
        if not self.splitter.restoreState(settings.splitter):
            self.splitter.setSizes([list_width, 100 * em, 32 * em])

        self.changes_label = QLabel(self)
        self.changes_label.setObjectName("changes_label")
        self.statusBar().addPermanentWidget(self.changes_label)
        self.actions = Actions(self, self.undo_group)
        self.actions.build_menus(self)
        self._wire()
        self.refresh_recent()
        if examples is not None:
            self.welcome.set_examples(example_list(examples))
        else:
            self.welcome.set_examples([])
        self._show_welcome()
        if not self.restoreGeometry(settings.geometry):
            self._default_size()
        self.restoreState(settings.window_state)

    @property
    def library(self):
        """The guidance library, or None; read when first needed, not before the window shows."""
        if self._load_library is not None:
            self._library, self._load_library = self._load_library(), None
        return self._library

    def _default_size(self) -> None:
        """1200 x 780, or nine tenths of a smaller (or more scaled) screen."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1200, 780
        if screen is not None:
            width, height = min(width, int(screen.width() * 0.9)), min(height, int(screen.height() * 0.9))
        self.resize(width, height)

    def _wire(self) -> None:
        a = self.actions
        a.new.triggered.connect(lambda: files.new_plan(self))
        a.open.triggered.connect(lambda: files.choose_and_open(self))
        a.save_as.triggered.connect(lambda: files.save_as(self))
        a.export.triggered.connect(self.export_from_dialog)
        a.export_word.triggered.connect(self.export_word)
        a.export_easy_read.triggered.connect(self.export_easy_read)
        a.publish.triggered.connect(self.publish_to_portfolio)
        a.close_plan.triggered.connect(lambda: self.may_leave_plan() and self.close_document())
        a.quit.triggered.connect(self.close)
        a.plan_check.triggered.connect(lambda: self.go_to_step("review"))
        a.next_step.triggered.connect(lambda: self.step_by(1))
        a.previous_step.triggered.connect(lambda: self.step_by(-1))
        a.guidance.triggered.connect(self.show_guidance_panel)
        help_windows.wire(self)
        a.about.triggered.connect(self._about)
        a.show_guidance.toggled.connect(self._guidance_toggled)
        a.show_guidance.setChecked(self.settings.show_guidance)
        self.guidance.setVisible(self.settings.show_guidance)
        self.welcome.new_requested.connect(a.new.trigger)
        self.welcome.open_requested.connect(a.open.trigger)
        self.welcome.recent_chosen.connect(lambda path: files.open_plan(self, path))
        self.welcome.recent_removed.connect(lambda path: (self.settings.remove_recent(path), self.refresh_recent()))
        self.welcome.example_chosen.connect(lambda name: files.open_example(self, name))

    # ------------------------------------------------------------ the open plan

    def set_store(self, store: PlanStore) -> None:
        """Show a freshly opened plan (closing the one that was open)."""
        self.close_document()
        document = PlanDocument(store, self)
        self.document = document
        self.settings.add_recent(store.path)
        self.refresh_recent()
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        document.plan_changed.connect(self._plan_changed)
        document.write_failed.connect(self._write_failed)
        document.replayed.connect(self._show_replayed)
        document.undo_stack.cleanChanged.connect(lambda _clean: self._update_title())
        self.step_pages.open(document)  # pages are built as they are shown (go_to_step below)
        if document.read_only:
            self.banner.setText(self.tr(
                "Opened read-only. %s You can read this plan and export it as a PDF, but not "
                "change it. To work on it, save a copy with File › Save As…") % store.read_only_reason)
        self.banner.setVisible(document.read_only)
        self.actions.set_plan_open(True, document.read_only)
        self.pages.setCurrentWidget(self.plan_view)
        self.step_list.setFocus(Qt.FocusReason.OtherFocusReason)  # arrows then walk the steps
        self.go_to_step(self.settings.last_step, follow_guidance=False)
        self._update_title()
        self.statusBar().showMessage(self.tr("Opened %s") % store.path.name)

    def _prepare_step(self, step: Step) -> None:
        """Wire a page as it is first built, before it loads the plan."""
        step.guidance_requested.connect(self.guidance.show_guidance)
        if step.NAME == "review":
            step.set_export_preferences(self.settings.paper, self.settings.open_when_done)
            step.go_to_requested.connect(self.go_to)
            step.set_step_titles({p.name: self.tr(p.title) for p in registry.PAGES})
            step.export_requested.connect(self.export_with)
            step.easy_read_export_requested.connect(self.export_easy_read)

    @property
    def steps(self) -> list[Step]:
        """Every step page, building those not shown yet (the window builds each when first shown)."""
        if self.document is None:
            return []
        return [self.step_pages.page(row) for row in range(len(registry.PAGES))]

    def commit_pending_edits(self) -> None:
        """Save what is typed in the field that has the focus (it saves when left)."""
        focused = QApplication.focusWidget()
        if focused is not None and self.step_stack.isAncestorOf(focused):
            focused.clearFocus()

    def may_leave_plan(self) -> bool:
        """Save pending typing; if something could not be saved, ask before it is lost."""
        if self.document is None:
            return True
        self.commit_pending_edits()
        unsaved = [name for step in self.step_pages.pages() for name in step.unsaved_changes()]
        if not unsaved:
            return True
        return self.ask_confirm(self.tr("Close without these changes?"), self.tr(
            "These changes could not be saved and will be lost: %s. Close the plan anyway?")
            % ", ".join(unsaved))

    def close_document(self) -> None:
        """Close the open plan, if any, and give back its lock."""
        if self.document is None:
            return
        self.step_pages.close()
        self.undo_group.removeStack(self.document.undo_stack)
        self.document.close()
        self.document.deleteLater()
        self.document = None
        self._show_welcome()

    def _show_welcome(self) -> None:
        self.pages.setCurrentWidget(self.welcome)
        self.welcome.new_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.actions.set_plan_open(False)
        self.banner.hide()
        self._update_title()

    def _update_title(self) -> None:
        # No "[*]" mark: an asterisk means unsaved work in Office, and every change here is
        # saved as it is made; the status bar says whether the plan changed since it was opened.
        if self.document is None:
            self.setWindowTitle(self.tr("Coproduction Planner"))
            self.changes_label.setText("")
            return
        name = self.document.store.path.name
        read_only = self.tr(" (read-only)") if self.document.read_only else ""
        self.setWindowTitle(f"{self.document.plan.title} — {name}{read_only} — " + self.tr("Coproduction Planner"))
        changed = not self.document.undo_stack.isClean()
        if self.document.read_only:
            self.changes_label.setText(self.tr("Read-only"))
        else:
            self.changes_label.setText(self.tr("Saved · changed since opened (Undo goes back)") if changed
                                       else self.tr("Saved · no changes since opened"))

    def _plan_changed(self, _change) -> None:
        self._update_title()
        self.statusBar().showMessage(self.tr("All changes saved"))

    def _write_failed(self, message: str) -> None:
        self.statusBar().showMessage(self.tr("The last change was not saved."))
        self.show_message(self.tr("The change was not saved"), message)

    # ------------------------------------------------------------ steps

    def _step_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.document is not None:
            self._show_step(current.row())

    def _show_step(self, row: int) -> Step:
        """Put step ``row``'s page in sight, building it the first time."""
        step = self.step_pages.page(row)
        arriving = self.step_stack.currentWidget() is not step
        self.step_stack.setCurrentWidget(step)
        self.settings.last_step = step.NAME
        if arriving:  # the panel follows the page, never the last page's topic
            topic = None if self._quiet_guidance else step.guidance_topic()
            if topic is None:
                self.guidance.show_intro()
            else:
                self.guidance.show_guidance(*topic)
        return step

    def current_step(self) -> Step | None:
        return self.step_stack.currentWidget()

    def go_to_step(self, name: str, follow_guidance: bool = True) -> Step | None:
        """Show the step with this NAME (the first step if there is none).

        ``follow_guidance=False`` shows the panel's introduction instead of the page's topic
        (on opening a plan: the guidance library is read when first needed, not before the
        window's first paint).
        """
        if self.document is None:
            return None
        self._quiet_guidance = not follow_guidance  # also for the list's own currentChanged
        try:
            row = max(0, self.step_model.row_of(name))
            self.step_list.selectionModel().setCurrentIndex(
                self.step_model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
            return self._show_step(row)  # also when the list's current row was already this one
        finally:
            self._quiet_guidance = False

    def step_by(self, offset: int) -> Step | None:
        """Go ``offset`` steps on (or back) from the one shown, stopping at the first and last."""
        current = self.step_list.currentIndex().row() if self.step_list.currentIndex().isValid() else 0
        row = min(self.step_model.rowCount() - 1, max(0, current + offset))
        return self.go_to_step(self.step_model.index(row).data(self.step_model.NameRole))

    def go_to(self, name: str, target_type: str, key) -> None:
        """Follow a plan-check finding to the step that owns it and select its target."""
        step = self.go_to_step(name)
        if step is not None:
            step.select(target_type, key)

    def _show_replayed(self, place: tuple[str, str, str | None]) -> None:
        """Undo and redo go to the step they changed and select the item, as Word jumps to the change."""
        name, target_type, key = place
        if key is None:
            self.go_to_step(name)
        else:
            self.go_to(name, target_type, key)

    def show_guidance_panel(self) -> None:
        if self.document is None:  # the welcome screen has no panel: the guidance in a window
            help_windows.show_guidance_window(self)
            return
        self.actions.show_guidance.setChecked(True)
        self.guidance.browser.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _guidance_toggled(self, shown: bool) -> None:
        self.guidance.setVisible(shown)
        self.settings.show_guidance = shown

    # ------------------------------------------------------------ recent, about

    def refresh_recent(self) -> None:
        """Rebuild the Open Recent menu and the welcome screen's list."""
        recent = self.settings.recent_files
        self.welcome.set_recent(recent)
        menu = self.actions.recent_menu if hasattr(self, "actions") else None
        if menu is None:
            return
        menu.clear()
        for text in recent:
            path = Path(text)
            gone = "" if path.exists() else self.tr(" — missing")
            action = menu.addAction(f"{path.name}  ({path.parent}){gone}")
            action.triggered.connect(lambda _=False, text=text: files.open_plan(self, text))
        menu.setEnabled(bool(recent))

    def _about(self) -> None:
        self.show_message(self.tr("About Coproduction Planner"), self.tr(
            "Coproduction Planner %s\n\nPlan public services with the people who use them. "
            "The matrix, the drivers and the risks follow:\n%s") % (__version__, ARTICLE))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_leave_plan():
            event.ignore()
            return
        self.settings.geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        self.settings.splitter = self.splitter.saveState()
        self.close_document()
        self.settings.sync()
        super().closeEvent(event)
