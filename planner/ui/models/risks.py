"""The risk register table: one row per risk of the division of risk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP

from planner.core.model import Risk, label
from planner.core.wording import SHARE_SIDES
from planner.ui.models.base import Column, KeyedTableModel, tr
from planner.ui.words import said


def _shares(r: Risk) -> str:
    s = r.shares
    return " · ".join(f"{said(name)} {getattr(s, part)}%" for part, name in SHARE_SIDES.items())


class RiskTableModel(KeyedTableModel):
    """Title, status, category, likelihood, impact, score, owner, shares."""

    def __init__(self, owner_name: Callable[[str | None], str] = lambda key: key or "", parent=None):
        self.owner_name = owner_name  # key -> the stakeholder's name, set by the step
        super().__init__(parent)
        self.COLUMNS = [
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Title"), lambda r: r.title),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Status"),
                   lambda r: tr("Suggested") if r.suggested else "",
                   tooltip=lambda r: tr("Added from guidance; edit it to make it yours") if r.suggested else ""),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Category"), lambda r: label(r.category)),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Likelihood"),
                   lambda r: str(r.likelihood), sort=lambda r: r.likelihood),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Impact"),
                   lambda r: str(r.impact), sort=lambda r: r.impact),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Score"),
                   lambda r: tr("{0} (high)").format(r.score) if r.is_high else str(r.score), sort=lambda r: r.score),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Owner"), lambda r: self.owner_name(r.owner)),
            Column(QT_TRANSLATE_NOOP("RegisterTables", "Shares"),
                   _shares, sort=lambda r: r.shares.users + r.shares.community),
        ]
