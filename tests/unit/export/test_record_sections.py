"""The record in the paper: changes since the agreed version, "you said, we did", the action log, version lines."""

from __future__ import annotations

from pathlib import Path

import docx
from pypdf import PdfReader

from planner.core.model import Action, ActionStatus, Engagement, Outcome, Plan, Risk, Stakeholder
from planner.export import ExportOptions, write_pdf
from planner.export.outline import outline
from planner.export.record import version_line
from planner.export.word import write_docx
from planner.storage import PlanStore

NAME, PHONE = "Gwenllian Ŵyn", "07700 900123"


def agreed_then_changed(tmp_path: Path) -> Plan:
    """A plan agreed on 3 March 2027, then changed: a risk scored up, a log entry and actions added."""
    plan = Plan(title="Lunch club",
                stakeholders=[Stakeholder("s1", NAME, personal=True, contact=PHONE),
                              Stakeholder("s2", "Ward officer")],
                risks=[Risk("r1", "Coordinators burn out", likelihood=3)],
                engagements=[Engagement("e1", "Old meeting", date="2027-01-10", raised="Before the version")])
    with PlanStore.create_from(tmp_path / "p.coplan", plan) as store:
        store.agree("Partnership meeting, 3 March 2027", "2027-03-03")
        store.update_risk("r1", likelihood=4)
        store.update_stakeholder("s1", notes="Recovering from surgery")
        store.add_engagement(Engagement(
            "e2", f"Visit to {NAME}", date="2027-03-20", participants=["s1", "s2"], others=4,
            raised=f"{NAME} asked for Tuesdays", response="Could not move the day",
            outcome=Outcome.NOT_CHANGED, reason="The hall is booked on Tuesdays"))
        store.add_action(Action("a1", "Ask the hall about Tuesdays", owner="s2", due="2027-04-01"))
        store.add_action(Action("a2", "Old action", owner="s2", status=ActionStatus.DONE))
        return store.load()


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_pdf_prints_changes_you_said_we_did_and_the_action_log_for_circulation(tmp_path):
    """The circulated PDF lists what changed, the new log entries with the reason, and open actions; no names leak."""
    out = tmp_path / "plan.pdf"
    write_pdf(agreed_then_changed(tmp_path), out, ExportOptions(invariant=True))
    text = " ".join(pdf_text(out).split())
    assert "Changes since the version agreed on 3 March 2027" in text
    assert "Risk R1 \u201cCoordinators burn out\u201d: likelihood 3 \u2192 4" in text
    assert "notes changed" in text and "surgery" not in text
    assert "You said, we did" in text and "Service user 1 asked for Tuesdays" in text
    assert "The hall is booked on Tuesdays" in text and "Before the version" not in text
    assert "Action log" in text and "Ask the hall about Tuesdays" in text and "1 April 2027" in text
    assert text.count("Old action") == 1  # in what changed (added), not in the log of open actions
    assert NAME not in text and PHONE not in text
    pages = PdfReader(str(out)).pages
    assert all("Draft changes since the version agreed on 3 March 2027" in " ".join(p.extract_text().split())
               for p in pages)


def test_an_agreed_version_says_so_on_every_page(tmp_path):
    """The PDF of an agreed version carries "Version agreed at … on …" on every page and no changes section."""
    plan = agreed_then_changed(tmp_path)
    version = plan.versions[0]
    with PlanStore.open(tmp_path / "p.coplan", read_only=True) as store:
        then = store.version_plan(version.label)
    out = tmp_path / "agreed.pdf"
    write_pdf(then, out, ExportOptions(invariant=True, agreed=version_line(version)))
    line = "Version agreed at Partnership meeting, 3 March 2027 on 3 March 2027"
    pages = PdfReader(str(out)).pages
    assert all(line in " ".join(p.extract_text().split()) for p in pages)
    assert "Changes since" not in pdf_text(out) and "Draft changes" not in pdf_text(out)


def test_the_word_document_follows_the_same_outline(tmp_path):
    """The Word document has the record's sections where the outline puts them, redacted alike."""
    plan = agreed_then_changed(tmp_path)
    out = tmp_path / "plan.docx"
    write_docx(plan, out, ExportOptions(invariant=True))
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    keys = [s.title for s in outline(plan) if s.key in ("changes", "you_said", "action_log")]
    assert keys == ["Changes since the version agreed on 3 March 2027", "You said, we did", "Action log"]
    assert all(k in headings for k in keys)
    body = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "likelihood 3 \u2192 4" in body and "The hall is booked on Tuesdays" in body
    assert NAME not in body and PHONE not in body


def test_a_plan_without_a_record_prints_none_of_it():
    """No versions, log or open actions: the outline has none of the record's sections."""
    assert not {s.key for s in outline(Plan(title="x"))} & {"changes", "you_said", "action_log"}
