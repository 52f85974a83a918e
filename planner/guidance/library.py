"""The loaded guidance library: look-ups by cell, category and kind, and the PDF appendix text."""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.article import ARTICLE, cite
from planner.core.matrix import Cell
from planner.core.model import Category, Driver, Risk, RiskCategory, SafeguardKind, Side
from planner.guidance.model import (
    CellGuidance, DriverGuidance, RiskTemplate, SafeguardTemplate, TopicGuidance,
)

__all__ = ["ARTICLE", "GuidanceLibrary", "cite"]


@dataclass
class GuidanceLibrary:
    """Everything the app teaches, each piece cited to a section of the article."""

    cells: dict[Cell, CellGuidance]
    drivers: dict[Driver, DriverGuidance]
    risk_categories: dict[RiskCategory, TopicGuidance]
    risk_templates: list[RiskTemplate]
    safeguard_kinds: dict[SafeguardKind, TopicGuidance]
    safeguard_templates: list[SafeguardTemplate]
    stakeholder_categories: dict[Category, TopicGuidance]
    sides: dict[Side, TopicGuidance]

    def cell(self, cell: Cell) -> CellGuidance:
        """Guidance for a cell; KeyError for the N/A cell, which has none."""
        if cell not in self.cells:
            raise KeyError(f"no guidance for cell {cell.code} (the N/A cell cannot be chosen)")
        return self.cells[cell]

    def risk_category(self, category: RiskCategory) -> TopicGuidance:
        """What a risk category means."""
        return self.risk_categories[category]

    def safeguard_kind(self, kind: SafeguardKind) -> TopicGuidance:
        """What a kind of safeguard is."""
        return self.safeguard_kinds[kind]

    def stakeholder_category(self, category: Category) -> TopicGuidance:
        """What a stakeholder category means."""
        return self.stakeholder_categories[category]

    def side(self, side: Side) -> TopicGuidance:
        """What a side of the coproduction relationship means."""
        return self.sides[side]

    def risk_templates_for(self, cell: Cell) -> list[RiskTemplate]:
        """The risk templates that suit a cell, in library order."""
        return [t for t in self.risk_templates if t.fits(cell)]

    def safeguard_templates_for(self, cell: Cell, risks: list[Risk]) -> list[SafeguardTemplate]:
        """Safeguard templates that suit the cell and answer the plan's risks, best first.

        With no risks, every template that suits the cell; otherwise only those that answer
        at least one risk, the ones answering most risks first. Pass
        ``template.answering(risks)`` as ``mitigates`` to ``to_safeguard``.
        """
        fitting = [t for t in self.safeguard_templates if t.fits(cell)]
        if not risks:
            return fitting
        answering = [t for t in fitting if t.answering(risks)]
        return sorted(answering, key=lambda t: -len(t.answering(risks)))

    def appendix_for(self, cell: Cell, risks: list[Risk] | None = None) -> list[tuple[str, list[str]]]:
        """Headed plain paragraphs about the target cell for the PDF appendix, citing the article.

        With the plan's ``risks``, the risks and safeguards it offers are only those about the
        kinds of risk the plan records and the safeguards that answer them, so the appendix is
        about this plan, not every case. The reference closes the cell's own section rather
        than standing alone under a heading of its own.
        """
        guide = self.cell(cell)
        sections = [
            (guide.name, [guide.description, cite(guide.source), f"Reference: {ARTICLE}"]),
            ("Examples the article gives", list(guide.examples)),
        ]
        if guide.case_study:
            case = guide.case_study
            sections.append((f"Case study: {case.name}", [case.summary, cite(case.source)]))
        templates = self.risk_templates_for(cell)
        if risks:
            recorded = {risk.category for risk in risks}
            templates = [t for t in templates if t.category in recorded]
        sections += [
            ("What it brings", list(guide.benefits)),
            ("What to watch", list(guide.limitations)),
        ]
        if templates:
            sections.append((
                "Risks of the kinds this plan records" if risks else "Risks to consider",
                [f"{t.title}. {t.description} ({cite(t.source)})" for t in templates]))
        guards = self.safeguard_templates_for(cell, risks or [])
        if guards:
            sections.append((
                "Safeguards that answer this plan\u2019s risks" if risks
                else "Safeguards from the case studies and the article",
                [f"{t.title}. {t.description}"
                 + (f" (Case study: {t.case_study}.)" if t.case_study
                    else " (The article\u2019s recommendation, not a case study.)")
                 + f" {cite(t.source)}" for t in guards]))
        return sections
