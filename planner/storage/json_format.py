"""The documented JSON interchange format (docs/plan-format.md): a lossless plan <-> dict.

The shape of each object comes from the fields declared in the core model; this module adds the
document's envelope and the checks that span objects (unique keys, owners and risks that exist).
"""

from __future__ import annotations

import json
from typing import Any

from planner.core.fields import from_plain, to_plain
from planner.core.kinds import MAX_TEXT, Problem, kind_of  # noqa: F401 (MAX_TEXT: part of the format)
from planner.core.model import Action, Engagement, Plan, Risk, Safeguard, Stakeholder, Version
from planner.storage.errors import FormatError

FORMAT = "coproduction-plan"
# Version 2 added the data-protection fields and plan.decisions; version 3 the partnership's
# record (engagements, actions, versions). Documents of versions 1 and 2 still read.
FORMAT_VERSION = 5
LISTS = (("stakeholders", Stakeholder), ("risks", Risk), ("safeguards", Safeguard),
         ("engagements", Engagement), ("actions", Action), ("versions", Version))


def plan_to_document(plan: Plan) -> dict[str, Any]:
    """The plan as a JSON-ready dict in the documented shape."""
    document: dict[str, Any] = {"format": FORMAT, "format_version": FORMAT_VERSION, "plan": to_plain(plan)}
    for name, _entity in LISTS:
        document[name] = [to_plain(item) for item in getattr(plan, name)]
    return document


def snapshot_document(plan: Plan) -> dict[str, Any]:
    """The document an agreed version keeps: the whole plan, without the versions themselves."""
    document = plan_to_document(plan)
    del document["versions"]
    return document


def dumps(plan: Plan) -> str:
    """The plan as JSON text (UTF-8, readable, stable key order)."""
    return json.dumps(plan_to_document(plan), ensure_ascii=False, indent=2) + "\n"


def read_entity(entity: type, data: Any, where: str) -> Any:
    """One declared object from JSON (also used for CSV rows), or FormatError naming the place."""
    try:
        return from_plain(entity, data)
    except Problem as problem:
        inner = problem.inside(where)
        raise FormatError(inner.where, inner.problem) from None


def read_stakeholder(data: Any, where: str) -> Stakeholder:
    """One stakeholder object from JSON (also used for CSV rows)."""
    return read_entity(Stakeholder, data, where)


def _unique(items: list, where: str) -> set[str]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.key in seen:
            raise FormatError(f"{where}[{i}].key", f"duplicate key \"{item.key}\"")
        seen.add(item.key)
    return seen


def _list(document: dict, name: str) -> list:
    values = document.get(name)
    if values is None:
        return []
    if not isinstance(values, list):
        raise FormatError(name, f"expected a list, found {kind_of(values)}")
    return values


def plan_from_document(doc: Any) -> Plan:
    """Build a plan from a parsed JSON document, or raise FormatError naming the place."""
    if not isinstance(doc, dict):
        raise FormatError("", f"expected an object, found {kind_of(doc)}")
    unknown = sorted(set(doc) - {"format", "format_version", "plan", *(name for name, _ in LISTS)})
    if unknown:
        raise FormatError(unknown[0], "unknown field (nothing is silently dropped)")
    if doc.get("format") != FORMAT:
        raise FormatError("format", f"expected \"{FORMAT}\"; this is not a coproduction plan document")
    version = doc.get("format_version")
    if version is None:
        raise FormatError("format_version", "is required")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise FormatError("format_version", "expected a whole number of 1 or more")
    if version > FORMAT_VERSION:
        raise FormatError("format_version", f"{version} is newer than this app reads ({FORMAT_VERSION}); update Coproduction Planner")
    if doc.get("plan") is None:
        raise FormatError("plan", "is required")
    plan = read_entity(Plan, doc["plan"], "plan")
    for name, entity in LISTS:
        setattr(plan, name, [read_entity(entity, d, f"{name}[{i}]") for i, d in enumerate(_list(doc, name))])
    people = _unique(plan.stakeholders, "stakeholders")
    risk_keys = _unique(plan.risks, "risks")
    guard_keys = _unique(plan.safeguards, "safeguards")
    for i, risk in enumerate(plan.risks):
        if risk.owner is not None and risk.owner not in people:
            raise FormatError(f"risks[{i}].owner", f"no stakeholder \"{risk.owner}\"")
    for i, guard in enumerate(plan.safeguards):
        if guard.owner is not None and guard.owner not in people:
            raise FormatError(f"safeguards[{i}].owner", f"no stakeholder \"{guard.owner}\"")
        for j, key in enumerate(guard.mitigates):
            if key not in risk_keys:
                raise FormatError(f"safeguards[{i}].mitigates[{j}]", f"no risk \"{key}\"")
    _check_record(doc, plan, people, risk_keys, guard_keys)
    return plan


