"""Kinds of value a declared field holds: how each is checked and written as JSON, SQL and CSV."""

from __future__ import annotations

import json
import math
from datetime import date
from enum import Enum
from typing import Any


MAX_TEXT = 200_000  # characters in any one text field, every way in; far beyond any real note
MAX_AMOUNT = 1_000_000_000_000  # a contribution's amount (hours, pounds, places): a million million
NOTHING = object()  # no default: the field is required


class Problem(Exception):
    """A value that does not fit its field: ``problem`` says why, ``where`` names the place inside.

    Core raises it; storage turns it into its own errors (InvalidValue, FormatError).
    """

    def __init__(self, problem: str, where: str = ""):
        super().__init__(f"{where}: {problem}" if where else problem)
        self.problem = problem
        self.where = where

    def inside(self, place: str) -> Problem:
        """The same problem seen from the object holding ``place``."""
        return Problem(self.problem, join(place, self.where))


def join(place: str, inner: str) -> str:
    """``risks[2]`` + ``owner`` -> ``risks[2].owner``; ``contributions`` + ``[0]`` -> ``contributions[0]``."""
    if not inner:
        return place
    if not place:
        return inner
    return place + inner if inner.startswith("[") else f"{place}.{inner}"


def kind_of(value: Any) -> str:
    """How a JSON-like value reads in a message: "a number", "text", "a list"..."""
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "text",
            list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


# ---------------------------------------------------------------- kinds of value


class Kind:
    """How one kind of value is checked, and written as plain (JSON) values, SQL columns and CSV."""

    sql: str | None = "TEXT"  # the column's type; None when the value lives in tables of its own
    nullable = False  # NULL (None) is a value: "not set"
    sql_default: Any = NOTHING  # the column's DEFAULT, if it has one

    # Values in the model <-> plain values (what JSON holds).
    def to_plain(self, value: Any) -> Any:
        return value

    def parse(self, raw: Any) -> Any:
        """The model value for a plain ``raw`` value (never None: the spec handles absence)."""
        return raw

    def coerce(self, value: Any) -> Any:
        """A value given by name where the model holds an object (an enum's text) as that object."""
        return value

    def check(self, value: Any) -> None:
        """Raise Problem when a model value does not fit (what storage validates before a write)."""
        if value is None:
            if not self.nullable:
                raise Problem("must be given")
            return
        self.parse(self.to_plain(value))

    # Model values <-> one SQL column.
    def to_cell(self, value: Any) -> Any:
        return self.to_plain(value)

    def from_cell(self, cell: Any) -> Any:
        return cell

    # Plain values <-> CSV cells (text).
    def to_csv(self, plain: Any) -> str:
        return "" if plain is None else str(plain)

    def from_csv(self, text: str) -> Any:
        """The plain value for a CSV cell, or None when the cell is empty."""
        text = text.strip()
        return text or None

    def sql_check(self, column: str) -> str | None:
        """A CHECK constraint for the column, if any."""
        return None


