"""The window's actions, menus and toolbar: one place that names every command and its shortcut."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar


class Actions:
    """Every QAction of the main window, built once and wired by the window."""

    def __init__(self, window: QMainWindow, undo_group: QUndoGroup):
        tr = window.tr

        def make(text: str, name: str, shortcuts=(), tip: str = "") -> QAction:
            action = QAction(text, window)
            action.setObjectName(name)
            if shortcuts:
                action.setShortcuts([QKeySequence(s) for s in shortcuts])
            if tip:
                action.setStatusTip(tip)
                action.setToolTip(tip)
            return action

        self.new = make(tr("&New plan…"), "action_new", [QKeySequence.StandardKey.New],
                        tr("Start a new plan in a file you choose"))
        self.open = make(tr("&Open plan…"), "action_open", [QKeySequence.StandardKey.Open],
                         tr("Open a plan file"))
        self.open_example = make(tr("Open an e&xample…"), "action_open_example", [],
                                 tr("Copy one of the article's case studies to a new plan file and open it"))
        self.recent_menu = QMenu(tr("Open &Recent"), window)
        self.recent_menu.setObjectName("menu_recent")
        self.save_as = make(tr("Save &As…"), "action_save_as", ["Ctrl+Shift+S"],
                            tr("Save a copy of the plan under another name and carry on in the copy"))
        self.export = make(tr("&Export PDF…"), "action_export", ["Ctrl+E"],
                           tr("Write the plan as a PDF to share"))
        self.export_word = make(tr("&Word document…"), "action_export_word", ["Ctrl+Shift+E"],
                                tr("Write the plan as a Word document to edit or publish accessibly"))
        self.export_easy_read = make(
            tr("&Easy-read summary…"), "action_export_easy_read", [],
            tr("Write the easy-read summary for the people the plan is about (a PDF)"))
        self.publish = make(tr("&Publish to portfolio…"), "action_publish", [],
                            tr("Put a copy of this plan, without personal data, in the council's portfolio folder"))
        self.close_plan = make(tr("&Close plan"), "action_close", [QKeySequence.StandardKey.Close],
                               tr("Close the plan and go back to the welcome screen"))
        self.quit = make(tr("&Quit"), "action_quit", [QKeySequence.StandardKey.Quit])

        # The undo group follows whichever plan is open; its actions name the edit they undo.
        self.undo = undo_group.createUndoAction(window, tr("Undo"))
        self.undo.setObjectName("action_undo")
        self.undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo = undo_group.createRedoAction(window, tr("Redo"))
        self.redo.setObjectName("action_redo")
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])

        self.plan_check = make(tr("&Plan check"), "action_check", ["Ctrl+K"],
                               tr("See what the plan check found (the Review step)"))
        self.guidance = make(tr("&Guidance"), "action_guidance", ["F1"],
                             tr("Show and move to the guidance panel"))
        self.show_guidance = make(tr("Guidance &panel"), "action_show_guidance", ["Ctrl+Shift+G"],
                                  tr("Show or hide the guidance panel on the right"))
        self.show_guidance.setCheckable(True)
        self.show_guidance.setChecked(True)
        self.user_guide = make(tr("&User guide"), "action_user_guide", [],
                               tr("How to use Coproduction Planner (opens without the internet)"))
        self.about = make(tr("&About Coproduction Planner"), "action_about")
        # As between tabs in a browser or sheets in a spreadsheet.
        self.next_step = make(tr("&Next step"), "action_next_step", ["Ctrl+PgDown"],
                              tr("Go to the next step of the plan"))
        self.previous_step = make(tr("P&revious step"), "action_previous_step", ["Ctrl+PgUp"],
                                  tr("Go to the previous step of the plan"))

        self.plan_actions = [self.next_step, self.previous_step,
                             self.save_as, self.export, self.export_word, self.export_easy_read,
                             self.publish, self.close_plan, self.plan_check]

    def build_menus(self, window: QMainWindow) -> None:
        """The menu bar and the toolbar."""
        tr = window.tr
        bar = window.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addActions([self.new, self.open, self.open_example])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.save_as)
        self.export_menu = file_menu.addMenu(tr("E&xport"))
        self.export_menu.setObjectName("menu_export")
        self.export_menu.addActions([self.export, self.export_word, self.export_easy_read])
        file_menu.addAction(self.publish)
        file_menu.addSeparator()
        file_menu.addActions([self.close_plan, self.quit])
        edit_menu = bar.addMenu(tr("&Edit"))
        edit_menu.addActions([self.undo, self.redo])
        view_menu = bar.addMenu(tr("&View"))
        view_menu.addActions([self.next_step, self.previous_step])
        view_menu.addSeparator()
        view_menu.addAction(self.show_guidance)
        plan_menu = bar.addMenu(tr("&Plan"))
        plan_menu.addAction(self.plan_check)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addActions([self.guidance, self.user_guide, self.about])

        toolbar = QToolBar(tr("Main toolbar"), window)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.addActions([self.new, self.open, self.save_as, self.export])
        toolbar.addSeparator()
        toolbar.addActions([self.undo, self.redo])
        toolbar.addSeparator()
        toolbar.addActions([self.plan_check, self.guidance])
        window.addToolBar(toolbar)
        self.toolbar = toolbar

    def set_plan_open(self, is_open: bool, read_only: bool = False) -> None:
        """Enable what needs an open plan."""
        for action in self.plan_actions:
            action.setEnabled(is_open)
