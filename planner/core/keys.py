"""Short keys for new stakeholders, risks and safeguards (s1, r1, g1...)."""

from __future__ import annotations

from collections.abc import Iterable


def next_key(prefix: str, existing: Iterable[str]) -> str:
    """The first ``prefix`` + number above every key of that shape already in use."""
    highest = 0
    for key in existing:
        if key.startswith(prefix) and key[len(prefix):].isdigit():
            highest = max(highest, int(key[len(prefix):]))
    return f"{prefix}{highest + 1}"
