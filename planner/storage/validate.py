"""Checks that a file with our application id really has a plan's shape before anything reads it.

A damaged or crafted file can carry our id yet lack a table or column, hold a BLOB where a
number belongs, an unknown category, or its own triggers and views (code that runs on the next
edit: one copied a deleted resident's details into a hidden table). Each is named in plain
words and the file refused as damaged, instead of failing somewhere deep in a read.
"""

from __future__ import annotations

import sqlite3
from enum import Enum
from functools import lru_cache

from planner.core.compound_kinds import CellValue, ChoiceList
from planner.core.fields import specs
from planner.core.kinds import Choice
from planner.core.matrix import Delivery, Planning
from planner.storage.rows import columns as spec_columns, entity_tables
from planner.storage.schema import EXPECTED_TABLES, SCHEMA_VERSION, create_statements


@lru_cache(maxsize=1)
def enum_columns() -> dict[tuple[str, str], type[Enum]]:
    """Columns holding one of an enum's values (stored as the value text), from the declarations."""
    found: dict[tuple[str, str], type[Enum]] = {}
    for entity, table in entity_tables():
        for s in specs(entity):
            if isinstance(s.kind, ChoiceList):
                found[(s.kind.table, s.kind.column)] = s.kind.enum
            for column, kind in spec_columns(s):
                if isinstance(kind, Choice):
                    found[(table, column)] = kind.enum
                elif isinstance(kind, CellValue):
                    found[(table, column)] = Planning if column.endswith("_planning") else Delivery
    return found


_TYPES = {"INTEGER": ("integer",), "TEXT": ("text",), "NUMERIC": ("integer", "real")}
_WORDS = {"integer": "a whole number", "real": "a number", "text": "text", "blob": "binary data",
          "null": "nothing"}


@lru_cache(maxsize=1)
def expected_schema() -> dict[str, tuple[tuple[str, str, bool], ...]]:
    """Each table of a plan of the current version: its columns as (name, type, may be null)."""
    memory = sqlite3.connect(":memory:")
    try:
        for statement in create_statements():
            memory.execute(statement)
        tables = [name for (name,) in memory.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")]
        return {table: tuple((name, kind.upper(), not notnull and not pk)
                             for _cid, name, kind, notnull, _default, pk
                             in memory.execute(f"PRAGMA table_info({table})"))
                for table in tables}
    finally:
        memory.close()


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _row_problem(connection: sqlite3.Connection, table: str, columns) -> str | None:
    """The first row of ``table`` with a value of the wrong type or an unknown choice."""
    tests, names = [], []
    for name, kind, nullable in columns:
        allowed = _TYPES.get(kind)
        if allowed:
            types = allowed + (("null",) if nullable else ())
            tests.append(f"typeof({name}) NOT IN ({', '.join(map(_quote, types))})")
            names.append(name)
        enum = enum_columns().get((table, name))
        if enum:
            tests.append(f"({name} IS NOT NULL AND {name} NOT IN ({', '.join(_quote(e.value) for e in enum)}))")
    if not tests:
        return None
    row = connection.execute(f"SELECT rowid, * FROM {table} WHERE {' OR '.join(tests)} LIMIT 1").fetchone()
    if row is None:
        return None
    values = dict(zip(["rowid"] + [c[0] for c in columns], row))
    for name, kind, nullable in columns:
        value = values[name]
        enum = enum_columns().get((table, name))
        found = {int: "integer", float: "real", str: "text", bytes: "blob", type(None): "null"}[type(value)]
        allowed = _TYPES.get(kind, ()) + (("null",) if nullable else ())
        if kind in _TYPES and found not in allowed:
            return f"row {values['rowid']} of {table} has {_WORDS[found]} in {name}, where {_WORDS[_TYPES[kind][0]]} belongs"
        if enum and value is not None and value not in {e.value for e in enum}:
            shown = value if len(str(value)) <= 40 else str(value)[:40] + "…"
            return f"row {values['rowid']} of {table} has an unknown {name} ({shown!r})"
    return f"row {values['rowid']} of {table} holds a value of the wrong kind"


def shape_problem(connection: sqlite3.Connection, version: int) -> str | None:
    """What is wrong with the shape of the plan in ``connection``, in plain words, or None.

    Triggers, views and tables of no plan are refused at any version; the columns and values
    are checked for a file of the current version (an older one is checked after migrating).
    """
    found = connection.execute("SELECT type, name FROM sqlite_master").fetchall()
    order = {"trigger": 0, "view": 1, "table": 2}  # code that runs first: it matters most
    for kind, name in sorted(found, key=lambda item: (order.get(item[0], 3), item[1])):
        if kind == "trigger":
            return f"it contains a trigger ({name}): code that runs on edits, which a plan never has"
        if kind == "view":
            return f"it contains a view ({name}), which a plan never has"
        if kind == "table" and name not in EXPECTED_TABLES and not name.startswith("sqlite_"):
            return f"it contains a table that is not part of a plan ({name})"
    if version != SCHEMA_VERSION:
        return None
    expected = expected_schema()
    for table, columns in expected.items():
        present = {row[1]: row for row in connection.execute(f"PRAGMA table_info({table})")}
        if not present:
            return f"its {table} table is missing"
        for name, _kind, _nullable in columns:
            if name not in present:
                return f"its {table} table has no {name} column"
        extra = sorted(set(present) - {c[0] for c in columns})
        if extra:
            return f"its {table} table has a column that is not part of a plan ({extra[0]})"
    if connection.execute("SELECT count(*) FROM plan WHERE id = 1").fetchone()[0] != 1:
        return "it has no plan row (its title and dates are missing)"
    for table, columns in expected.items():
        problem = _row_problem(connection, table, columns)
        if problem:
            return problem
    return None
