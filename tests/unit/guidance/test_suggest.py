"""Tests for what the guidance suggests to one plan: fit by cell, stakeholders and risks; present items."""

from __future__ import annotations

import shutil

import pytest

from planner.core.matrix import Cell
from planner.core.model import Category, Plan, Risk, RiskCategory, Safeguard, Stakeholder
from planner.guidance import GuidanceError, load_library
from planner.guidance.suggest import risk_suggestions, safeguard_suggestions
from planner.resources import resource_path


@pytest.fixture(scope="module")
def lib():
    """The app's own guidance library."""
    return load_library()


def plan(*people: Stakeholder, risks=(), safeguards=(), cell=Cell.of("co", "co")) -> Plan:
    return Plan(title="Plan", target_cell=cell, stakeholders=list(people), risks=list(risks),
                safeguards=list(safeguards))


def titles(suggestions) -> list[str]:
    return [s.title for s in suggestions]


def test_no_target_cell_no_suggestions(lib):
    """Without a target cell nothing fits, so nothing is suggested."""
    assert risk_suggestions(lib, plan(cell=None)) == [] and safeguard_suggestions(lib, plan(cell=None)) == []


def test_a_template_that_needs_a_private_partner_waits_for_one(lib):
    """The partner's-incentives risk and the planning agreement are offered only once the plan has a private partner."""
    risk = Risk("r1", "Developer", category=RiskCategory.INCOMPATIBLE_INCENTIVES)
    without = plan(risks=[risk])
    assert "A partner's incentives pull against the community" not in titles(risk_suggestions(lib, without))
    assert "Bind the private partner by a planning agreement" not in titles(safeguard_suggestions(lib, without))
    partner = Stakeholder("s1", "Westfield Homes", category=Category.PRIVATE_PARTNER)
    with_partner = plan(partner, risks=[risk])
    bind = next(s for s in safeguard_suggestions(lib, with_partner) if s.title.startswith("Bind"))
    assert "Your plan has a stakeholder of the kind “Private partner”: Westfield Homes." in bind.reasons
    assert bind.mitigates == ("r1",)


def test_a_private_individual_is_not_named_in_a_reason(lib):
    """A personal stakeholder makes a template fit without their name appearing in the reason."""
    person = Stakeholder("s1", "Gwen Morgan", category=Category.COMMUNITY_GROUP, personal=True)
    voice = next(s for s in risk_suggestions(lib, plan(person)) if s.title == "Voluntary groups lose their voice")
    assert "Your plan has a stakeholder of the kind “Community group”." in voice.reasons
    assert not any("Gwen" in reason for reason in voice.reasons)


def test_present_items_are_matched_by_title_and_listed_last(lib):
    """A plan item with a template's title (any case or spacing) marks it present; present ones come last."""
    mine = Risk("r1", "  the BETTER-OFF   dominate ", category=RiskCategory.UNEQUAL_PARTICIPATION)
    suggestions = risk_suggestions(lib, plan(risks=[mine]))
    present = [s for s in suggestions if s.present]
    assert [s.title for s in present] == ["The better-off dominate"]
    assert suggestions[-1] is present[0]
    gatekeep = next(s for s in suggestions if s.title.startswith("Representatives"))
    assert gatekeep.similar == (mine.title,) and not gatekeep.present
    guard = Safeguard("g1", "Train peer supporters")
    burnout = Risk("r2", "Burnout", category=RiskCategory.BURNOUT)
    safeguards = safeguard_suggestions(lib, plan(risks=[burnout], safeguards=[guard]))
    assert next(s for s in safeguards if s.title == "Train peer supporters").present == "Train peer supporters"


def test_every_suggestion_cites_the_article(lib):
    """Each suggestion's source names a section of Bovaird (2007)."""
    everyone = [Stakeholder(f"s{i}", c.value, category=c) for i, c in enumerate(Category)]
    for suggestion in risk_suggestions(lib, plan(*everyone)) + safeguard_suggestions(lib, plan(*everyone)):
        assert suggestion.source.startswith(("Source: Bovaird (2007)", "Case study: "))
        assert suggestion.reasons[0].startswith("Fits your target cell")


def test_loader_refuses_an_unknown_needed_category(tmp_path):
    """A template that needs a stakeholder category that does not exist is refused, naming it."""
    root = tmp_path / "guidance"
    shutil.copytree(resource_path("guidance"), root)
    path = root / "safeguards.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'needs = ["private_partner"]', 'needs = ["developer"]'), encoding="utf-8")
    with pytest.raises(GuidanceError, match="binding-agreement.*developer"):
        load_library(root)
