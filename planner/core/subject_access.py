"""Everything a plan holds about one person: the answer to a subject access request."""

from __future__ import annotations

import dataclasses
from enum import Enum

from planner.core.model import Plan, Stakeholder
from planner.core.redaction import Scrubber, normal


def _label(name: str) -> str:
    text = name.replace("_", " ")
    return text[:1].upper() + text[1:]


def _value(value):
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value):
        return _fields(value)
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def _fields(obj) -> list[dict]:
    """Each stored field with a label a person can read, in the order the model declares them."""
    return [{"field": f.name, "label": _label(f.name), "value": _value(getattr(obj, f.name))}
            for f in dataclasses.fields(obj)]


def _mentions(plan: Plan, person: Stakeholder) -> list[dict]:
    """Where the person's name or contact is typed into other text, with everyone else hidden."""
    finder = Scrubber(plan, only={person.key})
    others = Scrubber(plan, only={s.key for s in plan.stakeholders
                                  if s.personal and s.key != person.key})
    places: list[tuple[str, str]] = [(f"Plan: {_label(f)}", getattr(plan, f))
                                     for f in ("title", "summary", "organisation", "service_area")]
    for other in plan.stakeholders:
        if other.key != person.key:
            places.append((f"Stakeholder {other.key}: notes", other.notes))
            places += [(f"Stakeholder {other.key}: contribution note", c.note)
                       for c in other.contributions]
    for risk in plan.risks:
        places += [(f"Risk {risk.key}: {_label(f)}", getattr(risk, f))
                   for f in ("title", "description", "trust_users", "trust_community",
                             "trust_professionals", "residual_rationale")]
    for safeguard in plan.safeguards:
        places += [(f"Safeguard {safeguard.key}: {_label(f)}", getattr(safeguard, f))
                   for f in ("title", "description")]
    for entry in plan.engagements:
        places += [(f"Engagement log {entry.key}: {_label(f)}", getattr(entry, f))
                   for f in ("title", "raised", "response", "reason")]
    for action in plan.actions:
        places += [(f"Action {action.key}: {_label(f)}", getattr(action, f)) for f in ("title", "reason")]
    return [{"where": where, "text": others(normal(text))}
            for where, text in places if text and finder(text) != normal(text)]


def subject_access(plan: Plan, key: str) -> dict | None:
    """The record for one stakeholder, or None when no stakeholder has this key.

    Holds every field stored about them, their contributions, what they are named as owner of,
    and each place their name or contact appears in other text, with other private
    individuals in those passages replaced by role labels, so nothing about others is handed over.
    """
    person = plan.stakeholder(key)
    if person is None:
        return None
    others = Scrubber(plan, only={s.key for s in plan.stakeholders if s.personal and s.key != key})
    return {
        "about": "Everything this plan holds about one person (subject access).",
        "plan": plan.title,
        "stakeholder": key,
        "fields": _fields(person),
        "owner_of": [{"risk": r.key, "title": others(r.title)} for r in plan.risks if r.owner == key]
        + [{"safeguard": g.key, "title": others(g.title)} for g in plan.safeguards if g.owner == key]
        + [{"action": a.key, "title": others(a.title), "due": a.due} for a in plan.actions if a.owner == key],
        "took_part_in": [{"engagement": e.key, "date": e.date, "title": others(e.title),
                          "raised": others(e.raised), "response": others(e.response),
                          "outcome": e.outcome.value, "reason": others(e.reason)}
                         for e in plan.engagements if key in e.participants],
        "mentioned_in": _mentions(plan, person),
    }
