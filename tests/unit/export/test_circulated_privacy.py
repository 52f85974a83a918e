"""Tests that the circulated PDF and Word document are made from the one redaction: no leaks."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.core.model import (
    Category, Contribution, Plan, PlanningRole, Risk, Safeguard, Shares, Stakeholder,
)
from planner.export import ExportOptions, write_pdf
from planner.export.word import write_docx

SECRETS = ["Siân Prys", "07700 900123", "sian@example.org", "12 Acacia Close", "Lives alone"]


def leaky_plan(form: str) -> Plan:
    """A private individual whose name and phone are typed into everyone else's free text."""
    name = unicodedata.normalize(form, "Siân Prys")
    return Plan(
        title="Estate lunch club", summary=f"{name} asked for the club.",
        stakeholders=[
            Stakeholder("s1", "Siân Prys", personal=True, contact="07700 900123, sian@example.org",
                        organisation="12 Acacia Close", notes="Lives alone",
                        planning_role=PlanningRole.CO,
                        contributions=[Contribution(amount=2, unit="hours",
                                                    note="Ring 07700 900123")]),
            Stakeholder("s2", "Tenants' association", category=Category.COMMUNITY_GROUP,
                        notes=f"Chair says {name.upper()} will host."),
        ],
        risks=[Risk("r1", "Host falls ill", description=f"If {name} is away, call 07700900123",
                    likelihood=5, impact=5, shares=Shares(50, 50, 0))],
        safeguards=[Safeguard("g1", "Cover rota", description="Email sian@example.org",
                              mitigates=["r1"])],
    )


def text_of(path: Path) -> str:
    """All the PDF's text with line breaks folded, composed (NFC) for comparison."""
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    return unicodedata.normalize("NFC", " ".join(text.split()))


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_default_pdf_holds_no_trace_of_a_private_individual(tmp_path, form):
    """Name (either spelling), phone, email, address and notes appear nowhere in the default PDF."""
    path = tmp_path / "plan.pdf"
    write_pdf(leaky_plan(form), path)
    text = text_of(path)
    folded = text.casefold().replace(" ", "")
    for secret in SECRETS:
        assert secret.casefold().replace(" ", "") not in folded, secret
    assert "Service user 1" in text


def test_personal_copy_still_shows_the_details(tmp_path):
    """The copy the officer marks as personal keeps the name and contact, as chosen."""
    path = tmp_path / "plan.pdf"
    write_pdf(leaky_plan("NFC"), path, ExportOptions(include_personal=True))
    text = text_of(path)
    assert "Siân Prys" in text and "07700 900123" in text


def docx_text(path: Path) -> str:
    """Every paragraph, table cell, header and property of a Word document as one string."""
    from docx import Document

    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    props = document.core_properties
    parts += [props.title or "", props.subject or "", props.author or ""]
    return unicodedata.normalize("NFC", " ".join(" ".join(parts).split()))


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_default_word_document_holds_no_trace_of_a_private_individual(tmp_path, form):
    """The Word document hides the same things the PDF hides, through the same redaction."""
    path = tmp_path / "plan.docx"
    write_docx(leaky_plan(form), path)
    folded = docx_text(path).casefold().replace(" ", "")
    for secret in SECRETS:
        assert secret.casefold().replace(" ", "") not in folded, secret
    assert "service user 1" in docx_text(path).casefold()
