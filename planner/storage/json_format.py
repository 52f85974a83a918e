"""The documented JSON interchange format (docs/plan-format.md): a lossless plan <-> dict."""

from __future__ import annotations

import json
import math
from datetime import date
from enum import Enum
from typing import Any

from planner.core.matrix import Cell
from planner.core.model import (
    SCALE, Category, Contribution, ContributionKind, DeliveryRole, Driver, Motive, Plan,
    PlanningRole, Risk, RiskCategory, Safeguard, SafeguardKind, Shares, Side, Stage,
    Stakeholder, Stance,
)
from planner.storage.errors import FormatError

FORMAT = "coproduction-plan"
FORMAT_VERSION = 1
MAX_TEXT = 200_000  # characters in any one text field; far beyond any real note


# ---------------------------------------------------------------- writing


def _cell(cell: Cell | None) -> dict | None:
    return None if cell is None else {"planning": cell.planning.value, "delivery": cell.delivery.value}


def plan_to_document(plan: Plan) -> dict[str, Any]:
    """The plan as a JSON-ready dict in the documented shape."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "plan": {
            "title": plan.title, "organisation": plan.organisation,
            "service_area": plan.service_area, "officer": plan.officer, "summary": plan.summary,
            "drivers": [d.value for d in plan.drivers], "stages": [s.value for s in plan.stages],
            "current_cell": _cell(plan.current_cell), "target_cell": _cell(plan.target_cell),
            "created": plan.created, "modified": plan.modified,
        },
        "stakeholders": [
            {
                "key": s.key, "name": s.name, "organisation": s.organisation,
                "category": s.category.value,
                "side": s.side_override.value if s.side_override else None,
                "planning_role": s.planning_role.value, "delivery_role": s.delivery_role.value,
                "influence": s.influence, "interest": s.interest, "stance": s.stance.value,
                "motive": s.motive.value if s.motive else None, "personal": s.personal,
                "contact": s.contact, "notes": s.notes,
                "contributions": [
                    {"kind": c.kind.value, "amount": c.amount, "unit": c.unit, "note": c.note}
                    for c in s.contributions
                ],
            }
            for s in plan.stakeholders
        ],
        "risks": [
            {
                "key": r.key, "title": r.title, "description": r.description,
                "category": r.category.value, "likelihood": r.likelihood, "impact": r.impact,
                "shares": r.shares.as_dict(), "owner": r.owner,
                "trust": {"users": r.trust_users, "community": r.trust_community,
                          "professionals": r.trust_professionals},
                "accepted_residual": r.accepted_residual,
                "residual_rationale": r.residual_rationale, "suggested": r.suggested,
            }
            for r in plan.risks
        ],
        "safeguards": [
            {
                "key": g.key, "title": g.title, "description": g.description,
                "kind": g.kind.value, "owner": g.owner, "mitigates": list(g.mitigates),
                "review_date": g.review_date, "suggested": g.suggested,
            }
            for g in plan.safeguards
        ],
    }


def dumps(plan: Plan) -> str:
    """The plan as JSON text (UTF-8, readable, stable key order)."""
    return json.dumps(plan_to_document(plan), ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- reading


class _Reader:
    """Reads one JSON object, refusing unknown fields and naming the place of every problem."""

    def __init__(self, data: Any, where: str, allowed: set[str]):
        if not isinstance(data, dict):
            raise FormatError(where, f"expected an object, found {_kind(data)}")
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise FormatError(_join(where, unknown[0]), "unknown field (nothing is silently dropped)")
        self.data = data
        self.where = where

    def at(self, name: str) -> str:
        return _join(self.where, name)

    def raw(self, name: str, default: Any = None, required: bool = False) -> Any:
        if name not in self.data or self.data[name] is None:
            if required:
                raise FormatError(self.at(name), "is required")
            return default
        return self.data[name]

    def text(self, name: str, required: bool = False) -> str:
        value = self.raw(name, "", required)
        if not isinstance(value, str):
            raise FormatError(self.at(name), f"expected text, found {_kind(value)}")
        if required and not value.strip():
            raise FormatError(self.at(name), "must not be empty")
        if len(value) > MAX_TEXT:
            raise FormatError(self.at(name), f"is longer than {MAX_TEXT:,} characters")
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as error:  # JSON's "\ud800" escape: not text, cannot be stored
                raise FormatError(self.at(name), f"has an invalid character (a lone surrogate) at position {error.start + 1}") from None
        return value

    def optional_text(self, name: str) -> str | None:
        return self.text(name) if self.raw(name) is not None else None

    def flag(self, name: str) -> bool:
        value = self.raw(name, False)
        if not isinstance(value, bool):
            raise FormatError(self.at(name), f"expected true or false, found {_kind(value)}")
        return value

    def scale(self, name: str, default: int) -> int:
        return self.integer(name, default, SCALE.start, SCALE.stop - 1)

    def integer(self, name: str, default: int, low: int, high: int) -> int:
        value = self.raw(name, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise FormatError(self.at(name), f"expected a whole number, found {_kind(value)}")
        if not low <= value <= high:
            raise FormatError(self.at(name), f"{value} is out of range {low}-{high}")
        return value

    def choice(self, name: str, enum: type[Enum], default: Enum | None = None) -> Any:
        value = self.raw(name)
        if value is None:
            return default
        return _enum(enum, value, self.at(name))

    def choices(self, name: str, enum: type[Enum]) -> list:
        values = self.raw(name, [])
        if not isinstance(values, list):
            raise FormatError(self.at(name), f"expected a list, found {_kind(values)}")
        result = [_enum(enum, v, f"{self.at(name)}[{i}]") for i, v in enumerate(values)]
        if len(set(result)) != len(result):
            raise FormatError(self.at(name), "lists a value twice")
        return result

    def items(self, name: str) -> list:
        values = self.raw(name, [])
        if not isinstance(values, list):
            raise FormatError(self.at(name), f"expected a list, found {_kind(values)}")
        return values


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "true/false", int: "a number", float: "a number", str: "text",
            list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


def _enum(enum: type[Enum], value: Any, where: str) -> Any:
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise FormatError(where, f"{value!r} is not one of: {allowed}") from None


def _read_cell(reader: _Reader, name: str) -> Cell | None:
    data = reader.raw(name)
    if data is None:
        return None
    cell_reader = _Reader(data, reader.at(name), {"planning", "delivery"})
    try:
        cell = Cell.of(cell_reader.raw("planning", required=True), cell_reader.raw("delivery", required=True))
    except (ValueError, TypeError):
        raise FormatError(reader.at(name), "planning and delivery must each be professionals, co or community") from None
    if not cell.is_available:
        raise FormatError(reader.at(name), "community planning with professional delivery is the N/A cell of Table 1 and cannot be chosen")
    return cell


def _read_amount(reader: _Reader) -> float | None:
    value = reader.raw("amount")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise FormatError(reader.at("amount"), "expected a number of zero or more")
    return value


def _read_date(reader: _Reader, name: str) -> str | None:
    value = reader.optional_text(name)
    if value is None:
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        raise FormatError(reader.at(name), f"{value!r} is not a date of the form YYYY-MM-DD") from None
    if len(value) != 10:
        raise FormatError(reader.at(name), f"{value!r} is not a date of the form YYYY-MM-DD")
    return value


STAKEHOLDER_FIELDS = {
    "key", "name", "organisation", "category", "side", "planning_role", "delivery_role",
    "influence", "interest", "stance", "contributions", "motive", "personal", "contact", "notes",
}


def read_stakeholder(data: Any, where: str) -> Stakeholder:
    """One stakeholder object from JSON (also used for CSV rows)."""
    r = _Reader(data, where, STAKEHOLDER_FIELDS)
    contributions = []
    for i, item in enumerate(r.items("contributions")):
        c = _Reader(item, f"{r.at('contributions')}[{i}]", {"kind", "amount", "unit", "note"})
        contributions.append(Contribution(
            c.choice("kind", ContributionKind, ContributionKind.OTHER), _read_amount(c),
            c.text("unit"), c.text("note")))
    return Stakeholder(
        key=r.text("key", required=True), name=r.text("name", required=True),
        organisation=r.text("organisation"),
        category=r.choice("category", Category, Category.SERVICE_USER),
        side_override=r.choice("side", Side),
        planning_role=r.choice("planning_role", PlanningRole, PlanningRole.NONE),
        delivery_role=r.choice("delivery_role", DeliveryRole, DeliveryRole.NONE),
        influence=r.scale("influence", 3), interest=r.scale("interest", 3),
        stance=r.choice("stance", Stance, Stance.NEUTRAL), contributions=contributions,
        motive=r.choice("motive", Motive), personal=r.flag("personal"),
        contact=r.text("contact"), notes=r.text("notes"),
    )


def _read_risk(data: Any, where: str) -> Risk:
    r = _Reader(data, where, {
        "key", "title", "description", "category", "likelihood", "impact", "shares", "owner",
        "trust", "accepted_residual", "residual_rationale", "suggested"})
    shares = _Reader(r.raw("shares", {}), r.at("shares"), {"users", "community", "professionals"})
    trust = _Reader(r.raw("trust", {}), r.at("trust"), {"users", "community", "professionals"})
    has_shares = bool(shares.data)
    return Risk(
        key=r.text("key", required=True), title=r.text("title", required=True),
        description=r.text("description"),
        category=r.choice("category", RiskCategory, RiskCategory.OTHER),
        likelihood=r.scale("likelihood", 3), impact=r.scale("impact", 3),
        shares=Shares(
            shares.integer("users", 0, 0, 100), shares.integer("community", 0, 0, 100),
            shares.integer("professionals", 0 if has_shares else 100, 0, 100)),
        owner=r.optional_text("owner"),
        trust_users=trust.text("users"), trust_community=trust.text("community"),
        trust_professionals=trust.text("professionals"),
        accepted_residual=r.flag("accepted_residual"),
        residual_rationale=r.text("residual_rationale"), suggested=r.flag("suggested"),
    )


def _read_safeguard(data: Any, where: str) -> Safeguard:
    r = _Reader(data, where, {
        "key", "title", "description", "kind", "owner", "mitigates", "review_date", "suggested"})
    mitigates = r.items("mitigates")
    for i, key in enumerate(mitigates):
        if not isinstance(key, str):
            raise FormatError(f"{r.at('mitigates')}[{i}]", f"expected a risk key, found {_kind(key)}")
    if len(set(mitigates)) != len(mitigates):
        raise FormatError(r.at("mitigates"), "lists a risk twice")
    return Safeguard(
        key=r.text("key", required=True), title=r.text("title", required=True),
        description=r.text("description"),
        kind=r.choice("kind", SafeguardKind, SafeguardKind.OTHER), owner=r.optional_text("owner"),
        mitigates=list(mitigates), review_date=_read_date(r, "review_date"),
        suggested=r.flag("suggested"),
    )


def _unique(items: list, where: str) -> set[str]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.key in seen:
            raise FormatError(f"{where}[{i}].key", f"duplicate key \"{item.key}\"")
        seen.add(item.key)
    return seen


def plan_from_document(doc: Any) -> Plan:
    """Build a plan from a parsed JSON document, or raise FormatError naming the place."""
    top = _Reader(doc, "", {"format", "format_version", "plan", "stakeholders", "risks", "safeguards"})
    if top.raw("format") != FORMAT:
        raise FormatError("format", f"expected \"{FORMAT}\"; this is not a coproduction plan document")
    version = top.raw("format_version", required=True)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise FormatError("format_version", "expected a whole number of 1 or more")
    if version > FORMAT_VERSION:
        raise FormatError("format_version", f"{version} is newer than this app reads ({FORMAT_VERSION}); update Coproduction Planner")
    p = _Reader(top.raw("plan", required=True), "plan", {
        "title", "organisation", "service_area", "officer", "summary", "drivers", "stages",
        "current_cell", "target_cell", "created", "modified"})
    plan = Plan(
        title=p.text("title", required=True), organisation=p.text("organisation"),
        service_area=p.text("service_area"), officer=p.text("officer"), summary=p.text("summary"),
        drivers=p.choices("drivers", Driver), stages=p.choices("stages", Stage),
        current_cell=_read_cell(p, "current_cell"), target_cell=_read_cell(p, "target_cell"),
        created=p.text("created"), modified=p.text("modified"),
        stakeholders=[read_stakeholder(d, f"stakeholders[{i}]") for i, d in enumerate(top.items("stakeholders"))],
        risks=[_read_risk(d, f"risks[{i}]") for i, d in enumerate(top.items("risks"))],
        safeguards=[_read_safeguard(d, f"safeguards[{i}]") for i, d in enumerate(top.items("safeguards"))],
    )
    people = _unique(plan.stakeholders, "stakeholders")
    risk_keys = _unique(plan.risks, "risks")
    _unique(plan.safeguards, "safeguards")
    for i, risk in enumerate(plan.risks):
        if risk.owner is not None and risk.owner not in people:
            raise FormatError(f"risks[{i}].owner", f"no stakeholder \"{risk.owner}\"")
    for i, guard in enumerate(plan.safeguards):
        if guard.owner is not None and guard.owner not in people:
            raise FormatError(f"safeguards[{i}].owner", f"no stakeholder \"{guard.owner}\"")
        for j, key in enumerate(guard.mitigates):
            if key not in risk_keys:
                raise FormatError(f"safeguards[{i}].mitigates[{j}]", f"no risk \"{key}\"")
    return plan


def loads(text: str) -> Plan:
    """Parse JSON text into a plan, or raise FormatError."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(f"line {error.lineno} column {error.colno}", f"not valid JSON ({error.msg})") from None
    except RecursionError:
        raise FormatError("", "the JSON is nested too deeply to be a plan") from None
    return plan_from_document(doc)
