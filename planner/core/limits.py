"""Limits on what a plan holds, the same for every way in: typing in the app, JSON and CSV import.

The values are declared with the kinds of value (core.kinds); docs/plan-format.md states them.
"""

from __future__ import annotations

from planner.core.kinds import MAX_AMOUNT, MAX_TEXT, Amount, Problem

__all__ = ["MAX_AMOUNT", "MAX_TEXT", "amount_problem"]


def amount_problem(value: object) -> str | None:
    """Why a contribution amount is refused, or None if it fits (None itself means 'no amount')."""
    if value is None:
        return None
    try:
        Amount().parse(value)
    except Problem as problem:
        return problem.problem
    return None
