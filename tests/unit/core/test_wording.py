"""Each concept is worded once, in the core, and every output says it in those words."""

from __future__ import annotations

import ast
import json
import re
from datetime import date
from pathlib import Path

import pytest

from planner.core.checks import Finding, Severity, check_plan
from planner.core.model import Plan
from planner.core.wording import COUNTS, SEVERITY_WORDS, SUMMARY, counts, in_brief, to_fix

PLANNER = Path(__file__).parents[3] / "planner"


def string_constants(path: Path):
    """Every string literal in a module but its docstrings, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def literals_matching(pattern: str, *, skip: tuple[str, ...]) -> list[str]:
    """'file:line' of every string literal in planner/ matching ``pattern``, outside ``skip``."""
    found = []
    for path in sorted(PLANNER.rglob("*.py")):
        name = path.relative_to(PLANNER).as_posix()
        if name in skip:
            continue
        for line, text in string_constants(path):
            if re.search(pattern, text):
                found.append(f"{name}:{line}")
    return found


def test_the_severity_words_are_defined_only_in_the_core():
    """No module spells a severity word as a value of its own (a label, a table, a count's noun)."""
    words = "|".join(re.escape(w) for w in SEVERITY_WORDS.values())
    # rules_base.py holds the machine values (error, warning, advice) that --json prints.
    assert literals_matching(rf"(?i)^\s*({words})\s*$", skip=("core/wording.py", "core/rules_base.py")) == []


def test_counts_by_severity_are_worded_only_in_the_core():
    """Neither "N must fix, N should fix" nor the old "to look at" count is written anywhere else."""
    assert literals_matching(r"(?i)must fix, |should fix, |%n to look at",
                             skip=("core/wording.py",)) == []


def test_the_counts_read_as_the_severity_words():
    """The counts line names each severity in its word, in lower case inside the sentence."""
    found = [Finding("a", Severity.ERROR, "x"), Finding("b", Severity.WARNING, "y"),
             Finding("c", Severity.WARNING, "z")]
    assert counts(found) == "1 must fix, 2 should fix, 0 advice"
    assert counts(found, SUMMARY) == "Plan check: 1 must fix, 2 should fix, 0 advice."
    for severity in Severity:
        assert SEVERITY_WORDS[severity].lower() in COUNTS
    assert in_brief([]) == "None: the plan check found nothing to fix"
    assert to_fix(3) == "3 to fix"


def test_the_pdf_and_word_plan_on_a_page_share_the_counts():
    """The PDF's and the Word document's plan-on-a-page line are the core's one function."""
    from planner.export.sections import overview
    from planner.export.word import sections

    assert overview.in_brief is in_brief and sections.in_brief is in_brief


def test_the_cli_check_says_severity_as_the_app_does(capsys, tmp_path):
    """`coplanner check` prints Must fix / Should fix / Advice and the summary line; --json keeps error/warning/advice."""
    from planner.cli import main
    from planner.storage import PlanStore

    path = tmp_path / "p.coplan"
    PlanStore.create_from(path, Plan(title="Empty")).close()
    findings = check_plan(Plan(title="Empty"))
    assert main(["check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [line[:10].rstrip() for line in lines[:-1]] == [SEVERITY_WORDS[f.severity] for f in findings]
    assert lines[-1] == counts(findings, SUMMARY)
    main(["check", str(path), "--json"])
    assert {f["severity"] for f in json.loads(capsys.readouterr().out)} <= {"error", "warning", "advice"}


@pytest.mark.parametrize("severity", list(Severity))
def test_the_json_severity_stays_the_machine_value(severity):
    """A finding's JSON says error, warning or advice, never the words a person reads."""
    assert Finding("r", severity, "m").as_dict()["severity"] == severity.value


def test_sides_have_one_set_of_names():
    """The app's side labels and the PDF's side words are the same words."""
    from planner.core.model import Side, label
    from planner.export.sections.words import SIDE_WORDS

    assert SIDE_WORDS == {side: label(side) for side in Side}
    assert label(Side.USER) == "Users and carers"


# --- Dates -------------------------------------------------------------------------------------

def test_month_names_and_date_patterns_live_only_in_the_dates_module():
    """No other module spells the months, or a strftime/Qt pattern that names or numbers a day's month."""
    assert literals_matching(r"^(January|December)$", skip=("core/dates.py",)) == []
    assert literals_matching(r"%[bB]|%d[ ./-]?%m|\bd MMM|dd[./]MM|MM/dd", skip=("core/dates.py",)) == []


def test_every_output_says_a_date_the_same_way(capsys, tmp_path):
    """The check's messages, the paper's version line and the CLI's version list all read '3 March 2027'."""
    from planner.cli import main
    from planner.core.dates import long_date
    from planner.core.model import Safeguard
    from planner.core.record import Action, Version
    from planner.core.rules_record import action_overdue
    from planner.core.rules_risks import safeguard_review_overdue
    from planner.export.outline import long_day
    from planner.export.record import version_line
    from planner.storage import PlanStore
    from planner.storage.lock import _since

    said = long_date("2027-03-03")
    assert said == "3 March 2027"
    late = date(2027, 6, 1)
    plan = Plan(title="P", actions=[Action(key="a1", title="Book the hall", due="2027-03-03")],
                safeguards=[Safeguard(key="g1", title="Audit", review_date="2027-03-03")])
    assert said in action_overdue(plan, late)[0].message
    assert said in safeguard_review_overdue(plan, late)[0].message
    assert said in version_line(Version(key="v1", label="Meeting", date="2027-03-03"))
    assert long_day("2027-03-03") == said
    assert _since({"since": "2027-03-03T09:30:00"}) == f"{said}, 09:30"
    path = tmp_path / "p.coplan"
    PlanStore.create_from(path, Plan(title="P")).close()
    assert main(["agree", str(path), "--label", "Meeting", "--date", "2027-03-03"]) == 0
    assert said in capsys.readouterr().out
    assert main(["versions", str(path)]) == 0
    assert capsys.readouterr().out.split("  ")[0].strip() == said


# --- The article's citation -------------------------------------------------------------------

def test_the_article_is_spelled_out_only_in_the_article_module():
    """No code or resource carries a second full citation (journal, volume, pages, title) to drift."""
    from planner.core.article import ARTICLE

    pieces = ("Public Administration Review", "846", "User and Community Coproduction of Public Services")
    assert all(piece in ARTICLE for piece in pieces)
    found = []
    for root in (PLANNER, PLANNER.parent / "resources"):
        for path in sorted(root.rglob("*")):
            if path.suffix not in (".py", ".toml", ".html", ".json", ".md", ".txt") or path.name == "article.py":
                continue
            text = path.read_text(encoding="utf-8")
            found += [f"{path.name}: {piece}" for piece in pieces if piece in text]
    assert found == []


def test_the_article_is_named_in_running_text_only_through_its_constant():
    """'Bovaird (2007)' and 'Bovaird 2007' appear in no string of the code but the article module's."""
    assert literals_matching(r"Bovaird", skip=("core/article.py",)) == []


def test_the_library_and_the_cli_cite_a_section_alike(capsys):
    """The guidance library's source line is the core's cite(); the CLI's help ends with the full citation."""
    from planner.cli import main
    from planner.core.article import ARTICLE, cite
    from planner.guidance import library

    assert library.cite is cite
    assert cite("Limitations") == "Source: Bovaird (2007), section \u201cLimitations\u201d."
    assert cite("Table 1") == "Source: Bovaird (2007), Table 1."
    with pytest.raises(SystemExit):
        main(["--help"])
    assert " ".join(capsys.readouterr().out.split()).endswith(" ".join(ARTICLE.split()))


# --- Paper sizes ------------------------------------------------------------------------------

def test_paper_sizes_are_listed_only_in_the_paper_module():
    """No other module names a paper size as a value ("a4", "letter", "US Letter")."""
    # core/easy_read.py lists "letter" among plain words for writing to someone, not paper.
    assert literals_matching(r"(?i)^(a4|letter|us letter)$", skip=("core/paper.py", "core/easy_read.py")) == []


def test_the_pdf_the_word_document_and_the_cli_use_the_one_list(capsys, tmp_path):
    """The PDF's page sizes are the listed millimetres (reportlab's A4 and Letter), the CLI offers the same values."""
    from reportlab.lib.pagesizes import A4, LETTER

    from planner.cli import main
    from planner.core.paper import DEFAULT_PAPER, PAPERS
    from planner.export import ExportOptions
    from planner.export.styles import PAPER

    assert PAPER.keys() == PAPERS.keys()
    assert PAPER["a4"] == pytest.approx(A4, abs=0.01) and PAPER["letter"] == pytest.approx(LETTER, abs=0.01)
    assert ExportOptions().paper == DEFAULT_PAPER
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "{" + ",".join(PAPERS) + "}" in help_text and "A4 or US Letter" in help_text


def test_a_word_document_on_letter_paper_is_letter_sized(tmp_path):
    """The Word document's page is the listed size of the paper chosen."""
    import docx
    from docx.shared import Mm

    from planner.core.paper import PAPERS
    from planner.export import ExportOptions
    from planner.export.word import write_docx

    for value, paper in PAPERS.items():
        out = tmp_path / f"{value}.docx"
        write_docx(Plan(title="P"), out, ExportOptions(paper=value))
        section = docx.Document(str(out)).sections[0]
        assert abs(section.page_width - Mm(paper.width_mm)) < Mm(0.1)
        assert abs(section.page_height - Mm(paper.height_mm)) < Mm(0.1)


# --- The 1-5 scale ----------------------------------------------------------------------------

def test_the_scale_is_written_only_in_the_scale_module():
    """No other module writes the scale's range out ("1 to 5", "1–5", range(1, 6)) or a "/5" score."""
    assert literals_matching(r"\b1 to 25?\b|\b1\u201325?\b|\b1-5\b|/5\)|\(1 low", skip=("core/scale.py",)) == []
    found = []
    for path in sorted(PLANNER.rglob("*.py")):
        name = path.relative_to(PLANNER).as_posix()
        if name == "core/scale.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "range"
                    and [getattr(a, "value", None) for a in node.args] in ([1, 6], [5, 0, -1])):
                found.append(f"{name}:{node.lineno}")
    assert found == []


def test_every_score_field_is_declared_on_the_scale():
    """Influence, interest, likelihood and impact are declared as scores: the range validates, the words exist."""
    from planner.core.fields import problems, spec
    from planner.core.model import Risk, Stakeholder
    from planner.core.scale import HIGH, LOW, WORDS, Score, legend, word

    for entity, name in ((Stakeholder, "influence"), (Stakeholder, "interest"),
                         (Risk, "likelihood"), (Risk, "impact")):
        kind = spec(entity, name).kind
        assert isinstance(kind, Score) and kind.measure == name and (kind.low, kind.high) == (LOW, HIGH)
        assert len(WORDS[name]) == HIGH - LOW + 1
    assert problems(Stakeholder(key="s1", name="A", influence=HIGH + 1))
    assert problems(Risk(key="r1", title="A", impact=LOW - 1))
    assert not problems(Risk(key="r1", title="A", likelihood=HIGH, impact=LOW))
    assert word("likelihood", 5) == "Almost certain" and legend("impact") == "1 (negligible) to 5 (severe)"


def test_the_pdf_and_the_word_document_print_the_same_legend(tmp_path):
    """Both papers explain likelihood and impact with the scale's one legend."""
    import docx
    from pypdf import PdfReader

    from planner import guidance
    from planner.core.scale import legends
    from planner.export import write_pdf
    from planner.export.word import write_docx

    plan = guidance.example_plan("tackley")
    write_pdf(plan, tmp_path / "p.pdf")
    write_docx(plan, tmp_path / "p.docx")
    pdf_text = " ".join(" ".join(page.extract_text() for page in PdfReader(tmp_path / "p.pdf").pages).split())
    word_text = " ".join(p.text for p in docx.Document(str(tmp_path / "p.docx")).paragraphs)
    assert legends("likelihood", "impact") in pdf_text
    assert legends("likelihood", "impact") in word_text


# --- Side names -------------------------------------------------------------------------------

def test_side_names_and_risk_carriers_are_named_only_in_the_core():
    """The four sides are the core's labels and the three risk carriers its SHARE_SIDES, never a local copy."""
    sides = r"Users and carers|Providers|Governance|User side|Provider side|Community side|Governance side"
    assert literals_matching(rf"^({sides})$", skip=("core/choices.py",)) == []
    assert literals_matching(r"^(Users|Professionals|Community and voluntary groups)$",
                             skip=("core/wording.py", "core/choices.py")) == []


def test_the_pdf_the_word_document_and_the_app_say_shares_alike():
    """A risk's shares read "Users 20%" etc. in the PDF's cell and the app's register, in the core's order."""
    from planner.core.model import Risk, Shares, Side, label
    from planner.core.wording import SHARE_SIDES
    from planner.export.figures.charts import SHARE_PARTS, SIDE_MARKS
    from planner.export.sections.words import shares

    risk = Risk(key="r1", title="A", shares=Shares(users=20, community=30, professionals=50))
    assert shares(risk).split("\n") == [f"{name} {n}%" for name, n in zip(SHARE_SIDES.values(), (20, 30, 50))]
    assert [legend for _, legend, _ in SHARE_PARTS] == list(SHARE_SIDES.values())
    assert {side: mark[2] for side, mark in SIDE_MARKS.items()} == {side: label(side) for side in Side}
