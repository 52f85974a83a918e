"""The steps of the guided workflow, in the order the officer meets them (see ``registry``).

``PAGES`` (from ``registry``) names each step without importing it; the step classes are
still importable from here, each imported on first use.
"""

from __future__ import annotations

from planner.ui.steps import registry
from planner.ui.steps.base import Step
from planner.ui.steps.registry import StepPage


def __getattr__(name: str):
    """``PAGES`` (as registered now), ``STEPS`` (every class, in order) and each step class, on first use."""
    if name == "PAGES":
        return registry.PAGES
    if name == "STEPS":
        return [page.step_class() for page in registry.PAGES]
    page = next((p for p in registry.PAGES if p.class_name == name), None)
    if page is not None:
        return page.step_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["PAGES", "STEPS", "Step", "StepPage", "ContextStep", "StakeholdersStep", "MatrixStep",
           "RisksStep", "SafeguardsStep", "RecordStep", "ReviewStep"]
