"""Tests for the one escape function and the names people appear under in the PDF."""

from __future__ import annotations

from reportlab.platypus import Paragraph

from planner.core.model import Category, Plan, Stakeholder
from planner.export.styles import make_styles
from planner.export.text import Names, clean, esc


def test_markup_is_escaped():
    """Tags, entities and angle brackets typed by a user become literal text."""
    assert esc("<b>") == "&lt;b&gt;"
    assert esc("&amp;") == "&amp;amp;"
    assert esc('<img src="/etc/passwd">') == "&lt;img src=&quot;/etc/passwd&quot;&gt;"
    assert esc("one\ntwo") == "one<br/>two"


def test_unsafe_characters_never_reach_reportlab():
    """Control characters and lone surrogates are replaced so Paragraph cannot raise."""
    nasty = "a\x00b\x07c\ud800d\ufffee\r\nf\tg"
    text = clean(nasty)
    assert "\x00" not in text and "\ud800" not in text and "\ufffe" not in text
    assert "\n" in text and "\t" in text
    Paragraph(esc(nasty), make_styles().body).wrap(200, 200)


def test_decomposed_welsh_letters_are_composed():
    """A w followed by a combining circumflex becomes the single letter ŵ."""
    assert clean("Tw\u0302") == "T\u0175"


def test_personal_people_get_role_labels_numbered_per_category():
    """Personal stakeholders are 'Service user 1', 'Service user 2', 'Volunteer 1' in plan order."""
    plan = Plan("P", stakeholders=[
        Stakeholder("a", "Ann", personal=True),
        Stakeholder("b", "Bob", category=Category.VOLUNTEER, personal=True),
        Stakeholder("c", "Cai", personal=True),
        Stakeholder("d", "Youth team", category=Category.PROFESSIONAL),
    ])
    names = Names(plan, include_personal=False)
    assert [names.of(s) for s in plan.stakeholders] == [
        "Service user 1", "Volunteer 1", "Service user 2", "Youth team"]
    assert names.owner("b") == "Volunteer 1"
    assert names.owner(None) == "No owner yet"
    assert Names(plan, include_personal=True).of(plan.stakeholders[0]) == "Ann"


def test_scrub_replaces_whole_names_only():
    """Hidden names are replaced in generated messages, but not inside longer words."""
    plan = Plan("P", stakeholders=[Stakeholder("a", "Ann", personal=True)])
    names = Names(plan, include_personal=False)
    assert names.scrub("Ann plans; Annual review") == "Service user 1 plans; Annual review"
