"""What the guidance suggests for one plan, each with why it fits and whether the plan has it already.

A template fits a plan by its target cell, by the stakeholders the plan has (a template that
``needs`` a private partner is not offered to a plan without one) and, for safeguards, by the
risks already recorded. A template whose title the plan already holds is listed as present, so
it is shown but never offered twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.core.model import Plan, label
from planner.guidance.library import GuidanceLibrary, cite
from planner.guidance.model import RiskTemplate, SafeguardTemplate


@dataclass(frozen=True)
class Suggestion:
    """One template offered to a plan.

    Attributes:
        template: the risk or safeguard template.
        reasons: why it fits this plan, in plain sentences.
        present: the title of the plan's own item that is this template ("" when it is not in
            the plan): shown, but not offered again.
        similar: titles of the plan's items of the same kind (a risk of the same category).
        mitigates: for a safeguard, the keys of the plan's risks it answers.
    """

    template: RiskTemplate | SafeguardTemplate
    reasons: tuple[str, ...]
    present: str = ""
    similar: tuple[str, ...] = ()
    mitigates: tuple[str, ...] = field(default=())

    @property
    def title(self) -> str:
        return self.template.title

    @property
    def source(self) -> str:
        """Where the template comes from, cited to the article (and its case study)."""
        case = getattr(self.template, "case_study", "")
        return (f"Case study: {case}. " if case else "") + cite(self.template.source)


def _quoted(titles) -> str:
    return ", ".join(f"\u201c{t}\u201d" for t in titles)


def _cell_reason(library: GuidanceLibrary, plan: Plan) -> str:
    return f"Fits your target cell, {library.cell(plan.target_cell).name}."


def _needs_reason(template, plan: Plan) -> str | None:
    """Why the plan's stakeholders make the template fit; None when they do not."""
    if not template.needs:
        return ""
    for person in plan.stakeholders:
        if person.category in template.needs:
            kind = f"a stakeholder of the kind \u201c{label(person.category)}\u201d"
            # A private individual is not named here: the dialog may be on a shared screen.
            return f"Your plan has {kind}." if person.personal else f"Your plan has {kind}: {person.name}."
    return None


def _present(title: str, items) -> str:
    wanted = " ".join(title.split()).casefold()
    return next((item.title for item in items if " ".join(item.title.split()).casefold() == wanted), "")


def risk_suggestions(library: GuidanceLibrary, plan: Plan) -> list[Suggestion]:
    """The risk templates that fit the plan, those already in it last; [] without a target cell."""
    if plan.target_cell is None or not plan.target_cell.is_available:
        return []
    offered, present = [], []
    for template in library.risk_templates_for(plan.target_cell):
        needs = _needs_reason(template, plan)
        if needs is None:
            continue
        same = _present(template.title, plan.risks)
        similar = tuple(r.title for r in plan.risks if r.category is template.category and r.title != same)
        reasons = [_cell_reason(library, plan)] + ([needs] if needs else [])
        if similar:
            reasons.append(f"You already have a risk of this kind: {_quoted(similar)}.")
        suggestion = Suggestion(template, tuple(reasons), same, similar)
        (present if same else offered).append(suggestion)
    return offered + present


def safeguard_suggestions(library: GuidanceLibrary, plan: Plan) -> list[Suggestion]:
    """Safeguard templates that fit the cell and answer the plan's risks, best first, those present last.

    With no risks recorded yet, every template that fits the cell and the stakeholders.
    """
    if plan.target_cell is None or not plan.target_cell.is_available:
        return []
    offered, present = [], []
    for template in library.safeguard_templates_for(plan.target_cell, plan.risks):
        needs = _needs_reason(template, plan)
        if needs is None:
            continue
        answers = template.answering(plan.risks)
        titles = [r.title for r in plan.risks if r.key in answers]
        reasons = [_cell_reason(library, plan)] + ([needs] if needs else [])
        if titles:
            reasons.append(f"Answers your risk{'s' if len(titles) > 1 else ''} {_quoted(titles)}.")
        same = _present(template.title, plan.safeguards)
        suggestion = Suggestion(template, tuple(reasons), same, mitigates=tuple(answers))
        (present if same else offered).append(suggestion)
    return offered + present
