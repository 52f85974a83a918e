"""Typed guidance objects: what the article teaches about cells, drivers, risks and safeguards."""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.matrix import Cell
from planner.core.model import (
    Category, Driver, Risk, RiskCategory, Safeguard, SafeguardKind, Shares,
)


@dataclass(frozen=True)
class TopicGuidance:
    """A short explanation of one topic (a risk category, a safeguard kind, a side...)."""

    title: str
    text: str
    source: str  # a section of the article; empty for a practice note
    quotes: tuple[str, ...] = ()  # the passage(s) of that section the text rests on


@dataclass(frozen=True)
class CaseStudy:
    """The article's case study for a cell."""

    name: str
    summary: str
    source: str
    example: str = ""  # the name of the worked example plan, if there is one
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CellGuidance:
    """What the article says about one cell of the matrix."""

    cell: Cell
    name: str
    description: str
    examples: tuple[str, ...]
    case_study: CaseStudy | None
    benefits: tuple[str, ...]
    limitations: tuple[str, ...]
    source: str
    quotes: tuple[str, ...] = ()  # for the name and description; each listed item has its own


@dataclass(frozen=True)
class DriverGuidance:
    """A driver of coproduction and the axis of the matrix it tends to move."""

    driver: Driver
    title: str
    text: str
    axis: str  # "planning" or "delivery"
    case_studies: tuple[str, ...]
    source: str
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RiskTemplate:
    """A risk the article's limitations suggest, ready to add to a plan."""

    key: str
    title: str
    description: str
    category: RiskCategory
    likelihood: int
    impact: int
    shares: Shares
    shares_reason: str
    cells: frozenset[Cell]
    source: str
    needs: frozenset[Category] = frozenset()  # it fits only a plan with one of these (none: any plan)
    quotes: tuple[str, ...] = ()

    def fits(self, cell: Cell) -> bool:
        """True when the template suits this cell."""
        return cell in self.cells

    def to_risk(self, key: str) -> Risk:
        """A new plan risk from the template, marked as a suggestion."""
        return Risk(
            key=key, title=self.title, description=self.description, category=self.category,
            likelihood=self.likelihood, impact=self.impact,
            shares=Shares(self.shares.users, self.shares.community, self.shares.professionals),
            suggested=True,
        )


@dataclass(frozen=True)
class SafeguardTemplate:
    """A safeguard taken from what a case study did, ready to add to a plan."""

    key: str
    title: str
    description: str
    kind: SafeguardKind
    case_study: str  # empty when the template comes from the article's recommendations
    answers: frozenset[RiskCategory]
    cells: frozenset[Cell]
    source: str
    needs: frozenset[Category] = frozenset()  # it fits only a plan with one of these (none: any plan)
    quotes: tuple[str, ...] = ()

    def fits(self, cell: Cell) -> bool:
        """True when the template suits this cell."""
        return cell in self.cells

    def answering(self, risks: list[Risk]) -> list[str]:
        """The keys of those risks whose category this template answers."""
        return [risk.key for risk in risks if risk.category in self.answers]

    def to_safeguard(self, key: str, mitigates: list[str] | None = None) -> Safeguard:
        """A new plan safeguard from the template, marked as a suggestion."""
        return Safeguard(
            key=key, title=self.title, description=self.description, kind=self.kind,
            mitigates=list(mitigates or []), suggested=True,
        )
