"""Tests for the guidance library: completeness, citations, templates and clear load errors."""

from __future__ import annotations

import shutil

import pytest

from planner.core.matrix import NA_CELL, Cell, available_cells
from planner.core.model import Category, Driver, Risk, RiskCategory, SafeguardKind, Side
from planner.guidance import GuidanceError, load_library, render_guidance
from planner.resources import resource_path

# Section headings of the article that guidance may cite.
SECTIONS = {
    "Beyond Engagement and Participation: The Emerging Paradigm of Coproduction",
    "Forms of User and Community Relationships with Professionalized Public Services",
    "Case Studies of Professional-User-Community Coproduction",
    "Participatory Budgeting in Pôrto Alegre",
    "Sure Start Initiative in Gateshead",
    "Caterham Barracks Community Trust",
    "Beacon Community Regeneration Partnership",
    "Villa Family Project",
    "Tackley Village Shop",
    "Emerging Lessons",
    "Limitations",
    "Coproduction within Complex Adaptive Systems",
    "Conclusion",
}


@pytest.fixture(scope="module")
def lib():
    """The app's own guidance library."""
    return load_library()


@pytest.fixture
def broken_root(tmp_path):
    """A copy of the guidance folder that a test may break."""
    root = tmp_path / "guidance"
    shutil.copytree(resource_path("guidance"), root)
    return root


def test_every_cell_has_guidance_with_the_articles_name(lib):
    """Each of the eight cells has guidance whose name is Table 1's name for it."""
    for cell in available_cells():
        guide = lib.cell(cell)
        assert guide.name == cell.name
        assert guide.description and guide.examples and guide.benefits and guide.limitations
        assert guide.source in SECTIONS


def test_case_studies_match_figure_one(lib):
    """The six case-study cells carry their case study and example plan; the two outer cells have none."""
    expected = {
        "co/professionals": "porto-alegre", "professionals/co": "sure-start", "co/co": "caterham",
        "community/co": "beacon", "professionals/community": "villa-family", "co/community": "tackley",
    }
    for cell in available_cells():
        case = lib.cell(cell).case_study
        if cell.code in expected:
            assert case.example == expected[cell.code] and case.source in SECTIONS
        else:
            assert case is None


def test_na_cell_has_no_guidance(lib):
    """Asking for the N/A cell is an error."""
    with pytest.raises(KeyError):
        lib.cell(NA_CELL)


def test_every_driver_has_guidance_and_an_axis(lib):
    """Governance drivers move planning and logistical drivers move delivery."""
    assert lib.drivers[Driver.GOVERNANCE].axis == "planning"
    assert lib.drivers[Driver.LOGISTICAL].axis == "delivery"
    assert all(d.source == "Emerging Lessons" for d in lib.drivers.values())


def test_every_topic_is_explained(lib):
    """Every risk category, safeguard kind, stakeholder category and side has an explanation."""
    for enum, look_up in ((RiskCategory, lib.risk_category), (SafeguardKind, lib.safeguard_kind),
                          (Category, lib.stakeholder_category), (Side, lib.side)):
        for member in enum:
            topic = look_up(member)
            assert topic.title and topic.text
            assert topic.source in SECTIONS or topic.text.startswith("Practice note")


def test_every_risk_category_but_other_has_a_template(lib):
    """Each named limitation has at least one risk template."""
    covered = {t.category for t in lib.risk_templates}
    assert set(RiskCategory) - covered <= {RiskCategory.OTHER}


def test_every_template_cites_a_section(lib):
    """Every risk and safeguard template cites a heading of the article."""
    for template in [*lib.risk_templates, *lib.safeguard_templates]:
        assert template.source in SECTIONS, template.key


def test_risk_template_shares_add_to_100_with_a_reason(lib):
    """Each risk template's suggested shares add to 100 and say why."""
    for template in lib.risk_templates:
        assert template.shares.total == 100 and template.shares_reason


def test_safeguard_templates_name_their_case_study(lib):
    """Safeguard templates from a case study name it; only the article's own recommendation may not."""
    for template in lib.safeguard_templates:
        assert template.case_study or template.source == "Conclusion", template.key


def test_required_safeguards_from_the_case_studies(lib):
    """The Villa Family trust, Beacon's majority and training, the county's monitoring and Sure Start's training are all there."""
    by_key = {t.key: t for t in lib.safeguard_templates}
    assert by_key["villa-trust"].kind is SafeguardKind.TRUST_BOARD
    assert by_key["resident-majority"].kind is SafeguardKind.MAJORITY_RULE
    assert by_key["committee-training"].kind is SafeguardKind.TRAINING
    assert by_key["register-and-monitor"].kind is SafeguardKind.MONITORING
    assert by_key["peer-training"].case_study == "Sure Start"


def test_risk_templates_for_a_cell_become_suggested_risks(lib):
    """Templates for a cell fit it and turn into suggested core risks."""
    cell = Cell.of("co", "community")
    templates = lib.risk_templates_for(cell)
    assert templates and all(cell in t.cells for t in templates)
    risk = templates[0].to_risk("r7")
    assert risk.key == "r7" and risk.suggested and risk.shares.total == 100
    assert not lib.risk_templates_for(Cell.of("professionals", "professionals"))


