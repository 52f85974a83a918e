"""A new step is one module and one registration entry: the step list, navigation, counts and Review follow."""

from __future__ import annotations

import textwrap

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from planner.ui.files import open_plan
from planner.ui.steps import registry
from planner.ui.steps.registry import StepPage

# The whole of a new step: a page with its findings at the top and a note.
MODULE = textwrap.dedent('''
    """A step no one ships: a page to show that registering it is all a new step needs."""

    from PySide6.QtWidgets import QLabel, QVBoxLayout

    from planner.ui.steps.base import Step


    class BudgetStep(Step):
        """The partners' budget."""

        TITLE = "Partners' budget"
        NAME = "budget"

        def __init__(self, parent=None):
            super().__init__(parent)
            self.selected = []
            layout = QVBoxLayout(self)
            layout.addWidget(self.make_findings_panel())
            layout.addWidget(QLabel("What each partner puts in.", self))

        def load(self, document):
            self.document = document

        def select(self, target_type, key):
            self.selected.append((target_type, key))
''')


@pytest.fixture
def budget_step(tmp_path, monkeypatch):
    """The throwaway step's module on the import path, registered after the matrix, answering "no risks yet"."""
    (tmp_path / "budget_step.py").write_text(MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    page = StepPage("budget", "Partners' budget", "budget_step:BudgetStep", rules=("no-risks",))
    at = registry.row_of("matrix") + 1
    monkeypatch.setattr(registry, "PAGES", (*registry.PAGES[:at], page, *registry.PAGES[at:]))
    return at


def _titles(window) -> list[str]:
    model = window.step_model
    return [model.data(model.index(row)).splitlines()[0] for row in range(model.rowCount())]


def test_a_registered_step_is_listed_numbered_and_reached_by_keyboard(make_window, plan_path, budget_step):
    """The step list shows it in its place, the later steps renumbered; Next and Previous step go through it."""
    window = make_window()
    open_plan(window, plan_path)
    titles = _titles(window)
    assert titles[budget_step] == f"{budget_step + 1}. Partners' budget"
    assert titles[budget_step + 1] == f"{budget_step + 2}. Division of risk"
    window.go_to_step("matrix")
    window.actions.next_step.trigger()  # Ctrl+PgDown
    step = window.current_step()
    assert step.NAME == "budget" and type(step).__name__ == "BudgetStep"
    window.actions.next_step.trigger()
    assert window.current_step().NAME == "risks"
    window.actions.previous_step.trigger()  # Ctrl+PgUp
    assert window.current_step() is step


def test_a_registered_step_counts_its_findings_and_review_heads_them(make_window, plan_path, budget_step):
    """The findings it registers for are counted on it (built or not), listed under its heading in Review, and Go to leads there."""
    window = make_window()
    open_plan(window, plan_path)
    model = window.step_model
    assert model.data(model.index(budget_step), model.AttentionRole) == 1  # "no risks yet", before it is built
    assert model.data(model.index(budget_step + 1), model.AttentionRole) == 0  # the risks step no longer has it
    review = window.go_to_step("review")
    headings = [label.objectName() for label in review.findChildren(QLabel) if label.objectName().startswith("review_heading_")]
    assert "review_heading_budget" in headings and "review_heading_risks" not in headings
    assert headings.index("review_heading_budget") > headings.index("review_heading_stakeholders")
    heading = review.findChild(QLabel, "review_heading_budget")
    assert heading.text().startswith("Partners' budget — ")
    go = next(b for b in review.findChildren(QPushButton) if b.text() == "Go to Partners' budget")
    go.click()
    step = window.current_step()
    assert step.NAME == "budget" and step.selected == [("plan", None)]
    assert step.findings_panel is not None
