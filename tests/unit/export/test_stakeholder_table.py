"""Tests for the stakeholder table: vocabulary cells never split a word, columns fit the page."""

from __future__ import annotations

import pytest

from planner.core.model import Category, DeliveryRole, PlanningRole, Side, Stance, label
from planner.core.paper import PAPERS
from planner.export.fonts import string_width
from planner.export.sections.people import TABLE_WIDTHS
from planner.export.sections.words import DELIVERY_WORDS, PLANNING_WORDS
from planner.export.styles import CELL_PADDING, CELL_SIZE, MARGIN, PAPER, split_widths, wrapped


@pytest.mark.parametrize("paper", list(PAPERS))
def test_category_and_role_cells_break_only_between_words(paper):
    """Every category, side and role label wraps at spaces, each line fitting its column."""
    widths = split_widths(PAPER[paper][0] - 2 * MARGIN, TABLE_WIDTHS)
    cells = [(f"{label(c)}\n{label(s)}", widths[2]) for c in Category for s in Side]
    cells += [(f"Planning: {PLANNING_WORDS[pr]}\nDelivery: {DELIVERY_WORDS[dr]}", widths[3])
              for pr in PlanningRole for dr in DeliveryRole]
    for text, width in cells:
        lines = wrapped(text, width).split("\n")
        assert " ".join(lines).split() == text.split()  # same words, none cut in two
        for line in lines:
            assert string_width(line, CELL_SIZE) <= width - 2 * CELL_PADDING


def test_columns_fill_the_text_width_on_a4():
    """The stakeholder table's widths add up to the A4 text frame."""
    assert sum(TABLE_WIDTHS) == pytest.approx(PAPER["a4"][0] - 2 * MARGIN, abs=1)


def test_stance_labels_fit_on_one_line():
    """Stance cells are drawn unwrapped, so each label must fit its column on A4."""
    width = split_widths(PAPER["a4"][0] - 2 * MARGIN, TABLE_WIDTHS)[4]
    for stance in Stance:
        assert string_width(label(stance), CELL_SIZE) <= width - 2 * CELL_PADDING
