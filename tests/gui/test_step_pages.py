"""Step pages are built when first shown; until then the step list counts from the plan itself."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from planner import guidance
from planner.storage import PlanStore
from planner.ui.files import open_plan
from planner.ui.operations.risks import add_risk
from planner.ui.steps import PAGES, STEPS
from planner.ui.steps.attention import scopes


def test_pages_name_their_classes():
    """The step list's names and titles are the step classes' own, in the same order."""
    assert [(p.name, p.title) for p in PAGES] == [(s.NAME, s.TITLE) for s in STEPS]
    assert all(scopes(p.name) for p in PAGES)


def test_only_the_step_in_sight_is_built(window, plan_path):
    """Opening a plan builds the page shown; another page is built the first time it is shown."""
    open_plan(window, plan_path)
    assert [s.NAME for s in window.step_pages.pages()] == ["context"]
    risks = window.go_to_step("risks")
    assert window.current_step() is risks
    assert [s.NAME for s in window.step_pages.pages()] == ["context", "risks"]
    assert window.go_to_step("risks") is risks  # built once


@pytest.mark.parametrize("example", guidance.example_names())
def test_counts_before_and_after_a_page_is_built_agree(window, tmp_path, example):
    """Each step's count in the list is the same before its page is built as the page reports."""
    path = tmp_path / f"{example}.coplan"
    PlanStore.create_from(path, guidance.example_plan(example)).close()
    open_plan(window, path)
    model = window.step_model
    counted = [model.data(model.index(row), model.AttentionRole) for row in range(len(PAGES))]
    assert None not in counted
    for page in PAGES:
        window.go_to_step(page.name)
    assert [model.data(model.index(row), model.AttentionRole) for row in range(len(PAGES))] == counted


def test_counts_of_pages_not_built_follow_edits(window, plan_path):
    """An edit made on one page moves the count of a step whose page was never shown."""
    open_plan(window, plan_path)
    model = window.step_model
    row = next(r for r, p in enumerate(PAGES) if p.name == "risks")
    assert model.data(model.index(row), model.AttentionRole) == 1  # no risks yet
    for title in ("Volunteers burn out", "The hall closes"):
        assert window.document.execute(add_risk(window.document, title))
    assert model.data(model.index(row), model.AttentionRole) == 2  # two risks without an owner
    assert not any(s.NAME == "risks" for s in window.step_pages.pages())
    window.actions.undo.trigger()  # undo shows the Risks step, as it shows every change it undoes
    assert model.data(model.index(row), model.AttentionRole) == 1


def test_starting_the_app_imports_no_step_page_nor_export():
    """Importing the app leaves the step pages, the export dialog and reportlab for later."""
    code = ("import sys, planner.app; print(sorted(m for m in sys.modules if m.startswith("
            "('planner.ui.steps.', 'planner.ui.export_dialog', 'planner.export', 'reportlab'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert ast.literal_eval(out) == ["planner.ui.steps.attention", "planner.ui.steps.base", "planner.ui.steps.registry"]
