"""The data-protection part of the stakeholder form: the record, erase, anonymise, subject access."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import QDate

from plan_factory import make_step, open_plan  # noqa: F401  (open_plan is a fixture)
from planner.core.model import ConsentMethod, LawfulBasis
from planner.ui.steps.stakeholders import StakeholdersStep


def choose(combo, value) -> None:
    """Pick ``value`` in a combo as the officer would, reporting the activation."""
    combo.setCurrentIndex(combo.findData(value.value if value is not None else None))
    combo.activated.emit(combo.currentIndex())


def test_the_panel_shows_only_for_private_individuals(qtbot, open_plan):
    """Amira (a private individual) has the data-protection fields; an organisation has none."""
    step = make_step(qtbot, StakeholdersStep, open_plan())
    step.select("stakeholder", "s1")
    assert step.form.personal_data.isVisible()
    step.select("stakeholder", "s2")
    assert not step.form.personal_data.isVisible()


def test_basis_consent_and_retention_are_stored_and_undone(qtbot, open_plan):
    """Each field is one edit on disk; consent's rows appear only when consent is the basis."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.select("stakeholder", "s1")
    panel = step.form.personal_data
    assert not panel.consent_given_on.isVisible()
    choose(panel.lawful_basis, LawfulBasis.CONSENT)
    assert panel.consent_given_on.isVisible()
    panel.consent_given_on.setDate(QDate(2027, 1, 15))
    choose(panel.consent_how, ConsentMethod.VERBAL_WITNESSED)
    panel.retain_until.setDate(QDate(2028, 1, 31))
    panel.language.setText("Welsh")
    panel.language.editingFinished.emit()
    stored = document.store.stakeholder("s1")
    assert (stored.lawful_basis, stored.consent_given_on, stored.consent_how, stored.retain_until,
            stored.language) == (LawfulBasis.CONSENT, "2027-01-15", ConsentMethod.VERBAL_WITNESSED,
                                 "2028-01-31", "Welsh")
    assert panel.retain_until.text() == "31 January 2028"
    assert document.undo_stack.undoText() == "change language preference"
    for _ in range(5):
        document.undo_stack.undo()
    assert document.store.stakeholder("s1").lawful_basis is None


def test_a_new_stakeholder_is_a_private_individual_with_the_plans_retention(qtbot, open_plan):
    """Add makes a service user marked private, kept for the plan's retention period from today."""
    document = open_plan()
    document.store.update_plan(retention_months=12)
    step = make_step(qtbot, StakeholdersStep, document)
    step.pane.add_button.click()
    added = document.store.load().stakeholders[-1]
    assert added.personal
    today = date.today()
    assert added.retain_until.startswith(f"{today.year + 1}-{today.month:02d}")


def test_erase_from_the_form_asks_then_leaves_no_byte_and_no_undo(qtbot, open_plan):
    """Erase is confirmed, removes Amira from the file's bytes and clears the undo history."""
    document = open_plan(risks=True)
    step = make_step(qtbot, StakeholdersStep, document)
    step.select("stakeholder", "s1")
    assert b"Amira Khan" in document.store.path.read_bytes()
    step.form.personal_data.language.setText("Urdu")
    step.form.personal_data.language.editingFinished.emit()
    asked, told = [], []
    step.privacy.ask_confirm = lambda title, text: asked.append((title, text)) or False
    step.form.personal_data.erase_button.click()
    assert asked and "cannot be undone" in asked[0][1]
    assert document.store.stakeholder("s1").name == "Amira Khan"  # cancelled: nothing happened
    step.privacy.ask_confirm = lambda title, text: True
    step.privacy.show_message = told.append
    step.form.personal_data.erase_button.click()
    assert b"Amira Khan" not in document.store.path.read_bytes()
    assert "s1" not in {s.key for s in document.store.load().stakeholders}
    assert document.undo_stack.count() == 0
    assert "R1" in told[0]  # the risk Amira owned now needs an owner
    assert step.model.rowCount() == 9


