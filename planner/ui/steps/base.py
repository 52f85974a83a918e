"""The base of every step page of the guided workflow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QCheckBox, QComboBox, QLineEdit,
    QPlainTextEdit, QRadioButton, QScrollArea, QTextEdit, QWidget,
)

from planner.ui.document import PlanDocument
from planner.ui.steps.attention import by_step
from planner.ui.widgets.findings import FindingsPanel

class _FitWidth(QObject):
    """Tells a scroll area's content how wide it may be, so its two columns can fold into one."""

    def __init__(self, scroll: QScrollArea, fit):
        super().__init__(scroll)
        self.scroll, self.fit = scroll, fit
        scroll.viewport().installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Resize:
            scroll = self.scroll
            bar = scroll.verticalScrollBar()
            # The room the content would have without sideways scrolling (a vertical bar may come).
            self.fit(scroll.width() - 2 * scroll.frameWidth() - (bar.sizeHint().width() if bar.isVisible() else 0))
        return False


def form_scroll(content: QWidget, parent: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area, so a small or scaled screen reaches every field."""
    scroll = QScrollArea(parent)
    scroll.setWidget(content)
    fit = getattr(content, "fit_width", None)
    if fit is not None:
        _FitWidth(scroll, fit)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame
    return scroll


# A widget with this dynamic property set to True stays usable in a read-only plan
# (e.g. "Go to" and "Export PDF" buttons, which change nothing in the file).
SAFE_WHEN_READ_ONLY = "safeWhenReadOnly"


class Step(QWidget):
    """One page of the workflow (registered, in order, in steps/registry.py).

    Subclasses set ``TITLE`` (through tr() when shown), build their widgets in ``__init__``,
    fill them from the plan in ``load(document)``, refresh on ``document.plan_changed``, and
    emit ``attention_changed(count)`` with the number of things that need the officer's
    attention on this step (0 = done).

    The window calls ``set_read_only(True)`` after ``load`` when the plan cannot be edited.
    """

    TITLE = ""
    NAME = ""  # stable id used in settings ("last step") and in "Go to" links
    attention_changed = Signal(int)
    guidance_requested = Signal(str, str)  # (kind, value): e.g. ("cell", "co/community"), ("risk_category", "burnout")

    findings_panel: FindingsPanel | None = None

    def load(self, document: PlanDocument) -> None:
        raise NotImplementedError

    def make_findings_panel(self) -> FindingsPanel:
        """The list of this step's findings for the top of the page; choosing one selects it."""
        self.findings_panel = FindingsPanel(self)
        self.findings_panel.setProperty(SAFE_WHEN_READ_ONLY, True)
        self.findings_panel.list.setProperty(SAFE_WHEN_READ_ONLY, True)
        self.findings_panel.go_to.connect(self.select)
        return self.findings_panel

    def report_findings(self, document: PlanDocument) -> None:
        """Show this step's plan-check findings and report their count to the step list."""
        mine = by_step(document.findings)  # sorted once per change for every step
        findings, counted = mine.of(self.NAME), mine.count(self.NAME)
        if self.findings_panel is not None:
            self.findings_panel.show_findings(findings, counted)
        self.attention_changed.emit(counted)

    def select(self, target_type: str, key: str | None) -> None:
        """Select the thing a plan-check finding points at (for "Go to"); default does nothing."""

    def guidance_topic(self) -> tuple[str, str] | None:
        """What the guidance panel should explain while this page (and its selection) is shown."""
        return None

    def follow_guidance(self, *_args) -> None:
        """Ask the panel for this page's topic, if the page is the one in sight."""
        topic = self.guidance_topic() if self.isVisible() else None
        if topic is not None:
            self.guidance_requested.emit(*topic)

    def unsaved_changes(self) -> list[str]:
        """Plain-words names of what is typed on this page but not saved (a refused write).

        The window asks before closing the plan while this is not empty; default: nothing.
        """
        return []

    def set_read_only(self, read_only: bool) -> None:
        """Stop (or allow) editing: text stays readable and selectable, ticks stay readable but
        inert, other inputs disable.

        Widgets marked with the ``safeWhenReadOnly`` property are left alone. Steps with
        editors of their own (delegates, dialogs) override this and call ``super()``.
        """
        for widget in self.findChildren(QWidget):
            if widget.property(SAFE_WHEN_READ_ONLY):
                continue
            if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)):
                widget.setReadOnly(read_only)
            elif isinstance(widget, QAbstractItemView):
                widget.setEditTriggers(
                    QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                    else QAbstractItemView.EditTrigger.DoubleClicked
                    | QAbstractItemView.EditTrigger.EditKeyPressed)
            elif isinstance(widget, (QCheckBox, QRadioButton)):
                # Ticks stay readable (a disabled box greys its label out of legibility) but
                # take no clicks or keys.
                widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, read_only)
                widget.setFocusPolicy(Qt.FocusPolicy.NoFocus if read_only else Qt.FocusPolicy.StrongFocus)
            elif isinstance(widget, (QAbstractButton, QComboBox)):
                widget.setEnabled(not read_only)
