"""The safeguard table: one row per governance safeguard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from planner.core.dates import long_date
from planner.core.model import Safeguard, label
from planner.ui.models.base import Column, KeyedTableModel, tr


class SafeguardTableModel(KeyedTableModel):
    """Title, status, kind, owner, review date and how many risks it answers."""

    def __init__(self, owner_name: Callable[[str | None], str] = lambda key: key or "",
                 risk_title: Callable[[str], str] = lambda key: key, parent=None):
        self.owner_name = owner_name
        self.risk_title = risk_title
        super().__init__(parent)
        self.COLUMNS = [
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Title"), lambda g: g.title),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Status"),
                   lambda g: tr("Suggested") if g.suggested else ""),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Kind"), lambda g: label(g.kind)),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Owner"), lambda g: self.owner_name(g.owner)),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Review date"),
                   lambda g: long_date(g.review_date, ""), sort=lambda g: g.review_date or ""),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Risks answered"),
                   self._mitigates, sort=lambda g: len(g.mitigates),
                   tooltip=lambda g: "\n".join(self.risk_title(k) for k in g.mitigates)),
        ]

    def _mitigates(self, g: Safeguard) -> str:
        return ", ".join(self.risk_title(k) for k in g.mitigates)
