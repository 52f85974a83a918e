"""The list of steps on the left: each step's title and whether it is done or needs attention."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QListView, QWidget

from planner.ui.words import to_fix

_Index = QModelIndex | QPersistentModelIndex


class StepListModel(QAbstractListModel):
    """One row per step: "2. Stakeholders" and, beneath, "Done" or "3 to fix"."""

    NameRole = Qt.ItemDataRole.UserRole + 1
    AttentionRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, steps: list[tuple[str, str]], parent=None):
        """Args: steps: (NAME, translated title) in workflow order."""
        super().__init__(parent)
        self._steps = list(steps)
        self._attention: list[int | None] = [None] * len(self._steps)  # None: not reported yet

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._steps)

    def status_text(self, row: int) -> str:
        count = self._attention[row]
        if count is None:
            return ""
        if count == 0:
            return self.tr("✔ Done")
        return to_fix(count)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._steps):
            return None
        row = index.row()
        name, title = self._steps[row]
        status = self.status_text(row)
        if role == Qt.ItemDataRole.DisplayRole:
            heading = f"{row + 1}. {title}"
            return f"{heading}\n{status}" if status else heading
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.tr('Step')} {row + 1}: {title}. {status}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return status or None
        if role == self.NameRole:
            return name
        if role == self.AttentionRole:
            return self._attention[row]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def roleNames(self) -> dict[int, bytes]:
        names = dict(super().roleNames())
        names[self.NameRole] = b"name"
        names[self.AttentionRole] = b"attention"
        return names

    def set_attention(self, row: int, count: int) -> None:
        """Record how many things step ``row`` says need attention (0 = done)."""
        if self._attention[row] != count:
            self._attention[row] = count
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def clear_attention(self) -> None:
        """Forget every step's report (the plan was closed)."""
        self._attention = [None] * len(self._steps)
        if self._steps:
            self.dataChanged.emit(self.index(0), self.index(len(self._steps) - 1))

    def row_of(self, name: str) -> int:
        """The row of the step with this NAME, or -1."""
        return next((row for row, (n, _t) in enumerate(self._steps) if n == name), -1)


class StepList(QListView):
    """The step list: a plain list view with room for two lines per step."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("step_list")
        self.setAccessibleName(self.tr("Steps of the plan"))
        self.setSpacing(3)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
