"""Suggestions the officer chooses: fitting templates with reason and source, ticked one by one, never twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_factory import SuggestionsAnswer
from PySide6.QtCore import Qt

from planner.core.matrix import Cell
from planner.core.model import Category, Risk, RiskCategory, Stakeholder
from planner.storage import PlanStore
from planner.ui.files import open_plan
from planner.ui.operations.stakeholders import import_stakeholders

BIND = "Bind the private partner by a planning agreement"
INCENTIVES = "A partner's incentives pull against the community"


@pytest.fixture
def co_plan(tmp_path) -> Path:
    """A plan aiming at full coproduction, with a community group and a risk of the officer's own."""
    path = tmp_path / "Barracks.coplan"
    with PlanStore.create(path, "Barracks site") as store:
        store.update_plan(target_cell=Cell.of("co", "co"))
        store.add_stakeholder(Stakeholder("s1", "Residents' association", category=Category.COMMUNITY_GROUP))
        store.add_stakeholder(Stakeholder("s2", "Estates team", category=Category.PROFESSIONAL))
        store.add_risk(Risk("r1", "Volunteers or users burn out", category=RiskCategory.BURNOUT))
        store.add_risk(Risk("r2", "The developer walks away", category=RiskCategory.INCOMPATIBLE_INCENTIVES))
    return path


def _rows(answer: SuggestionsAnswer) -> dict[str, tuple[str, bool]]:
    """Each row's first line -> (its whole text, whether it can be ticked)."""
    return {text.splitlines()[0]: (text, can) for text, can in answer.shown}


def test_suggest_risks_offers_fitting_templates_and_adds_only_the_ticked(make_window, co_plan, qtbot):
    """The dialog gives each risk its reason and source; only the two ticked are added, with the owner chosen, as one undo."""
    window = make_window(show=True)
    open_plan(window, co_plan)
    step = window.go_to_step("risks")
    picked = ["Coproducers' values conflict", "Professional staff resist sharing power"]
    answer = SuggestionsAnswer(qtbot, tick=picked, owner="s2")
    qtbot.mouseClick(step.suggest_button, Qt.MouseButton.LeftButton)
    rows = _rows(answer)
    text, can_tick = rows["Coproducers' values conflict"]
    assert can_tick and "Fits your target cell, Full user/professional coproduction." in text
    assert "Source: Bovaird (2007), section “Participatory Budgeting in Pôrto Alegre”." in text
    # The community group makes "Voluntary groups lose their voice" fit, and the row says so.
    assert "Your plan has a stakeholder of the kind “Community group”: Residents' association." in rows[
        "Voluntary groups lose their voice"][0]
    assert INCENTIVES not in rows  # it needs a private partner, which this plan does not have
    assert answer.add_text == "Add 2 risks"

    risks = window.document.plan.risks
    added = risks[2:]
    assert [r.title for r in added] == picked
    assert all(r.suggested and r.owner == "s2" for r in added)
    assert window.document.undo_stack.undoText() == "add 2 suggested risks"
    assert step.suggested_note.isVisible() and "your first change" in step.suggested_note.text()
    window.document.undo_stack.undo()
    assert len(window.document.plan.risks) == 2 and not step.suggested_note.isVisible()


def test_risks_already_in_the_plan_are_shown_but_not_offered_again(make_window, co_plan, qtbot):
    """The officer's own risk with a template's title, and risks added before, are listed as present and cannot be ticked."""
    window = make_window(show=True)
    open_plan(window, co_plan)
    step = window.go_to_step("risks")
    SuggestionsAnswer(qtbot, tick=["The better-off dominate"])
    step.suggest_button.click()
    assert len(window.document.plan.risks) == 3
    again = SuggestionsAnswer(qtbot, tick="all")
    step.suggest_button.click()
    rows = _rows(again)
    assert rows["Already in your plan: The better-off dominate"][1] is False
    assert rows["Already in your plan: Volunteers or users burn out"][1] is False  # typed by the officer
    assert "The better-off dominate" not in rows
    titles = [r.title for r in window.document.plan.risks]
    assert titles.count("The better-off dominate") == 1 and titles.count("Volunteers or users burn out") == 1
    assert len(titles) == 3 + sum(1 for _, can in again.shown if can)


def test_cancel_adds_nothing(make_window, co_plan, qtbot):
    """Cancelling the dialog, even with rows ticked, leaves the plan as it was."""
    window = make_window(show=True)
    open_plan(window, co_plan)
    step = window.go_to_step("safeguards")
    SuggestionsAnswer(qtbot, tick="all", cancel=True)
    step.suggest_button.click()
    assert window.document.plan.safeguards == [] and window.document.undo_stack.count() == 0


def test_suggest_safeguards_names_the_risks_they_answer_and_needs_the_partner(make_window, co_plan, qtbot):
    """Safeguards say which of the plan's risks they answer; one that binds a private partner waits for one."""
    window = make_window(show=True)
    open_plan(window, co_plan)
    step = window.go_to_step("safeguards")
    answer = SuggestionsAnswer(qtbot, tick=["Train peer supporters"], owner="s1")
    step.suggest_button.click()
    rows = _rows(answer)
    assert BIND not in rows
    text = rows["Train peer supporters"][0]
    assert "Answers your risk “Volunteers or users burn out”." in text
    assert "Case study: Sure Start." in text
    assert "“Suggested”" in answer.explained and "makes it your own" in answer.explained
    safeguard = window.document.plan.safeguards[0]
    assert safeguard.title == "Train peer supporters"
    assert safeguard.mitigates == ["r1"] and safeguard.owner == "s1" and safeguard.suggested
    assert step.suggested_note.isVisible()

    # The developer joins the plan (as an import from a list would bring them).
    window.document.execute(import_stakeholders(window.document, [Stakeholder(
        "s3", "Westfield Homes", category=Category.PRIVATE_PARTNER)]))
    step = window.go_to_step("safeguards")
    answer = SuggestionsAnswer(qtbot, tick=[BIND])
    step.suggest_button.click()
    text = _rows(answer)[BIND][0]
    assert "Your plan has a stakeholder of the kind “Private partner”: Westfield Homes." in text
    assert "Answers your risk “The developer walks away”." in text
    assert window.document.plan.safeguards[-1].title == BIND


@pytest.mark.parametrize("register", ["risks", "safeguards"])
def test_every_suggestion_ticked_is_one_write_and_one_undo(make_window, co_plan, qtbot, monkeypatch, register):
    """All the ticked suggestions go to storage in one call, one Undo takes them all away, Redo brings the same back."""
    window = make_window(show=True)
    open_plan(window, co_plan)
    step = window.go_to_step(register)
    document = window.document
    before = list(getattr(document.plan, register))
    store_add = document.store.add
    calls = []
    monkeypatch.setattr(document.store, "add", lambda reg, items: calls.append(len(items)) or store_add(reg, items))
    answer = SuggestionsAnswer(qtbot, tick="all")
    step.suggest_button.click()
    ticked = sum(1 for _, can in answer.shown if can)
    assert ticked > 1 and calls == [ticked]
    added = getattr(document.plan, register)[len(before):]
    assert len(added) == ticked and all(item.suggested for item in added)
    assert document.undo_stack.undoText() == f"add {ticked} suggested {register}"
    document.undo_stack.undo()
    assert getattr(document.plan, register) == before == getattr(document.store.load(), register)
    document.undo_stack.redo()
    assert getattr(document.plan, register)[len(before):] == added
