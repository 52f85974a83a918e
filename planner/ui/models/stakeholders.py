"""The stakeholder table: one row per stakeholder, refreshed row by row after each edit."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from planner.core.model import Stakeholder, label
from planner.ui.models.base import Column, KeyedTableModel, tr


def _yes(value: bool) -> str:
    return tr("Yes") if value else ""


class StakeholderTableModel(KeyedTableModel):
    """Name, organisation, category, side, roles, influence, interest, stance, personal."""

    COLUMNS = [
        Column(QT_TRANSLATE_NOOP("RegisterTables", "Name"), lambda s: s.name),
        Column(QT_TRANSLATE_NOOP("RegisterTables", "Organisation"), lambda s: s.organisation),
        Column(QT_TRANSLATE_NOOP("RegisterTables", "Category"), lambda s: label(s.category)),
        Column(QT_TRANSLATE_NOOP("RegisterTables", "Side"),
               lambda s: label(s.side) + ("" if s.side_override is None else " " + tr("(set by hand)"))),
        Column(QT_TRANSLATE_NOOP("RegisterTables", "Planning role"), lambda s: label(s.planning_role)),
        Column(QT_TRANSLATE_NOOP("RegisterTables", "Delivery role"), lambda s: label(s.delivery_role)),
        Column(QT_TRANSLATE_NOOP("RegisterTables", "Influence"),
               lambda s: str(s.influence), sort=lambda s: s.influence),
        Column(QT_TRANSLATE_NOOP("RegisterTables", "Interest"),
               lambda s: str(s.interest), sort=lambda s: s.interest),
        Column(QT_TRANSLATE_NOOP("RegisterTables", "Stance"), lambda s: label(s.stance)),
        Column(QT_TRANSLATE_NOOP("RegisterTables", "Personal data"),
               lambda s: _yes(s.personal), sort=lambda s: int(s.personal),
               tooltip=lambda s: tr("A private individual: their details are personal data") if s.personal else ""),
    ]

    def stakeholders(self) -> list[Stakeholder]:
        return self.items()
