"""Tests for the PDF plan: contents, fonts, personal data, determinism and safe writing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.core.matrix import Cell
from planner.core.model import (
    Category, Contribution, ContributionKind, DeliveryRole, Driver, Plan, PlanningRole, Risk,
    Safeguard, Shares, Stakeholder,
)
from planner.export import ExportError, ExportOptions, write_pdf

SECTIONS = ["Plan on a page", "The coproduction matrix", "Stakeholders", "Power and interest map",
            "Division of risk", "Governance safeguards", "Risks no safeguard covers",
            "Plan check findings", "Sign-off"]
BASE14 = {"Courier", "Helvetica", "Times", "Symbol", "ZapfDingbats"}
MARKUP = ["<b>", "&amp;", "0.1 <A <0.9", '<img src="/etc/passwd">']


def make_plan() -> Plan:
    """A plan with Welsh names, personal and organisational stakeholders, risks and safeguards."""
    return Plan(
        title="Gŵyl Gymunedol Tŷ Ŵyn", organisation="Cyngor Sir Enghraifft",
        service_area="Youth services", officer="Siân Prys", modified="2025-02-24T16:30:00Z",
        summary="Plan the youth club with the young people.", drivers=[Driver.GOVERNANCE],
        current_cell=Cell.of("professionals", "professionals"), target_cell=Cell.of("co", "co"),
        stakeholders=[
            Stakeholder("s1", "Gwenllian Ŵyn", personal=True, contact="07700 900123",
                        planning_role=PlanningRole.CO, delivery_role=DeliveryRole.CO),
            Stakeholder("s2", "Dafydd Hâf", category=Category.VOLUNTEER, personal=True,
                        contact="dafydd@example.org", notes="Private note about Dafydd"),
            Stakeholder("s3", "Youth work team", organisation="Cyngor Sir Enghraifft",
                        category=Category.PROFESSIONAL, planning_role=PlanningRole.CO,
                        delivery_role=DeliveryRole.CO, influence=5, interest=4,
                        contact="youth@example.gov.uk",
                        contributions=[Contribution(ContributionKind.EXPERTISE, 2, "workers")]),
            Stakeholder("s4", "Associação Lusófona", organisation="Associação Lusófona",
                        category=Category.THIRD_SECTOR),
        ],
        risks=[
            Risk("r1", "Volunteers burn out", likelihood=4, impact=4, shares=Shares(20, 50, 30),
                 owner="s1"),
            Risk("r2", "Accountability is unclear", likelihood=3, impact=5,
                 shares=Shares(10, 20, 70), owner="s3", accepted_residual=True,
                 residual_rationale="The partners accept what remains."),
            Risk("r3", "Uncovered risk", likelihood=1, impact=2, shares=Shares(0, 0, 100)),
        ],
        safeguards=[
            Safeguard("g1", "Written role agreements", owner="s3", mitigates=["r1", "r2"],
                      review_date="2025-06-30"),
        ],
    )


def export(tmp_path: Path, plan: Plan, name: str = "plan.pdf", **options) -> Path:
    """Write the plan with these options and return the path."""
    path = tmp_path / name
    write_pdf(plan, path, ExportOptions(**options))
    return path


def pages_text(path: Path) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() for page in PdfReader(path).pages]


def flat(path: Path) -> str:
    """All text of the PDF with whitespace runs made single spaces (wrapping moves lines)."""
    return " ".join(" ".join(pages_text(path)).split())


def test_every_section_and_item_is_printed(tmp_path):
    """Each section (the map in the internal analysis), label, risk and safeguard appear."""
    text = flat(export(tmp_path, make_plan(), analysis="all"))
    for heading in SECTIONS:
        assert heading in text
    for label in ["Service user 1", "Volunteer 1", "Youth work team", "Associação Lusófona"]:
        assert label in text
    for title, shares in [("Volunteers burn out", (20, 50, 30)),
                          ("Accountability is unclear", (10, 20, 70))]:
        assert title in text
        for side, value in zip(("Users", "Community", "Professionals"), shares):
            assert f"{side} {value}%" in text
    assert "Written role agreements" in text
    assert "R1 Volunteers burn out" in text and "R2 Accountability is unclear" in text
    assert "The partners accept what remains." in text
    assert "Full user/professional coproduction" in text
    assert "Traditional professional service provision" in text


def test_every_page_has_title_and_page_of_total(tmp_path):
    """Each page's footer says 'Page N of M' and the plan's title."""
    pages = pages_text(export(tmp_path, make_plan()))
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "Gŵyl Gymunedol Tŷ Ŵyn" in text


def test_metadata_names_title_author_subject_and_language(tmp_path):
    """The PDF's document information and catalogue carry title, officer, subject and en-GB."""
    reader = PdfReader(export(tmp_path, make_plan()))
    assert reader.metadata.title == "Gŵyl Gymunedol Tŷ Ŵyn"
    assert reader.metadata.author == "Siân Prys"
    assert "Youth services" in reader.metadata.subject
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    assert "personal data" not in f"{reader.metadata.title} {reader.metadata.subject}"


