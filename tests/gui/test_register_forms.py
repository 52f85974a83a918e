"""Every register's form reports edits the same way: ``edited({field: value}, undo text)``."""

from __future__ import annotations

import pytest

from planner.core.model import Action, Engagement, Risk, Safeguard, Stakeholder
from planner.ui.widgets.action_form import ActionForm
from planner.ui.widgets.engagement_form import EngagementForm
from planner.ui.widgets.register_form import RegisterForm
from planner.ui.widgets.risk_form import RiskForm
from planner.ui.widgets.safeguard_form import SafeguardForm
from planner.ui.widgets.stakeholder_form import StakeholderForm

# Each form, a row to show, its first text field and the undo text a rename gives.
FORMS = [
    (StakeholderForm, Stakeholder("s1", "Amira"), "name", "rename stakeholder"),
    (RiskForm, Risk("r1", "Burnout"), "title", "rename risk"),
    (SafeguardForm, Safeguard("g1", "Rota"), "title", "rename safeguard"),
    (EngagementForm, Engagement("e1", "Open meeting"), "title", "rename log entry"),
    (ActionForm, Action("a1", "Write back"), "title", "rename action"),
]


@pytest.mark.parametrize("form_class", [f for f, *_ in FORMS], ids=lambda f: f.__name__)
def test_every_form_has_the_one_edited_signal(form_class):
    """No form declares a signal of its own shape: each inherits RegisterForm's edited(dict, str)."""
    assert issubclass(form_class, RegisterForm)
    assert "edited" not in vars(form_class)


@pytest.mark.parametrize(("form_class", "row", "field", "text"), FORMS, ids=lambda v: getattr(v, "__name__", ""))
def test_a_rename_is_reported_as_changes_and_undo_text(qtbot, form_class, row, field, text):
    """Typing a new name and leaving the field emits ({field: new text}, undo text), once."""
    form = form_class()
    qtbot.addWidget(form)
    form.show_item(row)
    assert form.item is row
    edit = getattr(form, field)
    with qtbot.waitSignal(form.edited) as caught:
        edit.setText("Renamed")
        edit.editingFinished.emit()
    assert caught.args == [{field: "Renamed"}, text]


@pytest.mark.parametrize(("form_class", "row", "field", "text"), FORMS, ids=lambda v: getattr(v, "__name__", ""))
def test_no_row_or_read_only_or_the_same_value_reports_nothing(qtbot, form_class, row, field, text):
    """A form with no row, a read-only form, or a field left as it was says nothing; an emptied name comes back."""
    form = form_class()
    qtbot.addWidget(form)
    edits = []
    form.edited.connect(lambda *args: edits.append(args))
    edit = getattr(form, field)
    edit.editingFinished.emit()  # no row shown
    form.show_item(row)
    edit.editingFinished.emit()  # unchanged
    edit.setText("")
    edit.editingFinished.emit()  # a row needs its name
    assert edit.text() == getattr(row, field)
    form.set_read_only(True)
    assert not edit.isEnabled()
    edit.setText("Renamed")
    edit.editingFinished.emit()
    assert edits == []


def test_the_personal_data_panel_reports_through_the_same_signal(qtbot):
    """A person's language, typed in the data-protection box, reaches the form's edited as a dict."""
    form = StakeholderForm()
    qtbot.addWidget(form)
    form.show_item(Stakeholder("s1", "Amira", personal=True))
    with qtbot.waitSignal(form.edited) as caught:
        form.personal_data.language.setText("Welsh")
        form.personal_data.language.editingFinished.emit()
    assert caught.args == [{"language": "Welsh"}, caught.args[1]] and isinstance(caught.args[1], str)
