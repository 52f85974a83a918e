"""Tests for right-to-left and complex scripts in the PDF: faces, order, shaping, emoji."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.core.model import Category, Plan, Risk, Stakeholder
from planner.export import ExportOptions, write_pdf
from planner.export.fonts import REGULAR, SCRIPT_FACES, register_fonts
from planner.export.scripts import visual_runs
from planner.export.text import clean

ARABIC = "جمعية النور للنساء"  # "Al-Noor Women's Association"
HEBREW = "קהילת שלום"  # "Shalom community"


def _plan() -> Plan:
    """A plan whose community groups and risk are named in Arabic and Hebrew."""
    return Plan(
        title=f"{ARABIC} centre plan", organisation="Example Council",
        stakeholders=[
            Stakeholder("s1", ARABIC, category=Category.COMMUNITY_GROUP),
            Stakeholder("s2", HEBREW, category=Category.COMMUNITY_GROUP),
            Stakeholder("s3", "Youth club \U0001f389", category=Category.COMMUNITY_GROUP),
        ],
        risks=[Risk("r1", f"{HEBREW} loses its hall", likelihood=2, impact=2)])


def _text(tmp_path: Path) -> str:
    """All the text pypdf extracts from the plan's PDF, as drawn (not normalised)."""
    path = tmp_path / "plan.pdf"
    write_pdf(_plan(), path, ExportOptions(invariant=True))
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_arabic_and_hebrew_names_extract_in_logical_order(tmp_path):
    """Copying the names out of the PDF gives them as typed, not reversed letter by letter."""
    text = unicodedata.normalize("NFKC", _text(tmp_path))
    assert ARABIC in text
    assert HEBREW in text
    assert HEBREW[::-1] not in text


def test_arabic_letters_are_joined(tmp_path):
    """Arabic is drawn with its joining forms (initial, medial, final), not isolated letters."""
    text = _text(tmp_path)
    # The first word, jeem-meem-ain-yeh-teh marbuta, as its shaped glyphs: ﺟﻤﻌﻴﺔ.
    assert "\ufe9f\ufee4\ufecc\ufef4\ufe94" in text
    assert "\u062c\u0645\u0639\u064a\u0629" not in text  # the unjoined letters


def test_a_line_is_cut_into_runs_in_visual_order():
    """Latin stays in order, a Hebrew phrase becomes one run in its own face, in logical order."""
    register_fonts()
    runs = visual_runs(f"Group {HEBREW} meets", REGULAR)
    assert [text for _, text, _ in runs] == ["Group ", HEBREW, " meets"]
    assert runs[1][0] == SCRIPT_FACES["hebrew"][0] and runs[1][2]
    assert runs[0][0] == REGULAR and not runs[0][2]


def test_hebrew_words_between_latin_ones_and_side_by_side():
    """Words split by a Latin word stay where they are; two side by side form one run."""
    register_fonts()
    runs = visual_runs("שלום and עולם", REGULAR)
    assert [text for _, text, _ in runs] == ["שלום", " and ", "עולם"]
    runs = visual_runs("שלום עולם", REGULAR)
    assert [text for _, text, _ in runs] == ["שלום עולם"]


def test_an_emoji_the_fonts_lack_prints_as_its_name(tmp_path):
    """An emoji no bundled font has is printed as its name in brackets, never as a box."""
    register_fonts()
    assert clean("Youth club \U0001f389") == "Youth club [party popper]"
    assert clean("\U0001f44d\U0001f3fd") == "[thumbs up sign]"
    assert "Youth club [party popper]" in " ".join(_text(tmp_path).split())


@pytest.mark.parametrize("word", ["a\u05d0\u0627b", "\u05d0\u0627", "\u0627\u0980\u05d0", "\u201c\u05d0\u0627\u201d"])
def test_a_word_mixing_two_complex_scripts_prints(tmp_path, word):
    """A word that runs Hebrew into Arabic (or Bengali) is set, not a failed export."""
    path = tmp_path / "mixed.pdf"
    write_pdf(Plan(title=word, summary=f"{word} and {word}x"), path)
    assert PdfReader(path).pages[0].extract_text()
