"""Tests for the cheap table cells: plain text wrapped between words, and styled Lines."""

from __future__ import annotations

import pytest

from planner.export.fonts import BOLD, REGULAR, string_width
from planner.export.styles import CELL_LEADING, CELL_PADDING, CELL_SIZE, Lines, plain_cell


def test_plain_cell_breaks_between_words_and_keeps_every_word():
    """Text is broken only at spaces, each line fits, and no word is lost or cut."""
    text = "Community representative volunteers safeguarding <b>literal</b> Tŷ Ŵyn " * 5
    cell = plain_cell(text, 100)
    assert cell.split() == text.split()
    for line in cell.split("\n"):
        assert string_width(line, CELL_SIZE) <= 100 - 2 * CELL_PADDING


def test_plain_cell_cuts_only_a_word_wider_than_the_column():
    """A 20,000-letter word is cut into lines that each fit, with nothing lost."""
    cell = plain_cell("x" * 20_000, 100)
    assert cell.replace("\n", "") == "x" * 20_000
    assert all(string_width(line, CELL_SIZE) <= 100 - 2 * CELL_PADDING for line in cell.split("\n"))


def test_plain_cell_keeps_the_user_line_breaks_and_cleans_control_characters():
    """Newlines typed by the user stay line breaks; unsafe characters never reach the PDF."""
    cell = plain_cell("one\r\ntwo\x00three", 200)
    assert cell.split("\n") == ["one", "two\ufffdthree"]


def test_lines_split_into_pieces_that_keep_every_line():
    """A tall Lines cell splits where the page ends, and the pieces hold all its lines."""
    cell = Lines([(BOLD, "R1 Title"), (REGULAR, "word " * 400)])
    _, height = cell.wrap(120, 10_000)
    first, rest = cell.split(120, 100)
    assert first.wrap(120, 100)[1] <= 100
    assert first.wrap(120, 100)[1] + rest.wrap(120, 10_000)[1] == pytest.approx(height)
    assert cell.lines[0] == (BOLD, "R1 Title")
    assert height == pytest.approx(len(cell.lines) * CELL_LEADING)


def test_lines_that_fit_are_not_split():
    """A cell shorter than the space left is not split at all."""
    cell = Lines([(REGULAR, "short")])
    cell.wrap(120, 100)
    assert cell.split(120, 100) == []
