"""The plan file: the only package that touches SQL."""

from planner.storage.errors import (
    DamagedPlan, FormatError, NewerPlan, NotAPlan, PlanError, PlanFileError, PlanLocked,
    NotFound, PlanNotFound, ReadOnlyPlan, WriteFailed,
)
from planner.storage.removed import Removed
from planner.storage.store import PlanStore

__all__ = [
    "DamagedPlan", "FormatError", "NewerPlan", "NotAPlan", "PlanError", "PlanFileError",
    "NotFound", "PlanLocked", "PlanNotFound", "PlanStore", "ReadOnlyPlan", "Removed", "WriteFailed",
]
