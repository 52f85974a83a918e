"""Personal data is never included in an export by accident: the choice is made afresh for every export."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from planner.core.model import Stakeholder
from planner.storage import PlanStore
from planner.ui.export_dialog import ExportDialog
from planner.ui.files import open_plan
from planner.ui.main_window import MainWindow
from planner.ui.settings import Settings

PERSONAL_NAME = "Library services \u2014 PERSONAL, not for circulation.pdf"


@pytest.fixture
def people_plan(tmp_path) -> Path:
    """A plan naming a private individual with a phone number."""
    path = tmp_path / "Library services.coplan"
    with PlanStore.create(path, "Library services") as store:
        store.add_stakeholder(Stakeholder("s1", "Gwen Morgan", personal=True, contact="07700 900123"))
    return path


def _old_settings(tmp_path) -> str:
    """An ini file as an older version left it: personal data ticked and remembered."""
    ini = str(tmp_path / "prefs.ini")
    old = QSettings(ini, QSettings.Format.IniFormat)
    old.setValue("export/include_personal", True)
    old.setValue("export/paper", "letter")
    old.sync()
    return ini


class SaveDialog:
    """Stands in for the save dialog: records what it suggested and writes numbered PDFs."""

    def __init__(self, folder: Path):
        self.folder, self.suggested = folder, []

    def __call__(self, title: str, suggested: Path, file_filter: str) -> str:
        self.suggested.append(Path(suggested).name)
        return str(self.folder / f"export{len(self.suggested)}.pdf")

    def pdf(self) -> PdfReader:
        return PdfReader(self.folder / f"export{len(self.suggested)}.pdf")


def _through_dialog(qtbot, window: MainWindow, tick: bool) -> dict:
    """Export with Ctrl+E through the real options dialog; what the dialog showed when it opened."""
    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        seen["ticked"] = dialog.personal.box.isChecked()
        seen["warning"] = not dialog.personal.warning.isHidden()
        if tick:
            qtbot.mouseClick(dialog.personal.box, Qt.MouseButton.LeftButton)
            seen["warning_after_tick"] = dialog.personal.warning.isVisible()
        dialog.open_when_done.setChecked(False)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, answer)
    window.actions.export.trigger()
    return seen


def _real_options_dialog(monkeypatch, window: MainWindow) -> None:
    monkeypatch.setattr(window, "ask_export_options", MainWindow.ask_export_options.__get__(window))


def _metadata_says_personal(reader: PdfReader) -> bool:
    return all("personal data" in (field or "") for field in (reader.metadata.title, reader.metadata.subject))


def test_dialog_starts_unticked_every_time_and_marks_a_personal_export(
        make_window, people_plan, tmp_path, monkeypatch, qtbot):
    """Ticking in the dialog changes the file name, warns and marks the PDF; the next export starts unticked."""
    window = make_window(show=True)
    _real_options_dialog(monkeypatch, window)
    save = SaveDialog(tmp_path)
    monkeypatch.setattr(window, "ask_save_path", save)
    open_plan(window, people_plan)

    first = _through_dialog(qtbot, window, tick=True)
    assert first == {"ticked": False, "warning": False, "warning_after_tick": True}
    assert save.suggested[-1] == PERSONAL_NAME
    assert _metadata_says_personal(save.pdf())
    assert "Gwen Morgan" in "".join(page.extract_text() for page in save.pdf().pages)

    second = _through_dialog(qtbot, window, tick=False)
    assert second == {"ticked": False, "warning": False}
    assert save.suggested[-1] == "Library services.pdf"
    assert not _metadata_says_personal(save.pdf())
    assert "Gwen Morgan" not in "".join(page.extract_text() for page in save.pdf().pages)


def test_review_unticks_after_export_and_the_dialog_does_not_inherit(
        make_window, people_plan, tmp_path, monkeypatch, qtbot):
    """A personal export from Review leaves its box unticked, and neither Review nor the dialog carries it on."""
    window = make_window(show=True)
    _real_options_dialog(monkeypatch, window)
    save = SaveDialog(tmp_path)
    monkeypatch.setattr(window, "ask_save_path", save)
    open_plan(window, people_plan)
    review = window.go_to_step("review")
    review.open_when_done.setChecked(False)
    assert not review.personal.isChecked()
    assert review.personal.warning.isHidden()
    qtbot.mouseClick(review.personal.box, Qt.MouseButton.LeftButton)
    assert review.personal.warning.isVisible()
    qtbot.mouseClick(review.export_button, Qt.MouseButton.LeftButton)
    assert save.suggested[-1] == PERSONAL_NAME
    assert _metadata_says_personal(save.pdf())

    assert not review.personal.isChecked()
    assert review.personal.warning.isHidden()
    window.go_to_step("context")
    assert not window.go_to_step("review").personal.isChecked()
    assert _through_dialog(qtbot, window, tick=False)["ticked"] is False
    assert not _metadata_says_personal(save.pdf())
    qtbot.mouseClick(review.export_button, Qt.MouseButton.LeftButton)
    assert save.suggested[-1] == "Library services.pdf"
    assert not _metadata_says_personal(save.pdf())


def test_cancelled_save_does_not_keep_the_tick(window, people_plan, monkeypatch, qtbot):
    """Ticking in Review and then cancelling the save still leaves the box unticked for the next try."""
    monkeypatch.setattr(window, "ask_save_path", lambda *args: None)
    open_plan(window, people_plan)
    review = window.go_to_step("review")
    review.personal.box.setChecked(True)
    review.export_button.click()
    assert not review.personal.isChecked()


def test_old_settings_and_a_restart_never_carry_the_choice(tmp_path, people_plan, monkeypatch, qtbot):
    """An old settings file that remembered the tick is ignored, and a personal export is not remembered across a restart."""
    ini = _old_settings(tmp_path)
    settings = Settings(QSettings(ini, QSettings.Format.IniFormat))
    first = MainWindow(settings)
    qtbot.addWidget(first, before_close_func=lambda w: w.close_document())
    _real_options_dialog(monkeypatch, first)
    save = SaveDialog(tmp_path)
    monkeypatch.setattr(first, "ask_save_path", save)
    monkeypatch.setattr(first, "open_external", lambda path: None)
    monkeypatch.setattr(first, "ask_must_fix", lambda text: "export")
    with qtbot.waitExposed(first):
        first.show()
    open_plan(first, people_plan)
    review = first.go_to_step("review")
    assert review.paper.currentData() == "letter"  # the old file's other choices still count
    assert not review.personal.isChecked()
    seen = _through_dialog(qtbot, first, tick=True)
    assert seen["ticked"] is False
    assert _metadata_says_personal(save.pdf())
    first.close()

    text = Path(ini).read_text(encoding="utf-8")
    assert "personal" not in text.lower()
    again = Settings(QSettings(ini, QSettings.Format.IniFormat))
    second = MainWindow(again)
    qtbot.addWidget(second, before_close_func=lambda w: w.close_document())
    _real_options_dialog(monkeypatch, second)
    monkeypatch.setattr(second, "ask_save_path", save)
    monkeypatch.setattr(second, "open_external", lambda path: None)
    monkeypatch.setattr(second, "ask_must_fix", lambda text: "export")
    with qtbot.waitExposed(second):
        second.show()
    open_plan(second, people_plan)
    assert not second.go_to_step("review").personal.isChecked()
    assert second.export_options()["include_personal"] is False
    assert _through_dialog(qtbot, second, tick=False)["ticked"] is False
    assert save.suggested[-1] == "Library services.pdf"
    assert not _metadata_says_personal(save.pdf())
    second.close()
