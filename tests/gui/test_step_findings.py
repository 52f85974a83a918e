"""Each step lists its own plan-check findings; the step list, the page and Review agree on them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner import guidance
from planner.core.checks import Severity, check_plan
from planner.storage import PlanStore
from planner.ui.files import open_plan
from planner.ui.steps import PAGES
from planner.ui.widgets.findings import finding_line

COUNTED = (Severity.ERROR, Severity.WARNING)


def _count(window, name: str) -> int:
    model = window.step_model
    return model.data(model.index(model.row_of(name)), model.AttentionRole)


@pytest.mark.parametrize("example", guidance.example_names())
def test_step_list_pages_and_review_show_the_same_findings(window, tmp_path, example):
    """For each example, every finding is on exactly one page, counted there as in the step list and under Review's heading."""
    path = tmp_path / f"{example}.coplan"
    PlanStore.create_from(path, guidance.example_plan(example)).close()
    open_plan(window, path)
    findings = check_plan(window.document.plan)
    shown_on_pages = []
    for page in PAGES[:-1]:
        step = window.go_to_step(page.name)
        panel = step.findings_panel
        lines = [panel.list.item(i).text() for i in range(panel.list.count())]
        shown_on_pages += lines
        counted = sum(1 for f in panel.findings if f.severity in COUNTED)
        assert _count(window, page.name) == counted, page.name
        assert (not panel.isHidden()) == bool(lines), page.name
        if counted:
            assert f"{counted} to fix on this step" in panel.heading.text()
            assert f"⚠ {counted} to fix" in window.step_model.data(
                window.step_model.index(window.step_model.row_of(page.name)))
    assert sorted(shown_on_pages) == sorted(finding_line(window, f) for f in findings)
    review = window.go_to_step("review")
    assert _count(window, "review") == sum(_count(window, p.name) for p in PAGES[:-1])
    assert _count(window, "review") == sum(1 for f in findings if f.severity in COUNTED)
    for page in PAGES[:-1]:
        heading = review.list_widget.findChild(type(review.summary), f"review_heading_{page.name}")
        if _count(window, page.name):
            assert heading is not None and heading.text().endswith(f"⚠ {_count(window, page.name)} to fix")
    rows = [w for w in review.list_widget.children() if w.objectName().startswith("finding_")]
    assert len(rows) == len(findings)


def test_choosing_a_finding_selects_its_stakeholder(window, tmp_path, qtbot):
    """Clicking a stakeholder's finding at the top of the page selects that stakeholder's row and form."""
    path = tmp_path / "villa-family.coplan"
    PlanStore.create_from(path, guidance.example_plan("villa-family")).close()
    open_plan(window, path)
    step = window.go_to_step("stakeholders")
    panel = step.findings_panel
    row = next(i for i, f in enumerate(panel.findings) if f.target_type == "stakeholder"
               and f.target_key != step.pane.current_key())
    key = panel.findings[row].target_key
    item = panel.list.item(row)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.list.visualItemRect(item).center())
    assert step.pane.selected_keys() == [key] and step.form.stakeholder.key == key


def test_a_stakeholder_without_a_part_is_counted_and_listed_until_given_one(window, tmp_path, qtbot):
    """Adding a stakeholder with no role adds a finding on the page and one to the count; a role takes both away."""
    path = tmp_path / "caterham.coplan"
    PlanStore.create_from(path, guidance.example_plan("caterham")).close()
    open_plan(window, path)
    step = window.go_to_step("stakeholders")
    before = _count(window, "stakeholders")
    qtbot.mouseClick(step.pane.add_button, Qt.MouseButton.LeftButton)
    key = step.form.stakeholder.key
    counted = sum(1 for f in step.findings_panel.findings if f.severity in COUNTED)
    assert _count(window, "stakeholders") == counted > before  # other rules may ask about a new person too
    assert any(f.rule == "stakeholder-without-role" and f.target_key == key
               for f in step.findings_panel.findings)
    form = step.form
    form.planning_role.setCurrentIndex(form.planning_role.findData("co"))
    form.planning_role.activated.emit(form.planning_role.currentIndex())
    assert not any(f.rule == "stakeholder-without-role" and f.target_key == key
                   for f in step.findings_panel.findings)
    assert _count(window, "stakeholders") == sum(1 for f in step.findings_panel.findings if f.severity in COUNTED)


def _click_finding(qtbot, panel, rule: str) -> None:
    row = next(i for i, f in enumerate(panel.findings) if f.rule == rule)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.list.visualItemRect(panel.list.item(row)).center())


def test_a_finding_about_the_whole_step_leads_to_where_it_is_fixed(make_window, tmp_path, qtbot):
    """Clicking a finding with no row behind it puts the focus where it is fixed: the empty field, today's cell, Add."""
    from planner.core.model import Plan
    window = make_window(show=True)
    path = tmp_path / "new.coplan"
    PlanStore.create_from(path, Plan(title="New plan", organisation="Council")).close()
    open_plan(window, path)
    context = window.go_to_step("context")
    _click_finding(qtbot, context.findings_panel, "context-incomplete")
    qtbot.waitUntil(context.fields["service_area"].hasFocus)
    risks = window.go_to_step("risks")
    _click_finding(qtbot, risks.findings_panel, "no-risks")
    qtbot.waitUntil(risks.pane.add_button.hasFocus)
    stakeholders = window.go_to_step("stakeholders")
    _click_finding(qtbot, stakeholders.findings_panel, "no-stakeholders")
    qtbot.waitUntil(stakeholders.pane.add_button.hasFocus)


