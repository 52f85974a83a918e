"""The steps of the guided workflow, in the order the officer meets them."""

from planner.ui.steps.base import Step
from planner.ui.steps.context import ContextStep
from planner.ui.steps.matrix import MatrixStep
from planner.ui.steps.review import ReviewStep
from planner.ui.steps.risks import RisksStep
from planner.ui.steps.safeguards import SafeguardsStep
from planner.ui.steps.stakeholders import StakeholdersStep

STEPS: list[type[Step]] = [
    ContextStep,
    StakeholdersStep,
    MatrixStep,
    RisksStep,
    SafeguardsStep,
    ReviewStep,
]

__all__ = ["STEPS", "Step", "ContextStep", "StakeholdersStep", "MatrixStep", "RisksStep",
           "SafeguardsStep", "ReviewStep"]