def _check_record(doc: dict, plan: Plan, people: set[str], risk_keys: set[str], guard_keys: set[str]) -> None:
    """The engagement log, actions and versions name only things the plan holds."""
    entries = _unique(plan.engagements, "engagements")
    _unique(plan.actions, "actions")
    _unique(plan.versions, "versions")
    for i, entry in enumerate(plan.engagements):
        for field, known, noun in (("participants", people, "stakeholder"), ("risks", risk_keys, "risk"),
                                   ("safeguards", guard_keys, "safeguard")):
            for j, key in enumerate(getattr(entry, field)):
                if key not in known:
                    raise FormatError(f"engagements[{i}].{field}[{j}]", f"no {noun} \"{key}\"")
    for i, action in enumerate(plan.actions):
        for field, known, noun in (("owner", people, "stakeholder"), ("risk", risk_keys, "risk"),
                                   ("safeguard", guard_keys, "safeguard"), ("engagement", entries, "engagement")):
            key = getattr(action, field)
            if key is not None and key not in known:
                raise FormatError(f"actions[{i}].{field}", f"no {noun} \"{key}\"")
    labels: set[str] = set()
    for i, version in enumerate(plan.versions):
        if version.label in labels:
            raise FormatError(f"versions[{i}].label", f"a second version labelled \"{version.label}\"")
        labels.add(version.label)
        if "versions" in version.snapshot:
            raise FormatError(f"versions[{i}].snapshot.versions", "a snapshot does not hold versions")
        try:
            plan_from_document(version.snapshot)
        except FormatError as error:
            where = f"versions[{i}].snapshot" + (f".{error.where}" if error.where else "")
            raise FormatError(where, error.problem) from None


class _Repeated(ValueError):
    def __init__(self, key: str, where: str):
        super().__init__(key)
        self.key, self.where = key, where


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict:
    """A JSON object as a dict, refusing a field given twice (json would silently keep the last)."""
    result: dict = {}
    for key, value in pairs:
        if key in result:
            # Name the object by a field that identifies it, when it has one.
            label = next((f'the object with "{k}": {json.dumps(v)[:40]}' for k, v in pairs
                          if k in ("key", "title", "name") and isinstance(v, str)), "")
            raise _Repeated(key, label)
        result[key] = value
    return result


def loads(text: str) -> Plan:
    """Parse JSON text into a plan, or raise FormatError."""
    try:
        doc = json.loads(text, object_pairs_hook=_no_repeats)
    except _Repeated as error:
        raise FormatError(error.where, f"the field \"{error.key}\" appears twice; keep one of them") from None
    except json.JSONDecodeError as error:
        raise FormatError(f"line {error.lineno} column {error.colno}", f"not valid JSON ({error.msg})") from None
    except RecursionError:
        raise FormatError("", "the JSON is nested too deeply to be a plan") from None
    except ValueError as error:  # e.g. an integer of more than 4,300 digits
        raise FormatError("", f"not valid JSON for a plan ({error})") from None
    return plan_from_document(doc)
