"""Export an agreed version of the plan as a PDF that says on every page which version it is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from planner.storage.record_edits import snapshot_plan


def tr(text: str) -> str:
    return QCoreApplication.translate("VersionExport", text)


def export_version_pdf(window, document, label: str) -> Path | None:
    """Ask where, then write the version's PDF for circulation (private individuals by role label)."""
    from planner.export import ExportError, ExportOptions, write_pdf
    from planner.export.record import version_line

    version = document.plan.version(label)
    if version is None:
        return None
    plan = snapshot_plan(version)
    safe_name = "".join(c if c.isalnum() or c in " -_" else "_" for c in f"{plan.title} - {label}")[:120]
    chosen = window.ask_save_path(tr("Export the agreed version as PDF"),
                                  document.store.path.with_name(safe_name + ".pdf"), tr("PDF files (*.pdf)"))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    options = ExportOptions(paper=window.settings.paper, include_personal=False,
                            agreed=version_line(version), invariant=False)
    try:
        write_pdf(plan, path, options)
    except ExportError as error:
        window.show_message(tr("The PDF was not written"), str(error))
        return None
    return path
