"""The partnership's record in the paper: what changed since the agreed version, "you said, we
did", and the action log; and the line every page carries about which version it is."""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.changes import changes_for_circulation
from planner.core.model import ActionStatus, Outcome, Plan, Version
from planner.core.dates import long_date


def version_line(version: Version) -> str:
    """What every page of an agreed version's PDF says: "Version agreed at … on …"."""
    return f"Version agreed at {version.label} on {long_date(version.date)}"


def latest(plan: Plan) -> Version | None:
    """The version agreed last (by date, then by when it was stored)."""
    if not plan.versions:
        return None
    return max(enumerate(plan.versions), key=lambda pair: (pair[1].date or "", pair[0]))[1]


@dataclass(frozen=True)
class Since:
    """What changed since the last agreed version, worked out on the real plans before redaction."""

    version: Version
    lines: list[str]

    @property
    def title(self) -> str:
        return f"Changes since the version agreed on {long_date(self.version.date)}"

    @property
    def footer(self) -> str:
        return f"Draft changes since the version agreed on {long_date(self.version.date)}"


def since(plan: Plan, include_personal: bool) -> Since | None:
    """The changes since the last agreed version of the real ``plan``, as the output may print them."""
    from planner.storage.record_edits import snapshot_plan  # storage reads a snapshot

    version = latest(plan)
    if version is None or not version.snapshot:
        return None
    return Since(version, changes_for_circulation(snapshot_plan(version), plan, include_personal))


def said_and_done(plan: Plan, after: str | None) -> list:
    """The log entries for "you said, we did": those since the last agreed version (by date), or all."""
    entries = [e for e in plan.engagements if after is None or (e.date or "9999") > after]
    return sorted(entries, key=lambda e: e.date or "9999")


def open_actions(plan: Plan) -> list:
    """Open actions, soonest due first (undated last), as a meeting's action log reads."""
    return sorted((a for a in plan.actions if a.status is ActionStatus.OPEN), key=lambda a: a.due or "9999")


OUTCOME_WORDS = {Outcome.CHANGED: "Changed the plan", Outcome.NOT_CHANGED: "Not changed",
                 Outcome.PENDING: "Still being considered"}


def _who(plan: Plan, keys: list[str], others: int) -> str:
    names = {s.key: s.name for s in plan.stakeholders}
    who = [names.get(k, "") for k in keys if names.get(k)]
    if others:
        who.append(f"{others} other{'s' if others != 1 else ''}")
    return ", ".join(who)


def said_rows(plan: Plan, after: str | None) -> list[list[str]]:
    """Rows of "you said, we did": when and who, what was raised, what was done, the outcome and why.

    ``plan`` is the copy for circulation, so private individuals already read as role labels.
    """
    rows = []
    for e in said_and_done(plan, after):
        when = long_date(e.date) if e.date else "Undated"
        who = _who(plan, e.participants, e.others)
        outcome = OUTCOME_WORDS[e.outcome] + (f": {e.reason}" if e.outcome is Outcome.NOT_CHANGED and e.reason.strip() else "")
        if e.outcome is Outcome.NOT_CHANGED and not e.reason.strip():
            outcome += " (reason not yet recorded)"
        rows.append([f"{when}\n{e.title}" + (f"\n{who}" if who else ""), e.raised.strip() or "\u2014",
                     e.response.strip() or "\u2014", outcome])
    return rows


def action_rows(plan: Plan) -> list[list[str]]:
    """Rows of the action log: what, who, by when (open actions only)."""
    names = {s.key: s.name for s in plan.stakeholders}
    return [[a.title, names.get(a.owner, "No owner yet") if a.owner else "No owner yet",
             long_date(a.due) if a.due else "No date"] for a in open_actions(plan)]
