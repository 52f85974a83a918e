"""Rows of the plan file <-> core entities, driven by the fields declared in the core model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any

from planner.core.compound_kinds import CellValue, ChoiceList
from planner.core.fields import Children, Nested, Spec, problems, specs
from planner.core.kinds import Kind, Problem
from planner.core.matrix import Cell
from planner.core.model import Plan
from planner.storage.errors import InvalidValue


def entity_tables() -> list[tuple[type, str]]:
    """Each stored entity with its table, the plan first, then its children in declaration order."""
    found = [(Plan, "plan")]
    for entity, _table in found:
        for s in specs(entity):
            if isinstance(s.kind, Children):
                found.append((s.kind.entity, s.kind.table))
    return found


TABLES: dict[type, str] = dict(entity_tables())


def columns(spec: Spec) -> list[tuple[str, Kind]]:
    """The SQL columns one declared field is stored in, each with the kind of value it holds."""
    kind = spec.kind
    if isinstance(kind, CellValue):
        return [(f"{spec.column}_planning", kind), (f"{spec.column}_delivery", kind)]
    if isinstance(kind, Nested):
        return [(kind.prefix + member.column, member.kind) for member in specs(kind.entity)]
    if kind.sql is None:
        return []
    return [(spec.column, kind)]


def stored(entity: type) -> list[Spec]:
    """The declared fields of ``entity`` kept in its own row (not in tables of their own)."""
    return [s for s in specs(entity) if columns(s)]


def _cell_columns(prefix: str, cell: Cell | None) -> dict[str, str | None]:
    if cell is None:
        return {f"{prefix}_planning": None, f"{prefix}_delivery": None}
    return {f"{prefix}_planning": cell.planning.value, f"{prefix}_delivery": cell.delivery.value}


def to_row(item: Any, **extra: Any) -> dict[str, Any]:
    """The row of an entity, by column, plus ``extra`` columns (position, parent key)."""
    row = dict(extra)
    for s in stored(type(item)):
        value = getattr(item, s.name)
        if isinstance(s.kind, CellValue):
            row.update(_cell_columns(s.column, value))
        elif isinstance(s.kind, Nested):
            for member in specs(s.kind.entity):
                row[s.kind.prefix + member.column] = member.kind.to_cell(getattr(value, member.name))
        else:
            row[s.column] = s.kind.to_cell(value)
    return row


def _identity(kind: Kind) -> bool:
    return type(kind).from_cell is Kind.from_cell


def _reader(entity: type) -> Callable[[dict, dict], Any]:
    """A fast function building ``entity`` from a row (loading 20,000 stakeholders runs it 20,000 times)."""
    plain: list[tuple[str, str]] = []
    decoded: list[tuple[str, str, Callable]] = []
    composite: list[tuple[str, Callable[[dict], Any]]] = []
    for s in stored(entity):
        if isinstance(s.kind, CellValue):
            prefix = s.column
            composite.append((s.name, lambda row, p=prefix: (
                None if row[f"{p}_planning"] is None or row[f"{p}_delivery"] is None
                else Cell.of(row[f"{p}_planning"], row[f"{p}_delivery"]))))
        elif isinstance(s.kind, Nested):
            inner = [(m.name, s.kind.prefix + m.column) for m in specs(s.kind.entity)]
            composite.append((s.name, lambda row, e=s.kind.entity, i=inner: e(**{n: row[c] for n, c in i})))
        elif _identity(s.kind):
            plain.append((s.name, s.column))
        else:
            decoded.append((s.name, s.column, s.kind.from_cell))

    def build(row: dict, extra: dict) -> Any:
        values = {name: row[column] for name, column in plain}
        for name, column, decode in decoded:
            values[name] = decode(row[column])
        for name, make in composite:
            values[name] = make(row)
        values.update(extra)
        return entity(**values)

    return build


_READERS: dict[type, Callable] = {}


def from_row(entity: type, row: dict, **extra: Any) -> Any:
    """An entity from its row; ``extra`` gives the fields kept in tables of their own."""
    build = _READERS.get(entity)
    if build is None:
        build = _READERS[entity] = _reader(entity)
    return build(row, extra)


def validate(item: Any) -> None:
    """Raise InvalidValue with a plain sentence for the first field out of its declared range.

    A choice given by its text (``"burnout"``) is first made the enum member it names.
    """
    for s in specs(type(item)):
        value = getattr(item, s.name)
        coerced = s.kind.coerce(value)
        if coerced is not value:
            setattr(item, s.name, coerced)
    for s, problem in problems(item):
        raise invalid(s, problem)


def invalid(s: Spec, problem: str | Problem) -> InvalidValue:
    """The storage error for a value that does not fit field ``s``."""
    if isinstance(problem, Problem) and problem.where:
        return InvalidValue(f"{s.label} ({problem.where}) {problem.problem}.", s.name)
    text = problem.problem if isinstance(problem, Problem) else problem
    return InvalidValue(f"{s.label} {text}.", s.name)


def field_names(cls: type) -> set[str]:
    """The dataclass fields an update may name."""
    return {f.name for f in fields(cls)}


def children(entity: type) -> list[Spec]:
    """The declared fields of ``entity`` kept in child tables (a stakeholder's contributions)."""
    return [s for s in specs(entity) if isinstance(s.kind, Children)]


def plan_fields() -> set[str]:
    """The plan's own fields an update may change (not its stakeholders, risks and safeguards)."""
    return {s.name for s in specs(Plan) if not isinstance(s.kind, Children)} - {"created", "modified"}


def owned_lists(entity: type) -> list[Spec]:
    """The declared fields of ``entity`` kept as lists of choices in tables of their own."""
    return [s for s in specs(entity) if isinstance(s.kind, ChoiceList)]
