"""What a plan check returns: severities, findings and the shape of a rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from planner.core.matrix import Cell, Delivery, Planning
from planner.core.model import Plan, Side, Stakeholder


class Severity(str, Enum):
    """How much a finding matters; errors make ``coplanner check`` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    ADVICE = "advice"


@dataclass(frozen=True)
class Finding:
    """One thing the plan check found, and the thing it points at."""

    rule: str
    severity: Severity
    message: str
    target_type: str = "plan"  # plan | stakeholder | risk | safeguard
    target_key: str | None = None

    def as_dict(self) -> dict:
        """The ``--json`` shape."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "target": {"type": self.target_type, "key": self.target_key},
        }


Rule = Callable[[Plan], list[Finding]]

LAY_SIDES = (Side.USER, Side.COMMUNITY)


def quoted(text: str) -> str:
    """Text in curly quotes, as findings name things."""
    return f"\u201c{text}\u201d"


def names(stakeholders: list[Stakeholder]) -> str:
    """Stakeholder names joined for a message."""
    return ", ".join(s.name for s in stakeholders)


def lay_role_in(cell: Cell) -> bool:
    """True when users or community plan or deliver in this cell."""
    return cell.planning is not Planning.PROFESSIONALS or cell.delivery is not Delivery.PROFESSIONALS


def professional_role_in(cell: Cell) -> bool:
    """True when professionals plan or deliver in this cell."""
    return cell.planning is not Planning.COMMUNITY or cell.delivery is not Delivery.COMMUNITY


def uses_today(rule: Callable) -> Callable:
    """Mark a rule that takes ``today=`` so check_plan passes the date it checks against."""
    rule.uses_today = True  # type: ignore[attr-defined]
    return rule
