"""Each entity's fields declared once: kind of value, default, allowed values, label, personal data.

A dataclass field is declared with :func:`declared`; :func:`specs` reads the declarations back
in field order. Storage (rows, SQL schema, JSON, CSV) and validation are driven from them, so a
field added here is stored, exchanged and checked everywhere (Django's model fields and attrs
``metadata`` are the pattern).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from planner.core.kinds import Kind, Problem, _json_cell, kind_of

_NOTHING = dataclasses.MISSING


class Nested(Kind):
    """An object of another declared entity, stored flat with a column prefix (risk shares).

    When the object is given but one of its fields is missing, that field takes ``missing``.
    """

    sql = None

    def __init__(self, entity: type, prefix: str, missing: Any = _NOTHING):
        self.entity, self.prefix, self.missing = entity, prefix, missing

    def to_plain(self, value: Any) -> Any:
        return {s.json: s.kind.to_plain(getattr(value, s.name)) for s in specs(self.entity)}

    def parse(self, raw: Any) -> Any:
        if not isinstance(raw, dict):
            raise Problem(f"expected an object, found {kind_of(raw)}")
        members = specs(self.entity)
        unknown = sorted(set(raw) - {s.json for s in members})
        if unknown:
            raise Problem("unknown field (nothing is silently dropped)", unknown[0])
        values = {}
        for s in members:
            if raw.get(s.json) is None and self.missing is not _NOTHING:
                values[s.name] = self.missing
                continue
            try:
                values[s.name] = s.read(raw.get(s.json))
            except Problem as problem:
                raise problem.inside(s.json) from None
        return self.entity(**values)

    def check(self, value: Any) -> None:
        if not isinstance(value, self.entity):
            raise Problem(f"must be {self.entity.__name__}")
        for s in specs(self.entity):
            try:
                s.kind.check(getattr(value, s.name))
            except Problem as problem:
                raise Problem(problem.problem, s.label.lower()) from None


class Children(Kind):
    """A list of another declared entity, kept in a table of its own (contributions)."""

    sql = None

    def __init__(self, entity: type, table: str):
        self.entity, self.table = entity, table

    def to_plain(self, value: Any) -> Any:
        return [to_plain(item) for item in value]

    def parse(self, raw: Any) -> list:
        if not isinstance(raw, list):
            raise Problem(f"expected a list, found {kind_of(raw)}")
        items = []
        for i, item in enumerate(raw):
            try:
                items.append(from_plain(self.entity, item))
            except Problem as problem:
                raise problem.inside(f"[{i}]") from None
        return items

    def check(self, value: Any) -> None:
        for i, item in enumerate(value, start=1):
            if not isinstance(item, self.entity):
                raise Problem(f"must each be a {self.entity.__name__}", f"number {i}")
            for s in specs(self.entity):
                try:
                    s.kind.check(getattr(item, s.name))
                except Problem as problem:
                    raise Problem(problem.problem, f"number {i}, {s.label.lower()}") from None

    def to_csv(self, plain: Any) -> str:
        return json.dumps(plain, ensure_ascii=False) if plain else ""

    def from_csv(self, text: str) -> Any:
        try:
            return _json_cell(text)
        except Problem:
            raise Problem("is not the list this app writes (export a CSV to see the layout)") from None


# ---------------------------------------------------------------- declarations


@dataclasses.dataclass(frozen=True)
class Spec:
    """One declared field of an entity.

    Attributes:
        name: the dataclass field.
        kind: how its values are checked and written.
        label: what the officer reads ("Lawful basis").
        personal: True when the value is personal data about a private individual.
        json: its key in the JSON document; dotted for a nested object (``trust.users``).
        csv: its CSV column (used where the entity is exchanged as CSV: stakeholders), or None.
        column: its SQL column (or the prefix of its columns, or its table's name).
        since: the schema version that added it.
        default: the value it takes when absent (from the dataclass default).
    """

    name: str
    kind: Kind
    label: str
    personal: bool
    json: str | None
    csv: str | None
    column: str
    since: int
    default: Any

    def fresh_default(self) -> Any:
        """A new copy of the default (lists and dicts are never shared)."""
        value = self.default
        if isinstance(value, (list, dict)):
            return type(value)(value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return dataclasses.replace(value)
        return value

    def read(self, raw: Any) -> Any:
        """The model value from a plain value; None or absent takes the default."""
        if raw is None:
            if self.default is _NOTHING:
                raise Problem("is required")
            return self.fresh_default()
        return self.kind.parse(raw)


def declared(kind: Kind, label: str, default: Any = _NOTHING, *, personal: bool = False,
             json: str | None = "", csv: str | None = "", column: str = "", since: int = 1) -> Any:
    """A dataclass field carrying its declaration; list and dict defaults are copied per instance.

    ``json``/``csv``/``column`` default to the field's name; ``json=None`` or ``csv=None`` leaves
    the field out of that format.
    """
    # "personal" also stands on its own, for code that reads dataclass metadata directly.
    meta = {"declared": (kind, label, personal, json, csv, column, since), "personal": personal}
    if isinstance(default, (list, dict)):
        return dataclasses.field(default_factory=lambda: type(default)(default), metadata=meta)
    if dataclasses.is_dataclass(default) and not isinstance(default, type):
        return dataclasses.field(default_factory=lambda: dataclasses.replace(default), metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


_SPECS: dict[type, tuple[Spec, ...]] = {}


def specs(entity: type) -> tuple[Spec, ...]:
    """The declared fields of an entity class, in declaration order."""
    found = _SPECS.get(entity)
    if found is None:
        found = []
        for f in dataclasses.fields(entity):
            if "declared" not in f.metadata:
                continue
            kind, label, personal, json_key, csv, column, since = f.metadata["declared"]
            if f.default is not _NOTHING:
                default = f.default
            elif f.default_factory is not _NOTHING:
                default = f.default_factory()
            else:
                default = _NOTHING
            found.append(Spec(
                name=f.name, kind=kind, label=label, personal=personal,
                json=f.name if json_key == "" else json_key,
                csv=f.name if csv == "" else csv,
                column=column or f.name, since=since, default=default))
        found = _SPECS[entity] = tuple(found)
    return found


def spec(entity: type, name: str) -> Spec:
    """One declared field by name (KeyError if the entity has none of that name)."""
    for s in specs(entity):
        if s.name == name:
            return s
    raise KeyError(name)


def problems(item: Any) -> list[tuple[Spec, Problem]]:
    """Every field of ``item`` whose value does not fit its declaration, with the reason."""
    found = []
    for s in specs(type(item)):
        try:
            s.kind.check(getattr(item, s.name))
        except Problem as problem:
            found.append((s, problem))
    return found


def to_plain(item: Any) -> dict[str, Any]:
    """An entity as plain (JSON) values by JSON key; dotted keys become nested objects."""
    out: dict[str, Any] = {}
    for s in specs(type(item)):
        if s.json is None:
            continue
        value = s.kind.to_plain(getattr(item, s.name))
        head, _, tail = s.json.partition(".")
        if tail:
            out.setdefault(head, {})[tail] = value
        else:
            out[head] = value
    return out


def json_keys(entity: type) -> dict[str, set[str] | None]:
    """The top-level JSON keys of an entity; a nested object's key maps to its member keys."""
    keys: dict[str, set[str] | None] = {}
    for s in specs(entity):
        if s.json is None:
            continue
        head, _, tail = s.json.partition(".")
        if tail:
            keys.setdefault(head, set()).add(tail)  # type: ignore[union-attr]
        else:
            keys[head] = None
    return keys


def from_plain(entity: type, data: Any) -> Any:
    """Build an entity from plain (JSON) values, refusing unknown keys.

    Raises:
        Problem: with ``where`` naming the place inside, e.g. ``contributions[0].kind``.
    """
    if not isinstance(data, dict):
        raise Problem(f"expected an object, found {kind_of(data)}")
    keys = json_keys(entity)
    unknown = sorted(set(data) - set(keys))
    if unknown:
        raise Problem("unknown field (nothing is silently dropped)", unknown[0])
    nested: dict[str, dict] = {}
    for head, members in keys.items():
        if members is None or data.get(head) is None:
            nested[head] = {}
            continue
        if not isinstance(data[head], dict):
            raise Problem(f"expected an object, found {kind_of(data[head])}", head)
        extra = sorted(set(data[head]) - members)
        if extra:
            raise Problem("unknown field (nothing is silently dropped)", f"{head}.{extra[0]}")
        nested[head] = data[head]
    values = {}
    for s in specs(entity):
        if s.json is None:
            continue
        head, _, tail = s.json.partition(".")
        raw = nested[head].get(tail) if tail else data.get(head)
        try:
            values[s.name] = s.read(raw)
        except Problem as problem:
            raise problem.inside(s.json) from None
    return entity(**values)