def test_anonymise_keeps_the_row_under_its_role_label(qtbot, open_plan):
    """Anonymise leaves "Service user 1" in the list with Amira's details gone from the file."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.select("stakeholder", "s1")
    step.privacy.ask_confirm = lambda title, text: True
    step.privacy.show_message = lambda text: None
    step.form.personal_data.anonymise_button.click()
    assert document.store.stakeholder("s1").name == "Service user 1"
    assert b"Amira Khan" not in document.store.path.read_bytes()


def test_their_data_button_writes_the_subject_access_record(qtbot, open_plan, tmp_path):
    """The record file holds Amira's fields and nobody else's name."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.select("stakeholder", "s1")
    out = tmp_path / "amira.json"
    step.privacy.ask_record_path = lambda suggested: str(out)
    step.form.personal_data.record_button.click()
    record = json.loads(out.read_text(encoding="utf-8"))
    assert {f["field"]: f["value"] for f in record["fields"]}["name"] == "Amira Khan"
    assert "Bryn Jones" not in out.read_text(encoding="utf-8")


def test_context_step_records_retention_and_the_dpia_screening(qtbot, open_plan):
    """The retention period, screening answers and DPIA reference are stored; the result updates."""
    from planner.core.privacy import SCREENING
    from planner.ui.steps.context import ContextStep

    document = open_plan()
    step = make_step(qtbot, ContextStep, document)
    box = step.data_protection
    assert box.result.text().startswith("Not screened yet")
    box.retention.setValue(24)
    for key in ("vulnerable", "safety"):
        combo = box.questions[key]
        combo.setCurrentIndex(combo.findData(True))
        combo.activated.emit(combo.currentIndex())
    box.reference.setText("DPIA-2027-014")
    box.reference.editingFinished.emit()
    plan = document.store.load()
    assert (plan.retention_months, plan.dpia_screening, plan.dpia_reference) == (
        24, {"vulnerable": True, "safety": True}, "DPIA-2027-014")
    assert box.result.text().startswith("A DPIA is likely to be needed")
    assert len(box.questions) == len(SCREENING)
    document.undo_stack.undo()
    assert document.store.load().dpia_reference == ""


def test_going_to_the_screening_finding_focuses_the_first_question(qtbot, open_plan):
    """"Go to" for a plan with people and no screening lands on the first screening question."""
    from planner.ui.steps.context import ContextStep

    document = open_plan()
    document.store.update_plan(organisation="Council", service_area="Care", officer="Me",
                               summary="A day centre")
    step = make_step(qtbot, ContextStep, document)
    step.select("plan", None)
    first = next(iter(step.data_protection.questions.values()))
    qtbot.waitUntil(first.hasFocus)


def test_people_list_shows_each_private_individual_and_what_is_held(qtbot, open_plan):
    """The IG record lists Amira (a private individual) and not the organisations."""
    from planner.ui.widgets.data_protection_box import PeopleDialog

    document = open_plan()
    dialog = PeopleDialog(document.plan)
    qtbot.addWidget(dialog)
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "Amira Khan" in names and "Bryn Jones" not in names
    row = names.index("Amira Khan")
    assert dialog.table.item(row, 2).text() == "Not recorded"


def test_csv_preview_shows_the_private_flag_and_the_officer_can_change_it(qtbot, tmp_path):
    """Service users come ticked, groups not; an untick in the preview is what gets imported."""
    from PySide6.QtCore import Qt

    from planner.storage.csv_columns import read_table
    from planner.ui.csv_import_dialog import CsvImportDialog

    data = "Name,Category\nAmira Khan,service_user\nRiverside Tenants,community_group\nJo Baker,volunteer\n"
    dialog = CsvImportDialog(read_table(data.encode("utf-8")), "people.csv")
    qtbot.addWidget(dialog)
    ticks = [dialog.accepted_table.item(r, 4) for r in range(3)]
    assert [t.checkState() == Qt.CheckState.Checked for t in ticks] == [True, False, True]
    ticks[2].setCheckState(Qt.CheckState.Unchecked)  # Jo Baker stands for a volunteer group
    assert [s.personal for s in dialog.import_result.accepted] == [True, False, False]
    assert ticks[2].text() == "No"


