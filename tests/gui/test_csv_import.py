"""Stakeholder lists from a spreadsheet: the import preview matches columns, and the officer may change them."""

from __future__ import annotations

from pathlib import Path

from plan_factory import make_step, open_plan  # noqa: F401  (open_plan is a fixture)
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from planner.core.model import Stakeholder
from planner.ui.csv_import_dialog import CsvImportDialog
from planner.ui.operations.stakeholders import delete_stakeholders, import_stakeholders
from planner.ui.steps.stakeholders import StakeholdersStep


def answer_preview(qtbot, choose: dict[str, str | None] | None = None, ok: bool = True) -> dict:
    """Answer the next import preview: choose fields for some columns (by header), then OK or Cancel."""
    seen: dict = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, CsvImportDialog), dialog
        try:
            seen["matched"] = {dialog.columns_table.item(r, 0).text(): combo.currentText()
                               for r, combo in enumerate(dialog.combos)}
            seen["summary_before"] = dialog.summary.text()
            seen["read_as"] = dialog.read_as.text() if not dialog.read_as.isHidden() else ""
            for header, field in (choose or {}).items():
                row = dialog.table.headers.index(header)
                combo = dialog.combos[row]
                combo.setFocus()
                target = combo.findData(field)
                while combo.currentIndex() != target:  # as the officer would, with the arrow keys
                    qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
            seen["summary"] = dialog.summary.text()
            seen["names"] = [dialog.accepted_table.item(r, 0).text() for r in range(dialog.accepted_table.rowCount())]
            seen["ok_enabled"] = dialog.ok_button.isEnabled()
            if ok and dialog.ok_button.isEnabled():
                qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
            else:
                dialog.reject()
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, answer)
    return seen


def test_an_officers_spreadsheet_imports_with_columns_matched(qtbot, open_plan, tmp_path, monkeypatch):
    """Name, Organisation, Email, Phone are matched (Email and Phone into contact); an odd column is left out, or kept if chosen."""
    document = open_plan(count=1)
    step = make_step(qtbot, StakeholdersStep, document)
    csv = tmp_path / "people.csv"
    csv.write_text("Name,Organisation,Email,Phone,Shoe size\nGwen Morgan,Age Cymru,gwen@example.org,01234 567890,5\n"
                   "Ifan Rees,,ifan@example.org,,9\n", encoding="utf-8")
    monkeypatch.setattr(step, "ask_csv_path", lambda: str(csv))
    seen = answer_preview(qtbot, choose={"Shoe size": "notes"})
    qtbot.mouseClick(step.import_button, Qt.MouseButton.LeftButton)
    assert seen["matched"] == {"Name": "Name", "Organisation": "Organisation", "Email": "Contact (email, phone, address)",
                               "Phone": "Contact (email, phone, address)", "Shoe size": "Leave out"}
    assert "Columns left out: Shoe size." in seen["summary_before"]
    assert "left out" not in seen["summary"].lower().split("will be added")[1]
    assert seen["names"] == ["Gwen Morgan", "Ifan Rees"]
    added = document.plan.stakeholders[1:]
    assert [(s.name, s.organisation, s.contact, s.notes) for s in added] == [
        ("Gwen Morgan", "Age Cymru", "gwen@example.org; 01234 567890", "5"),
        ("Ifan Rees", "", "ifan@example.org", "9")]
    assert document.undo_stack.undoText() == "import 2 stakeholders from CSV"


def test_a_file_with_no_known_column_asks_which_holds_the_names(qtbot, open_plan, tmp_path, monkeypatch):
    """With no column the planner knows, nothing can be added until the officer chooses the names column."""
    document = open_plan(count=1)
    step = make_step(qtbot, StakeholdersStep, document)
    csv = tmp_path / "list.csv"
    csv.write_text("Wer,Verein\nAnna,Tafel\n", encoding="utf-8")
    monkeypatch.setattr(step, "ask_csv_path", lambda: str(csv))
    seen = answer_preview(qtbot, choose={"Wer": "name", "Verein": "organisation"})
    step.import_button.click()
    assert "no column holds the names" in seen["summary_before"]
    assert seen["ok_enabled"] and seen["names"] == ["Anna"]
    assert (document.plan.stakeholders[-1].name, document.plan.stakeholders[-1].organisation) == ("Anna", "Tafel")