class Text(Kind):
    """Text; ``required`` text must not be blank."""

    def __init__(self, required: bool = False):
        self.required = required
        self.sql_default = NOTHING if required else ""

    def parse(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise Problem(f"expected text, found {kind_of(raw)}")
        if self.required and not raw.strip():
            raise Problem("must not be empty")
        if len(raw) > MAX_TEXT:
            raise Problem(f"is longer than {MAX_TEXT:,} characters")
        if not raw.isascii():
            try:
                raw.encode("utf-8")
            except UnicodeEncodeError as error:  # a lone surrogate: not text, cannot be stored
                raise Problem(f"has a character that is not valid text (a lone surrogate) at position {error.start + 1}") from None
        return raw

    def from_csv(self, text: str) -> Any:
        return text  # spaces and line breaks in free text are the officer's


class Key(Text):
    """An entity's key (``s1``, ``r2``): required text, unique among its kind, the row's primary key."""

    def __init__(self):
        super().__init__(required=True)


class OptionalText(Text):
    """Text or None (not set)."""

    nullable = True
    sql_default = NOTHING

    def __init__(self):
        super().__init__(required=False)
        self.sql_default = NOTHING

    def from_csv(self, text: str) -> Any:
        return text.strip() or None


class Ref(OptionalText):
    """The key of another entity (e.g. a stakeholder owning a risk), or None."""

    def __init__(self, table: str):
        super().__init__()
        self.table = table


class Flag(Kind):
    """True or false; "yes"/"no" in CSV."""

    sql = "INTEGER"
    sql_default = 0
    YES = {"yes", "y", "true", "1"}
    NO = {"no", "n", "false", "0", ""}

    def parse(self, raw: Any) -> bool:
        if not isinstance(raw, bool):
            raise Problem(f"expected true or false, found {kind_of(raw)}")
        return raw

    def to_cell(self, value: Any) -> int:
        return int(value)

    def from_cell(self, cell: Any) -> bool:
        return bool(cell)

    def to_csv(self, plain: Any) -> str:
        return "yes" if plain else "no"

    def from_csv(self, text: str) -> Any:
        word = text.strip().lower()
        if word not in self.YES | self.NO:
            raise Problem(f"{text.strip()!r} is not yes or no")
        return word in self.YES


class Whole(Kind):
    """A whole number from ``low`` to ``high``; with ``optional``, None means not set."""

    sql = "INTEGER"

    def __init__(self, low: int, high: int, optional: bool = False):
        self.low, self.high, self.nullable = low, high, optional

    def parse(self, raw: Any) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise Problem(f"expected a whole number, found {kind_of(raw)}")
        if not self.low <= raw <= self.high:
            raise Problem(f"{raw} is out of range {self.low}-{self.high}")
        return raw

    def check(self, value: Any) -> None:
        if value is None and self.nullable:
            return
        if isinstance(value, bool) or not isinstance(value, int) or not self.low <= value <= self.high:
            raise Problem(f"must be a whole number from {self.low} to {self.high}, not {value!r}")

    def from_csv(self, text: str) -> Any:
        text = text.strip()
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            raise Problem(f"{text!r} is not a whole number from {self.low} to {self.high}") from None

    def sql_check(self, column: str) -> str | None:
        return None if self.nullable else f"{column} BETWEEN {self.low} AND {self.high}"


class Amount(Kind):
    """A number of zero or more, or None."""

    sql = "NUMERIC"
    nullable = True

    def parse(self, raw: Any) -> float:
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) or raw < 0:
            raise Problem("expected a number of zero or more")
        if isinstance(raw, float) and not math.isfinite(raw):  # an int is never converted: 400 digits overflow a float
            raise Problem("expected a number of zero or more")
        if raw > MAX_AMOUNT:  # also keeps it within SQLite's integers
            raise Problem(f"is larger than {MAX_AMOUNT:,}, the most a plan keeps")
        return raw

    def from_csv(self, text: str) -> Any:
        text = text.strip()
        if not text:
            return None
        try:
            return float(text) if any(c in text for c in ".eE") else int(text)
        except ValueError:
            raise Problem(f"{text!r} is not a number") from None


class Choice(Kind):
    """One value of an enum; with ``optional``, None means not set."""

    def __init__(self, enum: type[Enum], optional: bool = False):
        self.enum, self.nullable = enum, optional

    def to_plain(self, value: Any) -> Any:
        return None if value is None else value.value

    def parse(self, raw: Any) -> Enum:
        try:
            return self.enum(raw)
        except ValueError:
            allowed = ", ".join(m.value for m in self.enum)
            raise Problem(f"{raw!r} is not one of: {allowed}") from None

    def coerce(self, value: Any) -> Any:
        if isinstance(value, str) and not isinstance(value, self.enum):
            try:
                return self.enum(value)
            except ValueError:
                return value  # check() refuses it
        return value

    def check(self, value: Any) -> None:
        if value is None and self.nullable:
            return
        if not isinstance(value, self.enum):
            raise Problem(f"must be one of: {', '.join(m.value for m in self.enum)}")

    def from_cell(self, cell: Any) -> Any:
        return None if cell is None else self.enum(cell)

    def from_csv(self, text: str) -> Any:
        return normalise(text) or None


class Date(Kind):
    """A calendar date kept as ``YYYY-MM-DD`` text, or None."""

    nullable = True

    def parse(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise Problem(f"expected text, found {kind_of(raw)}")
        try:
            date.fromisoformat(raw)
        except ValueError:
            raise Problem(f"{raw!r} is not a date of the form YYYY-MM-DD") from None
        if len(raw) != 10:
            raise Problem(f"{raw!r} is not a date of the form YYYY-MM-DD")
        return raw


def normalise(value: str) -> str:
    """A choice or header as typed in a spreadsheet, as we spell it: ``Service user`` -> ``service_user``."""
    return value.strip().lower().replace(" ", "_").replace("-", "_")


def _json_cell(text: str) -> Any:
    text = text.strip()
    if not text:
        return None
    try:
        return json.loads(text)
    except RecursionError:
        raise Problem("is nested too deeply") from None
    except ValueError:  # also an integer of more than 4,300 digits
        raise Problem("is not valid JSON") from None
