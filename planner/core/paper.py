"""The paper sizes a plan is printed on: one list for the app's choices, the CLI and both writers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Paper:
    """A paper size: the value stored and typed (``--paper a4``), its name as shown, its size."""

    value: str
    name: str
    width_mm: float
    height_mm: float


PAPERS: dict[str, Paper] = {paper.value: paper for paper in (
    Paper("a4", "A4", 210, 297),
    Paper("letter", "US Letter", 215.9, 279.4),
)}
DEFAULT_PAPER = "a4"  # a UK council's paper


def paper_choices() -> str:
    """'A4 or US Letter', to say which sizes there are."""
    names = [paper.name for paper in PAPERS.values()]
    return ", ".join(names[:-1]) + " or " + names[-1]
