"""What a plan check returns: severities, findings and the shape of a rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from planner.core.matrix import Cell, Delivery, Planning
from planner.core.model import Category, Motive, Plan, Side, Stakeholder


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


# Stakeholders who are organisations rather than one person: their time is a group's time.
ORGANISATIONS = (Category.COMMUNITY_GROUP, Category.THIRD_SECTOR, Category.PRIVATE_PARTNER,
                 Category.FUNDER, Category.REGULATOR)


def counts_as_community(s: Stakeholder) -> bool:
    """On the community side, or a carer taking part because the user's welfare affects them.

    The article's reason for community coproduction is stakeholders "beyond the direct user",
    including people "directly affected by the user's welfare"; a carer with that motive is such
    a stakeholder even though carers stand with users by default. A side set by hand wins.
    """
    if s.side_override is None and s.category is Category.CARER:
        return s.motive is Motive.AFFECTED_BY_USER or s.side is Side.COMMUNITY
    return s.side is Side.COMMUNITY


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
