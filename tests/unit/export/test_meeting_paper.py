"""Tests for the PDF as a meeting paper: type sizes, contents and bookmarks, decisions, words whole."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from pypdf import PdfReader

import planner.export.figures.common as common
from planner.core.model import Plan, Risk, Stage, Stakeholder
from planner.export import ExportOptions, write_pdf
from planner.export.sections.ranking import highest_risks, most_influential
from planner.guidance.examples import example_plan

EXAMPLES = ["beacon", "caterham", "porto-alegre", "sure-start", "tackley", "villa-family"]


def _export(tmp_path: Path, plan: Plan, **options) -> Path:
    """Write the plan as a PDF and return its path."""
    path = tmp_path / "plan.pdf"
    write_pdf(plan, path, ExportOptions(invariant=True, time_zone="Europe/London", **options))
    return path


def _sizes(path: Path) -> list[tuple[float, str]]:
    """(size in points, text) for every run of text the PDF draws."""
    runs: list[tuple[float, str]] = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            runs.append((round(size * scale, 2), text.strip()))

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return runs


def test_nothing_under_8_points_body_at_11_and_tables_at_9_5(tmp_path):
    """Every run of text is at least 8 pt; body paragraphs are 11 pt and table cells 9.5 pt."""
    runs = _sizes(_export(tmp_path, example_plan("villa-family")))
    assert min(size for size, _ in runs) >= 8
    body = [size for size, text in runs if text.startswith("Side is which side")]
    assert body and set(body) == {11}
    cells = [size for size, text in runs if text.startswith("Planning:")]
    assert cells and min(cells) >= 9.5


def test_bookmarks_contents_title_and_language(tmp_path):
    """Sections are bookmarked and listed with their pages; the viewer shows the title; en-GB."""
    path = _export(tmp_path, example_plan("tackley"))
    reader = PdfReader(path)
    top = [item for item in reader.outline if not isinstance(item, list)]
    marks = [item.title for item in top]
    assert marks[:3] == ["What the meeting is asked to do", "Plan on a page",
                         "The coproduction matrix"]
    assert "Sign-off" in marks
    root = reader.trailer["/Root"]
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert root["/Lang"] == "en-GB"
    pages = [reader.get_destination_page_number(item) + 1 for item in top]
    sign_page = next(i for i, page in enumerate(reader.pages, start=1)
                     if "Sign-off By signing" in " ".join(page.extract_text().split()))
    assert pages[marks.index("Sign-off")] == sign_page
    cover = " ".join(reader.pages[0].extract_text().split())
    assert " ".join(str(n) for n in pages) in cover  # the contents list's page numbers


def test_decisions_are_printed_on_page_2(tmp_path):
    """What the meeting is asked to do is the first thing on page 2, numbered."""
    plan = example_plan("tackley")
    plan.decisions = ["Agree the plan", "Note the accepted risks"]
    page_2 = " ".join(PdfReader(_export(tmp_path, plan)).pages[1].extract_text().split())
    assert page_2.startswith("What the meeting is asked to do The meeting is asked to: "
                             "1. Agree the plan 2. Note the accepted risks")


def test_stages_in_scope_are_on_the_plan_on_a_page(tmp_path):
    """The plan on a page names the stages the plan covers."""
    plan = Plan("Stages", stages=[Stage.DESIGN, Stage.MONITORING])
    page_2 = " ".join(PdfReader(_export(tmp_path, plan)).pages[1].extract_text().split())
    assert "Stages in scope Design, Monitoring" in page_2


def test_highest_risks_state_their_rule_and_the_ties():
    """The top three are the highest scores in register order, and the rule counts the ties."""
    risks = [Risk(f"r{i}", f"R{i}", likelihood=5, impact=5) for i in range(5)]
    risks.insert(0, Risk("low", "Low", likelihood=1, impact=1))
    chosen, rule = highest_risks(risks)
    assert [r.key for r in chosen] == ["r0", "r1", "r2"]
    assert "2 other risks also score 25" in rule
    chosen, rule = highest_risks(risks[:2])
    assert "other" not in rule and len(chosen) == 2



def test_most_influential_state_their_rule_and_the_ties():
    """The most influential come first in plan order, and the rule counts those tied with the last shown."""
    people = [Stakeholder(f"s{i}", f"S{i}", influence=5, interest=4) for i in range(4)]
    people.insert(0, Stakeholder("low", "Low", influence=1, interest=1))
    chosen, rule = most_influential(people, 2)
    assert [x.key for x in chosen] == ["s0", "s1"]
    assert rule.startswith("The 2 stakeholders with the most influence")
    assert "2 other stakeholders have the same scores as the last one shown." in rule
    chosen, rule = most_influential(people[:2], 2)
    assert "other" not in rule and len(chosen) == 2
    assert most_influential([], 2) == ([], "")

@pytest.mark.parametrize("name", EXAMPLES)
def test_no_word_is_broken_in_the_examples(tmp_path, monkeypatch, name):
    """Table cells of the worked examples break between words, or after a hyphen, never inside one."""
    original, cut = common.wrap, []

    def spy(text, width, size, font=common.REGULAR, max_lines=0):
        lines = original(text, width, size, font, max_lines)
        words = set(common.plain(text).split(" "))
        cut.extend(w for line in lines for w in line.split(" ")
                   if w and w not in words and not w.endswith(("\u2026", "-"))
                   and not any(x.endswith("-" + w) for x in words))
        return lines

    monkeypatch.setattr(common, "wrap", spy)
    _export(tmp_path, example_plan(name))
    assert cut == []


def test_findings_name_what_they_are_about_by_the_registers_numbers(tmp_path):
    """A finding about a stakeholder, risk or safeguard gives its number as in the registers."""
    from planner.core.model import Stakeholder

    plan = Plan("Numbers", stakeholders=[Stakeholder("s1", "Youth forum"),
                                         Stakeholder("s2", "Parents group")],
                risks=[Risk("r1", "Hall closes", likelihood=4, impact=4)])
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(_export(tmp_path, plan)).pages)
                    .split())
    findings = text[text.index("Plan check findings The plan check"):]
    assert "R1 Risk \u201cHall closes\u201d has no owner" in findings
    assert "No. 2 Stakeholder \u201cParents group\u201d" in findings
