"""Every cited statement in the guidance carries a quotation from the article, and each quotation is really there."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

from planner.core.article import ARTICLE, PRACTICE_NOTE, SECTIONS
from planner.guidance.loader import GuidanceError, read_library
from planner.guidance.quotes import RUN, Fingerprint, words

ROOT = Path(__file__).parents[3]
GUIDANCE = ROOT / "resources" / "guidance"
FINGERPRINT = Fingerprint.read(Path(__file__).with_name("article-fingerprint.txt"))
TEXT_FIELDS = ("text", "description", "summary")


def cited_entries(node, where: str):
    """Every table in a guidance file that has a ``source``, with where it is."""
    if isinstance(node, dict):
        if "source" in node:
            yield where, node
        for key, value in node.items():
            yield from cited_entries(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from cited_entries(value, f"{where}[{i}]")


def all_cited() -> list[tuple[str, dict]]:
    """(where, entry) for every cited entry of every guidance file."""
    found = []
    for path in sorted(GUIDANCE.glob("*.toml")):
        found += cited_entries(tomllib.loads(path.read_text(encoding="utf-8")), path.name)
    return found


def test_every_cited_statement_has_quotations_that_occur_in_the_article():
    """Each source names a section and gives quotations of four words or more found in the article."""
    missing, wrong = [], []
    for where, entry in all_cited():
        if not entry["source"]:
            continue
        assert entry["source"] in SECTIONS, where
        quotes = entry.get("quotes", [])
        if not quotes:
            missing.append(where)
        for quote in quotes:
            if len(words(quote)) < RUN or not FINGERPRINT.occurs(quote):
                wrong.append(f"{where}: {quote}")
    assert missing == [] and wrong == []


def test_practice_notes_say_so_and_cite_nothing():
    """An entry with no source is labelled a practice note and quotes nothing."""
    notes = [(where, entry) for where, entry in all_cited() if not entry["source"]]
    assert notes, "the data-protection kind at least is a practice note"
    for where, entry in notes:
        text = next(entry[f] for f in TEXT_FIELDS if f in entry)
        assert text.startswith(PRACTICE_NOTE) and not entry.get("quotes"), where


def test_every_listed_statement_of_a_cell_is_cited_or_a_practice_note():
    """Examples, benefits and limitations are each cited with a quotation, or a practice note."""
    cells = tomllib.loads((GUIDANCE / "cells.toml").read_text(encoding="utf-8"))["cells"]
    for code, cell in cells.items():
        for name in ("examples", "benefits", "limitations"):
            for item in cell[name]:
                assert (isinstance(item, dict) and item["quotes"]) or item.startswith(PRACTICE_NOTE), (code, item)


def test_the_fingerprint_tells_real_quotations_from_altered_ones():
    """A passage of the article is found; the same passage with one word changed, or too short, is not."""
    assert FINGERPRINT.occurs("This new division of risk brings benefits for both parties")
    assert FINGERPRINT.occurs("this new  division of risk\nbrings benefits")  # case and spacing
    assert not FINGERPRINT.occurs("This new division of risk brings dangers for both parties")
    assert not FINGERPRINT.occurs("division of risk")


def test_the_citation_is_complete_and_the_same_everywhere():
    """Wherever the journal is named, the full citation (volume 67, issue 5, pages 846-860) follows."""
    assert "Public Administration Review 67(5): 846\u2013860" in ARTICLE
    places = [*ROOT.joinpath("planner").rglob("*.py"), *ROOT.joinpath("docs").glob("*.md"),
              ROOT / "README.md"]
    for path in places:
        text = " ".join(path.read_text(encoding="utf-8").split()).replace("\\u2013", "\u2013")
        for match in re.finditer("Public Administration Review", text):
            assert "67(5): 846\u2013860" in text[match.end():match.end() + 20], path


@pytest.mark.parametrize("doc", ["docs/plan-checks.md", "docs/described-cell.md"])
def test_passages_quoted_in_the_rule_documentation_are_in_the_article(doc):
    """Every quotation of four words or more in the plan-check documentation occurs in the article."""
    text = " ".join((ROOT / doc).read_text(encoding="utf-8").split())
    quoted = [q for q in re.findall(r'"([^"]+)"', text) if len(words(q)) >= RUN]
    assert quoted, doc
    assert [q for q in quoted if not FINGERPRINT.occurs(q)] == []


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_heading_is_in_the_article(section):
    """The sections guidance may cite are headings the article really has."""
    if section not in ("Table 1", "Figure 1", "Case Studies of Professional-User-Community Coproduction"):
        assert FINGERPRINT.occurs(section) or len(words(section)) < RUN


@pytest.mark.parametrize(("old", "new", "message"), [
    ('quotes = ["incompatible incentives to different coproducers"]\n', "",
     "'quotes' must give the passage"),
    ('source = "Conclusion"\nquotes = ["there must', 'source = "Epilogue"\nquotes = ["there must',
     "not a section of the article"),
    ('title = "Free-riders"\ntext = "Some', 'title = "Free-riders"\ntext = "Practice: some',
     None),
])
def test_the_loader_refuses_uncited_or_miscited_guidance(tmp_path, old, new, message):
    """A cited entry without quotations, a source that is no section, or an unlabelled uncited text is refused."""
    root = tmp_path / "guidance"
    shutil.copytree(GUIDANCE, root)
    risks = root / "risks.toml"
    text = risks.read_text(encoding="utf-8")
    assert old in text
    if message is None:  # make the free-riders category uncited but not labelled a practice note
        text = text.replace(old, new).replace('quotes = ["free-riders (Mayo and Moore 2002)"]\n', "", 1)
        text = text.replace('title = "Free-riders"\ntext = "Practice: some people benefit without contributing (Mayo and Moore, as cited)."\nsource = "Limitations"',
                            'title = "Free-riders"\ntext = "Practice: some people benefit without contributing (Mayo and Moore, as cited)."\nsource = ""')
        message = "must begin"
    else:
        text = text.replace(old, new, 1)
    risks.write_text(text, encoding="utf-8")
    with pytest.raises(GuidanceError, match=message):
        read_library(root)


def test_an_uncited_list_item_must_be_a_practice_note(tmp_path):
    """A benefit that is a bare string without the practice-note label is refused, naming it."""
    root = tmp_path / "guidance"
    shutil.copytree(GUIDANCE, root)
    cells = root / "cells.toml"
    text = cells.read_text(encoding="utf-8").replace(
        '"Practice note: a single public body', '"A single public body', 1)
    cells.write_text(text, encoding="utf-8")
    with pytest.raises(GuidanceError, match=r"benefits\[0\] cites nothing"):
        read_library(root)
