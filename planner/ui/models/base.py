"""A table model over one register of the plan that refreshes only the rows an edit touched."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt,
)

from planner.storage import NotFound

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's key (s1, r2, g3...)
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts naturally (numbers as numbers)

Index = QModelIndex | QPersistentModelIndex
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_DISPLAY = Qt.ItemDataRole.DisplayRole


def tr(text: str) -> str:
    """Translate a table's fixed text (headers, "Yes", "Suggested") in one shared context."""
    return QCoreApplication.translate("RegisterTables", text)


@dataclass(frozen=True)
class Column:
    """One column: its header, the text shown and the value sorted on."""

    header: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None


_ROLES = frozenset({_DISPLAY, SORT_ROLE, KEY_ROLE, Qt.ItemDataRole.ToolTipRole})


class KeyedTableModel(QAbstractTableModel):
    """Rows are core objects with a ``key``; ``reset`` loads all, ``refresh`` only some keys.

    Subclasses set ``COLUMNS``. The model is a cache: it never writes, it only reads the
    objects it is given (``reset``) or fetches (``refresh``).
    """

    COLUMNS: list[Column] = []

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Any] = []
        self._index: dict[str, int] = {}
        self._search: dict[str, str] = {}  # key -> all shown text, folded, for the filter box

    # -------------------------------------------------------------- loading

    def reset(self, items: Iterable[Any]) -> None:
        """Replace every row (a plan opened, or an edit touched everything)."""
        self.beginResetModel()
        self._rows = list(items)
        self._reindex()
        self.endResetModel()

    def refresh(self, keys: Iterable[str], fetch: Callable[[str], Any],
                order: Callable[[], Sequence[Any]] | None = None) -> None:
        """Re-read only these keys: changed rows update, gone rows go, new rows join.

        Args:
            fetch: returns the current object for a key, or raises storage's NotFound if it is gone.
            order: returns the register in the plan's order, asked only when rows come back (an
                undone delete) so they take their old places; without it new rows join the end.
        """
        gone: list[str] = []
        new: list[Any] = []
        for key in sorted(keys):
            try:
                item = fetch(key)
            except NotFound:
                gone.append(key)
                continue
            row = self._index.get(key)
            if row is None:
                new.append(item)
            else:
                self._rows[row] = item
                self._search.pop(key, None)
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        # Remove runs of neighbouring rows from the bottom up, so the rows still to go keep
        # their numbers and views hear of each run once; index once at the end.
        rows = sorted((self._index[k] for k in gone if k in self._index), reverse=True)
        while rows:
            last = first = rows.pop(0)
            while rows and rows[0] == first - 1:
                first = rows.pop(0)
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first:last + 1]
            self.endRemoveRows()
        if (new and self._insert(new, order)) or gone:
            self._reindex()

    def _insert(self, new: list[Any], order: Callable[[], Sequence[Any]] | None) -> bool:
        """Insert ``new`` rows; True if any went between others (the index must be made again)."""
        end = len(self._rows) + len(new)
        between = False
        if order is None:
            places = {item.key: end for item in new}
        else:
            places = {item.key: i for i, item in enumerate(order())}
        # In the plan's order: each row lands where the plan has it, the earlier ones being back.
        for item in sorted(new, key=lambda item: places.get(item.key, end)):
            at = min(places.get(item.key, end), len(self._rows))
            between = between or at < len(self._rows)
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, item)
            self._index[item.key] = at
            self.endInsertRows()
        return between

    def texts_changed(self) -> None:
        """Text drawn from outside the rows changed (an owner's name): redraw, keep the selection."""
        self._search = {}
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def _reindex(self) -> None:
        self._index = {item.key: row for row, item in enumerate(self._rows)}
        self._search = {}

    def search_text(self, row: int) -> str:
        """Every column's text of a row, case-folded: what the filter box looks in."""
        item = self._rows[row]
        text = self._search.get(item.key)
        if text is None:
            text = self._search[item.key] = "\n".join(c.text(item) for c in self.COLUMNS).casefold()
        return text

    # -------------------------------------------------------------- reading

    def item(self, row: int) -> Any:
        return self._rows[row]

    def items(self) -> list[Any]:
        """The cached rows (read them, never change them)."""
        return self._rows

    def row_of(self, key: str | None) -> int | None:
        return self._index.get(key) if key is not None else None

    def item_for(self, key: str | None) -> Any | None:
        row = self.row_of(key)
        return None if row is None else self._rows[row]

    # -------------------------------------------------------------- Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return tr(self.COLUMNS[section].header)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        # Called for every role of every visible cell on each repaint: keep the common path short.
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        item = self._rows[row]
        column = self.COLUMNS[index.column()]
        if role == _DISPLAY:
            return column.text(item)
        if role == SORT_ROLE:
            return column.sort(item) if column.sort else column.text(item).casefold()
        if role == KEY_ROLE:
            return item.key
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(item)
        return None
