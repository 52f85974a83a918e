"""Tests for the Word document: order, built-in styles, accessibility checks and privacy."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from planner.core.matrix import Cell
from planner.core.model import (
    Category, DeliveryRole, Plan, PlanningRole, Risk, Safeguard, Shares, Stakeholder,
)
from planner.export import ExportError, ExportOptions
from planner.export.document import PERSONAL_BANNER
from planner.export.word import write_docx

# The PDF's sections, in the PDF's order (tests/unit/export/test_pdf.py holds the same list).
SECTIONS = ["Plan on a page", "The coproduction matrix", "Stakeholders", "Power and interest map",
            "Division of risk", "Governance safeguards", "Risks no safeguard covers",
            "Plan check findings", "Sign-off"]
PRIVATE = ["Gwenllian Ŵyn", "Dafydd Hâf", "07700 900123", "dafydd@example.org",
           "Private note about Dafydd"]
STYLES_USED = {"Title", "Heading 1", "Heading 2", "Table Grid", "Caption"}


def make_plan() -> Plan:
    """Personal and organisational stakeholders, a private name typed into free text, risks."""
    return Plan(
        title="Gŵyl Gymunedol Tŷ Ŵyn", organisation="Cyngor Sir Enghraifft",
        service_area="Youth services", officer="Siân Prys", modified="2025-02-24T16:30:00Z",
        summary="Plan the youth club with the young people. Gwenllian Ŵyn asked for it.",
        current_cell=Cell.of("professionals", "professionals"), target_cell=Cell.of("co", "co"),
        stakeholders=[
            Stakeholder("s1", "Gwenllian Ŵyn", personal=True, contact="07700 900123",
                        planning_role=PlanningRole.CO, delivery_role=DeliveryRole.CO),
            Stakeholder("s2", "Dafydd Hâf", category=Category.VOLUNTEER, personal=True,
                        contact="dafydd@example.org", notes="Private note about Dafydd"),
            Stakeholder("s3", "Youth work team", organisation="Cyngor Sir Enghraifft",
                        category=Category.PROFESSIONAL, planning_role=PlanningRole.CO,
                        delivery_role=DeliveryRole.CO, influence=5, interest=4),
        ],
        risks=[
            Risk("r1", "Volunteers burn out", description="Dafydd Hâf runs most sessions.",
                 likelihood=4, impact=4, shares=Shares(20, 50, 30), owner="s1"),
            Risk("r2", "Accountability is unclear", likelihood=3, impact=5,
                 shares=Shares(10, 20, 70), owner="s3"),
        ],
        safeguards=[Safeguard("g1", "Written role agreements", owner="s3", mitigates=["r1"])],
    )


def export(tmp_path: Path, plan: Plan | None = None, **options) -> docx.document.Document:
    path = tmp_path / "plan.docx"
    write_docx(plan or make_plan(), path, ExportOptions(invariant=True, **options))
    return docx.Document(str(path))


def all_text(document) -> str:
    """Every piece of text: body, tables, headers, footers, properties and alt text."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    props = document.core_properties
    parts += [props.title, props.subject, props.author, props.last_modified_by]
    parts += [shape._inline.docPr.get("descr") or "" for shape in document.inline_shapes]
    return "\n".join(parts)


def accessibility_problems(document) -> list[str]:
    """What Word's accessibility checker reports as errors, checked the same way.

    Heading order (no skipped level), every table with a header row marked to repeat,
    alternative text on every picture, no empty paragraph used for spacing, a title and a
    language in the properties, and no meaning by colour alone (every coloured run is bold
    or says what it means in its words too).
    """
    problems = []
    level = 0
    for paragraph in document.paragraphs:
        name = paragraph.style.name
        if name.startswith("Heading "):
            new = int(name.split()[1])
            if new > level + 1:
                problems.append(f"heading level skipped before {paragraph.text!r}")
            level = new
        if not paragraph.text.strip() and not paragraph._p.xpath(".//w:drawing"):
            problems.append(f"empty paragraph in style {name}")
        for run in paragraph.runs:
            if run.font.color is not None and run.font.color.rgb is not None and not run.bold:
                problems.append(f"colour-only emphasis on {run.text!r}")
    for index, table in enumerate(document.tables):
        tr_pr = table.rows[0]._tr.trPr
        marked = tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None
        if not marked:
            problems.append(f"table {index} has no repeating header row")
        if not all(cell.text.strip() for cell in table.rows[0].cells):
            problems.append(f"table {index} has an empty header cell")
    for shape in document.inline_shapes:
        if not (shape._inline.docPr.get("descr") or "").strip():
            problems.append("picture without alternative text")
    if not document.core_properties.title:
        problems.append("no document title")
    if not document.core_properties.language:
        problems.append("no document language")
    return problems


def test_headings_follow_the_pdf_order(tmp_path):
    """The Word document's headings come in the PDF's order, in Word's Heading styles."""
    document = export(tmp_path, analysis="all")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    positions = [headings.index(name) for name in SECTIONS]
    assert positions == sorted(positions)
    assert document.paragraphs[1].style.name == "Title"
    assert document.paragraphs[1].text == "Gŵyl Gymunedol Tŷ Ŵyn"


