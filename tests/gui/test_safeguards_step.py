"""The Governance safeguards step: safeguards linked to risks, bare risks, suggestions, undo."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt

from plan_factory import SuggestionsAnswer, make_plan, make_step, open_plan  # noqa: F401  (open_plan is a fixture)
from planner.storage import PlanStore
from planner.ui.steps.safeguards import SafeguardsStep


def _tick(form, risk_key: str) -> None:
    for i in range(form.mitigates.count()):
        item = form.mitigates.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == risk_key:
            item.setCheckState(Qt.CheckState.Checked)


def test_add_a_safeguard_linked_to_risks_and_reopen(qtbot, open_plan):
    """A safeguard added with a title, owner, review date and ticked risks is in the reopened file."""
    document = open_plan(risks=True)
    step = make_step(qtbot, SafeguardsStep, document)
    assert step.bare.count() == 1  # r2 has no safeguard
    step.pane.add_button.click()
    form = step.form
    form.title.setText("Quarterly report to the scrutiny committee")
    form.title.editingFinished.emit()
    form.owner.setCurrentIndex(form.owner.findData("s3"))
    form.owner.activated.emit(form.owner.currentIndex())
    form.no_review.setChecked(False)
    form.review.setDate(QDate(2027, 3, 31))
    form.review.editingFinished.emit()
    _tick(form, "r2")
    assert step.bare.count() == 0 and step.bare_label.text() == "Every risk has at least one safeguard."
    key = form.safeguard.key
    path = document.store.path
    document.close()
    with PlanStore.open(path) as store:
        g = store.safeguard(key)
    assert (g.title, g.owner, g.review_date, g.mitigates) == (
        "Quarterly report to the scrutiny committee", "s3", "2027-03-31", ["r2"])


def test_link_edits_undo_and_redo(qtbot, open_plan):
    """Ticking a risk is one undoable edit that brings the bare-risk list back on undo."""
    document = open_plan(risks=True)
    step = make_step(qtbot, SafeguardsStep, document)
    step.select("safeguard", "g1")
    _tick(step.form, "r2")
    assert document.store.safeguard("g1").mitigates == ["r1", "r2"]
    assert document.undo_stack.undoText() == "change risks answered by safeguard"
    document.undo_stack.undo()
    assert document.store.safeguard("g1").mitigates == ["r1"] and step.bare.count() == 1
    document.undo_stack.redo()
    assert step.bare.count() == 0


def test_review_date_can_be_cleared(qtbot, open_plan):
    """Ticking "No review date" stores no date; undo brings the date back."""
    document = open_plan(risks=True)
    step = make_step(qtbot, SafeguardsStep, document)
    step.select("safeguard", "g1")
    step.form.no_review.setChecked(False)
    date = document.store.safeguard("g1").review_date
    assert date
    step.form.no_review.setChecked(True)
    assert document.store.safeguard("g1").review_date is None
    assert not step.form.review.isEnabled()
    document.undo_stack.undo()
    assert document.store.safeguard("g1").review_date == date


def test_add_a_safeguard_for_a_bare_risk(qtbot, open_plan):
    """The button under the bare-risk list adds a safeguard already answering that risk."""
    document = open_plan(risks=True)
    step = make_step(qtbot, SafeguardsStep, document)
    step.bare.setCurrentRow(0)
    step.answer_button.click()
    assert step.form.safeguard.mitigates == ["r2"]
    assert step.bare.count() == 0


def test_suggested_safeguards_answer_the_plan_risks(qtbot, open_plan):
    """Suggestions fit the target cell and come ticked against the risks they answer."""
    document = open_plan(risks=True)
    step = make_step(qtbot, SafeguardsStep, document)
    SuggestionsAnswer(qtbot, tick="all")
    step.suggest_button.click()
    suggested = [g for g in step.model.items() if g.suggested]
    assert suggested and all(g.mitigates for g in suggested)
    assert step.model.index(step.model.row_of(suggested[0].key), 1).data() == "Suggested"
    assert document.undo_stack.undoText().startswith("add ")
    document.undo_stack.undo()
    assert step.model.rowCount() == 1


def test_kind_asks_for_guidance(qtbot, open_plan):
    """Choosing a kind of safeguard asks the guidance panel to explain it."""
    document = open_plan(risks=True)
    step = make_step(qtbot, SafeguardsStep, document)
    step.select("safeguard", "g1")
    index = step.form.kind.findData("reserve_power")
    step.form.kind.setCurrentIndex(index)
    with qtbot.waitSignal(step.guidance_requested) as signal:
        step.form.kind.activated.emit(index)
    assert signal.args == ["safeguard_kind", "reserve_power"]


def test_read_only_plan_disables_editing(qtbot, open_plan, tmp_path):
    """A read-only plan shows its safeguards without any way to change them."""
    document = open_plan(path=make_plan(tmp_path, 3, risks=True, name="ro.coplan"), read_only=True)
    step = make_step(qtbot, SafeguardsStep, document)
    step.select("safeguard", "g1")
    assert step.form.safeguard.key == "g1"
    assert not step.form.title.isEnabled() and not step.form.mitigates.isEnabled()
    assert not step.pane.add_button.isEnabled() and not step.suggest_button.isEnabled()


def test_a_hidden_page_catches_up_with_risk_edits(qtbot, open_plan):
    """A risk added while the page is hidden is listed as bare straight away on a small plan."""
    from planner.ui.operations.risks import add_risk
    document = open_plan(risks=True)
    step = make_step(qtbot, SafeguardsStep, document)
    step.hide()
    document.execute(add_risk(document, "Lone volunteers at night"))
    assert step.bare.count() == 2


def test_a_big_plan_waits_until_the_page_is_shown(qtbot, open_plan, monkeypatch):
    """On a big plan a hidden page only notes the change and reads the plan when shown again."""
    import planner.ui.steps.safeguards as page
    from planner.ui.operations.risks import add_risk
    monkeypatch.setattr(page, "LAZY_ABOVE", 0)
    document = open_plan(risks=True)
    step = make_step(qtbot, SafeguardsStep, document)
    step.hide()
    document.execute(add_risk(document, "Lone volunteers at night"))
    assert step.bare.count() == 1
    step.show()
    assert step.bare.count() == 2


def test_editing_a_suggested_safeguard_makes_it_the_officers(qtbot, open_plan):
    """The first edit of a suggested safeguard clears the mark in the same undoable step."""
    document = open_plan(risks=True)
    step = make_step(qtbot, SafeguardsStep, document)
    SuggestionsAnswer(qtbot, tick="all")
    step.suggest_button.click()
    key = next(g.key for g in step.model.items() if g.suggested)
    step.select("safeguard", key)
    step.form.description.setPlainText("Agreed with the residents' forum")
    step.form.description.commit()
    assert not document.store.safeguard(key).suggested
    document.undo_stack.undo()
    assert document.store.safeguard(key).suggested


def test_go_to_a_bare_risk_selects_it(qtbot, open_plan):
    """A plan-check "Go to" for a risk with no safeguard selects it in the bare-risk list."""
    document = open_plan(risks=True)
    step = make_step(qtbot, SafeguardsStep, document)
    step.bare.setCurrentRow(-1)
    step.select("risk", "r2")
    assert step.bare.currentItem().data(Qt.ItemDataRole.UserRole) == "r2"
