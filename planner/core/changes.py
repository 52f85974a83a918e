"""What changed between two states of a plan, in the words an officer would use.

``compare(old, new)`` lists the plan fields changed and, for each register (stakeholders, risks,
safeguards, and any other list of keyed items the plan holds, such as actions and the
engagement log), what was added, removed and changed, with old and new values:
"Risk R2 “Coordinators burn out”: likelihood 3 → 4; community's share 60 % → 50 %".
It reads the dataclass fields generically, so a field added to the model is compared too.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import Enum

from planner.core.compound_kinds import Links
from planner.core.fields import spec
from planner.core.kinds import Ref
from planner.core.matrix import Cell
from planner.core.model import Plan, label

# Registers in the order a reader meets them, with how one item is named.
REGISTERS = (
    ("stakeholders", "Stakeholder", "name"),
    ("risks", "Risk", "title"),
    ("safeguards", "Safeguard", "title"),
    ("actions", "Action", "title"),
    ("engagements", "Engagement", "title"),
)
# Bookkeeping, not content: when something was saved says nothing about what changed.
_IGNORED = {"created", "modified", "position", "suggested", "versions", "snapshot"}
_PERCENT_FIELDS = {"users", "community", "professionals"}


@dataclass(frozen=True)
class Difference:
    """One line of "what changed": an item added, removed or changed, or a plan field changed."""

    kind: str  # "added" | "removed" | "changed"
    what: str  # e.g. 'Risk R2 “Coordinators burn out”' or 'Plan'
    details: tuple[str, ...] = field(default_factory=tuple)  # "likelihood 3 → 4", ...
    register: str = "plan"
    key: str | None = None

    @property
    def text(self) -> str:
        """The sentence an officer reads."""
        if self.kind == "added":
            return f"Added {self.what}"
        if self.kind == "removed":
            return f"Removed {self.what}"
        return f"{self.what}: " + "; ".join(self.details)


def _field_label(entity: type, name: str) -> str:
    """The field's declared label as it reads inside a sentence: "Likelihood" -> "likelihood"."""
    try:
        text = spec(entity, name).label
    except KeyError:
        return name.replace("_", " ")
    # "DPIA reference" keeps its capitals; "Review date" reads "review date".
    return text if len(text) > 1 and text[1].isupper() else text[:1].lower() + text[1:]


def _show(value, name: str = "", kind=None, names: dict[str, str] | None = None) -> str:
    """A value as an officer reads it; stakeholders named, other items by their key (R2, G1)."""
    if value == "" and isinstance(value, str):
        return "blank"  # text nobody has written yet
    if value is None or value == [] or value == {}:
        return "none"
    if isinstance(value, Enum):
        return label(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)) and name in _PERCENT_FIELDS:
        return f"{value} %"
    people = names or {}
    if isinstance(kind, Ref) and kind.table == "stakeholders" or (
            isinstance(kind, Links) and kind.target == "stakeholder"):
        keys = value if isinstance(value, list) else [value]
        return ", ".join(f"\u201c{people.get(k, k)}\u201d" for k in keys)
    if isinstance(kind, Ref):
        return str(value).upper()
    if isinstance(value, list):  # choices, or keys of other items (R2, G1)
        return ", ".join(str(v).upper() if isinstance(v, str) and not isinstance(v, Enum)
                         else _show(v) for v in value)
    if isinstance(value, Cell):
        return f"\u201c{value.name}\u201d"
    if dataclasses.is_dataclass(value):
        return str(value)
    text = " ".join(str(value).split())
    return f"\u201c{text[:80]}\u2026\u201d" if len(text) > 80 else (
        f"\u201c{text}\u201d" if isinstance(value, str) and not _is_code(text) else text)


def _is_code(text: str) -> bool:
    """Dates read better without quotes."""
    return len(text) == 10 and text[4] == "-" and text[7] == "-"


def _kind(entity: type, name: str):
    try:
        return spec(entity, name).kind
    except KeyError:
        return None


