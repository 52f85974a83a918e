"""The export dialog's choice to add a large plan's full registers as an annex."""

from pypdf import PdfReader

from planner.core.model import Stakeholder
from planner.export.outline import SUMMARY_STAKEHOLDERS
from planner.storage import PlanStore
from planner.ui.export_dialog import ExportDialog
from planner.ui.files import open_plan


def _large_plan(tmp_path):
    """A plan with more stakeholders than the summary paper lists one by one."""
    path = tmp_path / "Large.coplan"
    with PlanStore.create(path, "Large") as store:
        for i in range(SUMMARY_STAKEHOLDERS + 5):
            store.add_stakeholder(Stakeholder(f"s{i}", f"Group {i}"))
    return path


def test_dialog_offers_the_full_registers_unticked(qtbot):
    """The box starts unticked and its choice comes back in the options."""
    dialog = ExportDialog({"paper": "a4", "status": ""})
    qtbot.addWidget(dialog)
    assert not dialog.full_registers.isChecked()
    assert dialog.options()["full"] is False
    dialog.full_registers.setChecked(True)
    assert dialog.options()["full"] is True


def test_ticked_full_registers_add_the_annex(window, tmp_path, monkeypatch):
    """Exporting a large plan with the box ticked prints the registers after the sign-off."""
    open_plan(window, _large_plan(tmp_path))
    for full, name in ((False, "summary"), (True, "full")):
        monkeypatch.setattr(window, "ask_export_options",
                            lambda options, kind="pdf", full=full: {**options, "full": full,
                                                              "open_when_done": False})
        monkeypatch.setattr(window, "ask_save_path",
                            lambda *args, name=name: str(tmp_path / f"{name}.pdf"))
        window.actions.export.trigger()
    summary = " ".join(p.extract_text() for p in PdfReader(tmp_path / "summary.pdf").pages)
    full = " ".join(p.extract_text() for p in PdfReader(tmp_path / "full.pdf").pages)
    assert "Annex: full registers" not in summary and "Annex: full registers" in full
    assert "Group 44" in full


def test_reason_to_sign_is_asked_only_while_must_fix_findings_remain(qtbot):
    """The dialog offers the sign-off reason only when the plan has must-fix findings."""
    clean = ExportDialog({"paper": "a4", "must_fix": 0})
    qtbot.addWidget(clean)
    assert not clean.sign_off_reason.isVisibleTo(clean)
    assert clean.options()["sign_off_reason"] == ""
    unfinished = ExportDialog({"paper": "a4", "must_fix": 2})
    qtbot.addWidget(unfinished)
    assert unfinished.sign_off_reason.isVisibleTo(unfinished)
    unfinished.sign_off_reason.setText("  The board meets today.  ")
    assert unfinished.options()["sign_off_reason"] == "The board meets today."


def test_the_reason_typed_is_printed_on_the_sign_off_page(window, tmp_path, monkeypatch):
    """A reason given in the dialog puts the unfinished plan for signature with the reason."""
    open_plan(window, _large_plan(tmp_path))  # no cells chosen: a must-fix finding
    assert window.export_options()["must_fix"] > 0
    monkeypatch.setattr(window, "ask_export_options",
                        lambda options, kind="pdf": {**options, "open_when_done": False,
                                                     "sign_off_reason": "Agreed at the board."})
    monkeypatch.setattr(window, "ask_save_path", lambda *args: str(tmp_path / "signed.pdf"))
    window.actions.export.trigger()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(tmp_path / "signed.pdf").pages)
                    .split())
    assert "The officer\u2019s reason: \u201cAgreed at the board.\u201d" in text
