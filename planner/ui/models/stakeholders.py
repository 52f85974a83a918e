"""The stakeholder table: one row per stakeholder, refreshed row by row after each edit."""

from __future__ import annotations

from planner.core.model import Stakeholder, label
from planner.ui.models.base import Column, KeyedTableModel


def _yes(value: bool) -> str:
    return "Yes" if value else ""


class StakeholderTableModel(KeyedTableModel):
    """Name, organisation, category, side, roles, influence, interest, stance, personal."""

    COLUMNS = [
        Column("Name", lambda s: s.name),
        Column("Organisation", lambda s: s.organisation),
        Column("Category", lambda s: label(s.category)),
        Column("Side", lambda s: label(s.side) + ("" if s.side_override is None else " (set by hand)")),
        Column("Planning role", lambda s: label(s.planning_role)),
        Column("Delivery role", lambda s: label(s.delivery_role)),
        Column("Influence", lambda s: str(s.influence), sort=lambda s: s.influence),
        Column("Interest", lambda s: str(s.interest), sort=lambda s: s.interest),
        Column("Stance", lambda s: label(s.stance)),
        Column("Personal data", lambda s: _yes(s.personal), sort=lambda s: int(s.personal),
               tooltip=lambda s: "A private individual: their details are personal data" if s.personal else ""),
    ]

    def stakeholders(self) -> list[Stakeholder]:
        return self.items()