def test_extend_asks_a_date_and_a_reason_and_keeps_the_reason(qtbot, open_plan):
    """Extend is one undoable edit: the new date, and the reason dated in the person's notes."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.select("stakeholder", "s1")
    told = []
    step.privacy.show_message = told.append
    step.privacy.ask_extension = lambda proposed: ("2029-03-31", "")
    step.form.personal_data.extend_button.click()
    assert told and document.store.stakeholder("s1").retain_until is None  # no reason: refused
    step.privacy.ask_extension = lambda proposed: ("2029-03-31", "Still in the monthly group")
    step.form.personal_data.extend_button.click()
    person = document.store.stakeholder("s1")
    assert person.retain_until == "2029-03-31"
    assert "Kept until 31 March 2029" in person.notes and "Still in the monthly group" in person.notes
    document.undo_stack.undo()
    assert document.store.stakeholder("s1").retain_until is None


def test_export_to_csv_with_people_is_confirmed_every_time(qtbot, open_plan, tmp_path):
    """The CSV holds everything: with private individuals the officer confirms, and the name says so."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    out = tmp_path / "out.csv"
    asked, offered = [], []
    step.privacy.ask_confirm = lambda title, text: asked.append(text) or False
    step.ask_export_path = lambda: offered.append(step._csv_name) or str(out)
    step.export_button.click()
    assert "private individual" in asked[0] and not out.exists() and not offered
    step.privacy.ask_confirm = lambda title, text: asked.append(text) or True
    step.export_button.click()
    assert len(asked) == 2 and out.exists()  # asked again: the choice is never remembered
    assert "PERSONAL, not for circulation" in offered[0]


def test_export_dialog_starts_with_the_analysis_left_out_every_time(qtbot, window, tmp_path, monkeypatch):
    """The dialog's stance-and-influence choice starts at "leave out" and reaches the PDF."""
    from pypdf import PdfReader

    from planner.core.model import Category, Plan, Stance, Stakeholder
    from planner.storage import PlanStore
    from planner.ui.export_dialog import ExportDialog

    dialog = ExportDialog({"paper": "a4", "status": "", "analysis": "all"})
    qtbot.addWidget(dialog)
    assert dialog.options()["analysis"] == "none"  # never carried over from a last export
    path = tmp_path / "p.coplan"
    PlanStore.create_from(path, Plan(title="Day centre", stakeholders=[
        Stakeholder("s1", "Adult social care team", category=Category.PROFESSIONAL,
                    stance=Stance.RESISTANT)])).close()
    from planner.ui.files import open_plan as open_in_window

    open_in_window(window, path)
    for choice in ("none", "groups"):
        monkeypatch.setattr(window, "ask_export_options", lambda options, kind="pdf", c=choice: {
            **options, "analysis": c, "open_when_done": False})
        monkeypatch.setattr(window, "ask_save_path", lambda *a, c=choice: str(tmp_path / f"{c}.pdf"))
        window.actions.export.trigger()
    text = {c: " ".join(p.extract_text() for p in PdfReader(tmp_path / f"{c}.pdf").pages)
            for c in ("none", "groups")}
    assert "Resistant" not in text["none"] and "Resistant" in text["groups"]


def test_deleting_a_private_individual_says_it_can_be_undone_and_offers_erase(qtbot, open_plan):
    """Delete of a person asks: delete (undoable, kept in the undo history) or erase instead."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.select("stakeholder", "s1")  # Amira, a private individual
    asked = []
    step.privacy.ask_delete_people = lambda names, n: asked.append(names) or None
    step.pane.delete_button.click()
    assert asked == [["Amira Khan"]] and document.store.stakeholder("s1")  # cancelled
    step.privacy.ask_delete_people = lambda names, n: "erase"
    step.privacy.ask_confirm = lambda title, text: True
    step.privacy.show_message = lambda text: None
    step.pane.delete_button.click()
    assert b"Amira Khan" not in document.store.path.read_bytes()
    step.select("stakeholder", "s4")  # Dewi, also a private individual: plain delete this time
    step.privacy.ask_delete_people = lambda names, n: "delete"
    step.pane.delete_button.click()
    assert "s4" not in {s.key for s in document.store.load().stakeholders}
    document.undo_stack.undo()
    assert document.store.stakeholder("s4").name == "Dewi Morgan"


def test_deleting_an_organisation_asks_nothing_about_personal_data(qtbot, open_plan):
    """An organisation is deleted without the personal-data question."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.select("stakeholder", "s2")
    step.privacy.ask_delete_people = lambda names, n: pytest.fail("asked about an organisation")
    step.pane.delete_button.click()
    assert "s2" not in {s.key for s in document.store.load().stakeholders}
