"""The "Include personal data" choice of an export: unticked every time, with a warning when ticked.

The choice is never remembered (not in the settings, not between exports): a PDF with the
names and contacts of private individuals sent round by mistake is a reportable breach, so
every export starts from the copy that is safe to circulate.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

PERSONAL_SUFFIX = " \u2014 PERSONAL, not for circulation"  # added to a suggested file name


def tr(text: str) -> str:
    return QCoreApplication.translate("PersonalChoice", text)


def pdf_name(title: str, personal: bool) -> str:
    """The file name a save dialog suggests for a plan's PDF; it says so when it holds personal data."""
    name = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    name = " ".join(name.split())[:60] or "Plan"
    return name + (PERSONAL_SUFFIX if personal else "") + ".pdf"


class PersonalDataChoice(QWidget):
    """A tick box that starts unticked, and a warning line shown only while it is ticked."""

    toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.box = QCheckBox(tr("Include personal data: names of private individuals and contact details"), self)
        self.box.setObjectName("export_personal")
        self.warning = QLabel(tr(
            "\u26a0 This PDF will name private individuals and show contact details. Do not "
            "circulate it: keep it only where the people who need it can read it. The file name "
            "offered says \u201cPERSONAL\u201d and every page is marked."), self)
        self.warning.setObjectName("export_personal_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("QLabel { color: #9c2a00; font-weight: bold; }")
        self.warning.setVisible(False)
        layout.addWidget(self.box)
        layout.addWidget(self.warning)
        self.setFocusProxy(self.box)
        self.box.toggled.connect(self._toggled)

    def isChecked(self) -> bool:  # noqa: N802 - reads like the QCheckBox it stands for
        return self.box.isChecked()

    def clear(self) -> None:
        """Back to unticked, as every new export starts."""
        self.box.setChecked(False)

    def _toggled(self, checked: bool) -> None:
        self.warning.setVisible(checked)
        self.toggled.emit(checked)
