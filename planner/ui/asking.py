"""What the main window asks the officer and tells them: each dialog is one method.

The flows in ``planner.ui.files`` and the export call these rather than Qt's dialogs, so a test
answers a question by replacing one method on the window, and no dialog is left open offscreen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox


class Asking:
    """The main window's dialogs (mixed into ``MainWindow``, a QMainWindow)."""

    def ask_open_path(self, title: str, folder: Path, file_filter: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, title, str(folder), file_filter)
        return path or None

    def ask_save_path(self, title: str, suggested: Path, file_filter: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(suggested), file_filter)
        return path or None

    def ask_folder(self, title: str, folder: Path) -> str | None:
        return QFileDialog.getExistingDirectory(self, title, str(folder)) or None

    def ask_confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_open_read_only(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self)
        read_only = box.addButton(self.tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(read_only)
        box.exec()
        return box.clickedButton() is read_only

    def ask_locked_choice(self, text: str, holder: str) -> str | None:
        """"read_only", "break_lock" or None, for a plan locked from another computer."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Plan open on another computer"), text,
                          QMessageBox.StandardButton.Cancel, self)
        read_only = box.addButton(self.tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
        box.setInformativeText(self.tr(
            "If their computer crashed, or they left without closing the plan, you can clear "
            "their lock and edit it here."))
        clear = box.addButton(self.tr("Clear their lock…"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(read_only)
        box.exec()
        return {read_only: "read_only", clear: "break_lock"}.get(box.clickedButton())

    def ask_export_options(self, options: dict, kind: str = "pdf") -> dict | None:
        from planner.ui import export_dialog  # only when exporting: keeps it out of the start

        dialog = export_dialog.ExportDialog(options, self, kind)
        return dialog.options() if dialog.exec() == export_dialog.ExportDialog.DialogCode.Accepted else None

    def ask_must_fix(self, text: str) -> str | None:
        """Before sharing a plan the check says must be fixed: "go", "export" or None (cancel)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The plan check says fix these first"), text,
                          QMessageBox.StandardButton.Cancel, self)
        go = box.addButton(self.tr("&Go to the first"), QMessageBox.ButtonRole.AcceptRole)
        export = box.addButton(self.tr("&Export anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(go)
        box.exec()
        return {go: "go", export: "export"}.get(box.clickedButton())

    def ask_item(self, title: str, label: str, items: list[str]) -> str | None:
        value, ok = QInputDialog.getItem(self, title, label, items, 0, False)
        return value if ok else None

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value if ok else None

    def show_message(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    def open_external(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
