"""File > Export > Word document and Easy-read summary: ask where, write, say where it went."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication

from planner.ui.widgets.personal_choice import pdf_name

if TYPE_CHECKING:
    from planner.ui.main_window import MainWindow

EASY_READ_SUFFIX = " \u2014 easy read"


def tr(text: str) -> str:
    return QCoreApplication.translate("ExportMore", text)


def _with_suffix(chosen: str, suffix: str) -> Path:
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def _busy(work) -> None:
    """Run a short export with the wait cursor showing."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        work()
    finally:
        QGuiApplication.restoreOverrideCursor()


def export_word(window: MainWindow) -> Path | None:
    """Ask the PDF's options, then where to save, and write the Word document."""
    document = window.document
    if document is None:
        return None
    from planner.export import ExportError, ExportOptions
    from planner.export.word import write_docx

    defaults = window.export_options()
    defaults["status"] = window.export_status
    options = window.ask_export_options(defaults, "docx")
    if not options:
        return None
    window.commit_pending_edits()
    from planner.ui.export_dialog import may_export

    if not may_export(window):  # must-fix findings: the officer is asked first, as for the PDF
        return None
    plan = document.plan
    personal = bool(options["include_personal"])
    suggested = Path(pdf_name(plan.title, personal)).with_suffix(".docx").name
    title = tr("Export Word document with personal data") if personal else tr("Export Word document")
    chosen = window.ask_save_path(title, document.store.path.with_name(suggested),
                                  tr("Word documents (*.docx)"))
    if not chosen:
        return None
    path = _with_suffix(chosen, ".docx")
    appendix = None
    if window.library is not None and plan.target_cell is not None:
        appendix = window.library.appendix_for(plan.target_cell, plan.risks)
    export_options = ExportOptions(paper=options["paper"], include_personal=personal,
                                   status=options["status"], appendix=appendix,
                                   full=bool(options.get("full")),
                                   analysis=options.get("analysis", "none"),
                                   sign_off_reason=options.get("sign_off_reason", ""))
    try:
        _busy(lambda: write_docx(plan, path, export_options))
    except ExportError as error:
        window.show_message(tr("The Word document was not written"), str(error))
        return None
    window.statusBar().showMessage(tr("Word document saved as %s") % path)
    if options.get("open_when_done"):
        window.open_external(path)
    return path


def export_easy_read(window: MainWindow) -> Path | None:
    """Ask where to save the easy-read summary, and write it (it never holds personal data)."""
    document = window.document
    if document is None:
        return None
    from planner.export import ExportError
    from planner.export.easy_read import write_easy_read

    window.commit_pending_edits()
    plan = document.plan
    suggested = pdf_name(plan.title + EASY_READ_SUFFIX, False)
    chosen = window.ask_save_path(tr("Export easy-read summary"),
                                  document.store.path.with_name(suggested), tr("PDF files (*.pdf)"))
    if not chosen:
        return None
    path = _with_suffix(chosen, ".pdf")
    try:
        _busy(lambda: write_easy_read(plan, path))
    except ExportError as error:
        window.show_message(tr("The easy-read summary was not written"), str(error))
        return None
    window.statusBar().showMessage(tr("Easy-read summary saved as %s") % path)
    if window.settings.open_when_done:
        window.open_external(path)
    return path
