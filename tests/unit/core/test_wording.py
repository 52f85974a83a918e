"""Severity is said in one set of words, which the PDF and the Word document take from the core."""

from planner.core.checks import Severity
from planner.core.wording import SEVERITY_WORDS
from planner.export.sections.words import SEVERITY_WORDS as PDF_WORDS


def test_the_pdf_says_severity_in_the_core_words():
    """Must fix, Should fix and Advice: the PDF's table is the core's, for every severity."""
    assert PDF_WORDS == {s.value: SEVERITY_WORDS[s] for s in Severity}
    assert SEVERITY_WORDS[Severity.WARNING] == "Should fix"


def test_sides_have_one_set_of_names():
    """The app's side labels and the PDF's side words are the same words."""
    from planner.core.model import Side, label
    from planner.export.sections.words import SIDE_WORDS

    assert SIDE_WORDS == {side: label(side) for side in Side}
    assert label(Side.USER) == "Users and carers"
