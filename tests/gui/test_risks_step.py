"""The Division of risk step: the register, shares, suggestions, undo and read-only plans."""

from __future__ import annotations

from plan_factory import SuggestionsAnswer, make_plan, make_step, open_plan  # noqa: F401  (open_plan is a fixture)
from planner.core.model import RiskCategory, Shares
from planner.storage import PlanStore
from planner.ui.steps.risks import RisksStep


def test_add_a_risk_with_shares_as_typed(qtbot, open_plan):
    """A new risk's shares are stored as set, one edit each, and reopen as stored."""
    document = open_plan(count=3)
    step = make_step(qtbot, RisksStep, document)
    step.pane.add_button.click()
    form = step.form
    form.title.setText("Carers left without cover")
    form.title.editingFinished.emit()
    form.owner.setCurrentIndex(form.owner.findData("s2"))
    form.owner.activated.emit(form.owner.currentIndex())
    form.shares.spins["users"].setValue(15)
    assert form.shares.shares == Shares(15, 0, 100)  # nothing else moves
    form.shares.spins["community"].setValue(50)
    form.shares.spins["professionals"].setValue(35)
    key = form.risk.key
    stored = document.store.risk(key).shares
    assert stored == Shares(15, 50, 35)
    assert document.undo_stack.undoText() == "change risk shares"
    form.trust_community.setPlainText("That the council keeps paying for respite")
    form.trust_community.commit()
    form.accepted.setChecked(True)
    form.rationale.setPlainText("Small and covered by the rota")
    form.rationale.commit()
    path = document.store.path
    document.close()
    with PlanStore.open(path) as store:
        risk = store.risk(key)
    assert (risk.title, risk.owner, risk.shares) == ("Carers left without cover", "s2", Shares(15, 50, 35))
    assert risk.trust_community == "That the council keeps paying for respite"
    assert risk.accepted_residual and risk.residual_rationale == "Small and covered by the rota"


def test_share_the_rest_undoes_as_one_step(qtbot, open_plan):
    """"Share the rest" fills the shares to 100 in one edit, and its undo puts all three back."""
    document = open_plan(risks=True)
    step = make_step(qtbot, RisksStep, document)
    step.select("risk", "r1")
    step.form.shares.spins["professionals"].setValue(0)
    assert document.store.risk("r1").shares == Shares(10, 60, 0)
    step.form.shares.share_rest.click()
    assert document.store.risk("r1").shares == Shares(14, 86, 0)
    document.undo_stack.undo()
    assert document.store.risk("r1").shares == Shares(10, 60, 0)
    assert step.form.shares.spins["users"].value() == 10
    document.undo_stack.redo()
    assert document.store.risk("r1").shares == Shares(14, 86, 0)


def test_suggested_risks_are_marked_until_edited(qtbot, open_plan):
    """Suggested risks show as suggested; the first edit makes them the officer's own in one step."""
    document = open_plan(count=2)
    step = make_step(qtbot, RisksStep, document)
    SuggestionsAnswer(qtbot, tick="all")
    step.suggest_button.click()
    count = step.model.rowCount()
    assert count > 0
    assert step.model.index(0, 1).data() == "Suggested"
    key = step.model.items()[0].key
    step.select("risk", key)
    step.form.likelihood.setValue(1 if step.form.likelihood.value() != 1 else 2)
    risk = document.store.risk(key)
    assert not risk.suggested and step.model.index(0, 1).data() == ""
    document.undo_stack.undo()
    assert document.store.risk(key).suggested
    document.undo_stack.undo()
    assert step.model.rowCount() == 0
    SuggestionsAnswer(qtbot, tick="all")
    step.suggest_button.click()
    again = SuggestionsAnswer(qtbot, tick="all")
    step.suggest_button.click()
    assert step.model.rowCount() == count  # no duplicates the second time
    assert again.shown and not any(can_tick for _, can_tick in again.shown)


def test_chart_states_who_carries_the_risk_in_words(qtbot, open_plan):
    """The chart's description gives each side's total as a number."""
    document = open_plan(risks=True)
    step = make_step(qtbot, RisksStep, document)
    text = step.chart.describe()
    assert "Users: 1.6" in text and "Community: 9.6" in text and "Professionals: 14.8" in text
    step.select("risk", "r2")
    step.form.impact.setValue(1)
    assert "Professionals: 6.8" in step.chart.describe()


def test_category_asks_for_guidance(qtbot, open_plan):
    """Choosing a risk category asks the guidance panel to explain it."""
    document = open_plan(risks=True)
    step = make_step(qtbot, RisksStep, document)
    step.select("risk", "r1")
    index = step.form.category.findData(RiskCategory.FREE_RIDERS.value)
    step.form.category.setCurrentIndex(index)
    with qtbot.waitSignal(step.guidance_requested) as signal:
        step.form.category.activated.emit(index)
    assert signal.args == ["risk_category", "free_riders"]
    assert document.store.risk("r1").category is RiskCategory.FREE_RIDERS


def test_owner_names_follow_stakeholder_edits(qtbot, open_plan):
    """Renaming a stakeholder shows the new name as the owner in the register."""
    from planner.ui.operations.stakeholders import update_stakeholder
    document = open_plan(risks=True)
    step = make_step(qtbot, RisksStep, document)
    document.execute(update_stakeholder(document, "s1", "rename stakeholder", name="Amira Khan-Lloyd"))
    assert step.model.index(step.model.row_of("r1"), 6).data() == "Amira Khan-Lloyd"


def test_read_only_plan_disables_editing(qtbot, open_plan, tmp_path):
    """A read-only plan shows its risks without any way to change them."""
    document = open_plan(path=make_plan(tmp_path, 3, risks=True, name="ro.coplan"), read_only=True)
    step = make_step(qtbot, RisksStep, document)
    step.select("risk", "r1")
    assert step.form.risk.key == "r1"
    assert not step.form.title.isEnabled() and not step.form.shares.isEnabled()
    assert not step.pane.add_button.isEnabled() and not step.suggest_button.isEnabled()


def test_delete_and_undo_restores_the_risk(qtbot, open_plan):
    """Deleting a risk and undoing brings it back with its safeguard link."""
    document = open_plan(risks=True)
    step = make_step(qtbot, RisksStep, document)
    step.select("risk", "r1")
    step.pane.delete_button.click()
    assert step.model.row_of("r1") is None
    document.undo_stack.undo()
    assert step.model.row_of("r1") is not None
    assert document.store.safeguard("g1").mitigates == ["r1"]