def test_metadata_of_a_pdf_with_personal_data_says_so(tmp_path):
    """With include_personal the title, subject and keywords say the PDF holds personal data."""
    reader = PdfReader(export(tmp_path, make_plan(), include_personal=True))
    for field in (reader.metadata.title, reader.metadata.subject):
        assert field.endswith("Contains personal data — not for circulation"), field
    assert reader.metadata.title.startswith("Gŵyl Gymunedol Tŷ Ŵyn")
    assert "personal data" in reader.metadata["/Keywords"]


def test_every_font_is_embedded_and_none_is_built_in(tmp_path):
    """All fonts on every page are embedded TrueType subsets, never a base-14 font."""
    seen = set()
    for page in PdfReader(export(tmp_path, make_plan())).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            base = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
            seen.add(base)
            assert not any(base.startswith(name) for name in BASE14), base
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object()
    assert seen


def test_welsh_and_portuguese_text_survive_extraction(tmp_path):
    """ŵ, ŷ, Ŵ, â and ç are set in the embedded font and come back out of the PDF."""
    text = flat(export(tmp_path, make_plan()))
    assert "Gŵyl Gymunedol Tŷ Ŵyn" in text
    assert "Associação Lusófona" in text


def test_markup_typed_by_users_prints_literally(tmp_path):
    """Tags, entities and comparisons in user text are printed as typed, not interpreted."""
    plan = make_plan()
    plan.title = "Plan <b>bold</b>"
    plan.summary = "\n".join(MARKUP)
    plan.stakeholders[2].name = '<img src="/etc/passwd">'
    plan.risks[0].title = "0.1 <A <0.9"
    plan.safeguards[0].title = "&amp; safeguard"
    text = flat(export(tmp_path, plan))
    for literal in [*MARKUP, "Plan <b>bold</b>", "&amp; safeguard"]:
        assert literal in text


def test_default_hides_personal_names_and_all_contacts(tmp_path):
    """By default no personal name, no contact detail and no personal note appears anywhere."""
    path = export(tmp_path, make_plan())
    text = flat(path)
    squashed = "".join(text.split())  # so a wrapped address is still caught
    for secret in ["Gwenllian", "Dafydd", "07700900123", "dafydd@example.org",
                   "youth@example.gov.uk", "Privatenote"]:
        assert secret not in squashed
    assert "Contains personal data" not in text
    assert "Service user 1" in text and "Volunteer 1" in text


def test_include_personal_shows_names_contacts_and_banner_on_every_page(tmp_path):
    """With include_personal the names and contacts print and every page carries the warning."""
    path = export(tmp_path, make_plan(), include_personal=True)
    text = flat(path)
    for shown in ["Gwenllian Ŵyn", "Dafydd Hâf", "07700 900123"]:
        assert shown in text
    assert "dafydd@example.org" in "".join(text.split())  # a narrow column may wrap it
    for page in pages_text(path):
        assert "Contains personal data — not for circulation" in page


def test_sign_off_lists_organisations_never_people(tmp_path):
    """The sign-off block has one line per distinct organisation and no personal names."""
    text = flat(export(tmp_path, make_plan()))
    sign_off = text[text.rindex("Sign-off"):]
    assert "Cyngor Sir Enghraifft" in sign_off and "Associação Lusófona" in sign_off
    assert sign_off.count("Cyngor Sir Enghraifft") == 1
    assert "Service user 1" not in sign_off and "Gwenllian" not in sign_off