def test_semicolon_windows_1252_file_reads_correctly(qtbot, open_plan, tmp_path, monkeypatch):
    """A European Excel file (semicolons, Windows-1252) shows its accents right and says how it was read."""
    document = open_plan(count=1)
    step = make_step(qtbot, StakeholdersStep, document)
    csv = tmp_path / "excel.csv"
    csv.write_bytes("Nom;Organisation;Téléphone\r\nJosé Müller;Café Crème;0123\r\n".encode("cp1252"))
    monkeypatch.setattr(step, "ask_csv_path", lambda: str(csv))
    seen = answer_preview(qtbot, choose={"Nom": "name", "Téléphone": "contact"})
    step.import_button.click()
    assert seen["read_as"] == "Read as Windows-1252 text, columns separated by semicolons."
    assert "Téléphone" in seen["matched"]
    person = document.plan.stakeholders[-1]
    assert (person.name, person.organisation, person.contact) == ("José Müller", "Café Crème", "0123")


def test_formula_like_cells_export_safely_and_import_unchanged(qtbot, open_plan, tmp_path, monkeypatch):
    """Cells starting =, +, - or @ are written with an apostrophe and come back exactly through Import."""
    document = open_plan(count=0)
    step = make_step(qtbot, StakeholdersStep, document)
    document.execute(import_stakeholders(document, [Stakeholder(
        "s1", "=HYPERLINK(\"http://evil\")", organisation="@Council", contact="+44 7700 900123", notes="-minus")]))
    out = tmp_path / "out.csv"
    monkeypatch.setattr(step, "ask_export_path", lambda: str(out))
    step.export_button.click()
    row = out.read_text(encoding="utf-8-sig").splitlines()[1]
    assert "'=HYPERLINK" in row and "'@Council" in row and "'+44 7700 900123" in row and "'-minus" in row
    document.undo_stack.undo()  # the plan is empty again: the file brings the stakeholder back
    assert document.plan.stakeholders == []
    monkeypatch.setattr(step, "ask_csv_path", lambda: str(out))
    answer_preview(qtbot)
    step.import_button.click()
    [back] = document.plan.stakeholders
    assert (back.name, back.organisation, back.contact, back.notes) == (
        "=HYPERLINK(\"http://evil\")", "@Council", "+44 7700 900123", "-minus")


def test_imported_rows_take_keys_no_agreed_version_cites(qtbot, open_plan, tmp_path, monkeypatch):
    """Rows without a key are numbered by the one scheme: above a stakeholder deleted since a version was agreed."""
    document = open_plan(count=3)
    document.store.agree("Board, May")
    gone = document.plan.stakeholders[-1].key
    assert document.execute(delete_stakeholders(document, [gone]))
    step = make_step(qtbot, StakeholdersStep, document)
    csv = tmp_path / "people.csv"
    csv.write_text("Name\nGwen Morgan\nIfan Rees\n", encoding="utf-8")
    monkeypatch.setattr(step, "ask_csv_path", lambda: str(csv))
    answer_preview(qtbot)
    qtbot.mouseClick(step.import_button, Qt.MouseButton.LeftButton)
    added = document.plan.stakeholders[-2:]
    assert [s.name for s in added] == ["Gwen Morgan", "Ifan Rees"]
    number = int(gone[1:])  # the highest key: the version cites it, so no new row takes it
    assert [s.key for s in added] == [f"s{number + 1}", f"s{number + 2}"]
