"""Tests for the easy-read summary PDF: type size, length, pictures, privacy, the command line."""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.core import easy_read
from planner.core.matrix import Cell
from planner.core.model import Category, Plan, Risk, Safeguard, Stakeholder
from planner.export.easy_read import FOOTER_SIZE, MIN_SIZE, write_easy_read
from planner.export.easy_read.pictograms import pictogram, title_of
from planner.guidance import example_names, example_plan

FOOTER_TOP = 40  # points from the foot of the page: the footer line sits below this


def make_plan() -> Plan:
    """A plan whose free text names a private individual."""
    return Plan(
        title="Tŷ Gwyn library", organisation="Caerwyn Council", officer="Siân Powell",
        target_cell=Cell.of("co", "co"),
        stakeholders=[Stakeholder("s1", "Gwenllian Ŵyn", personal=True),
                      Stakeholder("s2", "Friends of the Library",
                                  category=Category.COMMUNITY_GROUP)],
        risks=[Risk("r1", "Gwenllian Ŵyn cannot get to the branch", likelihood=4, impact=4)],
        safeguards=[Safeguard("g1", "A lift from a volunteer", mitigates=["r1"])],
    )


def runs(path: Path) -> list[tuple[int, str, float, float]]:
    """Every text run as (page, text, size in points, height on the page)."""
    found = []
    for number, page in enumerate(PdfReader(str(path)).pages, start=1):
        def visit(text, cm, tm, _font, size, number=number):
            if text.strip():
                scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
                found.append((number, text.strip(), size * scale, tm[5] * cm[3] + cm[5]))
        page.extract_text(visitor_text=visit)
    return found


def test_every_run_is_sixteen_points_or_more_except_the_footer(tmp_path):
    """Read back from the PDF: all text is 16 pt or larger but the footer line."""
    path = tmp_path / "easy.pdf"
    write_easy_read(make_plan(), path, invariant=True)
    found = runs(path)
    body = [r for r in found if r[3] > FOOTER_TOP]
    footer = [r for r in found if r[3] <= FOOTER_TOP]
    assert body and footer
    assert min(size for _, _, size, _ in body) >= MIN_SIZE
    assert {round(size) for _, _, size, _ in footer} == {FOOTER_SIZE}
    assert all("Page" in text or "Easy read summary" in text for _, text, _, _ in footer)


def test_the_size_check_can_fail(tmp_path, monkeypatch):
    """Shrinking the body type is caught by the same reading (the test is not vacuous)."""
    import planner.export.easy_read.layout as layout

    monkeypatch.setattr(layout, "BODY_SIZE", 12)
    path = tmp_path / "small.pdf"
    write_easy_read(make_plan(), path, invariant=True)
    assert min(size for _, _, size, y in runs(path) if y > FOOTER_TOP) < MIN_SIZE


@pytest.mark.parametrize("name", example_names())
def test_examples_make_four_to_eight_pages_with_every_section(tmp_path, name):
    """Each worked example gives 4 to 8 pages holding the title and all six headings."""
    path = tmp_path / f"{name}.pdf"
    write_easy_read(example_plan(name), path, invariant=True)
    reader = PdfReader(str(path))
    assert 4 <= len(reader.pages) <= 8
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for heading in [easy_read.TITLE, *(s.heading for s in easy_read.SECTIONS)]:
        assert heading in text


def test_no_private_individual_even_in_free_text(tmp_path):
    """A private name typed into a risk title is replaced by the role label."""
    path = tmp_path / "easy.pdf"
    write_easy_read(make_plan(), path, invariant=True)
    text = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    assert "Gwenllian" not in text
    assert "Service user 1 cannot get to the branch" in " ".join(text.split())


def test_every_pictogram_is_bundled_and_drawn():
    """Each picture the summary can choose exists, reads as our SVG subset and has a title."""
    for name in easy_read.PICTURES:
        drawing = pictogram(name, 60)
        assert drawing.width == 60 and drawing.getContents()
        assert title_of(name) != name


def test_cli_writes_the_easy_read_summary(tmp_path, capsys):
    """coplanner export PLAN -o summary.pdf --easy-read writes it; personal data is refused."""
    from planner.cli import main
    from planner.storage import PlanStore

    plan_path = tmp_path / "p.coplan"
    PlanStore.create_from(plan_path, make_plan()).close()
    out = tmp_path / "summary.pdf"
    assert main(["export", str(plan_path), "-o", str(out), "--easy-read"]) == 0
    assert PdfReader(str(out)).metadata.title.startswith(easy_read.TITLE)
    assert main(["export", str(plan_path), "-o", str(out), "--easy-read",
                 "--include-personal"]) == 2
    assert main(["export", str(plan_path), "-o", str(tmp_path / "s.docx"), "--easy-read"]) == 2
    assert "never names private individuals" in capsys.readouterr().err


def test_officers_own_text_passes_the_one_redaction(tmp_path):
    """A private name or phone number the officer types into a section never reaches the PDF."""
    plan = make_plan()
    plan.stakeholders[0].contact = "07700 900123"
    plan.easy_read_contact = "Ask Gwenllian Ŵyn on 07700 900123."
    path = tmp_path / "easy.pdf"
    write_easy_read(plan, path, invariant=True)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages)
    assert "Gwenllian" not in text and "900123" not in text
    assert "Ask Service user 1 on" in text


def test_a_group_named_in_arabic_reads_in_order(tmp_path):
    """A community group's Arabic name is set in its own face and extracts as typed."""
    name = "جمعية الجالية العربية"
    plan = make_plan()
    plan.title = f"Plan with {name}"
    plan.stakeholders.append(Stakeholder("s9", name, category=Category.COMMUNITY_GROUP))
    path = tmp_path / "easy.pdf"
    write_easy_read(plan, path, invariant=True)
    reader = PdfReader(str(path))
    text = unicodedata.normalize("NFKC", " ".join(page.extract_text() for page in reader.pages))
    # In logical order (NFKC undoes the joined forms): footer, title and the point naming it.
    assert text.count(name) >= 3 and name[::-1] not in text
    fonts = {str(f) for page in reader.pages for f in page["/Resources"]["/Font"].values()
             for f in [f.get_object()["/BaseFont"]]}
    assert any("Naskh" in f for f in fonts)
