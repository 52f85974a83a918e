"""The partnership's record step: the log with its filters, actions, agreeing and comparing versions."""

from __future__ import annotations

from datetime import date

from planner.core.model import Stakeholder
from planner.storage import PlanStore
from planner.ui.document import Change
from planner.ui.files import open_plan


def record_step(window, plan_path):
    """The record step of a plan with two stakeholders, shown."""
    with PlanStore.open(plan_path) as store:
        store.add_stakeholders([Stakeholder("s1", "Tenants' association"), Stakeholder("s2", "Ward officer")])
    assert open_plan(window, plan_path)
    window.go_to_step("record")
    return window.current_step()


def test_log_entries_are_added_edited_filtered_and_undone(window, plan_path):
    """Add a log entry, tick who took part and its outcome, filter by person and outcome, undo it all."""
    step = record_step(window, plan_path)
    person = window.document.plan.stakeholders[0]
    step.add_entry()
    [entry] = window.document.plan.engagements
    step.log_form.edited.emit({"participants": [person.key]}, "change who took part")
    step.log_form.edited.emit({"outcome": "not_changed", "reason": "No budget"}, "change outcome")
    assert window.document.plan.engagements[0].participants == [person.key]
    assert step.log_form.entry.reason == "No budget"
    step.person_filter.setCurrentIndex(step.person_filter.findData(person.key))
    step._fill_log()
    assert step.log_model.rowCount() == 1
    step.outcome_filter.setCurrentIndex(step.outcome_filter.findData("changed"))
    step._fill_log()
    assert step.log_model.rowCount() == 0
    step.outcome_filter.setCurrentIndex(step.outcome_filter.findData("not_changed"))
    step._fill_log()
    assert step.log_model.rowCount() == 1
    for _ in range(3):
        window.document.undo_stack.undo()
    assert window.document.plan.engagements == [] and step.log_model.rowCount() == 0
    assert entry.key == "e1"


def test_actions_are_added_edited_and_overdue_ones_found(window, plan_path):
    """An action given an owner and a past due date is found by the plan check and shown as due on Review."""
    step = record_step(window, plan_path)
    person = window.document.plan.stakeholders[0]
    step.add_action()
    step.action_form.edited.emit({"owner": person.key}, "change action owner")
    step.action_form.edited.emit({"due": "2020-01-31"}, "change due date")
    [action] = window.document.plan.actions
    assert (action.owner, action.due) == (person.key, "2020-01-31")
    assert ("action-overdue", action.key) in {(f.rule, f.target_key) for f in window.document.findings}
    review = window.go_to_step("review")
    assert any("OVERDUE" in review.due.list.item(i).text() and action.title in review.due.list.item(i).text()
               for i in range(review.due.list.count()))
    assert date.today().isoformat() > "2020-01-31"


def test_agree_a_version_then_see_what_changed(window, plan_path, monkeypatch):
    """Agreeing stores a version listed with its date; a later edit shows in the comparison with now."""
    step = record_step(window, plan_path)
    monkeypatch.setattr(step, "ask_agreement", lambda: ("Board, 3 March 2027", "2027-03-03"))
    step.agree()
    assert [(v.label, v.date) for v in window.document.plan.versions] == [("Board, 3 March 2027", "2027-03-03")]
    assert "3 March 2027" in step.versions.list.item(0).text()
    assert step.versions.result.toPlainText() == ""
    window.document.store.update_plan(title="A new title")
    window.document.notify(Change("plan"))
    assert "title" in step.versions.result.toPlainText() and "A new title" in step.versions.result.toPlainText()
    step.versions.view_selected()
    assert "read-only" in step.versions.result_label.text()
    window.document.undo_stack.undo()  # the agreement itself is one undoable action
    assert window.document.plan.versions == []


def test_a_stakeholders_form_shows_their_entries_and_leads_to_them(window, plan_path):
    """The stakeholder's form names their log entries; its link opens the log filtered to them."""
    from planner.core.model import Engagement

    with PlanStore.open(plan_path) as store:
        store.add_stakeholders([Stakeholder("s1", "Tenants' association"), Stakeholder("s2", "Ward officer")])
        store.add_engagement(Engagement("e1", "Open meeting", date="2027-01-20", participants=["s1"]))
        store.add_engagement(Engagement("e2", "Survey", participants=["s2"]))
    assert open_plan(window, plan_path)
    step = window.go_to_step("stakeholders")
    step.pane.select_keys(["s1"])
    assert "1 entry" in step.form.log_line.text() and "20 January 2027: Open meeting" in step.form.log_line.text()
    step.form.log_line.linkActivated.emit("log")
    record = window.current_step()
    assert record.NAME == "record" and record.person_filter.currentData() == "s1"
    assert [record.log_model.item(r).key for r in range(record.log_model.rowCount())] == ["e1"]


def test_record_models_pass_the_model_tester(qtmodeltester):
    """The log and action tables are well-behaved Qt models."""
    from planner.core.model import Action, Engagement
    from planner.ui.models.record import ActionTableModel, EngagementTableModel

    log = EngagementTableModel(lambda key: {"s1": "Tenants"}.get(key, key or ""))
    log.reset([Engagement("e1", "Open meeting", date="2027-01-20", participants=["s1"], others=3),
               Engagement("e2", "Survey")])
    actions = ActionTableModel()
    actions.reset([Action("a1", "Book the hall", owner="s1", due="2027-02-01"), Action("a2", "Write back")])
    qtmodeltester.check(log)
    qtmodeltester.check(actions)
    assert log.data(log.index(0, 3)) == "Tenants, 3 others" and actions.data(actions.index(1, 2)) == ""


def test_an_agreed_version_exports_as_a_pdf_that_says_so(window, plan_path, monkeypatch, tmp_path):
    """Export this version writes the agreed plan's PDF, "Version agreed at … on …" on its pages."""
    from pypdf import PdfReader

    step = record_step(window, plan_path)
    monkeypatch.setattr(step, "ask_agreement", lambda: ("Board", "2027-03-03"))
    step.agree()
    out = tmp_path / "agreed.pdf"
    monkeypatch.setattr(window, "ask_save_path", lambda *args: str(out))
    step.export_version("Board")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(out)).pages)
    assert "Version agreed at Board on 3 March 2027" in text
