"""A plan's JSON as an older version's code wrote it, to compare a migrated plan with its fixture.

Each migration test opens a file made by an older version and compares what it reads with the
JSON that version exported. The fields later versions declared (``since`` in the core model) are
taken out here from the declaration, at every level, so a field added tomorrow needs no change
to any older version's test; each must hold its default, since a migration adds it empty.
"""

from __future__ import annotations

from typing import Any

from planner.core.fields import Children, Nested, specs
from planner.core.model import Plan
from planner.storage.json_format import plan_to_document


def _drop_later(item: dict, entity: type, version: int) -> None:
    for s in specs(entity):
        if not s.json or s.json not in item:
            continue
        if s.since > version:
            value = item.pop(s.json)
            assert value == s.kind.to_plain(s.default), f"{entity.__name__}.{s.name} is {value!r}"
        elif isinstance(s.kind, Children):
            for child in item[s.json]:
                _drop_later(child, s.kind.entity, version)
        elif isinstance(s.kind, Nested) and isinstance(item[s.json], dict):
            _drop_later(item[s.json], s.kind.entity, version)


def as_of(plan: Plan, version: int) -> dict[str, Any]:
    """The plan's JSON document with only what schema version ``version`` declared."""
    doc = plan_to_document(plan)
    for s in specs(Plan):
        if not isinstance(s.kind, Children):
            continue  # the plan's own fields are walked below; a register is a list at the top
        if s.since > version:
            assert doc.pop(s.name) == [], f"Plan.{s.name} is not empty"
        else:
            for item in doc[s.name]:
                _drop_later(item, s.kind.entity, version)
    _drop_later(doc["plan"], Plan, version)
    doc["format_version"] = version
    return doc
