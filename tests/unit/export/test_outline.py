"""Tests for the shared document outline: section order, the large-plan summary, redaction."""

from __future__ import annotations

from planner.core.model import Plan, Risk, Stakeholder
from planner.export import outline
from planner.export.outline import Redaction


def _keys(sections) -> list[str]:
    """The section keys in order."""
    return [s.key for s in sections]


def test_small_plan_prints_registers_in_place():
    """A small plan's outline has the registers where they belong and no annex."""
    keys = _keys(outline.outline(Plan("Small", stakeholders=[Stakeholder("s1", "A")])))
    assert keys[:3] == ["cover", "decisions", "plan_on_a_page"]
    assert "stakeholders" in keys and "stakeholder_summary" not in keys
    assert "annex" not in keys
    assert keys.index("sign_off") < keys.index("appendix")


def test_large_plan_is_summarised_and_full_adds_the_annex():
    """A large plan gets summaries by default and the registers after the sign-off with full."""
    plan = Plan("Large", stakeholders=[Stakeholder(f"s{i}", f"P{i}")
                                       for i in range(outline.SUMMARY_STAKEHOLDERS + 1)])
    default = _keys(outline.outline(plan))
    assert "stakeholder_summary" in default and "stakeholders" not in default
    full = outline.outline(plan, full=True)
    keys = _keys(full)
    assert keys.index("annex") > keys.index("sign_off")
    assert [s.key for s in full if s.register] == ["stakeholders", "division_of_risk", "safeguards"]


def test_many_risks_alone_make_a_plan_large():
    """A plan with few people but a long risk register is summarised too."""
    plan = Plan("Risky", risks=[Risk(f"r{i}", "R") for i in range(outline.SUMMARY_RISKS + 1)])
    assert outline.is_large(plan)
    assert "risk_summary" in _keys(outline.outline(plan))


def test_decisions_drop_blanks_and_tidy_spaces():
    """Blank decisions are left out and runs of spaces made one."""
    plan = Plan("P", decisions=["Agree  the plan", "  ", "Note the risks"])
    assert outline.decisions(plan) == ["Agree the plan", "Note the risks"]


def test_redaction_hides_a_private_individual_unless_asked():
    """A personal stakeholder's name, contact and notes show only with personal data included."""
    person = Stakeholder("s1", "Ann", personal=True, contact="07700 900000", notes="Private")
    body = Stakeholder("s2", "Club", contact="club@example.org", notes="Meets Tuesdays")
    hidden, shown = Redaction(False), Redaction(True)
    assert not hidden.shows_name(person) and shown.shows_name(person)
    assert not hidden.shows_contact(person) and shown.shows_contact(person)
    assert not hidden.shows_notes(person) and shown.shows_notes(person)
    assert hidden.shows_name(body) and hidden.shows_notes(body) and not hidden.shows_contact(body)
