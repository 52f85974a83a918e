"""The open plan's step pages: each built the first time it is shown, counted from the plan until then.

Building all six pages on open imported and filled every table, form and map before the
window could paint (and with 20,000 stakeholders, the map alone took over a second). Now only
the page in sight is built; the step list's counts for the others come from the plan and its
check (``steps.attention``), the same functions the pages use once built.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from planner.ui.document import Change, PlanDocument
from planner.ui.step_list import StepListModel
from planner.ui.steps import Step, attention, registry


class StepPages(QObject):
    """Pages by row of the step list, ``None`` until built; keeps the list's counts current.

    Args:
        stack: where built pages go.
        model: the step list, whose rows follow ``PAGES``.
        prepare: called with each new page before it loads the plan (the window wires it).
    """

    built = Signal(object)  # a Step just built, loaded and in the stack

    def __init__(self, stack: QStackedWidget, model: StepListModel, prepare: Callable[[Step], None],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.stack = stack
        self.model = model
        self.prepare = prepare
        self.document: PlanDocument | None = None
        self._pages: list[Step | None] = [None] * len(registry.PAGES)

    def open(self, document: PlanDocument) -> None:
        """Take a freshly opened plan: no page built yet, every count from the plan."""
        self.close()
        self.document = document
        document.plan_changed.connect(self._plan_changed)
        self._count(set(range(len(registry.PAGES))))

    def close(self) -> None:
        """Drop every page built for the plan that was open."""
        for step in self.pages():
            self.stack.removeWidget(step)
            step.deleteLater()
        self._pages = [None] * len(registry.PAGES)
        if self.document is not None:
            self.document.plan_changed.disconnect(self._plan_changed)
        self.document = None
        self.model.clear_attention()
        attention.forget()
        attention.forget()

    def pages(self) -> list[Step]:
        """The pages built so far, in step order."""
        return [step for step in self._pages if step is not None]

    def page(self, row: int) -> Step:
        """The page of step ``row``, building and loading it now if it was never shown."""
        step = self._pages[row]
        if step is None:
            step = self._pages[row] = registry.PAGES[row].step_class()(self.stack)
            step.attention_changed.connect(lambda count, row=row: self.model.set_attention(row, count))
            self.stack.addWidget(step)
            self.prepare(step)
            step.load(self.document)
            if self.document.read_only:
                step.set_read_only(True)
            step.report_findings(self.document)
            self.built.emit(step)
        return step

    def tab_between(self, step: Step, before: QWidget, after: QWidget) -> None:
        """Tab goes ``before`` -> this page's inputs -> ``after``, though the page is built last.

        A new page's widgets join the end of the window's focus chain; they are moved, in their
        own order, behind the Tab stops that lead up to ``after`` (other pages are hidden, so
        Tab skips them).
        """
        widgets, other = [], step.nextInFocusChain()
        while other is not step:
            if step.isAncestorOf(other) and other.focusPolicy() & Qt.FocusPolicy.TabFocus and not any(
                    w.isAncestorOf(other) for w in widgets):  # a compound widget moves with its parts
                widgets.append(other)
            other = other.nextInFocusChain()
        panel = step.findings_panel  # made last, shown first: its findings lead the page
        if panel is not None and panel.list in widgets:
            widgets.remove(panel.list)
            widgets.insert(0, panel.list)
        previous = after.previousInFocusChain()
        while previous is not before and not self.stack.isAncestorOf(previous):
            previous = previous.previousInFocusChain()  # the last stop of the pages built earlier
        for widget in widgets:
            QWidget.setTabOrder(previous, widget)
            previous = widget
        QWidget.setTabOrder(previous, after)

    def _plan_changed(self, change: Change) -> None:
        # Every count is the plan check's, and rules read across steps, so each step is
        # counted again: built pages show their findings and report, the rest are counted.
        self._count({row for row, page in enumerate(registry.PAGES)
                     if change.scope in attention.scopes(page.name)})

    def _count(self, rows: set[int]) -> None:
        if not rows or self.document is None:
            return
        plan = self.document.plan
        findings = self.document.findings
        for row in sorted(rows):
            step = self._pages[row]
            if step is not None:
                step.report_findings(self.document)
            else:
                self.model.set_attention(row, attention.count(registry.PAGES[row].name, plan, findings))
