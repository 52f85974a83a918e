"""Read and validate the guidance library (TOML files in resources/guidance) into typed objects."""

from __future__ import annotations

import tomllib
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any

from planner.core.article import PRACTICE_NOTE, SECTIONS
from planner.core.matrix import Cell, available_cells
from planner.core.model import Category, Driver, RiskCategory, SafeguardKind, Shares, Side
from planner.core.scale import RANGE, SCALE
from planner.guidance.library import GuidanceLibrary
from planner.guidance.model import (
    CaseStudy, CellGuidance, DriverGuidance, RiskTemplate, SafeguardTemplate, TopicGuidance,
)
from planner.resources import resource_path

FILES = ("cells.toml", "drivers.toml", "risks.toml", "safeguards.toml", "stakeholders.toml")
ALL_LAY_CELLS = "*"  # in a template's `cells`: every cell where users or community take part


class GuidanceError(Exception):
    """Bad guidance data; names the file and the entry so it can be fixed."""

    def __init__(self, file: str, entry: str, message: str):
        self.file, self.entry, self.message = file, entry, message
        where = f"{file}, {entry}" if entry else file
        super().__init__(f"{where}: {message}")


class _Entry:
    """One TOML table, read field by field with errors that say where."""

    def __init__(self, file: str, entry: str, data: Any, required: set[str], optional: set[str] = frozenset()):
        self.file, self.entry = file, entry
        if not isinstance(data, dict):
            self.fail("expected a table")
        unknown = sorted(set(data) - required - set(optional))
        if unknown:
            self.fail(f"unknown field {unknown[0]!r}")
        missing = sorted(required - set(data))
        if missing:
            self.fail(f"missing field {missing[0]!r}")
        self.data = data

    def fail(self, message: str):
        raise GuidanceError(self.file, self.entry, message)

    def text(self, name: str, allow_empty: bool = False) -> str:
        value = self.data.get(name, "")
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            self.fail(f"{name!r} must be non-empty text")
        return " ".join(value.split()) if "\n" in value else value.strip()

    def texts(self, name: str) -> tuple[str, ...]:
        value = self.data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(f"{name!r} must be a list of non-empty texts")
        return tuple(value)

    def cited(self, text_field: str) -> tuple[str, tuple[str, ...]]:
        """The ``source`` section and the ``quotes`` from it that ``text_field`` rests on.

        A source must be one of the article's section headings (or Table 1, Figure 1) and come
        with at least one quotation; an empty source marks a practice note, whose text must say
        so ("Practice note: ...") and which quotes nothing.
        """
        source = self.text("source", allow_empty=True)
        quotes = self.texts("quotes") if "quotes" in self.data else ()
        if source:
            if source not in SECTIONS:
                self.fail(f"source {source!r} is not a section of the article")
            if not quotes:
                self.fail("'quotes' must give the passage of the cited section the text rests on")
        else:
            if quotes:
                self.fail("a practice note (empty source) quotes nothing")
            if not self.text(text_field).startswith(PRACTICE_NOTE):
                self.fail(f"{text_field!r} cites no section, so it must begin \"{PRACTICE_NOTE}\"")
        return source, quotes

    def statements(self, name: str, section: str) -> tuple[str, ...]:
        """A list of statements: each a cited table {text, source, quotes} or a practice note.

        A statement cited to another section than ``section`` (the entry's own) names it.
        """
        items = self.data.get(name, [])
        if not isinstance(items, list):
            self.fail(f"{name!r} must be a list")
        result = []
        for i, item in enumerate(items):
            if isinstance(item, str):
                if not item.startswith(PRACTICE_NOTE):
                    self.fail(f"{name}[{i}] cites nothing: give {{text, source, quotes}} or "
                              f"begin it \"{PRACTICE_NOTE}\"")
                result.append(item)
                continue
            e = _Entry(self.file, f"{self.entry}.{name}[{i}]", item, {"text", "source", "quotes"})
            source, _ = e.cited("text")
            text = e.text("text")
            where = source if source in ("Table 1", "Figure 1") else f"section \u201c{source}\u201d"
            result.append(text if source == section else f"{text} ({where})")
        return tuple(result)

    def score(self, name: str) -> int:
        value = self.data[name]
        if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
            self.fail(f"{name!r} must be a whole number from {RANGE}")
        return value

    def choice(self, name: str, enum: type[Enum]) -> Any:
        return _enum(self, self.data[name], enum, name)

    def cells(self, name: str) -> frozenset[Cell]:
        codes = self.texts(name)
        if not codes:
            self.fail(f"{name!r} must list at least one cell")
        cells: set[Cell] = set()
        for code in codes:
            if code == ALL_LAY_CELLS:
                cells.update(c for c in available_cells() if c.code != "professionals/professionals")
            else:
                cells.add(_cell(self, code))
        return frozenset(cells)


