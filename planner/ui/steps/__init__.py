"""The steps of the guided workflow, in the order the officer meets them.

``PAGES`` names each step without importing it: the window lists every step at once but builds
a page (importing its module, with its tables, forms and map) only the first time it is shown,
so starting the app does not pay for pages the officer has not opened. The step classes are
still importable from here; each is imported on first use.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from planner.ui.steps.base import Step


@dataclass(frozen=True)
class StepPage:
    """One step as the step list knows it; ``step_class()`` imports the page itself."""

    name: str  # the class's NAME
    title: str  # the class's TITLE (untranslated)
    module: str
    class_name: str

    def step_class(self) -> type[Step]:
        return getattr(importlib.import_module(self.module), self.class_name)


PAGES: tuple[StepPage, ...] = (
    StepPage("context", "Service and context", "planner.ui.steps.context", "ContextStep"),
    StepPage("stakeholders", "Stakeholders", "planner.ui.steps.stakeholders", "StakeholdersStep"),
    StepPage("matrix", "Coproduction matrix", "planner.ui.steps.matrix", "MatrixStep"),
    StepPage("risks", "Division of risk", "planner.ui.steps.risks", "RisksStep"),
    StepPage("safeguards", "Governance safeguards", "planner.ui.steps.safeguards", "SafeguardsStep"),
    StepPage("record", "The partnership's record", "planner.ui.steps.record", "RecordStep"),
    StepPage("review", "Review and share", "planner.ui.steps.review", "ReviewStep"),
)
_BY_CLASS = {page.class_name: page for page in PAGES}


def __getattr__(name: str):
    """``STEPS`` (every class, in order) and each step class, imported when first asked for."""
    if name == "STEPS":
        return [page.step_class() for page in PAGES]
    if name in _BY_CLASS:
        return _BY_CLASS[name].step_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["PAGES", "STEPS", "Step", "StepPage", "ContextStep", "StakeholdersStep", "MatrixStep",
           "RisksStep", "SafeguardsStep", "RecordStep", "ReviewStep"]
