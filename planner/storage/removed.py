"""What a delete took away, so that undo can put every row, owner and link back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planner.core.model import Risk, Safeguard, Stakeholder

if TYPE_CHECKING:
    from planner.storage.store import PlanStore


def _position(store: PlanStore, table: str, key: str) -> int:
    (position,) = store._conn.execute(f"SELECT position FROM {table} WHERE key = ?", [key]).fetchone()
    return position


@dataclass
class Removed:
    """Rows removed by one delete, with the references that pointed at them."""

    stakeholders: list[tuple[int, Stakeholder]] = field(default_factory=list)
    risks: list[tuple[int, Risk]] = field(default_factory=list)
    safeguards: list[tuple[int, Safeguard]] = field(default_factory=list)
    risk_owners: dict[str, str] = field(default_factory=dict)  # risk key -> removed owner
    safeguard_owners: dict[str, str] = field(default_factory=dict)
    links: list[tuple[str, str, int]] = field(default_factory=list)  # safeguard, risk, position
    # The record's references to what was removed: actions' owner/risk/safeguard, and the log
    # entries' lists of participants, risks and safeguards (rows of their link tables).
    action_refs: list[tuple[str, str, str]] = field(default_factory=list)  # action, column, key
    record_links: list[tuple[str, str, str, str, int]] = field(default_factory=list)  # table, column, entry, key, position

    @classmethod
    def capture(cls, store: PlanStore, stakeholders: list[str], risks: list[str],
                safeguards: list[str]) -> Removed:
        """Read everything a delete of these keys will take away (KeyError for an unknown key)."""
        removed = cls(
            stakeholders=sorted(((_position(store, "stakeholders", k), store.stakeholder(k)) for k in stakeholders), key=lambda p: p[0]),
            risks=sorted(((_position(store, "risks", k), store.risk(k)) for k in risks), key=lambda p: p[0]),
            safeguards=sorted(((_position(store, "safeguards", k), store.safeguard(k)) for k in safeguards), key=lambda p: p[0]),
        )
        gone_people = set(stakeholders)
        for table, owners in (("risks", removed.risk_owners), ("safeguards", removed.safeguard_owners)):
            for key, owner in store._conn.execute(f"SELECT key, owner FROM {table} WHERE owner IS NOT NULL"):
                if owner in gone_people:
                    owners[key] = owner
        if risks:
            marks = ", ".join("?" for _ in risks)
            removed.links = [tuple(row) for row in store._conn.execute(
                f"SELECT safeguard, risk, position FROM safeguard_risks WHERE risk IN ({marks})", list(risks))]
        for column, table, keys in (("owner", "engagement_people", stakeholders), ("risk", "engagement_risks", risks),
                                    ("safeguard", "engagement_safeguards", safeguards)):
            if not keys:
                continue
            marks = ", ".join("?" for _ in keys)
            removed.action_refs += [(key, column, value) for key, value in store._conn.execute(
                f"SELECT key, {column} FROM actions WHERE {column} IN ({marks})", list(keys))]
            target = "stakeholder" if column == "owner" else column
            removed.record_links += [(table, target, entry, key, position) for entry, key, position in store._conn.execute(
                f"SELECT engagement, {target}, position FROM {table} WHERE {target} IN ({marks})", list(keys))]
        return removed
