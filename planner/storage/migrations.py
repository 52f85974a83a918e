"""Migrations: each takes a plan file from one schema version to the next, all in one transaction.

``MIGRATIONS[n]`` takes a file from version ``n`` to ``n + 1``. A field declared in the core
model with ``since=n + 1`` is added by :func:`add_declared`; anything else a version needs
(renames, new indexes) goes in that version's function, with sqlite-utils doing the change.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from planner.core.fields import specs
from planner.storage.errors import DamagedPlan
from planner.storage.rows import columns, entity_tables
from planner.storage.schema import SCHEMA_VERSION, _owned, expected_tables

# SQL types sqlite-utils' add_column does not spell: NUMERIC keeps a whole number whole.
_COLUMN_TYPES = {"NUMERIC": "FLOAT"}


def add_declared(db, version: int) -> None:
    """Add the columns and tables of every field declared with ``since=version``."""
    for entity, table in entity_tables():
        for s in specs(entity):
            if s.since != version:
                continue
            found = columns(s)
            for column, kind in found:
                db[table].add_column(
                    column, _COLUMN_TYPES.get(kind.sql or "TEXT", kind.sql or "TEXT"),
                    not_null_default=None if kind.nullable else kind.sql_default)
            if not found:
                for statement in _owned(table, s):
                    db.execute(statement)


def _to_2(db) -> None:
    """Version 2: a private individual's lawful basis, consent, retention and needs; the plan's
    retention period, DPIA screening and reference, and what the meeting is asked to decide."""
    add_declared(db, 2)


def _to_3(db) -> None:
    """Version 3: the partnership's record, the engagement log, actions and agreed versions."""
    add_declared(db, 3)


def _to_4(db) -> None:
    """Version 4: the officer's own text for each part of the easy-read summary."""
    add_declared(db, 4)


def _to_5(db) -> None:
    """Version 5: the status line the plan is shared with, kept with the plan."""
    add_declared(db, 5)


MIGRATIONS: dict[int, Callable] = {1: _to_2, 2: _to_3, 3: _to_4, 4: _to_5}


def verify(db, name: str) -> None:
    """Check with sqlite-utils' introspection that the file has every table and column we read.

    Raises:
        DamagedPlan: a table or column is missing (the file was altered by another program).
    """
    for table, wanted in expected_tables().items():
        if not db[table].exists():
            raise DamagedPlan(f"{name} has no {table} table, so it cannot be read as a plan. Restore it from a backup.")
        missing = sorted(wanted - set(db[table].columns_dict))
        if missing:
            raise DamagedPlan(f"{name} lacks the column {table}.{missing[0]}, so it cannot be read as a plan. Restore it from a backup.")


def migrate(connection: sqlite3.Connection, version: int, name: str = "The plan") -> None:
    """Bring the schema from ``version`` to ``SCHEMA_VERSION`` in one transaction, or not at all."""
    import sqlite_utils  # here, not at the top: ~80 ms of the app's start, needed only for old files

    db = sqlite_utils.Database(connection)
    connection.execute("BEGIN IMMEDIATE")
    try:
        for step in range(version, SCHEMA_VERSION):
            MIGRATIONS[step](db)
        verify(db, name)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
