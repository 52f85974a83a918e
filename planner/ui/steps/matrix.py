"""The Coproduction matrix step: choose the target cell of Table 1 and mark where the service is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget,
)

from planner.core.article import CITED
from planner.core.described import described_axes, described_cell, role_differences
from planner.core.matrix import Cell, available_cells
from planner.ui.document import Change, PlanDocument
from planner.ui.matrix_grid import MatrixGrid
from planner.ui.operations.plan import set_current_cell, set_target_cell
from planner.ui.steps.base import Step, form_scroll


class MatrixStep(Step):
    """Coproduction matrix: target cell, today's cell, and the cell the roles describe."""

    TITLE = "Coproduction matrix"
    NAME = "matrix"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self._loading = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.make_findings_panel())
        self.findings_panel.layout().setContentsMargins(9, 6, 9, 0)  # in line with the page below
        page = QWidget(self)
        outer.addWidget(form_scroll(page, self))
        layout = QVBoxLayout(page)

        intro = QLabel(self.tr(
            "Table 1 of %s: who plans the service against who delivers it. Click "
            "the cell you want the service to reach (or use the arrow keys and Space), and say "
            "where it is today.") % CITED, page)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.grid = MatrixGrid(page)
        self.grid.setAccessibleName(self.tr("Coproduction matrix, Table 1"))
        self.grid.cell_chosen.connect(self._choose_target)
        self.grid.cell_focused.connect(lambda cell: self.guidance_requested.emit("cell", cell.code))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.target_label = QLabel(page)
        self.target_label.setWordWrap(True)
        self.target_label.setObjectName("target_label")
        form.addRow(self.tr("Target:"), self.target_label)
        self.today_combo = QComboBox(page)
        self.today_combo.setObjectName("today_combo")
        self.today_combo.setAccessibleName(self.tr("Where the service is today"))
        self.today_combo.addItem(self.tr("Not said yet"), None)
        for cell in available_cells():
            self.today_combo.addItem(cell.name, cell.code)
        self.today_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.today_combo.setMinimumContentsLength(20)
        self.today_combo.activated.connect(self._choose_today)
        today_caption = QLabel(self.tr("Set as where the service is &today:"), page)
        today_caption.setBuddy(self.today_combo)
        form.addRow(today_caption, self.today_combo)

        self.roles_box = QGroupBox(self.tr("Where your stakeholders' roles put the service"), page)
        roles_layout = QVBoxLayout(self.roles_box)
        self.described_label = QLabel(self.roles_box)
        self.described_label.setObjectName("described_label")
        self.differences_label = QLabel(self.roles_box)
        self.differences_label.setObjectName("differences_label")
        for text in (self.described_label, self.differences_label):
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.PlainText)  # stakeholder names are typed by people
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            roles_layout.addWidget(text)
        # Where the plan stands comes first, the grid to choose from below it; the grid was
        # built first all the same, so Tab reaches the cells before the other controls.
        layout.addLayout(form)
        layout.addWidget(self.roles_box)
        layout.addWidget(self.grid)
        layout.addStretch(1)

    def load(self, document: PlanDocument) -> None:
        self.document = document
        document.plan_changed.connect(self._plan_changed)
        self._refresh()

    def _plan_changed(self, change: Change) -> None:
        if change.touches("plan", "stakeholders"):
            self._refresh()

    def _refresh(self) -> None:
        plan = self.document.plan
        described = described_cell(plan.stakeholders)
        self.grid.set_marks(plan.target_cell, plan.current_cell, described)
        if plan.target_cell is None:
            self.target_label.setText(self.tr("Not chosen yet: choose a cell above."))
        else:
            self.target_label.setText(plan.target_cell.name)
        self._loading = True
        code = plan.current_cell.code if plan.current_cell else None
        self.today_combo.setCurrentIndex(max(0, self.today_combo.findData(code)))
        self._loading = False
        self.described_label.setText(self._described_text(plan.stakeholders, described))
        if plan.target_cell is not None and described != plan.target_cell:
            lines = [f"• {d.message}" for d in role_differences(plan.stakeholders, plan.target_cell)]
            self.differences_label.setText(
                self.tr("To reach the target:") + "\n" + "\n".join(lines) if lines else "")
        elif plan.target_cell is not None:
            self.differences_label.setText(self.tr("The roles match the target."))
        else:
            self.differences_label.setText("")
        self.differences_label.setVisible(bool(self.differences_label.text()))

    def _described_text(self, stakeholders, described: Cell | None) -> str:
        if described is not None:
            return self.tr("The planning and delivery roles you gave the stakeholders put the "
                           "service in: %s (marked ◇ in the matrix).") % described.name
        planning, delivery = described_axes(stakeholders)
        missing = []
        if planning is None:
            missing.append(self.tr("nobody has a planning role of co or sole"))
        if delivery is None:
            missing.append(self.tr("nobody has a delivery role of co or sole"))
        return self.tr("The roles do not point to a cell yet: %s. Give roles on the "
                       "Stakeholders step.") % self.tr(" and ").join(missing)

    def _choose_target(self, cell: Cell) -> None:
        self.guidance_requested.emit("cell", cell.code)
        if self.document is None or self.document.read_only or not cell.is_available:
            return
        if cell != self.document.plan.target_cell:
            set_target_cell(self.document, cell)

    def _choose_today(self, index: int) -> None:
        if self._loading or self.document is None:
            return
        code = self.today_combo.itemData(index)
        cell = Cell.from_code(code) if code else None
        if cell != self.document.plan.current_cell and not set_current_cell(self.document, cell):
            self._refresh()

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        # The cells stay focusable so the officer can still read them and their guidance.

    def guidance_topic(self) -> tuple[str, str] | None:
        cell = self.document.plan.target_cell if self.document is not None else None
        return ("cell", cell.code) if cell is not None else None

    def select(self, target_type: str, key: str | None) -> None:
        """A plan finding about the matrix: put the focus on the target (or the first cell)."""
        plan = self.document.plan
        if plan.target_cell is not None and plan.current_cell is None:  # today's cell is what is missing
            self.today_combo.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        cell = plan.target_cell or available_cells()[0]
        self.grid.tiles[cell].setFocus(Qt.FocusReason.OtherFocusReason)
