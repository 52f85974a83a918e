"""Two versions of a list compared by their ends, so a view changes only the rows that differ. No Qt here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


def common_ends(old: Sequence, new: Sequence) -> tuple[int, int, int]:
    """Where two lists start to differ, and where each stops differing: (start, end in old, end in new)."""
    start, most = 0, min(len(old), len(new))
    while start < most and (old[start] is new[start] or old[start] == new[start]):
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and (
            old[end_old - 1] is new[end_new - 1] or old[end_old - 1] == new[end_new - 1]):
        end_old -= 1
        end_new -= 1
    return start, end_old, end_new


def follow(old: Sequence, new: Sequence, take: Callable[[int], None], put: Callable[[int, Any], None],
           most: int = 300) -> bool:
    """Make rows that show ``old`` show ``new``, taking out and putting in only the rows that differ.

    ``take(row)`` removes a row, ``put(row, item)`` inserts one; rows that stay are left alone, so
    a list keeps its scroll, current row and widgets. Returns False, having changed nothing, when
    that cannot be done row by row (an item twice, rows that stay changing order, or more than
    ``most`` rows to change): the caller then fills its rows again.
    """
    start, end_old, end_new = common_ends(old, new)
    gone, come = old[start:end_old], new[start:end_new]
    staying, kept = set(come), set(gone)
    if len(staying) != len(come) or len(kept) != len(gone):  # an item twice: no way to tell them apart
        return False
    stay = [item for item in gone if item in staying]
    if len(gone) + len(come) - 2 * len(stay) > most or stay != [item for item in come if item in kept]:
        return False
    for offset in range(len(gone) - 1, -1, -1):
        if gone[offset] not in staying:
            take(start + offset)
    for offset, item in enumerate(come):
        if item not in kept:
            put(start + offset, item)
    return True
