"""Tests for the plain-words checker the easy-read panel uses like a spell checker."""

from __future__ import annotations

from planner.core.plain_words import MAX_WORDS, check_text, sentences, word_count


def kinds(text: str) -> list[tuple[str, str]]:
    """Each problem as (kind, the text it points at)."""
    return [(p.kind, text[p.start:p.end]) for p in check_text(text)]


def test_a_short_plain_sentence_passes():
    """A short sentence in everyday words has nothing to flag."""
    assert check_text("You can come to our meetings. We will listen to you.") == []


def test_a_sentence_over_fifteen_words_is_flagged_with_its_span():
    """A 16-word sentence is flagged as long, pointing at that sentence only."""
    long = "We will meet every month in the library to talk about how the new service is going."
    text = f"Hello. {long} Bye."
    assert word_count(long) == 17 > MAX_WORDS
    assert kinds(text) == [("long", long)]
    exactly = " ".join(["word"] * MAX_WORDS) + "."
    assert check_text(exactly) == []


def test_each_line_is_its_own_sentence():
    """A line break ends a sentence, so points without full stops are measured one by one."""
    text = "First point without a stop\nSecond point"
    assert [text[a:b] for a, b in sentences(text)] == ["First point without a stop", "Second point"]


def test_jargon_is_flagged_in_any_form_with_a_plain_word():
    """Coproduction, stakeholders, mitigation and residual are flagged with what to write instead."""
    text = "Coproduction with stakeholders. Mitigating the residual risk."
    found = check_text(text)
    assert [(p.kind, text[p.start:p.end]) for p in found] == [
        ("jargon", "Coproduction"), ("jargon", "stakeholders"), ("jargon", "Mitigating"),
        ("jargon", "residual")]
    assert "working together" in found[0].message


def test_abbreviations_are_flagged_but_not_ordinary_capitals():
    """NHS, GP and e.g. are flagged; a capital starting a sentence or 'I' is not."""
    assert kinds("Ask your GP or the NHS, e.g. by phone. I can help.") == [
        ("abbreviation", "GP"), ("abbreviation", "NHS"), ("abbreviation", "e.g.")]


def test_words_that_merely_contain_a_stem_are_left_alone():
    """A stem only matches at the start of a word: 'unaccountable' is not 'accountable'."""
    assert kinds("The summary is clear.") == []
    assert kinds("It was unaccountable.") == []