def test_invariant_output_is_byte_identical(tmp_path):
    """Two invariant exports of the same plan are the same bytes."""
    first = export(tmp_path, make_plan(), "a.pdf", invariant=True)
    second = export(tmp_path, make_plan(), "b.pdf", invariant=True)
    assert first.read_bytes() == second.read_bytes()


def test_empty_plan_says_so_in_each_section(tmp_path):
    """A plan with nothing in it still exports, and each section says what is missing."""
    text = flat(export(tmp_path, Plan(title="Empty plan"), analysis="all"))
    for heading in SECTIONS:
        assert heading in text
    for message in ["No stakeholders recorded yet", "No risks recorded yet",
                    "No safeguards recorded yet", "Not chosen yet"]:
        assert message in text


def test_twenty_thousand_character_note_is_laid_out(tmp_path):
    """One 20,000-character note in a table cell and in the summary splits across pages."""
    plan = make_plan()
    note = ("Nodyn hir iawn am y gwasanaeth. " * 700)[:20_000]
    plan.summary = note
    plan.risks[0].description = note
    plan.stakeholders[2].notes = note
    plan.stakeholders[2].contributions[0].note = "x" * 20_000  # one unbroken word
    path = export(tmp_path, plan)
    pages = pages_text(path)
    assert len(pages) > 10
    assert "Division of risk" in flat(path)


def test_letter_paper(tmp_path):
    """The letter option gives US Letter pages."""
    page = PdfReader(export(tmp_path, make_plan(), paper="letter")).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)


def test_appendix_is_printed_when_given(tmp_path):
    """Guidance passed as an appendix prints at the end, escaped like all text."""
    appendix = [("Full user/professional coproduction", ["Read <this> first.", "Then this."])]
    text = flat(export(tmp_path, make_plan(), appendix=appendix))
    assert "Appendix: guidance" in text and "Read <this> first." in text


def test_progress_runs_from_zero_to_total(tmp_path):
    """The progress callback starts at 0, never goes back, and ends at total of total."""
    calls = []
    write_pdf(make_plan(), tmp_path / "p.pdf", progress=lambda done, total: calls.append((done, total)))
    assert calls[0][0] == 0 and calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_missing_folder_raises_export_error(tmp_path):
    """Exporting into a folder that does not exist raises ExportError and writes nothing."""
    with pytest.raises(ExportError, match="does not exist"):
        write_pdf(make_plan(), tmp_path / "missing" / "plan.pdf")
    assert not (tmp_path / "missing").exists()


def test_failure_mid_build_keeps_the_good_pdf_and_leaves_no_temp(tmp_path, monkeypatch):
    """A build that fails half-way leaves the earlier PDF untouched and no temporary file."""
    good = export(tmp_path, make_plan())
    before = good.read_bytes()

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk fell off")

    monkeypatch.setattr("planner.export.figures.matrix.hatch", broken)
    with pytest.raises(ExportError, match="disk fell off"):
        write_pdf(make_plan(), good)
    assert good.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]


def test_unknown_paper_is_refused(tmp_path):
    """An unknown paper size is an ExportError, not a crash."""
    with pytest.raises(ExportError, match="paper"):
        write_pdf(make_plan(), tmp_path / "p.pdf", ExportOptions(paper="a5"))


def test_arbitrary_unicode_never_raises(tmp_path):
    """Control characters, lone surrogates and emoji in user text still export."""
    plan = make_plan()
    plan.title = "T\x00i\x1bt\ud800l\ue000e 🎉"
    plan.risks[0].title = "\x7f\x85\u2028risk"
    text = flat(export(tmp_path, plan))
    assert re.search(r"Division of risk", text)


def test_a_new_pdf_gets_the_permissions_any_new_file_gets(tmp_path):
    """A new PDF's mode follows the umask (not a fixed 0644); a replaced one keeps its own."""
    import os

    old = os.umask(0o027)
    try:
        path = export(tmp_path, make_plan(), name="new.pdf")
        assert path.stat().st_mode & 0o777 == 0o640
        os.chmod(path, 0o600)
        export(tmp_path, make_plan(), name="new.pdf")
        assert path.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)