def test_safeguard_templates_answer_the_plans_risks(lib):
    """Safeguard templates are chosen by the risks they answer and mitigate those risks' keys."""
    cell = Cell.of("professionals", "community")
    risks = [Risk("r1", "Hosts burn out", category=RiskCategory.BURNOUT),
             Risk("r2", "Other", category=RiskCategory.OTHER)]
    templates = lib.safeguard_templates_for(cell, risks)
    assert templates and all(t.answering(risks) == ["r1"] for t in templates)
    guard = templates[0].to_safeguard("g3", mitigates=templates[0].answering(risks))
    assert guard.suggested and guard.mitigates == ["r1"] and guard.key == "g3"
    assert len(lib.safeguard_templates_for(cell, [])) >= len(templates)


def test_appendix_cites_the_article(lib):
    """The PDF appendix for a cell has headed paragraphs that cite the article."""
    sections = lib.appendix_for(Cell.of("co", "co"))
    headings = [heading for heading, _ in sections]
    assert headings[0] == "Full user/professional coproduction"
    assert "Case study: Caterham Barracks Community Trust" in headings
    text = " ".join(p for _, paragraphs in sections for p in paragraphs)
    assert "Bovaird (2007)" in text and "£2.5 million" in text


def test_render_all_cells_briefly():
    """The overview lists every available cell code and no N/A cell."""
    text = render_guidance(None)
    for cell in available_cells():
        assert cell.code in text
    assert NA_CELL.code not in text


def test_render_one_cell():
    """One cell's guidance names the cell, its case study and the source."""
    text = render_guidance("professionals/community")
    assert "User/community delivery of professionally planned services" in text
    assert "Villa Family" in text and "Bovaird (2007)" in text


@pytest.mark.parametrize("code", ["nonsense", "co/nobody", "community/professionals"])
def test_render_bad_codes(code):
    """A bad code or the N/A cell raises ValueError listing the valid codes."""
    with pytest.raises(ValueError, match="co/community"):
        render_guidance(code)


def test_loader_reports_broken_toml(broken_root):
    """A file that is not valid TOML names the file."""
    (broken_root / "drivers.toml").write_text("[drivers.governance\n", encoding="utf-8")
    with pytest.raises(GuidanceError, match="drivers.toml.*not valid TOML"):
        load_library(broken_root)


def test_loader_names_file_and_entry_for_bad_shares(broken_root):
    """A risk template whose shares do not add to 100 names the file and the template."""
    path = broken_root / "risks.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("users = 30, community = 30, professionals = 40",
                                 "users = 30, community = 30, professionals = 50", 1),
                    encoding="utf-8")
    with pytest.raises(GuidanceError) as caught:
        load_library(broken_root)
    assert caught.value.file == "risks.toml"
    assert "values-conflict" in caught.value.entry and "110" in caught.value.message


def test_loader_refuses_a_wrong_cell_name(broken_root):
    """A cell whose name is not the article's is refused, naming the cell."""
    path = broken_root / "cells.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('name = "Full user/professional coproduction"',
                                 'name = "Full coproduction"'), encoding="utf-8")
    with pytest.raises(GuidanceError, match=r"cells.toml, cells.co/co: name"):
        load_library(broken_root)


def test_loader_refuses_unknown_category_and_missing_topics(broken_root):
    """An unknown risk category in a template, or a missing explanation, is refused."""
    path = broken_root / "safeguards.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('answers = ["burnout"]', 'answers = ["boredom"]'), encoding="utf-8")
    with pytest.raises(GuidanceError, match="stand-in.*boredom"):
        load_library(broken_root)
    path.write_text(text.replace("[kinds.other]", "[kinds.other_thing]"), encoding="utf-8")
    with pytest.raises(GuidanceError, match="other_thing"):
        load_library(broken_root)


def test_loader_reports_missing_file(broken_root):
    """A missing guidance file is named."""
    (broken_root / "stakeholders.toml").unlink()
    with pytest.raises(GuidanceError, match="stakeholders.toml"):
        load_library(broken_root)


def test_library_is_cached():
    """Loading twice returns the same object."""
    assert load_library() is load_library()


def test_appendix_keeps_to_the_kinds_of_risk_the_plan_records(lib):
    """Given the plan's risks, the appendix offers only risks of those kinds and safeguards answering them."""
    from planner.core.model import Risk, RiskCategory

    cell = Cell.of("co", "co")
    everything = dict(lib.appendix_for(cell))
    risks = [Risk("r1", "Volunteers tire", category=RiskCategory.BURNOUT)]
    mine = dict(lib.appendix_for(cell, risks))
    offered = mine["Risks of the kinds this plan records"]
    assert offered and len(offered) < len(everything["Risks to consider"])
    burnout = [t.title for t in lib.risk_templates_for(cell) if t.category is RiskCategory.BURNOUT]
    assert all(any(p.startswith(title) for p in offered) for title in burnout)
    assert "Reference" not in mine  # the reference closes the cell's section instead
    assert any("Bovaird" in p for p in mine["Full user/professional coproduction"])
