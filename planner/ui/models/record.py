"""The engagement log's and the actions' tables: one row per entry or action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from planner.core.dates import long_date
from planner.core.model import Action, Engagement, label
from planner.ui.models.base import Column, KeyedTableModel, tr


class EngagementTableModel(KeyedTableModel):
    """Date, title, kind, who took part, outcome."""

    def __init__(self, name: Callable[[str | None], str] = lambda key: key or "", parent=None):
        self.name = name
        super().__init__(parent)
        self.COLUMNS = [
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Date"), lambda e: long_date(e.date, ""), sort=lambda e: e.date or ""),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Title"), lambda e: e.title),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Kind"), lambda e: label(e.kind)),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Who took part"), self._who,
                   sort=lambda e: len(e.participants) + e.others),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Outcome"), lambda e: label(e.outcome)),
        ]

    def _who(self, entry: Engagement) -> str:
        names = [self.name(k) for k in entry.participants]
        if entry.others:
            names.append(tr("1 other") if entry.others == 1 else tr("{0} others").format(entry.others))
        return ", ".join(names)


class ActionTableModel(KeyedTableModel):
    """Title, owner, due date, status."""

    def __init__(self, name: Callable[[str | None], str] = lambda key: key or "", parent=None):
        self.name = name
        super().__init__(parent)
        self.COLUMNS = [
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Title"), lambda a: a.title),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Owner"), lambda a: self.name(a.owner)),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Due"), lambda a: long_date(a.due, ""), sort=lambda a: a.due or "9999"),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Status"), self._status),
        ]

    def _status(self, action: Action) -> str:
        return label(action.status)
