"""Hypothesis strategies that build plans from the core model's declarations, field by field name.

Nothing here lists a field: a field added to the declaration is drawn here too, so a format that
forgets it fails the round-trip tests.
"""

from __future__ import annotations

from hypothesis import strategies as st

from planner.core.compound_kinds import CellValue, ChoiceList, Links, TextList, YesNoMap
from planner.core.fields import Children, Nested, specs
from planner.core.kinds import Amount, Choice, Date, Flag, Key, OptionalText, Ref, Text, Whole
from planner.core.matrix import available_cells
from planner.core.model import Action, Engagement, Plan, Risk, Safeguard, Stakeholder, Version
from planner.core.record import Document
from planner.storage.json_format import snapshot_document

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
title = text.filter(lambda t: t.strip())
dates = st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)


def value(kind, refs: dict[str, list[str]], text=text):
    """A strategy for any valid value of one declared kind; ``refs`` holds the keys to point at."""
    title = text.filter(lambda t: t.strip())
    if isinstance(kind, Ref):
        keys = refs.get(kind.table, [])
        return st.none() | st.sampled_from(keys) if keys else st.none()
    if isinstance(kind, OptionalText):
        return st.none() | text
    if isinstance(kind, Text):
        return title if kind.required else text
    if isinstance(kind, Flag):
        return st.booleans()
    if isinstance(kind, Whole):
        whole = st.integers(kind.low, kind.high)
        return st.none() | whole if kind.nullable else whole
    if isinstance(kind, Amount):
        return st.none() | st.integers(0, 10**9) | st.floats(0, 1e9, allow_nan=False)
    if isinstance(kind, Choice):
        choice = st.sampled_from(kind.enum)
        return st.none() | choice if kind.nullable else choice
    if isinstance(kind, Date):
        return st.none() | dates
    if isinstance(kind, TextList):
        return st.lists(text, max_size=3)
    if isinstance(kind, YesNoMap):
        return st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), st.booleans(), max_size=4)
    if isinstance(kind, ChoiceList):
        return st.lists(st.sampled_from(kind.enum), unique=True)
    if isinstance(kind, CellValue):
        return st.none() | st.sampled_from(available_cells())
    if isinstance(kind, Nested):
        return entity(kind.entity, refs, text=text)
    if isinstance(kind, Links):
        keys = refs.get(kind.target + "s", [])
        return st.lists(st.sampled_from(keys), unique=True, max_size=3) if keys else st.just([])
    if isinstance(kind, Children):
        return st.lists(entity(kind.entity, refs, text=text), max_size=2)
    if isinstance(kind, Document):  # a snapshot: a plan document of its own
        return st.builds(lambda t, s: snapshot_document(Plan(title=t, summary=s)), title, text)
    raise AssertionError(f"no strategy for {type(kind).__name__}: add one so the new kind is tested")


def entity(cls: type, refs: dict[str, list[str]], key: str | None = None, skip: set[str] = frozenset(),
           text=text):
    """Any valid ``cls``, every declared field drawn by name (``skip`` names fields left default)."""
    fields = {}
    for s in specs(cls):
        if s.name in skip:
            continue
        if isinstance(s.kind, Key):
            fields[s.name] = st.just(key)
        else:
            fields[s.name] = value(s.kind, refs, text)
    return st.fixed_dictionaries(fields).map(lambda values: cls(**values))


@st.composite
def plans(draw):
    """Any valid plan: keys unique, references pointing at things that exist."""
    refs: dict[str, list[str]] = {}
    people = [draw(entity(Stakeholder, refs, f"s{i}")) for i in range(draw(st.integers(0, 4)))]
    refs["stakeholders"] = [p.key for p in people]
    risks = [draw(entity(Risk, refs, f"r{i}")) for i in range(draw(st.integers(0, 3)))]
    refs["risks"] = [r.key for r in risks]
    guards = [draw(entity(Safeguard, refs, f"g{i}")) for i in range(draw(st.integers(0, 3)))]
    refs["safeguards"] = [g.key for g in guards]
    entries = [draw(entity(Engagement, refs, f"e{i}")) for i in range(draw(st.integers(0, 2)))]
    refs["engagements"] = [e.key for e in entries]
    actions = [draw(entity(Action, refs, f"a{i}")) for i in range(draw(st.integers(0, 2)))]
    versions = [draw(entity(Version, refs, f"v{i}")) for i in range(draw(st.integers(0, 2)))]
    for i, version in enumerate(versions):
        version.label = f"{version.label} ({i})"  # labels are unique within a plan
    plan = draw(entity(Plan, refs, skip={"stakeholders", "risks", "safeguards", "engagements", "actions",
                                         "versions", "created", "modified"}))
    plan.created, plan.modified = "2026-11-28T10:00:00+00:00", "2026-11-28T11:00:00+00:00"
    plan.stakeholders, plan.risks, plan.safeguards = people, risks, guards
    plan.engagements, plan.actions, plan.versions = entries, actions, versions
    return plan
