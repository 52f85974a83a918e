"""Plan-check rules and lists over the partnership's record: actions past their due date, what is due soon."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from planner.core.dates import long_date
from planner.core.model import ActionStatus, Plan
from planner.core.rules_base import Flag, Rule, Severity, quoted, rule


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


@rule("action-overdue", Severity.WARNING, "stakeholders", each="actions", today=True)
def action_overdue(plan: Plan, ctx):
    """An open action whose due date has passed."""
    today = ctx.today

    def judge(action):
        due = _date(action.due)
        if action.status is not ActionStatus.OPEN or due is None or due >= today:
            return None
        owner = ctx.row("stakeholders", action.owner)
        who = f" ({owner.name})" if owner else " (no owner)"
        return Flag(
            f"Action {quoted(action.title)}{who} was due on {long_date(action.due)} and is still open. "
            "Mark it done, drop it with the reason, or agree a new date.",
            "action", action.key)
    return judge


@dataclass(frozen=True)
class Due:
    """One thing due: an open action or a safeguard's review."""

    what: str  # "action" | "safeguard"
    key: str
    title: str
    due: str
    owner: str | None
    overdue: bool


def due_items(plan: Plan, today: date, days: int = 30) -> list[Due]:
    """Open actions and safeguard reviews due within ``days`` of ``today`` (or overdue), soonest first."""
    until = today + timedelta(days=days)
    items = []
    for action in plan.actions:
        due = _date(action.due)
        if action.status is ActionStatus.OPEN and due is not None and due <= until:
            items.append(Due("action", action.key, action.title, action.due, action.owner, due < today))
    for guard in plan.safeguards:
        due = _date(guard.review_date)
        if due is not None and due <= until:
            items.append(Due("safeguard", guard.key, guard.title, guard.review_date, guard.owner, due < today))
    return sorted(items, key=lambda item: (item.due, item.what, item.key))


RULES: list[Rule] = [action_overdue]