def test_the_app_says_severity_as_the_pdf_does(qtbot):
    """A page's finding reads "⚠ Should fix", the words the PDF prints, not a wording of its own."""
    from PySide6.QtWidgets import QWidget

    from planner.core.checks import Severity
    from planner.core.wording import SEVERITY_WORDS
    from planner.ui.widgets.findings import severity_words

    widget = QWidget()
    qtbot.addWidget(widget)
    for severity in Severity:
        assert severity_words(widget, severity).endswith(SEVERITY_WORDS[severity])
    assert severity_words(widget, Severity.WARNING) == "⚠ Should fix"


def _review_rows(review) -> dict[int, object]:
    """Review's finding rows by the place in the plan check's list their name gives."""
    return {int(w.objectName().removeprefix("finding_")): w for w in review.list_widget.children()
            if w.objectName().startswith("finding_")}


def test_review_changes_only_the_rows_an_edit_changed(window, tmp_path, qtbot):
    """A stakeholder added without a part adds Review rows and keeps the others; every row is named by its finding's place."""
    from PySide6.QtWidgets import QLabel, QPushButton

    path = tmp_path / "caterham.coplan"
    PlanStore.create_from(path, guidance.example_plan("caterham")).close()
    open_plan(window, path)
    review = window.go_to_step("review")
    before = {f: w for w, f in ((w, review.findings[place]) for place, w in _review_rows(review).items())}
    step = window.go_to_step("stakeholders")
    qtbot.mouseClick(step.pane.add_button, Qt.MouseButton.LeftButton)
    rows = _review_rows(review)
    findings = window.document.findings
    assert review.findings is findings and sorted(rows) == list(range(len(findings)))
    for place, widget in rows.items():
        finding = findings[place]
        assert finding.message in [label.text() for label in widget.findChildren(QLabel)]
        assert widget.findChild(QPushButton, f"go_to_{place}") is not None
        if finding in before:
            assert widget is before[finding]  # kept, not made again
    assert len(set(findings) - set(before)) >= 1


def test_thousands_of_findings_are_laid_out_a_batch_at_a_time(qtbot):
    """A huge plan's page lists 15,000 findings: its list lays them out in batches between event-loop turns, never all at once."""
    from planner.core.checks import Finding
    from planner.ui.widgets.findings import FindingsPanel
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    findings = [Finding(f"rule-{i}", Severity.WARNING, f"Finding number {i} " * 6, "stakeholder", f"s{i}")
                for i in range(3000)]
    panel.show_findings(findings, len(findings))
    assert panel.list.count() == 3000
    assert panel.list.layoutMode() == panel.list.LayoutMode.Batched and panel.list.batchSize() <= 200


def test_review_shows_a_steps_first_findings_and_counts_the_rest(window, tmp_path, qtbot, monkeypatch):
    """Past SHOWN findings a step's heading keeps its full count, a line says how many more, and its button leads to the step."""
    from PySide6.QtWidgets import QFrame, QLabel, QPushButton

    from planner.ui.steps.attention import step_for as step_for_finding
    from planner.ui.steps.review import ReviewStep

    monkeypatch.setattr(ReviewStep, "SHOWN", 2)
    path = tmp_path / "caterham.coplan"
    PlanStore.create_from(path, guidance.example_plan("caterham")).close()
    open_plan(window, path)
    review = window.go_to_step("review")
    mine = [f for f in review.findings if step_for_finding(f) == "stakeholders"]
    assert len(mine) > 2
    rows = [w for w in review.list_widget.children() if w.objectName().startswith("finding_")]
    assert len([w for w in rows if step_for_finding(review.findings[int(w.objectName()[8:])]) == "stakeholders"]) == 2
    more = review.list_widget.findChild(QFrame, "review_more_stakeholders")
    assert f"{len(mine) - 2} more" in more.findChild(QLabel).text()
    heading = review.list_widget.findChild(QLabel, "review_heading_stakeholders")
    assert f"{_count(window, 'stakeholders')} to fix" in heading.text()
    more.findChild(QPushButton).click()
    assert window.current_step() is window.go_to_step("stakeholders")


def test_closing_a_plan_keeps_none_of_its_findings(window, tmp_path):
    """The findings sorted by step (whose messages name the plan's people) go with the plan that closes."""
    from planner.ui.steps import attention

    path = tmp_path / "villa-family.coplan"
    PlanStore.create_from(path, guidance.example_plan("villa-family")).close()
    open_plan(window, path)
    window.go_to_step("review")
    assert attention._last[0] is window.document.findings
    window.close_document()
    assert attention._last == [None, None]
