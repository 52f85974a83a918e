"""Kinds of value made of several parts: lists of texts, choices or links, a yes/no answer per
choice, and a cell of the matrix. Each is checked and written as JSON, SQL and CSV like the
plain kinds in :mod:`planner.core.kinds`, on which they build.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

from planner.core.kinds import Choice, Kind, Problem, Text, _json_cell, join, kind_of
from planner.core.matrix import Cell


class TextList(Kind):
    """A list of texts (stored as a JSON list in one column)."""

    sql_default = "[]"

    def parse(self, raw: Any) -> list[str]:
        if not isinstance(raw, list):
            raise Problem(f"expected a list, found {kind_of(raw)}")
        item = Text()
        for i, value in enumerate(raw):
            try:
                item.parse(value)
            except Problem as problem:
                raise problem.inside(f"[{i}]") from None
        return list(raw)

    def to_plain(self, value: Any) -> Any:
        return list(value)

    def to_cell(self, value: Any) -> str:
        return json.dumps(list(value), ensure_ascii=False)

    def from_cell(self, cell: Any) -> list[str]:
        return json.loads(cell) if cell else []

    def to_csv(self, plain: Any) -> str:
        return json.dumps(plain, ensure_ascii=False) if plain else ""

    def from_csv(self, text: str) -> Any:
        return _json_cell(text)


class YesNoMap(Kind):
    """Answers by question id: ``{"vulnerable_people": true, ...}`` (a JSON object in one column)."""

    sql_default = "{}"

    def parse(self, raw: Any) -> dict[str, bool]:
        if not isinstance(raw, dict):
            raise Problem(f"expected an object, found {kind_of(raw)}")
        for name, answer in raw.items():
            if not isinstance(answer, bool):
                raise Problem(f"expected true or false, found {kind_of(answer)}", name)
            Text(required=True).parse(name)
        return dict(raw)

    def to_plain(self, value: Any) -> Any:
        return dict(value)

    def to_cell(self, value: Any) -> str:
        return json.dumps(dict(value), ensure_ascii=False, sort_keys=True)

    def from_cell(self, cell: Any) -> dict[str, bool]:
        return json.loads(cell) if cell else {}

    def to_csv(self, plain: Any) -> str:
        return json.dumps(plain, ensure_ascii=False) if plain else ""

    def from_csv(self, text: str) -> Any:
        return _json_cell(text)


class ChoiceList(Kind):
    """A list of enum values without repeats, kept in a table of its own (``table``.``column``)."""

    sql = None

    def __init__(self, enum: type[Enum], table: str, column: str):
        self.enum, self.table, self.column = enum, table, column

    def to_plain(self, value: Any) -> Any:
        return [v.value for v in value]

    def coerce(self, value: Any) -> Any:
        one = Choice(self.enum)
        if not isinstance(value, (list, tuple)):
            return value
        return list(dict.fromkeys(one.coerce(v) for v in value))  # a repeat is kept once

    def check(self, value: Any) -> None:
        if not isinstance(value, list) or not all(isinstance(v, self.enum) for v in value):
            raise Problem(f"must be a list of: {', '.join(m.value for m in self.enum)}")
        if len(set(value)) != len(value):
            raise Problem("lists a value twice")

    def parse(self, raw: Any) -> list:
        if not isinstance(raw, list):
            raise Problem(f"expected a list, found {kind_of(raw)}")
        one = Choice(self.enum)
        result = []
        for i, value in enumerate(raw):
            try:
                result.append(one.parse(value))
            except Problem as problem:
                raise problem.inside(f"[{i}]") from None
        if len(set(result)) != len(result):
            raise Problem("lists a value twice")
        return result


class CellValue(Kind):
    """A cell of Table 1 (two columns, ``PREFIX_planning`` and ``PREFIX_delivery``), or None."""

    sql = None
    nullable = True

    def to_plain(self, value: Any) -> Any:
        return None if value is None else {"planning": value.planning.value, "delivery": value.delivery.value}

    def parse(self, raw: Any) -> Cell:
        if not isinstance(raw, dict):
            raise Problem(f"expected an object, found {kind_of(raw)}")
        unknown = sorted(set(raw) - {"planning", "delivery"})
        if unknown:
            raise Problem("unknown field (nothing is silently dropped)", unknown[0])
        for part in ("planning", "delivery"):
            if raw.get(part) is None:
                raise Problem("is required", part)
        try:
            cell = Cell.of(raw["planning"], raw["delivery"])
        except (ValueError, TypeError):
            raise Problem("planning and delivery must each be professionals, co or community") from None
        if not cell.is_available:
            raise Problem("community planning with professional delivery is the N/A cell of Table 1 and cannot be chosen")
        return cell

    def check(self, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, Cell):
            raise Problem("must be a cell of the matrix")
        if not value.is_available:
            raise Problem("cannot be the N/A cell (community planning, professional delivery)")


class Links(Kind):
    """A list of keys of another entity without repeats, kept in a link table (``mitigates``)."""

    sql = None

    def __init__(self, table: str, target: str):
        self.table, self.target = table, target

    def to_plain(self, value: Any) -> Any:
        return list(value)

    def parse(self, raw: Any) -> list[str]:
        if not isinstance(raw, list):
            raise Problem(f"expected a list, found {kind_of(raw)}")
        for i, key in enumerate(raw):
            if not isinstance(key, str):
                raise Problem(f"expected a key, found {kind_of(key)}", f"[{i}]")
        if len(set(raw)) != len(raw):
            raise Problem(f"lists the same {self.target} twice")
        return list(raw)
