"""Tests for the easy-read summary's sections, first drafts and pictures."""

from __future__ import annotations

import pytest

from planner.core import easy_read
from planner.core.matrix import Cell
from planner.core.model import Category, Plan, Risk, Safeguard, Stakeholder
from planner.core.plain_words import check_text


def make_plan() -> Plan:
    """A plan with private individuals, a named group, a risk and its safeguard."""
    return Plan(
        title="Tŷ Gwyn library", organisation="Caerwyn Council", officer="Siân Powell",
        service_area="Libraries", current_cell=Cell.of("professionals", "professionals"),
        target_cell=Cell.of("co", "community"),
        stakeholders=[
            Stakeholder("s1", "Gwenllian Ŵyn", personal=True),
            Stakeholder("s2", "Dafydd Hâf", category=Category.CARER, personal=True),
            Stakeholder("s3", "Alys Jones", category=Category.CARER, personal=True),
            Stakeholder("s4", "Friends of the Library", category=Category.COMMUNITY_GROUP),
        ],
        risks=[Risk("r1", "Volunteers get too tired", likelihood=4, impact=4)],
        safeguards=[Safeguard("g1", "A paid coordinator shares the work", mitigates=["r1"])],
    )


def test_six_sections_in_the_easy_read_order():
    """The summary has the six sections the easy-read guidance asks for, in order."""
    assert [s.heading for s in easy_read.SECTIONS] == [
        "What the service is", "Who is taking part", "What will change",
        "What could go wrong and how we keep people safe", "How to have a say", "Who to contact"]


def test_drafts_count_people_and_never_name_a_private_individual():
    """People are counted by kind; groups are named; private individuals never are."""
    texts = easy_read.texts(make_plan())
    people = texts["people"]
    assert "1 person who uses the service takes part." in people
    assert "2 carers take part." in people
    assert "Taking part: Friends of the Library." in people
    whole = "\n".join(texts.values())
    for name in ("Gwenllian", "Dafydd", "Alys"):
        assert name not in whole


def test_drafts_say_what_changes_and_how_people_are_kept_safe():
    """The change section says now and in future; the safety one pairs a risk with its safeguard."""
    texts = easy_read.texts(make_plan())
    assert "Now: Staff plan the service." in texts["change"]
    assert "In future: People who use the service will run it themselves." in texts["change"]
    assert texts["safety"].splitlines() == [
        "Something could go wrong: Volunteers get too tired.",
        "To keep people safe: A paid coordinator shares the work."]
    assert "Ask for Siân Powell." in texts["contact"]


def test_drafts_pass_the_plain_words_checker():
    """Every sentence the app drafts itself is short and free of jargon and abbreviations."""
    for key, text in easy_read.texts(make_plan()).items():
        assert check_text(text) == [], key
    assert all(check_text(easy_read.draft(Plan("Empty"), s.key)) == [] for s in easy_read.SECTIONS)


def test_the_officers_own_text_replaces_the_draft():
    """A section the officer wrote is used as written; a blank one falls back to the draft."""
    plan = make_plan()
    plan.easy_read_service = "We run the library."
    plan.easy_read_people = "   "
    texts = easy_read.texts(plan)
    assert texts["service"] == "We run the library."
    assert texts["people"] == easy_read.draft(plan, "people")


@pytest.mark.parametrize("point, picture", [
    ("Something could go wrong: the van breaks.", "warning"),
    ("To keep people safe: a rota.", "shield"),
    ("Phone the council.", "phone"),
    ("You can come to our meetings.", "meeting"),
    ("2 carers take part.", "people"),
    ("A sentence about nothing in particular.", "house"),
])
def test_each_point_gets_the_picture_its_words_are_about(point, picture):
    """The picture follows the point's words, else the section's own picture."""
    assert easy_read.picture_for(point, "house") == picture


def test_groups_are_named_not_counted_as_one_person():
    """"Local residents" and a council are groups taking part; only private individuals are counted."""
    from planner.core.easy_read import draft
    from planner.core.model import Category, Plan, Stakeholder

    plan = Plan(title="t", stakeholders=[
        Stakeholder("s1", "Local residents", category=Category.CITIZEN),
        Stakeholder("s2", "Skate-park users", category=Category.SERVICE_USER),
        Stakeholder("s3", "Ann Jones", category=Category.CARER, personal=True)])
    people = draft(plan, "people").split("\n")
    assert "1 carer takes part." in people
    assert "Taking part: Local residents." in people and "Taking part: Skate-park users." in people
    assert not any("person who uses the service" in line or "local person" in line for line in people)
