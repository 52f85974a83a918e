"""Export PDF: a small options dialog, then the PDF written with a progress indicator."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QProgressDialog, QWidget,
)

from planner.core.paper import DEFAULT_PAPER
from planner.ui.settings import PAPERS
from planner.ui.widgets.personal_choice import PersonalDataChoice, pdf_name

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportPdf", text)


class ExportDialog(QDialog):
    """Paper size, personal data, a status line and whether to open the document afterwards.

    The personal-data box starts unticked whatever ``options`` say: that choice is made
    afresh for every export. ``kind`` is "pdf" or "docx" (the Word document takes the same
    options as the PDF).
    """

    def __init__(self, options: dict, parent: QWidget | None = None, kind: str = "pdf"):
        super().__init__(parent)
        word = kind == "docx"
        self.setWindowTitle(self.tr("Export Word document") if word else self.tr("Export PDF"))
        form = QFormLayout(self)
        self.paper = QComboBox(self)
        for value, text in PAPERS:
            self.paper.addItem(self.tr(text), value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(options.get("paper", DEFAULT_PAPER))))
        self.status_line = QLineEdit(options.get("status", ""), self)
        self.status_line.setPlaceholderText(self.tr("e.g. Draft for the partnership board"))
        self.personal = PersonalDataChoice(self)
        # The warning line takes room when shown: grow the dialog to fit it (and shrink back).
        self.personal.toggled.connect(lambda _checked: QTimer.singleShot(0, self.adjustSize))
        self.open_when_done = QCheckBox(
            self.tr("Open the Word document when it is ready") if word
            else self.tr("Open the PDF when it is ready"), self)
        self.open_when_done.setChecked(options.get("open_when_done", True))
        # A large plan's paper summarises its registers; this adds them in full as an annex.
        self.full_registers = QCheckBox(self.tr("Add the full registers as an annex"), self)
        self.full_registers.setToolTip(self.tr(
            "A plan with more than 40 stakeholders, 30 risks or 30 safeguards is summarised; "
            "tick this to print every stakeholder, risk and safeguard at the end as well."))
        self.full_registers.setChecked(bool(options.get("full", False)))
        # The officer's judgements of named partners; like personal data, chosen afresh each
        # time and starting at "leave out", since the document goes to the partners themselves.
        self.analysis = QComboBox(self)
        for value, text in (("none", "Leave out (for circulation)"),
                            ("groups", "Show for groups and organisations"),
                            ("all", "Show for everyone (internal analysis)")):
            self.analysis.addItem(self.tr(text), value)
        self.analysis.setToolTip(self.tr(
            "Your stance, influence and interest judgements and the power/interest map. Partners "
            "read the circulated copy: leave them out unless the meeting needs them. A private "
            "individual's are shown only in the internal analysis or a copy with personal data."))
        # While must-fix findings remain the PDF says DRAFT and asks for them to be fixed before
        # anyone signs; a reason typed here puts it for signature anyway, printed on that page.
        self.sign_off_reason = QLineEdit(self)
        self.sign_off_reason.setPlaceholderText(self.tr(
            "Leave empty: the sign-off page lists what to fix first"))
        must_fix = int(options.get("must_fix", 0))
        paper_caption = QLabel(self.tr("&Paper:"), self)
        paper_caption.setBuddy(self.paper)
        status_caption = QLabel(self.tr("&Status line:"), self)
        status_caption.setBuddy(self.status_line)
        form.addRow(paper_caption, self.paper)
        form.addRow(status_caption, self.status_line)
        form.addRow("", self.personal)
        analysis_caption = QLabel(self.tr("Stance and &influence:"), self)
        analysis_caption.setBuddy(self.analysis)
        form.addRow(analysis_caption, self.analysis)
        form.addRow("", self.full_registers)
        if must_fix:
            reason_caption = QLabel(self.tr("Sign &anyway because:"), self)
            reason_caption.setBuddy(self.sign_off_reason)
            reason_caption.setToolTip(self.tr(
                "The plan check found %n problem(s) that must be fixed before partners sign.",
                "", must_fix))
            form.addRow(reason_caption, self.sign_off_reason)
        else:
            self.sign_off_reason.hide()
        form.addRow("", self.open_when_done)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def options(self) -> dict:
        return {
            "paper": self.paper.currentData(), "include_personal": self.personal.isChecked(),
            "status": self.status_line.text().strip(), "open_when_done": self.open_when_done.isChecked(),
            "full": self.full_registers.isChecked(), "analysis": self.analysis.currentData(),
            "sign_off_reason": self.sign_off_reason.text().strip()
            if self.sign_off_reason.isVisibleTo(self) else "",
        }


def may_export(window: MainWindow) -> bool:
    """True to go on exporting; with must-fix findings, only if the officer says so.

    The question names every must-fix finding and offers to go to the first, as the Review
    step's "Go to" does.
    """
    from planner.core.checks import Severity
    from planner.ui.steps.review import step_for

    document = window.document
    if document is None:
        return False
    errors = [f for f in document.findings if f.severity is Severity.ERROR]
    if not errors:
        return True
    listed = "\n".join(f"\u2022 {f.message}" for f in errors[:8])
    if len(errors) > 8:
        listed += "\n" + tr("\u2026 and %d more on the Review step.") % (len(errors) - 8)
    intro = (tr("The plan check found 1 thing that must be fixed before the plan is shared:") if len(errors) == 1
             else tr("The plan check found %d things that must be fixed before the plan is shared:") % len(errors))
    answer = window.ask_must_fix(f"{intro}\n\n{listed}\n\n" + tr(
        "A PDF exported now is marked as a draft. Go to the first to fix it, or export anyway."))
    if answer == "go":
        first = errors[0]
        window.go_to(step_for(first), first.target_type, first.target_key)
    return answer == "export"


def export_pdf(window: MainWindow, options: dict) -> Path | None:
    """Ask where to write the PDF, write it with a progress bar; the path, or None if not written."""
    document = window.document
    if document is None:
        return None
    try:
        from planner.export import ExportCancelled, ExportError, ExportOptions, write_pdf
    except ImportError:
        window.show_message(tr("PDF export is not available"), tr(
            "This copy of Coproduction Planner was installed without PDF export. Reinstall it "
            "to share plans as PDF."))
        return None
    plan = document.plan
    personal = bool(options["include_personal"])
    title = tr("Export PDF with personal data") if personal else tr("Export PDF")
    chosen = window.ask_save_path(title, document.store.path.with_name(pdf_name(plan.title, personal)),
                                  tr("PDF files (*.pdf)"))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    appendix = None
    if window.library is not None and plan.target_cell is not None:
        appendix = window.library.appendix_for(plan.target_cell, plan.risks)
    # Cancel stops the export at the next page; the PDF is written beside the target and only
    # renamed into place when complete, so a cancelled export leaves nothing behind.
    progress = QProgressDialog(tr("Writing the PDF…"), tr("Cancel"), 0, 0, window)
    progress.setWindowTitle(tr("Export PDF"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setValue(0)

    def report(done: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, max(total, 1)))  # a modal dialog lets Cancel be pressed here
        if progress.wasCanceled():
            raise ExportCancelled()

    try:
        write_pdf(plan, path, ExportOptions(
            paper=options["paper"], include_personal=options["include_personal"],
            status=options["status"], invariant=False, appendix=appendix,
            full=bool(options.get("full")), analysis=options.get("analysis", "none"),
            sign_off_reason=options.get("sign_off_reason", "")), progress=report)
    except ExportCancelled:
        window.statusBar().showMessage(tr("Export cancelled: no PDF was written."))
        return None
    except ExportError as error:
        window.show_message(tr("The PDF was not written"), str(error))
        return None
    except OSError as error:
        window.show_message(tr("The PDF was not written"), tr(
            "%s could not be written (%s). Choose another folder, or close the file if it is "
            "open in a PDF viewer, then try again.") % (path.name, error.strerror or error))
        return None
    finally:
        progress.close()
        progress.deleteLater()
    window.statusBar().showMessage(tr("PDF saved as %s") % path)
    if options.get("open_when_done"):
        window.open_external(path)
    return path