def test_word_built_in_styles_are_used(tmp_path):
    """Title, headings, Table Grid and Caption are Word's own styles, not look-alikes."""
    document = export(tmp_path)
    used = {p.style.name for p in document.paragraphs} | {t.style.name for t in document.tables}
    assert STYLES_USED <= used


def test_every_table_header_row_repeats(tmp_path):
    """Every table's first row is marked as a header row that repeats (w:tblHeader)."""
    document = export(tmp_path)
    assert len(document.tables) >= 8
    for table in document.tables:
        header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
        assert header is not None and header.get(qn("w:val")) == "true"


def test_map_picture_has_alt_text_and_a_data_table(tmp_path):
    """The map is a picture whose alt text says what it shows, followed by its data as a table."""
    document = export(tmp_path, analysis="all")
    assert len(document.inline_shapes) == 1
    alt = document.inline_shapes[0]._inline.docPr.get("descr")
    assert "Power and interest map" in alt and "3 stakeholders" in alt and "influence" in alt
    data = next(t for t in document.tables if t.rows[0].cells[0].text == "No."
                and t.rows[0].cells[-1].text == "Quadrant")
    assert [row.cells[3].text for row in data.rows[1:]] == ["3", "3", "5"]


def test_matrix_is_a_three_by_three_table_with_cells_marked_in_words(tmp_path):
    """The matrix is a real table: header row and column around 3 x 3 cells, marks in words."""
    document = export(tmp_path)
    table = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("Who delivers"))
    assert (len(table.rows), len(table.columns)) == (4, 4)
    cells = {(r, c): table.rows[r].cells[c].text for r in range(1, 4) for c in range(1, 4)}
    assert "CURRENT" in cells[(1, 1)] and "Traditional professional" in cells[(1, 1)]
    assert "TARGET" in cells[(2, 2)] and "Full user/professional coproduction" in cells[(2, 2)]
    assert "N/A" in cells[(1, 3)]
    assert sum("TARGET" in text for text in cells.values()) == 1


def test_no_private_individual_by_default(tmp_path):
    """By default no private name, contact or note appears, even typed into free text."""
    text = all_text(export(tmp_path))
    for secret in PRIVATE:
        assert secret not in text
    assert "Service user 1" in text and "Volunteer 1 runs most sessions" in text
    assert PERSONAL_BANNER not in text


def test_include_personal_names_people_and_banners_every_page(tmp_path):
    """With personal data included, names print and the banner heads every page."""
    document = export(tmp_path, include_personal=True)
    text = all_text(document)
    assert "Gwenllian Ŵyn" in text and "07700 900123" in text
    for section in document.sections:
        assert PERSONAL_BANNER in section.header.paragraphs[0].text


def test_accessibility_checker_finds_nothing(tmp_path):
    """The checks Word's accessibility checker makes find no problem, with or without personal data."""
    assert accessibility_problems(export(tmp_path)) == []
    with_map = export(tmp_path, analysis="all")
    assert len(with_map.inline_shapes) == 1  # the map's picture, checked for alt text
    assert accessibility_problems(with_map) == []
    assert accessibility_problems(export(tmp_path, include_personal=True)) == []
    assert accessibility_problems(export(tmp_path, plan=Plan(title="Empty"))) == []


def test_accessibility_check_catches_a_missing_header_row(tmp_path):
    """The check itself fails a table whose header row is not marked (so it can fail)."""
    document = export(tmp_path)
    tr_pr = document.tables[0].rows[0]._tr.trPr
    tr_pr.remove(tr_pr.find(qn("w:tblHeader")))
    document.add_paragraph("")
    problems = accessibility_problems(document)
    assert "table 0 has no repeating header row" in problems
    assert any(p.startswith("empty paragraph") for p in problems)


def test_properties_and_language(tmp_path):
    """Title, subject and language are set in the properties and on the text itself."""
    path = tmp_path / "cy.docx"
    write_docx(make_plan(), path, ExportOptions(invariant=True), language="cy")
    document = docx.Document(str(path))
    props = document.core_properties
    assert props.title == "Gŵyl Gymunedol Tŷ Ŵyn"
    assert props.subject == "Coproduction plan: Youth services"
    assert props.language == "cy"
    lang = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang.get(qn("w:val")) == "cy"


def test_unknown_language_and_missing_folder_are_refused(tmp_path):
    """A bad language or a missing folder raises ExportError and writes nothing."""
    with pytest.raises(ExportError):
        write_docx(make_plan(), tmp_path / "a.docx", language="fr")
    with pytest.raises(ExportError):
        write_docx(make_plan(), tmp_path / "missing" / "a.docx")
    assert list(tmp_path.iterdir()) == []


def test_markup_and_control_characters_print_literally(tmp_path):
    """Text that looks like markup, and control characters, cannot break the document."""
    plan = make_plan()
    plan.title = 'A <b>bold</b> & "quoted" plan\x07'
    document = export(tmp_path, plan=plan)
    assert document.paragraphs[1].text == 'A <b>bold</b> & "quoted" plan\ufffd'


