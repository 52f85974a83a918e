"""The form for one stakeholder: every field, each change reported as one edit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget,
)

from planner.core.model import (
    DEFAULT_SIDE, Category, DeliveryRole, Motive, PlanningRole, Side, Stakeholder, Stance, label,
)
from planner.core.dates import long_date
from planner.core.scale import RANGE, RANGE_SHORT
from planner.ui.widgets.contributions import ContributionsEditor
from planner.ui.widgets.columns import Columns
from planner.ui.widgets.fields import CommitTextEdit, FocusWatcher, enum_combo, set_combo
from planner.ui.widgets.personal_data import PersonalDataPanel
from planner.ui.widgets.register_form import RegisterForm
from planner.ui.words import scale_spin


class StakeholderForm(RegisterForm):
    """Shows one stakeholder; emits ``edited(changes dict, undo text)`` for each change."""

    ITEM = "stakeholder"
    BLANK = staticmethod(lambda: Stakeholder(key="", name=""))
    log_requested = Signal(str)  # the stakeholder's key: show their entries in the engagement log

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.stakeholder: Stakeholder | None = None
        tr = self.tr
        self.name = QLineEdit(self)
        self.organisation = QLineEdit(self)
        self.category = enum_combo(Category, self)
        self.side = enum_combo(Side, self, "")  # first entry: "Same as category (...)", set in show
        self.planning_role = enum_combo(PlanningRole, self)
        self.planning_role.setToolTip(tr(
            "Being consulted is not coplanning; where professionals alone deliver, it still "
            "counts as users' and communities' part in planning and design (Table 1)."))
        self.delivery_role = enum_combo(DeliveryRole, self)
        self.influence = QSpinBox(self)
        self.interest = QSpinBox(self)
        for spin, name in ((self.influence, "influence"), (self.interest, "interest")):
            scale_spin(spin, Stakeholder, name)
            spin.setKeyboardTracking(False)
        self.stance = enum_combo(Stance, self)
        self.motive = enum_combo(Motive, self, tr("None given"))
        self.motive.setToolTip(tr(
            "Why this person takes part, and so what they gain. The article names people who "
            "use the service directly, people with altruistic motives, people affected by the "
            "user's welfare (family, neighbours) and people who want the service to be there for "
            "their own future use; when such people exist, community coproduction is needed as "
            "well as user coproduction. Paid for the work, or required to take part (not by "
            "choice), are ours: someone required cannot be assumed willing."))
        self.personal = QCheckBox(tr("Private individual — their details are personal data"), self)
        self.contact = QLineEdit(self)
        self.notes = CommitTextEdit(self)
        self.contributions = ContributionsEditor(self)

        rows = [
            (tr("&Name:"), self.name, tr("Name")),
            (tr("&Organisation:"), self.organisation, tr("Organisation")),
            (tr("&Category:"), self.category, tr("Category")),
            (tr("Si&de:"), self.side, tr("Side")),
            (tr("&Planning role:"), self.planning_role, tr("Planning role")),
            (tr("De&livery role:"), self.delivery_role, tr("Delivery role")),
            (tr("&Influence (%s):") % RANGE_SHORT, self.influence, tr("Influence, %s") % RANGE),
            (tr("In&terest (%s):") % RANGE_SHORT, self.interest, tr("Interest, %s") % RANGE),
            (tr("Stanc&e:"), self.stance, tr("Stance towards coproduction")),
            (tr("&Motive:"), self.motive, tr("Why they take part, and what they gain")),
            ("", self.personal, tr("Personal data")),
            (tr("Conta&ct:"), self.contact, tr("Contact")),
            (tr("No&tes:"), self.notes, tr("Notes")),
            (tr("Contri&butions:"), self.contributions, tr("Contributions")),
        ]
        # Two columns side by side: the form sits under the list and the map, so it is wide, not tall.
        self.columns = columns = Columns(self)
        # The right-hand column is the wider: its contributions table has four columns.
        for part, stretch in ((rows[:8], 4), (rows[8:], 5)):
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for text, widget, name in part:
                widget.setAccessibleName(name)
                if widget is self.contributions:  # its caption above it: the table gets the full width
                    caption = QLabel(text, self)
                    caption.setBuddy(widget)
                    form.addRow(caption)
                    form.addRow(widget)
                else:
                    form.addRow(text, widget) if text else form.addRow(widget)
            column = QVBoxLayout()
            column.addLayout(form)
            column.addStretch(1)
            columns.add_column(column, stretch)
        # Their entries in the engagement log, one line under the first column, with a way there.
        self.log_line = QLabel(self)
        self.log_line.setObjectName("stakeholder_log_line")
        self.log_line.setWordWrap(True)
        self.log_line.setTextFormat(Qt.TextFormat.RichText)
        self.log_line.linkActivated.connect(lambda _link: self.stakeholder and self.log_requested.emit(self.stakeholder.key))
        columns.columns[0].insertWidget(1, self.log_line)
        # A private individual's data-protection record sits under their contact and notes.
        self.personal_data = PersonalDataPanel(self)
        columns.columns[-1].insertWidget(1, self.personal_data)
        self.personal_data.edited.connect(self._emit_changes)

        self.name.editingFinished.connect(
            lambda: self._text_finished("name", self.name, "rename stakeholder", required=True))  # a stakeholder needs a name
        self.organisation.editingFinished.connect(
            lambda: self._text_finished("organisation", self.organisation, "change stakeholder organisation"))
        self.contact.editingFinished.connect(
            lambda: self._text_finished("contact", self.contact, "change stakeholder contact"))
        self.notes.committed.connect(lambda text: self._emit("notes", text, "change stakeholder notes"))
        for combo, field, what in (
                (self.category, "category", "category"), (self.side, "side_override", "side"),
                (self.planning_role, "planning_role", "planning role"),
                (self.delivery_role, "delivery_role", "delivery role"),
                (self.stance, "stance", "stance"), (self.motive, "motive", "motive")):
            combo.activated.connect(
                lambda _i, c=combo, f=field, w=what: self._emit(f, c.current(), f"change stakeholder {w}"))
        self.influence.valueChanged.connect(lambda v: self._emit("influence", v, "change stakeholder influence"))
        self.interest.valueChanged.connect(lambda v: self._emit("interest", v, "change stakeholder interest"))
        self.personal.toggled.connect(lambda v: self._emit("personal", v, "change stakeholder personal data flag"))
        self.contributions.changed.connect(
            lambda items: self._emit("contributions", items, "change stakeholder contributions"))
        self.category.activated.connect(lambda _i: self._hint(self.category))
        self.side.activated.connect(lambda _i: self._hint(self.side))
        self._watcher = FocusWatcher(self._hint, self)
        self._watcher.watch(self.category, self.side)
        self.show_item(None)

    def fit_width(self, width: int) -> None:
        """Two columns when the page is wide enough, else one (see widgets.columns)."""
        self.columns.fit_width(width)

    def _hint(self, widget) -> None:
        if widget is self.category:
            self.guidance_requested.emit("stakeholder_category", self.category.current().value)
        elif widget is self.side:
            side = self.side.current() or DEFAULT_SIDE[self.category.current()]
            self.guidance_requested.emit("side", side.value)

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.personal_data.show_stakeholder(self.stakeholder, self.stakeholder is not None and not read_only)

    def _title_for(self, shown) -> str:
        return (self.tr("Selected stakeholder") if shown is not None
                else self.tr("No stakeholder selected: choose one in the list or on the map, or add one"))

    def _fields(self) -> list[QWidget]:
        return [self.name, self.organisation, self.category, self.side, self.planning_role,
                self.delivery_role, self.influence, self.interest, self.stance, self.motive,
                self.personal, self.contact, self.notes, self.contributions]

    def show_log(self, entries: list) -> None:
        """Their entries in the engagement log (date and title), or that they have none."""
        from html import escape

        if not entries:
            self.log_line.setText(self.tr("Engagement log: no entries name them yet."))
            return
        listed = "; ".join(escape(f"{long_date(e.date, self.tr('undated'))}: {e.title}") for e in entries[:3])
        more = self.tr(" and {0} more").format(len(entries) - 3) if len(entries) > 3 else ""
        count = self.tr("1 entry") if len(entries) == 1 else self.tr("{0} entries").format(len(entries))
        self.log_line.setText(self.tr("Engagement log: {0} (").format(count) + listed + more
                              + ") — <a href='log'>" + self.tr("show them in the log") + "</a>")

    def show_item(self, s: Stakeholder | None) -> None:
        super().show_item(s)
        self.personal_data.show_stakeholder(s, s is not None and not self.read_only)

    def _fill(self, shown: Stakeholder) -> None:
        self.name.setText(shown.name)
        self.name.setCursorPosition(0)  # a long text shows its start
        self.organisation.setText(shown.organisation)
        self.organisation.setCursorPosition(0)  # a long text shows its start
        set_combo(self.category, shown.category)
        self.side.setItemText(0, self.tr("Same as category ({0})").format(label(DEFAULT_SIDE[shown.category])))
        set_combo(self.side, shown.side_override)
        set_combo(self.planning_role, shown.planning_role)
        set_combo(self.delivery_role, shown.delivery_role)
        self.influence.setValue(shown.influence)
        self.interest.setValue(shown.interest)
        set_combo(self.stance, shown.stance)
        set_combo(self.motive, shown.motive)
        self.personal.setChecked(shown.personal)
        self.contact.setText(shown.contact)
        self.contact.setCursorPosition(0)  # a long text shows its start
        self.notes.set_text(shown.notes)
        self.contributions.set_contributions(shown.contributions)
