"""The Division of risk step of the guided workflow (skeleton; grows into the full page)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from planner.ui.document import PlanDocument
from planner.ui.steps.base import Step


class RisksStep(Step):
    """Division of risk."""

    TITLE = "Division of risk"
    NAME = "risks"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Division of risk"), self))

    def load(self, document: PlanDocument) -> None:
        self.document = document
        self.attention_changed.emit(0)