def test_sections_follow_the_shared_outline(tmp_path):
    """Every section of the outline the PDF follows is a heading here, in the outline's order."""
    from planner.export.outline import outline

    plan = make_plan()
    document = export(tmp_path, plan=plan)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    wanted = [s.title for s in outline(plan, appendix=False, analysis="none") if s.key != "cover"]
    found = [h for h in headings if h in wanted]
    assert found == wanted


def test_large_plan_is_summarised_and_stays_accessible(tmp_path):
    """A plan too large for a meeting gets the outline's summaries, still passing the checks."""
    plan = make_plan()
    plan.stakeholders += [Stakeholder(f"x{i}", f"Resident {i}", personal=True,
                                      influence=i % 5 + 1, interest=(i * 2) % 5 + 1)
                          for i in range(60)]
    plan.risks += [Risk(f"q{i}", f"Risk {i}", likelihood=5, impact=5 - i % 3) for i in range(40)]
    document = export(tmp_path, plan=plan, analysis="groups")
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "The most influential stakeholders" in headings
    assert "High risks no safeguard covers" in headings
    assert accessibility_problems(document) == []
    assert "Resident 7" not in all_text(document)
    assert len(document.tables) < 20


def _header(document) -> str:
    return "\n".join(p.text for s in document.sections for p in s.header.paragraphs)


def _body(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_must_fix_findings_make_it_a_draft_that_is_not_signed(tmp_path):
    """While a must-fix finding remains every page says DRAFT and the sign-off lists what to fix."""
    document = export(tmp_path)  # a high risk with no safeguard
    assert "DRAFT" in _header(document)
    assert "DRAFT" in document.sections[0].footer.paragraphs[0].text
    assert "This plan is not ready to sign" in _body(document)
    assert not any(t.rows[0].cells[0].text == "Partner or group" for t in document.tables)


def test_a_stated_reason_puts_a_draft_for_signature(tmp_path):
    """With the officer's reason the sign-off prints it, then the signature rows."""
    document = export(tmp_path, sign_off_reason="The board meets before the fix can be made.")
    assert "The board meets before the fix can be made." in _body(document)
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Partner or group")
    assert table.rows[1].cells[0].text.startswith("Cyngor Sir Enghraifft")


def test_a_plan_with_nothing_to_fix_is_not_a_draft(tmp_path):
    """With no must-fix finding there is no DRAFT and partners are invited to sign."""
    plan = make_plan()
    plan.safeguards[0].mitigates = ["r1", "r2"]
    document = export(tmp_path, plan=plan)
    assert "DRAFT" not in _header(document)
    assert "By signing, each partner agrees" in _body(document)


def test_full_registers_follow_as_an_annex_one_level_down(tmp_path):
    """Asked for the full registers, a large plan's Word document adds them after the sign-off."""
    plan = make_plan()
    plan.stakeholders += [Stakeholder(f"x{i}", f"Group {i}", category=Category.COMMUNITY_GROUP)
                          for i in range(60)]
    document = export(tmp_path, plan=plan, full=True)
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    titles = [text for _, text in headings]
    assert titles.index("Sign-off") < titles.index("Annex: full registers")
    assert ("Heading 2", "Stakeholders") in headings
    assert "Group 59" in all_text(document)
    assert accessibility_problems(document) == []


def test_what_the_meeting_is_asked_to_do_is_a_numbered_list(tmp_path):
    """The plan's decisions follow the cover as a numbered Word list, as on the PDF's page 2."""
    plan = make_plan()
    plan.decisions = ["Agree the plan", "Note what Gwenllian Ŵyn will carry"]
    document = export(tmp_path, plan=plan)
    items = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert items == ["Agree the plan", "Note what Service user 1 will carry"]


def test_signature_rows_leave_room_to_sign(tmp_path):
    """Each signature row is at least 1.3 cm tall (Word keeps it in twips), as on the PDF sign-off."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm

    document = export(tmp_path, sign_off_reason="Agreed at the board")  # signatures asked for
    sign = next(t for t in document.tables if t.rows[0].cells[0].text == "Partner or group")
    assert all(row.height >= Cm(1.29) and row.height_rule == WD_ROW_HEIGHT_RULE.AT_LEAST
               for row in sign.rows[1:])


def test_the_matrix_notes_read_the_same_in_the_pdf_and_the_word_document(tmp_path):
    """A plan with no cells chosen and roles that place nothing says the same two sentences in both."""
    from pypdf import PdfReader

    from planner.export import write_pdf
    from planner.export.outline import matrix_notes

    plan = Plan(title="No cells yet")
    notes = matrix_notes(plan, None)
    assert len(notes) == 2
    write_pdf(plan, tmp_path / "plan.pdf")
    pdf = " ".join(" ".join(page.extract_text() for page in PdfReader(tmp_path / "plan.pdf").pages).split())
    word = " ".join(all_text(export(tmp_path, plan)).split())
    for note in notes:
        assert note in pdf and note in word
