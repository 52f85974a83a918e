"""Short keys for new rows of every register (s1, r1, g1, e1, a1, v1): the one way they are made.

A key names its row for good: agreed versions, the "what changed" comparison and printed
plans cite it (Risk R3), so a new row never takes a key any row in the plan or in an agreed
version has had. Storage supplies the keys in use (``PlanStore.new_keys``); this module only
counts above them, so every register and every way of adding (Add, Duplicate, Suggest,
CSV import, the record's entries) numbers its rows the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

# Each register's key prefix, by its name in the plan (and its table in the file).
PREFIXES: dict[str, str] = {
    "stakeholders": "s", "risks": "r", "safeguards": "g",
    "engagements": "e", "actions": "a", "versions": "v",
}


def highest(prefix: str, existing: Iterable[str]) -> int:
    """The highest number among keys of the shape ``prefix`` + digits (0 if there is none)."""
    top = 0
    for key in existing:
        if key.startswith(prefix) and key[len(prefix):].isdigit():
            top = max(top, int(key[len(prefix):]))
    return top


def next_keys(prefix: str, existing: Iterable[str], count: int = 1) -> list[str]:
    """``count`` keys numbered on from the highest ``prefix`` key in ``existing``: s4, s5, s6."""
    start = highest(prefix, existing) + 1
    return [f"{prefix}{start + i}" for i in range(count)]