def _enum(entry: _Entry, value: Any, enum: type[Enum], name: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        entry.fail(f"{name!r}: {value!r} is not one of {allowed}")


def _cell(entry: _Entry, code: str) -> Cell:
    try:
        cell = Cell.from_code(code)
    except ValueError:
        entry.fail(f"{code!r} is not a cell code of the form planning/delivery")
    if not cell.is_available:
        entry.fail(f"{code!r} is the N/A cell of Table 1")
    return cell


def _read(root: Path, name: str) -> dict:
    path = root / name
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise GuidanceError(name, "", f"file missing from {root.name}/") from None
    except tomllib.TOMLDecodeError as error:
        raise GuidanceError(name, "", f"not valid TOML ({error})") from None


def _table(file: str, data: dict, name: str) -> dict:
    table = data.get(name, {})
    if not isinstance(table, dict):
        raise GuidanceError(file, name, "expected a table")
    return table


def _topics(file: str, data: dict, name: str, enum: type[Enum]) -> dict:
    table = _table(file, data, name)
    topics = {}
    for key, value in table.items():
        entry = _Entry(file, f"{name}.{key}", value, {"title", "text", "source"}, {"quotes"})
        source, quotes = entry.cited("text")
        topics[_enum(entry, key, enum, "key")] = TopicGuidance(
            entry.text("title"), entry.text("text"), source, quotes)
    missing = [m.value for m in enum if m not in topics]
    if missing:
        raise GuidanceError(file, name, f"no explanation for {', '.join(missing)}")
    return topics


def _cells(data: dict) -> dict[Cell, CellGuidance]:
    file = "cells.toml"
    result = {}
    for code, value in _table(file, data, "cells").items():
        entry = _Entry(file, f"cells.{code}", value,
                       {"name", "description", "examples", "benefits", "limitations", "source"},
                       {"case_study", "quotes"})
        source, quotes = entry.cited("description")
        cell = _cell(entry, code)
        name = entry.text("name")
        if name != cell.name:
            entry.fail(f"name {name!r} is not the article's name {cell.name!r}")
        case = None
        if "case_study" in value:
            c = _Entry(file, f"cells.{code}.case_study", value["case_study"],
                       {"name", "summary", "source"}, {"example", "quotes"})
            case_source, case_quotes = c.cited("summary")
            case = CaseStudy(c.text("name"), c.text("summary"), case_source,
                             c.text("example", allow_empty=True), case_quotes)
        result[cell] = CellGuidance(
            cell, name, entry.text("description"), entry.statements("examples", source), case,
            entry.statements("benefits", source), entry.statements("limitations", source),
            source, quotes)
    missing = [c.code for c in available_cells() if c not in result]
    if missing:
        raise GuidanceError(file, "cells", f"no guidance for {', '.join(missing)}")
    return result


def _drivers(data: dict) -> dict[Driver, DriverGuidance]:
    file = "drivers.toml"
    result = {}
    for key, value in _table(file, data, "drivers").items():
        entry = _Entry(file, f"drivers.{key}", value, {"title", "text", "axis", "case_studies", "source"},
                       {"quotes"})
        source, quotes = entry.cited("text")
        axis = entry.text("axis")
        if axis not in ("planning", "delivery"):
            entry.fail("'axis' must be planning or delivery")
        driver = _enum(entry, key, Driver, "key")
        result[driver] = DriverGuidance(driver, entry.text("title"), entry.text("text"), axis,
                                        entry.texts("case_studies"), source, quotes)
    missing = [d.value for d in Driver if d not in result]
    if missing:
        raise GuidanceError(file, "drivers", f"no guidance for {', '.join(missing)}")
    return result


def _templates(file: str, data: dict) -> list[dict]:
    templates = data.get("templates", [])
    if not isinstance(templates, list):
        raise GuidanceError(file, "templates", "expected an array of tables ([[templates]])")
    return templates


def _entry_name(i: int, value: Any) -> str:
    key = value.get("key") if isinstance(value, dict) else None
    return f"templates[{i}]" + (f" ({key})" if isinstance(key, str) else "")


def _unique(file: str, items: list) -> None:
    seen = set()
    for item in items:
        if item.key in seen:
            raise GuidanceError(file, f"templates ({item.key})", "duplicate key")
        seen.add(item.key)


def _needs(entry: _Entry) -> frozenset[Category]:
    """The stakeholder categories a template needs the plan to have (any one of them)."""
    return frozenset(_enum(entry, c, Category, "needs") for c in entry.texts("needs"))


def _risk_templates(data: dict) -> list[RiskTemplate]:
    file = "risks.toml"
    result = []
    for i, value in enumerate(_templates(file, data)):
        e = _Entry(file, _entry_name(i, value), value, {
            "key", "title", "description", "category", "likelihood", "impact", "shares",
            "shares_reason", "cells", "source"}, {"needs", "quotes"})
        source, quotes = e.cited("description")
        s = _Entry(file, f"{e.entry}.shares", value["shares"], {"users", "community", "professionals"})
        numbers = [s.data[k] for k in ("users", "community", "professionals")]
        if any(isinstance(n, bool) or not isinstance(n, int) or n < 0 for n in numbers):
            s.fail("shares must be whole numbers of 0 or more")
        if sum(numbers) != 100:
            s.fail(f"shares add to {sum(numbers)}, not 100")
        result.append(RiskTemplate(
            e.text("key"), e.text("title"), e.text("description"),
            e.choice("category", RiskCategory), e.score("likelihood"), e.score("impact"),
            Shares(*numbers), e.text("shares_reason"), e.cells("cells"), source, _needs(e), quotes))
    _unique(file, result)
    return result


def _safeguard_templates(data: dict) -> list[SafeguardTemplate]:
    file = "safeguards.toml"
    result = []
    for i, value in enumerate(_templates(file, data)):
        e = _Entry(file, _entry_name(i, value), value, {
            "key", "title", "description", "kind", "case_study", "answers", "cells", "source"},
            {"needs", "quotes"})
        source, quotes = e.cited("description")
        answers = frozenset(_enum(e, a, RiskCategory, "answers") for a in e.texts("answers"))
        if not answers:
            e.fail("'answers' must list at least one risk category")
        result.append(SafeguardTemplate(
            e.text("key"), e.text("title"), e.text("description"),
            e.choice("kind", SafeguardKind), e.text("case_study", allow_empty=True), answers,
            e.cells("cells"), source, _needs(e), quotes))
    _unique(file, result)
    return result


def read_library(root: Path) -> GuidanceLibrary:
    """Read every guidance file under ``root``; raises GuidanceError naming file and entry."""
    cells, drivers, risks, safeguards, people = (_read(root, name) for name in FILES)
    return GuidanceLibrary(
        cells=_cells(cells),
        drivers=_drivers(drivers),
        risk_categories=_topics("risks.toml", risks, "categories", RiskCategory),
        risk_templates=_risk_templates(risks),
        safeguard_kinds=_topics("safeguards.toml", safeguards, "kinds", SafeguardKind),
        safeguard_templates=_safeguard_templates(safeguards),
        stakeholder_categories=_topics("stakeholders.toml", people, "categories", Category),
        sides=_topics("stakeholders.toml", people, "sides", Side),
    )


@lru_cache(maxsize=4)
def _cached(root: Path) -> GuidanceLibrary:
    return read_library(root)


def load_library(root: Path | str | None = None) -> GuidanceLibrary:
    """The guidance library, read once and cached.

    Args:
        root: a folder holding the guidance TOML files; the app's own ``resources/guidance``
            when None (tests pass a temporary folder).

    Raises:
        GuidanceError: a file is missing or broken; the message names the file and entry.
    """
    return _cached(Path(root) if root is not None else resource_path("guidance"))
