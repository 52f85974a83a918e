"""The plan file: the only package that touches SQL."""

from planner.storage.errors import (
    DamagedPlan, FormatError, InvalidValue, NewerPlan, NotAPlan, NotFound, PlanError,
    PlanFileError, PlanLocked, PlanNotFound, ReadOnlyPlan, WriteFailed,
)
from planner.storage.removed import Removed
from planner.storage.store import PlanStore

__all__ = [
    "DamagedPlan", "FormatError", "InvalidValue", "NewerPlan", "NotAPlan", "NotFound", "PlanError",
    "PlanFileError", "PlanLocked", "PlanNotFound", "PlanStore", "ReadOnlyPlan", "Removed",
    "WriteFailed",
]
