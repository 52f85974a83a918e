"""What the portfolio publishes of a plan: the one redaction, then stance, notes and scores withheld."""

from dataclasses import dataclass, field, fields

import pytest

from planner.core.model import Stakeholder, Stance
from planner.portfolio.classify import FIELDS, WITHHELD_RULES, Unclassified, class_of, published
from tests.unit.portfolio.conftest import lunch_club


def test_every_model_field_has_a_class():
    """Each field of each entity is classed, so a new one cannot slip into the portfolio."""
    for entity, known in FIELDS.items():
        assert {f.name for f in fields(entity)} == set(known), entity.__name__


def test_published_plan_withholds_judgements_and_identities():
    """Role labels for residents; nobody keeps a stance, notes, scores or contact."""
    plan = lunch_club()
    plan.stakeholders[2].stance = Stance.RESISTANT
    plan.stakeholders[2].notes = "Their chair blocks everything"
    plan.stakeholders[2].influence = 5
    safe, findings = published(plan)
    volunteer, carer, group = safe.stakeholders
    assert (volunteer.name, volunteer.contact, volunteer.organisation) == ("Volunteer 1", "", "")
    assert volunteer.contributions[0].note == "" and volunteer.contributions[0].amount == 6
    assert carer.name == "Carer 1"
    assert (group.stance, group.notes, group.influence, group.interest) == (Stance.NEUTRAL, "", 3, 3)
    assert safe.summary.startswith("Asked for by Volunteer 1 and Carer 1")
    assert not {f.rule for f in findings} & WITHHELD_RULES
    assert not any("Dafydd" in f.message for f in findings)


def test_a_declared_personal_field_is_withheld_and_an_undeclared_one_refused(monkeypatch):
    """A field flagged personal in its declaration is withheld; one with no flag and no class stops it."""
    @dataclass
    class Wider(Stakeholder):
        consent_note: str = field(default="", metadata={"personal": True})
        photo_consent: str = field(default="consent")

    assert class_of(Wider, "consent_note") == "withhold"
    assert class_of(Wider, "name") == "publish"
    with pytest.raises(Unclassified, match="Wider.photo_consent"):
        class_of(Wider, "photo_consent")
    monkeypatch.setattr("planner.portfolio.classify.Stakeholder", Wider)
    with pytest.raises(Unclassified, match="photo_consent"):
        published(lunch_club())
