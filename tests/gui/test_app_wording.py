"""The app says dates, severities and counts in the core's one wording, whatever the machine's locale."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit

from planner.core.dates import long_date
from planner.core.model import Plan
from planner.core.record import Action
from planner.ui.words import long_date_field


def test_date_fields_show_the_long_date_on_a_german_machine(qtbot):
    """Every date field reads "3 March 2027", as the PDF and the CLI say it, not the machine's format."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        edit = long_date_field(QDateEdit())
        qtbot.addWidget(edit)
        edit.setDate(QDate(2027, 3, 3))
        assert edit.text() == long_date("2027-03-03") == "3 March 2027"
    finally:
        QLocale.setDefault(before)


def test_every_date_field_of_the_app_is_a_long_date_field(window, plan_path):
    """No date field on any step shows a format of its own: each reads as long_date."""
    from planner.ui.files import open_plan
    from planner.ui.steps import PAGES

    open_plan(window, plan_path)
    for page in PAGES:
        window.go_to_step(page.name)
    edits = window.findChildren(QDateEdit)
    assert len(edits) >= 4  # safeguard review, keep-until, consent, engagement and action dates
    for edit in edits:
        assert edit.text() == long_date(edit.date().toPython()) or edit.text() == edit.specialValueText()


def test_the_due_list_says_dates_in_words(qtbot):
    """Review's 'What is due' list says '3 March 2027', not 2027-03-03."""
    from planner.ui.widgets.due_list import DueList

    due = DueList()
    qtbot.addWidget(due)
    plan = Plan(title="P", actions=[Action(key="a1", title="Book the hall", due="2027-03-03")])
    due.show_due(plan, date(2027, 3, 1))
    assert due.list.item(0).text().startswith("3 March 2027")


def test_the_guidance_panel_cites_a_section_as_the_library_does(qtbot):
    """For every section of the article, the panel's source line reads as the library's cite()."""
    from html import unescape

    from planner.core.article import SECTIONS, cite
    from planner.ui.guidance_panel import GuidancePanel

    panel = GuidancePanel(lambda: None)
    qtbot.addWidget(panel)
    for section in SECTIONS:
        line = unescape(panel._source(section).replace("<p><i>", "").replace("</i></p>", ""))
        assert line == cite(section)
    assert unescape(panel._source("")).endswith(cite("") + "</i></p>")


def test_the_user_guide_carries_the_one_citation():
    """The bundled user guide shows the article's full reference, filled in from the core."""
    from html import escape

    from planner.core.article import ARTICLE
    from planner.ui.help_windows import user_guide_html

    html = user_guide_html()
    assert escape(ARTICLE) in html and "<!--ARTICLE-->" not in html


def test_the_review_step_offers_the_listed_paper_sizes(window, plan_path):
    """Review's paper choice lists the core's sizes, by name, storing their values."""
    from planner.core.paper import PAPERS
    from planner.ui.files import open_plan

    open_plan(window, plan_path)
    combo = window.go_to_step("review").paper
    assert [(combo.itemData(i), combo.itemText(i)) for i in range(combo.count())] == [
        (p.value, p.name) for p in PAPERS.values()]


def test_score_spin_boxes_keep_to_the_scale_and_say_its_words(qtbot):
    """The stakeholder and risk forms' spin boxes take the declared range and explain each point."""
    from planner.core.scale import HIGH, LOW, points
    from planner.ui.widgets.risk_form import RiskForm
    from planner.ui.widgets.stakeholder_form import StakeholderForm

    people, risks = StakeholderForm(), RiskForm()
    qtbot.addWidget(people)
    qtbot.addWidget(risks)
    for spin, measure in ((people.influence, "influence"), (people.interest, "interest"),
                          (risks.likelihood, "likelihood"), (risks.impact, "impact")):
        assert (spin.minimum(), spin.maximum()) == (LOW, HIGH)
        assert spin.toolTip() == points(measure)
    assert points("likelihood") == "1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost certain"
