"""Tests that the officer's judgements of named partners leave the circulated copy only on request."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from planner.cli import main
from planner.core.model import (
    Category, Plan, PlanningRole, Stakeholder, Stance,
)
from planner.export import ExportError, ExportOptions, write_pdf
from planner.export.word import write_docx
from planner.storage import PlanStore

STANCES = ("Resistant", "Sceptical", "Champion", "resistant")


def plan() -> Plan:
    """A resistant influential professional partner, a champion group and a private individual."""
    return Plan(title="Day centre", stakeholders=[
        Stakeholder("s1", "Adult social care team", category=Category.PROFESSIONAL,
                    stance=Stance.RESISTANT, influence=5, interest=2),
        Stakeholder("s2", "Carers' forum", category=Category.COMMUNITY_GROUP,
                    stance=Stance.CHAMPION, planning_role=PlanningRole.CO),
        Stakeholder("s3", "Gwen Ŵyn", personal=True, stance=Stance.SCEPTICAL, influence=4),
    ])


def pdf_text(tmp_path, **options) -> str:
    """The whole text of the plan's PDF exported with these options."""
    path = tmp_path / "plan.pdf"
    write_pdf(plan(), path, ExportOptions(**options))
    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def test_default_pdf_has_no_stance_no_scores_and_no_map(tmp_path):
    """For circulation: no stance word, no map, and the resistance finding names nobody."""
    text = pdf_text(tmp_path)
    for word in STANCES:
        assert word not in text
    assert "Power and interest map" not in text
    assert "Infl. / int." not in text
    assert "Adult social care team” is influential" not in text
    assert "An influential professional may resist sharing power" in text


def test_groups_option_shows_groups_but_never_a_private_individual(tmp_path):
    """Groups and organisations get their stance and the map; the private individual does not."""
    text = pdf_text(tmp_path, analysis="groups")
    assert "Resistant" in text and "Champion" in text and "Sceptical" not in text
    assert "Power and interest map" in text


def test_internal_analysis_and_personal_copy_show_everything(tmp_path):
    """The internal analysis, and any copy with personal data, show every stance."""
    assert "Sceptical" in pdf_text(tmp_path, analysis="all")
    assert "Sceptical" in pdf_text(tmp_path, include_personal=True)


def test_word_document_follows_the_same_choice(tmp_path):
    """The Word document leaves stance and the map out by default too."""
    from docx import Document

    path = tmp_path / "plan.docx"
    write_docx(plan(), path)
    document = Document(str(path))
    text = " ".join([p.text for p in document.paragraphs]
                    + [c.text for t in document.tables for r in t.rows for c in r.cells])
    assert not any(word in text for word in STANCES)
    assert "Power and interest map" not in text


def test_unknown_choice_is_refused(tmp_path):
    """An analysis choice that is not none, groups or all is an export error."""
    with pytest.raises(ExportError):
        write_pdf(plan(), tmp_path / "x.pdf", ExportOptions(analysis="some"))


def test_cli_takes_the_choice(tmp_path):
    """`coplanner export --analysis groups` prints groups' stance."""
    source = tmp_path / "p.coplan"
    PlanStore.create_from(source, plan()).close()
    out = tmp_path / "p.pdf"
    assert main(["export", str(source), "-o", str(out), "--analysis", "groups"]) == 0
    assert "Resistant" in " ".join(page.extract_text() for page in PdfReader(out).pages)


def test_charts_are_numbered_in_order_with_or_without_the_map(tmp_path):
    """Without the map the risk chart is Chart 2; with it, Chart 3 after the map's Chart 2."""
    from planner.core.model import Risk

    def charts(**options) -> list[str]:
        path = tmp_path / "c.pdf"
        p = plan()
        p.risks = [Risk("r1", "Hall closes", owner="s1")]
        write_pdf(p, path, ExportOptions(**options))
        text = " ".join(page.extract_text() for page in PdfReader(path).pages)
        return [n for n in ("Chart 1.", "Chart 2.", "Chart 3.") if n in text]

    assert charts() == ["Chart 1.", "Chart 2."]
    assert charts(analysis="all") == ["Chart 1.", "Chart 2.", "Chart 3."]
