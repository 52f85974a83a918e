"""The risk register table: one row per risk of the division of risk."""

from __future__ import annotations

from collections.abc import Callable

from planner.core.model import Risk, label
from planner.ui.models.base import Column, KeyedTableModel


def _shares(r: Risk) -> str:
    s = r.shares
    return f"Users {s.users}% · Community {s.community}% · Professionals {s.professionals}%"


class RiskTableModel(KeyedTableModel):
    """Title, status, category, likelihood, impact, score, owner, shares."""

    def __init__(self, owner_name: Callable[[str | None], str] = lambda key: key or "", parent=None):
        self.owner_name = owner_name  # key -> the stakeholder's name, set by the step
        super().__init__(parent)
        self.COLUMNS = [
            Column("Title", lambda r: r.title),
            Column("Status", lambda r: "Suggested" if r.suggested else "",
                   tooltip=lambda r: "Added from guidance; edit it to make it yours" if r.suggested else ""),
            Column("Category", lambda r: label(r.category)),
            Column("Likelihood", lambda r: str(r.likelihood), sort=lambda r: r.likelihood),
            Column("Impact", lambda r: str(r.impact), sort=lambda r: r.impact),
            Column("Score", lambda r: f"{r.score} (high)" if r.is_high else str(r.score), sort=lambda r: r.score),
            Column("Owner", lambda r: self.owner_name(r.owner)),
            Column("Shares", _shares, sort=lambda r: r.shares.users + r.shares.community),
        ]
