"""What is due in the next 30 days: open actions and safeguard reviews in one list, soonest first."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from planner.core.dates import long_date
from planner.core.model import Plan
from planner.core.rules_record import due_items

DAYS = 30


class DueList(QWidget):
    """Overdue items first (marked), then those due within the next 30 days."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("What is due in the next 30 days"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def show_due(self, plan: Plan, today: date) -> None:
        names = {s.key: s.name for s in plan.stakeholders}
        items = due_items(plan, today, DAYS)
        self.list.clear()
        for item in items:
            what = self.tr("Action") if item.what == "action" else self.tr("Safeguard review")
            owner = names.get(item.owner, self.tr("no owner yet")) if item.owner else self.tr("no owner yet")
            flag = self.tr("OVERDUE \u00b7 ") if item.overdue else ""
            self.list.addItem(f"{flag}{long_date(item.due)} \u00b7 {what}: {item.title} ({owner})")
        overdue = sum(i.overdue for i in items)
        self.summary.setText(
            self.tr("Nothing is due in the next {0} days.").format(DAYS) if not items else
            self.tr("{0} due in the next {1} days, {2} of them overdue. Actions are kept on the "
                    "partnership's record; review dates on the safeguards.").format(len(items), DAYS, overdue))
