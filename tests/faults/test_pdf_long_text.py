"""One enormous text never stalls or breaks the PDF: it is cut with a note, and the export ends quickly."""

from __future__ import annotations

import time

import pytest
from pypdf import PdfReader

from planner import cli
from planner.core.kinds import MAX_TEXT
from planner.core.model import Plan, Risk, Stakeholder
from planner.export import ExportOptions, write_pdf
from planner.storage import PlanStore

WORDS = "the library trust volunteers rota council budget forum carers youth club hall ".split()


def long_text(characters: int) -> str:
    """Ordinary words, ``characters`` long: a pasted document."""
    text = " ".join(WORDS[i % len(WORDS)] for i in range(characters // 5))
    return text[:characters]


def pdf_text(path) -> str:
    """All the text of a PDF, page after page."""
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


@pytest.mark.parametrize("field", ["title", "organisation", "service_area", "officer"])
def test_a_21000_character_cover_field_exports_with_a_note(tmp_path, field):
    """A cover field of 21,000 characters no longer fails 'too large on page' nor takes minutes."""
    plan = Plan(**{"title": "Library plan", field: long_text(21_000)})
    out = tmp_path / "plan.pdf"
    started = time.perf_counter()
    write_pdf(plan, out, ExportOptions(full=True))
    assert time.perf_counter() - started < 60
    assert "shortened for print" in pdf_text(out)


def test_a_long_status_line_from_the_command_line_exports(tmp_path, capsys):
    """`coplanner export --status` with 21,000 characters writes the PDF instead of failing in reportlab."""
    path = tmp_path / "p.coplan"
    PlanStore.create(path, "Library plan").close()
    out = tmp_path / "p.pdf"
    assert cli.main(["export", str(path), "-o", str(out), "--status", long_text(21_000)]) == 0, capsys.readouterr().err
    assert out.exists() and "shortened for print" in pdf_text(out)


def test_notes_at_the_text_limit_print_cut_and_quickly(tmp_path):
    """The longest note the plan keeps prints its start and a note, in seconds, not minutes."""
    plan = Plan(title="Long notes",
                stakeholders=[Stakeholder("s1", "Amira", notes=long_text(MAX_TEXT))],
                risks=[Risk("r1", "A risk", description=long_text(MAX_TEXT))])
    out = tmp_path / "plan.pdf"
    started = time.perf_counter()
    write_pdf(plan, out, ExportOptions(full=True, include_personal=True))
    assert time.perf_counter() - started < 30
    text = pdf_text(out)
    assert "shortened for print" in text and "200,000 characters" in text
