"""The base of every step page of the guided workflow."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from planner.ui.document import PlanDocument


class Step(QWidget):
    """One page of the workflow (see steps/__init__.py for the order).

    Subclasses set ``TITLE`` (through tr() when shown), build their widgets in ``__init__``,
    fill them from the plan in ``load(document)``, refresh on ``document.plan_changed``, and
    emit ``attention_changed(count)`` with the number of things that need the officer's
    attention on this step (0 = done).
    """

    TITLE = ""
    NAME = ""  # stable id used in settings ("last step") and in "Go to" links
    attention_changed = Signal(int)
    guidance_requested = Signal(str, str)  # (kind, value): e.g. ("cell", "co/community"), ("risk_category", "burnout")

    def load(self, document: PlanDocument) -> None:
        raise NotImplementedError

    def select(self, target_type: str, key: str | None) -> None:
        """Select the thing a plan-check finding points at (for "Go to"); default does nothing."""