def _field_changes(old, new, names: dict[str, str], hide: bool = False) -> list[str]:
    """"likelihood 3 → 4" for each field that differs (nested objects field by field).

    With ``hide``, a field declared personal says only that it changed, never its values.
    """
    lines = []
    entity = type(new)
    for item in dataclasses.fields(new):
        name = item.name
        if name in _IGNORED or name == "key":
            continue
        before, after = getattr(old, name, None), getattr(new, name, None)
        if before == after:
            continue
        words = _field_label(entity, name)
        if hide and item.metadata.get("personal"):
            lines.append(f"{words} changed")
        elif dataclasses.is_dataclass(after) and dataclasses.is_dataclass(before) and not isinstance(after, type):
            lines += _field_changes(before, after, names, hide)
        elif isinstance(after, list) and after and dataclasses.is_dataclass(after[0]) or (
                isinstance(before, list) and before and dataclasses.is_dataclass(before[0])):
            lines.append(f"{words} changed ({len(before or [])} \u2192 {len(after or [])})")
        else:
            kind = _kind(entity, name)
            lines.append(f"{words} {_show(before, name, kind, names)} \u2192 {_show(after, name, kind, names)}")
    return lines


def _name(item, noun: str, title_field: str) -> str:
    """'Risk R2 “Coordinators burn out”': the key, stable across versions, and the title."""
    title = " ".join(str(getattr(item, title_field, "") or "").split())
    ref = f"{noun} {str(item.key).upper()}"
    return f"{ref} \u201c{title}\u201d" if title else ref


def compare(old: Plan, new: Plan, hide_personal: bool = False) -> list[Difference]:
    """Everything that differs between ``old`` and ``new``, plan fields first, then registers.

    Args:
        hide_personal: say only that a private individual's personal field changed, without
            its old and new values (what an output for circulation prints).
    """
    result: list[Difference] = []
    plan_lines = []
    registers = {name for name, *_ in REGISTERS}
    names = {s.key: s.name for s in [*old.stakeholders, *new.stakeholders]}
    for item in dataclasses.fields(new):
        if item.name in registers or item.name in _IGNORED:
            continue
        before, after = getattr(old, item.name, None), getattr(new, item.name, None)
        if before != after:
            plan_lines.append(f"{_field_label(Plan, item.name)} {_show(before, item.name)} \u2192 {_show(after, item.name)}")
    if plan_lines:
        result.append(Difference("changed", "Plan", tuple(plan_lines)))
    for register, noun, title_field in REGISTERS:
        before = list(getattr(old, register, None) or [])
        after = list(getattr(new, register, None) or [])
        old_by_key = {x.key: x for x in before}
        new_by_key = {x.key: x for x in after}
        for key, item in new_by_key.items():
            what = _name(item, noun, title_field)
            if key not in old_by_key:
                result.append(Difference("added", what, (), register, key))
                continue
            hide = hide_personal and (getattr(item, "personal", False) or getattr(old_by_key[key], "personal", False))
            lines = _field_changes(old_by_key[key], item, names, hide)
            if lines:
                result.append(Difference("changed", what, tuple(lines), register, key))
        for key, item in old_by_key.items():
            if key not in new_by_key:
                result.append(Difference("removed", _name(item, noun, title_field),
                                         (), register, key))
    return result


def changes_for_circulation(old: Plan, new: Plan, include_personal: bool) -> list[str]:
    """What changed as an output may print it.

    Without personal data, a private individual's personal fields say only that they changed,
    and every private individual's name or contact (of now, or of the old plan for someone since
    removed) reads as the role label the rest of the output uses.
    """
    from planner.core.redaction import Scrubber  # redaction imports the checks, which import the model

    lines = [d.text for d in compare(old, new, hide_personal=not include_personal)]
    if include_personal:
        return lines
    gone = [s for s in old.stakeholders if new.stakeholder(s.key) is None]
    both = dataclasses.replace(new, stakeholders=[*new.stakeholders, *gone])
    scrub = Scrubber(both)
    return [scrub(line) for line in lines]
