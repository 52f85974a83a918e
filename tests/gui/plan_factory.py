"""Plans for the GUI tests of the stakeholder, risk and safeguard steps, built in a temp dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.core.matrix import Cell
from planner.core.model import (
    Category, Contribution, ContributionKind, DeliveryRole, PlanningRole, Risk, RiskCategory, Safeguard,
    Shares,
    Stakeholder,
)
from planner.storage import PlanStore
from planner.ui.document import PlanDocument

NAMES = ["Amira Khan", "Bryn Jones", "Carys Evans", "Dewi Morgan", "Elin Price", "Fatima Ali",
         "Gareth Lewis", "Hana Novak", "Ifan Rees", "Jo Baker"]
CATEGORIES = list(Category)


def stakeholders(count: int) -> list[Stakeholder]:
    """``count`` varied stakeholders s1..sN."""
    out = []
    for i in range(count):
        out.append(Stakeholder(
            key=f"s{i + 1}", name=NAMES[i % len(NAMES)] + ("" if i < len(NAMES) else f" {i + 1}"),
            organisation=["", "Riverside Tenants", "Council adult services", "Age Cymru"][i % 4],
            category=CATEGORIES[i % len(CATEGORIES)],
            planning_role=list(PlanningRole)[i % 4], delivery_role=list(DeliveryRole)[(i // 2) % 3],
            influence=1 + i % 5, interest=1 + (i * 3) % 5, personal=i % 3 == 0,
            contributions=[Contribution(ContributionKind.TIME, 4, "hours a week")] if i % 4 == 1 else []))
    return out


def make_plan(directory: Path, count: int = 10, risks: bool = False, name: str = "test.coplan") -> Path:
    """A plan file with ``count`` stakeholders (and two risks and a safeguard if asked)."""
    path = directory / name
    store = PlanStore.create(path, "Day centre coproduction")
    store.update_plan(target_cell=Cell.of("co", "co"), current_cell=Cell.of("professionals", "professionals"))
    if count:
        store.add_stakeholders(stakeholders(count))
    if risks:
        store.add_risk(Risk(key="r1", title="Volunteers burn out", category=RiskCategory.BURNOUT, likelihood=4, impact=4,
                            shares=Shares(10, 60, 30), owner="s1" if count else None))
        store.add_risk(Risk(key="r2", title="Unclear who answers for quality", category=RiskCategory.DILUTED_ACCOUNTABILITY, likelihood=2, impact=5))
        store.add_safeguard(Safeguard(key="g1", title="Volunteer support rota", mitigates=["r1"]))
    store.close()
    return path


def open_document(path: Path, read_only: bool = False) -> PlanDocument:
    return PlanDocument(PlanStore.open(path, read_only=read_only))


@pytest.fixture
def open_plan(tmp_path):
    """Open a plan built by plan_factory; every document opened is closed at the end."""
    opened = []

    def make(count: int = 10, risks: bool = False, read_only: bool = False, path=None):
        path = path or make_plan(tmp_path, count, risks=risks)
        document = open_document(path, read_only=read_only)
        opened.append(document)
        return document

    yield make
    for document in opened:
        document.close()


def make_step(qtbot, cls, document):
    """A step as the main window would build it: constructed bare, then given the document."""
    step = cls()
    qtbot.addWidget(step)
    step.resize(1280, 800)
    step.load(document)
    step.show()
    qtbot.waitExposed(step)
    return step


class SuggestionsAnswer:
    """Answers the next "Suggest …" dialog as an officer would, through its widgets.

    ``tick`` is "all", or the titles to tick (by Space on each row); ``owner`` is a stakeholder
    key to choose, or None. After the dialog closed, ``shown`` holds each row's text and whether
    it could be ticked, and ``explained`` the dialog's words on what "Suggested" means.
    """

    def __init__(self, qtbot, tick="all", owner=None, cancel=False):
        from PySide6.QtCore import QTimer

        self.qtbot, self.tick, self.owner, self.cancel = qtbot, tick, owner, cancel
        self.shown: list[tuple[str, bool]] = []
        self.explained = ""
        self.add_text = ""
        QTimer.singleShot(0, self._answer)

    def _answer(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from planner.ui.suggestions_dialog import SuggestionsDialog

        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SuggestionsDialog), dialog
        try:
            self.explained = dialog.explain.text()
            items = dialog.items()
            self.shown = [(item.text(), bool(item.flags() & Qt.ItemFlag.ItemIsUserCheckable)) for item in items]
            for row, item in enumerate(items):
                title = item.text().splitlines()[0]
                if item.flags() & Qt.ItemFlag.ItemIsUserCheckable and (self.tick == "all" or title in self.tick):
                    dialog.list.setCurrentRow(row)
                    self.qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
            if self.owner is not None:
                dialog.owner.setCurrentIndex(dialog.owner.findData(self.owner))
            self.add_text = dialog.add_button.text()
            if self.cancel or not dialog.add_button.isEnabled():
                dialog.reject()
            else:
                self.qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():  # a failed assertion above must not leave the test waiting
                dialog.reject()
