"""Tests for the words the PDF prints: contribution amounts and the version stamp."""

from __future__ import annotations

import pytest

from planner.core.model import Contribution, ContributionKind
from planner.export.sections.words import (
    amount, contribution, local_zone, long_stamp, quantity,
)


@pytest.mark.parametrize("value,text", [
    (160000, "160,000"), (4, "4"), (2500000.0, "2,500,000"), (1234.5, "1,234.5"), (None, ""),
])
def test_amount_has_thousands_separators_and_no_pointless_decimals(value, text):
    """Whole numbers print without .0 and every number groups its thousands."""
    assert amount(value) == text


@pytest.mark.parametrize("value,unit,text", [
    (160000, "GBP in the first year", "£160,000 in the first year"),
    (2500000, "GBP", "£2,500,000"),
    (90, "GBP/year", "£90/year"),
    (5, "pounds per week", "£5 per week"),
    (160000, "£", "£160,000"),
    (1500, "pounds a year", "£1,500 a year"),
    (12.5, "gbp", "£12.50"),
    (4, "hours/week", "4 hours/week"),
    (20, "per cent of the £415,000 cost", "20 per cent of the £415,000 cost"),
    (None, "", ""),
    (3, "", "3"),
])
def test_quantity_writes_currencies_as_a_symbol_and_other_units_after(value, unit, text):
    """Pounds (GBP, £, pounds) become '£160,000'; any other unit follows the number."""
    assert quantity(value, unit) == text


def test_contribution_reads_as_a_sentence():
    """Kind, readable amount and the note in brackets."""
    c = Contribution(ContributionKind.MONEY, 160000, "GBP in the first year", "Shop turnover")
    assert contribution(c) == "Money: £160,000 in the first year (Shop turnover)"


@pytest.mark.parametrize("stamp,text", [
    ("2026-11-28T15:04:51+00:00", "28 November 2026, 15:04 GMT"),
    ("2025-02-24T16:30:00Z", "24 February 2025, 16:30 GMT"),
    ("2025-07-01T09:05:00+01:00", "1 July 2025, 09:05 BST"),
    ("2025-07-01T08:05:00Z", "1 July 2025, 09:05 BST"),
    ("2025-02-24T16:30:00", "24 February 2025, 16:30"),
    ("2025-02-24", "24 February 2025"),
    ("not a date", "not a date"),
    ("", "not saved yet"),
])
def test_version_stamp_is_readable_in_the_officers_zone(stamp, text):
    """ISO stamps print as day, month, year and local time with the zone's name, not bare UTC."""
    assert long_stamp(stamp, local_zone("Europe/London")) == text


def test_an_unknown_zone_name_falls_back_to_this_computers():
    """A zone name the computer does not know gives this computer's zone, not an error."""
    assert local_zone("Not/A_Zone") is None
    assert local_zone("") is None
