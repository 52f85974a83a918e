"""The Service and context step: what the service is, who plans it, why coproduce, which stages."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QGridLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from planner.core.article import CITED
from planner.core.model import Driver, Stage, label
from planner.ui.document import Change, PlanDocument
from planner.ui.operations.plan import change_plan, set_drivers, set_stages
from planner.ui.steps.attention import context_gaps
from planner.ui.steps.base import Step, form_scroll
from planner.ui.text_fields import CommitPlainTextEdit
from planner.ui.widgets.data_protection_box import DataProtectionBox

TEXT_FIELDS = ("title", "organisation", "service_area", "officer", "summary")


class ContextStep(Step):
    """Service and context: the plan's title and setting, its drivers and value-chain stages."""

    TITLE = "Service and context"
    NAME = "context"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self._unsaved: set[str] = set()  # fields whose last save failed: keep what is typed
        self._loading = False

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.make_findings_panel())
        self.findings_panel.layout().setContentsMargins(9, 6, 9, 0)  # in line with the page below
        page = QWidget(self)
        self.scroll = form_scroll(page, self)
        outer.addWidget(self.scroll)
        layout = QVBoxLayout(page)

        intro = QLabel(self.tr(
            "Say what service this plan is about and who is planning it. Everything you type "
            "is saved as soon as you leave the field."), page)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLineEdit | CommitPlainTextEdit] = {}
        labels = {
            "title": self.tr("Plan &title"),
            "organisation": self.tr("&Organisation or partnership"),
            "service_area": self.tr("&Service area"),
            "officer": self.tr("O&fficer"),
            "summary": self.tr("S&ummary"),
        }
        hints = {
            "title": self.tr("e.g. Village shop rescue"),
            "organisation": self.tr("e.g. Westshire Council with Tackley Parish"),
            "service_area": self.tr("e.g. Rural services"),
            "officer": self.tr("Who leads the plan"),
        }
        for name in TEXT_FIELDS:
            if name == "summary":
                field = CommitPlainTextEdit(page)
                field.setPlaceholderText(self.tr("What the service does, for whom, and what should change"))
                lines = field.fontMetrics().lineSpacing()
                field.setMinimumHeight(4 * lines)
                field.setMaximumHeight(9 * lines)
            else:
                field = QLineEdit(page)
                field.setPlaceholderText(hints[name])
            field.setObjectName(f"field_{name}")
            field.setAccessibleName(labels[name].replace("&", ""))
            field.editingFinished.connect(lambda name=name: self._commit(name))
            self.fields[name] = field
            caption = QLabel(labels[name], page)
            caption.setBuddy(field)
            form.addRow(caption, field)
        layout.addLayout(form)

        self.drivers_box = QGroupBox(self.tr("Why coproduce? (the drivers)"), page)
        drivers_layout = QVBoxLayout(self.drivers_box)
        why = QLabel(self.tr(
            "%s, after Joshi and Moore (2003), names two reasons organisations turn "
            "to coproduction. Tick the ones that apply.") % CITED, self.drivers_box)
        why.setWordWrap(True)
        drivers_layout.addWidget(why)
        self.driver_checks: dict[Driver, QCheckBox] = {}
        explanations = {
            Driver.GOVERNANCE: (
                self.tr("Governance: the council's capacity to govern has declined"),
                self.tr("Users and communities are brought into planning, design and managing "
                        "the service. This tends to lead to coplanning."),
            ),
            Driver.LOGISTICAL: (
                self.tr("Logistical or feasibility: the service cannot be delivered well without them"),
                self.tr("The setting is too complex or varied, reaching many households costs too "
                        "much (e.g. in rural areas), or the service cannot work at all without the "
                        "user's own effort. This tends to lead to codelivery."),
            ),
        }
        for driver, (title, text) in explanations.items():
            check = QCheckBox(title, self.drivers_box)
            check.setObjectName(f"driver_{driver.value}")
            check.setAccessibleDescription(text)
            check.toggled.connect(self._drivers_toggled)
            check.installEventFilter(self)
            self.driver_checks[driver] = check
            drivers_layout.addWidget(check)
            explain = QLabel(text, self.drivers_box)
            explain.setWordWrap(True)
            explain.setIndent(24)
            drivers_layout.addWidget(explain)
        layout.addWidget(self.drivers_box)

        self.stages_box = QGroupBox(self.tr("Value-chain stages in scope"), page)
        stages_layout = QGridLayout(self.stages_box)
        stages_why = QLabel(self.tr(
            "In which decisions will users and the community take part? Coproduction can reach "
            "every stage of the service's value chain."), self.stages_box)
        stages_why.setWordWrap(True)
        stages_layout.addWidget(stages_why, 0, 0, 1, 4)
        self.stage_checks: dict[Stage, QCheckBox] = {}
        for index, stage in enumerate(Stage):
            check = QCheckBox(self.tr(label(stage)), self.stages_box)
            check.setObjectName(f"stage_{stage.value}")
            check.toggled.connect(self._stages_toggled)
            self.stage_checks[stage] = check
            stages_layout.addWidget(check, 1 + index // 4, index % 4)
        layout.addWidget(self.stages_box)

        self.data_protection = DataProtectionBox(page)
        self.data_protection.edited.connect(self._data_protection_edited)
        layout.addWidget(self.data_protection)

        layout.addStretch(1)

    # ------------------------------------------------------------ loading and refreshing

    def load(self, document: PlanDocument) -> None:
        self.document = document
        document.plan_changed.connect(self._plan_changed)
        document.write_failed.connect(self._write_failed)
        self._refresh()

    def _plan_changed(self, change: Change) -> None:
        if change.touches("plan"):
            self._refresh()

    def _refresh(self) -> None:
        plan = self.document.plan
        self._loading = True
        try:
            for name, field in self.fields.items():
                if name in self._unsaved:
                    continue  # the officer's text that failed to save stays on screen
                value = getattr(plan, name)
                if isinstance(field, CommitPlainTextEdit):
                    field.set_committed_text(value)
                elif field.text() != value:
                    field.setText(value)
            for driver, check in self.driver_checks.items():
                check.setChecked(driver in plan.drivers)
            for stage, check in self.stage_checks.items():
                check.setChecked(stage in plan.stages)
            self.data_protection.show_plan(plan, not self.document.read_only)
        finally:
            self._loading = False

    def missing(self) -> list[str]:
        """What is still empty on this page, in plain words."""
        words = {"organisation": self.tr("organisation"), "service_area": self.tr("service area"),
                 "officer": self.tr("officer"), "summary": self.tr("summary"),
                 "drivers": self.tr("at least one driver"), "stages": self.tr("at least one value-chain stage")}
        return [words[gap] for gap in context_gaps(self.document.plan)]

    # ------------------------------------------------------------ editing

    def _text_of(self, name: str) -> str:
        field = self.fields[name]
        text = field.text_to_save() if isinstance(field, CommitPlainTextEdit) else field.text()
        return text if name == "summary" else text.strip()

    def _commit(self, name: str) -> None:
        if self._loading or self.document is None or self.document.read_only:
            return
        text = self._text_of(name)
        if text == getattr(self.document.plan, name):
            self._unsaved.discard(name)
            return
        self._unsaved.add(name)  # until storage says it is on disk
        if change_plan(self.document, name, text):
            self._unsaved.discard(name)
            self._refresh()

    def unsaved_changes(self) -> list[str]:
        """The fields whose last save failed, named as on screen."""
        return [self.fields[name].accessibleName() for name in TEXT_FIELDS if name in self._unsaved]

    def _write_failed(self, _message: str) -> None:
        # The window shows the message; here the typed text simply stays where it is.
        pass

    def _data_protection_edited(self, field: str, value) -> None:
        if not self._loading and self.document is not None and not change_plan(self.document, field, value):
            self._refresh()

    def _drivers_toggled(self) -> None:
        if self._loading or self.document is None:
            return
        chosen = [d for d, check in self.driver_checks.items() if check.isChecked()]
        if not set_drivers(self.document, chosen):
            self._refresh()

    def _stages_toggled(self) -> None:
        if self._loading or self.document is None:
            return
        chosen = [s for s, check in self.stage_checks.items() if check.isChecked()]
        if not set_stages(self.document, chosen):
            self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            for driver, check in self.driver_checks.items():
                if check is watched:
                    self.guidance_requested.emit("driver", driver.value)
        return super().eventFilter(watched, event)

    def guidance_topic(self) -> tuple[str, str] | None:
        drivers = self.document.plan.drivers if self.document is not None else []
        return ("driver", drivers[0].value) if drivers else None

    def select(self, target_type: str, key: str | None) -> None:
        """A plan finding about the context: the first empty field, else the screening if it is due.

        ``("field", name)`` (an undone edit of that field) puts the focus on that field.
        """
        if target_type == "field":
            if key in self.fields:
                self.fields[key].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        for name in TEXT_FIELDS:
            if not getattr(self.document.plan, name).strip():
                self.fields[name].setFocus(Qt.FocusReason.OtherFocusReason)
                return
        plan = self.document.plan
        if any(s.personal for s in plan.stakeholders) and not self.data_protection.answers():
            first = next(iter(self.data_protection.questions.values()))
            self.scroll.ensureWidgetVisible(first)
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.fields["title"].setFocus(Qt.FocusReason.OtherFocusReason)
