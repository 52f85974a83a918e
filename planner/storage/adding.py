"""Adding rows to any register, one or many, in one transaction; and the keys new rows take.

Every way of adding (Add, Duplicate, Suggest risks or safeguards, a CSV import, a log entry
or an action) goes through ``add``: one transaction for the whole batch, so a refusal half-way
(a full disk, a key already taken) leaves the file as it was, with nothing to take back.
``new_keys`` is the one place new keys come from (see planner.core.keys).

sqlite-utils' ``insert_all`` is not used here: it commits through the connection's context
manager, which would end the batch's transaction part-way (and with it, all or nothing).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from planner.core.keys import PREFIXES, next_keys
from planner.storage import rows
from planner.storage.errors import InvalidValue, NotFound

# The registers rows can be added to, each with what else a row brings (its own tables).
_CHILDREN = {
    "stakeholders": "_write_contributions",
    "risks": None,
    "safeguards": "_write_links",
    "engagements": "_write_engagement_links",
    "actions": None,
}
REGISTERS = tuple(_CHILDREN)


def _register(name: str) -> str:
    if name not in PREFIXES:
        raise NotFound(f"There is no register called {name!r}.", name)
    return name


class RegisterAdds:
    """The adding half of PlanStore (PlanEdits supplies ``_write``, ``_insert`` and ``_make_room``)."""

    _conn: sqlite3.Connection

    def add(self, register: str, items: Sequence, position: int | None = None) -> None:
        """Add ``items`` to ``register`` in one transaction: all of them, or (refused) none.

        Args:
            register: "stakeholders", "risks", "safeguards", "engagements" or "actions".
            position: where the first goes (the rest follow it); None: at the end.

        Raises:
            InvalidValue: an item is not valid, or its key is already taken (nothing is added).
            WriteFailed: the file could not be written (nothing is added).
        """
        if register not in _CHILDREN:
            raise NotFound(f"Rows cannot be added to {register!r}.", register)
        items = list(items)
        for item in items:
            rows.validate(item)
        keys = [item.key for item in items]
        if len(set(keys)) != len(keys):
            twice = next(k for i, k in enumerate(keys) if k in keys[:i])
            raise InvalidValue(f"The key {twice!r} is given to two new rows.", "key")
        children = _CHILDREN[register]
        with self._write() as conn:
            end = self._make_room(conn, register, None) if position is None else None  # found once a batch
            for offset, item in enumerate(items):
                at = end + offset if position is None else self._make_room(conn, register, position + offset)
                self._insert(conn, register, rows.to_row(item, position=at))
                if children:
                    getattr(self, children)(conn, item)

    def new_keys(self, register: str, count: int = 1) -> list[str]:
        """``count`` keys for new rows of ``register``, above every key it has or had (r4, r5...)."""
        register = _register(register)
        prefix = PREFIXES[register]
        # The highest number in use, counted by SQLite: reading 20,000 keys into Python took 30 ms.
        (top,) = self._conn.execute(
            f"SELECT MAX(CAST(substr(key, 2) AS INTEGER)) FROM {register} "
            "WHERE key GLOB ? AND NOT substr(key, 2) GLOB '*[^0-9]*'", [f"{prefix}[0-9]*"]).fetchone()
        return next_keys(prefix, [f"{prefix}{top or 0}", *self._agreed_keys(register)], count)

    def used_keys(self, register: str) -> set[str]:
        """Keys a new row of ``register`` may not take: its rows' now, and those in agreed versions.

        An agreed version cites its rows by key ("Risk R3"), and comparing versions matches rows
        by key, so a key deleted since a version was agreed is never handed out again.
        """
        register = _register(register)
        now = {k for (k,) in self._conn.execute(f"SELECT key FROM {register}")}
        return now | self._agreed_keys(register)

    def _agreed_keys(self, register: str) -> set[str]:
        """The keys of ``register`` in every agreed version's snapshot (read once per set of versions)."""
        if register == "versions":
            return set()
        agreed = tuple(k for (k,) in self._conn.execute("SELECT key FROM versions ORDER BY key"))
        cache = getattr(self, "_agreed_cache", None)
        if cache is None or cache[0] != agreed:  # versions are never edited, only added or removed
            cache = (agreed, {})
            self._agreed_cache = cache
        found = cache[1]
        if register not in found:
            # A snapshot that is not a plan document (a damaged or crafted file) cites nothing.
            found[register] = {k for (k,) in self._conn.execute(
                "SELECT CASE WHEN item.type = 'object' THEN json_extract(item.value, '$.key') END "
                "FROM (SELECT snapshot FROM versions WHERE json_valid(snapshot)) AS v, "
                "json_each(v.snapshot, ?) AS item", [f"$.{register}"]) if isinstance(k, str)}
        return found[register]
