"""The partnership's record: the engagement log, actions, and versions the partnership agreed.

Declared like every other entity (see :mod:`planner.core.fields`), so storage, JSON, validation
and the redaction reach them. A version holds a snapshot of the whole plan as a plan document
(the JSON interchange shape), read back into a plan by storage.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from typing import Any

from planner.core.compound_kinds import Links
from planner.core.fields import declared
from planner.core.kinds import Choice, Date, Key, Kind, Problem, Ref, Text, Whole, kind_of


class EngagementKind(str, Enum):
    """How the partnership heard from people."""

    MEETING = "meeting"
    WORKSHOP = "workshop"
    CONTACT = "contact"
    SURVEY = "survey"
    OTHER = "other"


class Outcome(str, Enum):
    """What became of what was raised: the guidance asks that a "no" is fed back with its reason."""

    CHANGED = "changed"
    NOT_CHANGED = "not_changed"
    PENDING = "pending"


class ActionStatus(str, Enum):
    """Where an action stands."""

    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class Document(Kind):
    """A whole plan document (the JSON interchange shape), kept as JSON text in one column."""

    sql_default = "{}"

    def parse(self, raw: Any) -> dict:
        if not isinstance(raw, dict):
            raise Problem(f"expected a plan document (an object), found {kind_of(raw)}")
        return raw

    def to_cell(self, value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    def from_cell(self, cell: Any) -> dict:
        return json.loads(cell) if cell else {}


@dataclass
class Engagement:
    """One entry of the engagement log: who took part, what they raised, what was done about it."""

    key: str = declared(Key(), "Key")
    title: str = declared(Text(required=True), "Title")
    date: str | None = declared(Date(), "Date", None)
    kind: EngagementKind = declared(Choice(EngagementKind), "Kind", EngagementKind.MEETING)
    participants: list[str] = declared(Links("engagement_people", "stakeholder"), "Who took part", [])
    others: int = declared(Whole(0, 1_000_000), "Others taking part", 0)
    raised: str = declared(Text(), "What was raised", "")
    response: str = declared(Text(), "What was done", "")
    outcome: Outcome = declared(Choice(Outcome), "Outcome", Outcome.PENDING)
    reason: str = declared(Text(), "Why not changed", "")
    risks: list[str] = declared(Links("engagement_risks", "risk"), "Risks it touched", [])
    safeguards: list[str] = declared(Links("engagement_safeguards", "safeguard"), "Safeguards it touched", [])


@dataclass
class Action:
    """Something someone promised to do by a date."""

    key: str = declared(Key(), "Key")
    title: str = declared(Text(required=True), "Title")
    owner: str | None = declared(Ref("stakeholders"), "Owner", None)
    due: str | None = declared(Date(), "Due", None)
    status: ActionStatus = declared(Choice(ActionStatus), "Status", ActionStatus.OPEN)
    reason: str = declared(Text(), "Why dropped", "")
    risk: str | None = declared(Ref("risks"), "Risk", None)
    safeguard: str | None = declared(Ref("safeguards"), "Safeguard", None)
    engagement: str | None = declared(Ref("engagements"), "Log entry", None)


@dataclass
class Version:
    """A version of the plan the partnership agreed: a label, a date and a read-only snapshot."""

    key: str = declared(Key(), "Key")
    label: str = declared(Text(required=True), "Label")
    date: str | None = declared(Date(), "Date agreed", None)
    snapshot: dict = declared(Document(), "Snapshot", {})
