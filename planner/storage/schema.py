"""The plan file's schema, made from the core model's declarations; tables any SQLite tool can read.

A new file gets the schema of ``SCHEMA_VERSION`` as the declarations describe it. An older file
is brought up to date by the migrations in :mod:`planner.storage.migrations`, and a test checks
that both routes give the same tables and columns.
"""

from __future__ import annotations

from typing import Any

from planner.core.compound_kinds import CellValue, ChoiceList, Links
from planner.core.fields import Children, Spec, specs
from planner.core.kinds import Key, Kind, Ref
from planner.core.model import Plan
from planner.storage.rows import columns

APPLICATION_ID = 0x436F506C  # "CoPl": marks a SQLite file as a Coproduction Planner plan
SCHEMA_VERSION = 5

_CASCADE = "ON DELETE CASCADE ON UPDATE CASCADE"


def quote(value: Any) -> str:
    """A constant as SQL text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def column_sql(name: str, kind: Kind) -> str:
    """One column's definition: type, NOT NULL, DEFAULT, CHECK and REFERENCES as declared."""
    if isinstance(kind, CellValue):
        return f"{name} TEXT"
    parts = [name, kind.sql or "TEXT"]
    if not kind.nullable:
        parts.append("NOT NULL")
    if kind.sql_default is not Kind.sql_default:
        parts.append(f"DEFAULT {quote(kind.sql_default)}")
    check = kind.sql_check(name)
    if check:
        parts.append(f"CHECK ({check})")
    if isinstance(kind, Ref):
        parts.append(f"REFERENCES {kind.table}(key) ON DELETE SET NULL ON UPDATE CASCADE")
    return " ".join(parts)


def parent_column(table: str) -> str:
    """The column a child table names its parent by: ``stakeholders`` -> ``stakeholder``."""
    return table.removesuffix("s")


def _table(name: str, head: list[str], entity: type, tail: list[str] = ()) -> list[str]:
    """CREATE TABLE for an entity's row, then its indexes, child tables and link tables."""
    lines = list(head)
    checks = []
    indexes = []
    for s in specs(entity):
        if isinstance(s.kind, Key):
            continue  # the head makes it the primary key
        for column, kind in columns(s):
            lines.append(column_sql(column, kind))
            if isinstance(kind, Ref):
                indexes.append(f"CREATE INDEX {name}_{column} ON {name}({column})")
        if isinstance(s.kind, CellValue):
            checks.append(f"CHECK (NOT ({s.column}_planning = 'community' AND {s.column}_delivery = 'professionals'))")
    body = ",\n    ".join(lines + list(tail) + checks)
    statements = [f"CREATE TABLE {name} (\n    {body}\n)", *indexes]
    for s in specs(entity):
        statements += _owned(name, s)
    return statements


def _owned(owner: str, s: Spec) -> list[str]:
    """The tables a field of ``owner`` keeps its values in (lists, children, links)."""
    kind = s.kind
    if isinstance(kind, ChoiceList):
        return [f"CREATE TABLE {kind.table} ({kind.column} TEXT PRIMARY KEY, position INTEGER NOT NULL)"]
    if isinstance(kind, Links):
        mine, theirs = parent_column(owner), kind.target
        return [
            f"CREATE TABLE {kind.table} (\n    {mine} TEXT NOT NULL REFERENCES {owner}(key) {_CASCADE},\n"
            f"    {theirs} TEXT NOT NULL REFERENCES {theirs}s(key) {_CASCADE},\n"
            f"    position INTEGER NOT NULL,\n    PRIMARY KEY ({mine}, {theirs})\n)",
            f"CREATE INDEX {kind.table}_{theirs} ON {kind.table}({theirs})",
        ]
    if isinstance(kind, Children):
        if owner == "plan":  # the plan's stakeholders, risks and safeguards: tables keyed by key
            return _table(kind.table, ["key TEXT PRIMARY KEY", "position INTEGER NOT NULL"], kind.entity)
        parent = parent_column(owner)
        return _table(kind.table, [
            "id INTEGER PRIMARY KEY",
            f"{parent} TEXT NOT NULL REFERENCES {owner}(key) {_CASCADE}",
            "position INTEGER NOT NULL",
        ], kind.entity) + [f"CREATE INDEX {kind.table}_{parent} ON {kind.table}({parent})"]
    return []


def create_statements() -> list[str]:
    """Every statement that makes an empty plan file of ``SCHEMA_VERSION``."""
    plan = _table("plan", ["id INTEGER PRIMARY KEY CHECK (id = 1)"], Plan)
    # Children first would break references (risks name stakeholders): keep declaration order.
    return plan


def expected_tables() -> dict[str, set[str]]:
    """Each table of the current schema with its columns (to verify a file after migrating)."""
    tables: dict[str, set[str]] = {}
    for statement in create_statements():
        if statement.startswith("CREATE TABLE "):
            name, _, body = statement.removeprefix("CREATE TABLE ").partition(" (")
            names = set()
            for line in body.replace("\n", " ").split(","):
                word = line.strip().split(" ")[0]
                if word and word.isidentifier() and word.upper() not in ("CHECK", "PRIMARY"):
                    names.add(word)
            tables[name] = names
    return tables


EXPECTED_TABLES = set(expected_tables())
