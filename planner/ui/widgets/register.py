"""A register pane: filter box, sortable table and add/duplicate/delete buttons over a model."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from planner.ui.models.base import KEY_ROLE, SORT_ROLE, KeyedTableModel


class RegisterFilter(QSortFilterProxyModel):
    """Sorts on SORT_ROLE and keeps the rows whose text holds every word typed in the filter box."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self.words:
            return True
        text = self.sourceModel().search_text(source_row)
        return all(word in text for word in self.words)


class RegisterPane(QWidget):
    """The list half of a step page; it only shows and selects, the step turns clicks into commands.

    Args:
        noun: the thing listed, for accessible names ("stakeholders").
    """

    add_requested = Signal()
    duplicate_requested = Signal()
    delete_requested = Signal()
    selection_changed = Signal()  # selected_keys() / current_key() tell what

    def __init__(self, model: KeyedTableModel, noun: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.proxy = RegisterFilter(self)
        self.proxy.setSourceModel(model)

        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(self.tr("Filter {0}…").format(noun))
        self.filter_box.setAccessibleName(self.tr("Filter {0}").format(noun))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.set_filter_text)

        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("List of {0}").format(noun))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # plan order until a header is clicked
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        # Fixed row heights keep scrolling through thousands of rows cheap.
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The table is for choosing rows (arrow keys move in it); Tab goes on to the buttons
        # and the form, as in a file list, rather than walking cells nobody edits here.
        self.view.setTabKeyNavigation(False)
        # Four rows in sight however small the screen: the form below scrolls instead.
        self.view.setMinimumHeight(self.view.horizontalHeader().sizeHint().height()
                                   + 4 * self.view.verticalHeader().defaultSectionSize()
                                   + self.view.horizontalScrollBar().sizeHint().height()
                                   + 2 * self.view.frameWidth())
        # One signal per change of selection; the current row moves with it (see current_key).
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())

        self.add_button = QPushButton(self.tr("&Add"), self)
        self.duplicate_button = QPushButton(self.tr("D&uplicate"), self)
        self.delete_button = QPushButton(self.tr("De&lete"), self)
        for button, name, signal in (
                (self.add_button, self.tr("Add one of the {0}").format(noun), self.add_requested),
                (self.duplicate_button, self.tr("Duplicate the selected {0}").format(noun), self.duplicate_requested),
                (self.delete_button, self.tr("Delete the selected {0}").format(noun), self.delete_requested)):
            button.setAccessibleName(name)
            button.clicked.connect(signal)
        self.view.installEventFilter(self)  # the Delete key in the list

        self.buttons = QHBoxLayout()
        for button in (self.add_button, self.duplicate_button, self.delete_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.buttons)
        self.selection_changed.connect(self._update_buttons)
        self.read_only = False
        self._update_buttons()

    def fit_columns(self) -> None:
        """Widen the columns to their text (Qt looks at the first thousand rows at most)."""
        header = self.view.horizontalHeader()
        header.setResizeContentsPrecision(200)
        self.view.resizeColumnsToContents()
        limit = self.fontMetrics().averageCharWidth() * 28
        for column in range(self.proxy.columnCount()):
            if header.sectionSize(column) > limit:
                header.resizeSection(column, limit)

    def set_column_shown(self, column: int, shown: bool) -> None:
        """Show or hide a column that would otherwise stand empty (Status, with nothing suggested)."""
        if self.view.isColumnHidden(column) == shown:
            self.view.setColumnHidden(column, not shown)
            if shown:
                self.view.resizeColumnToContents(column)

    def add_button_widget(self, button: QPushButton) -> None:
        """Put another action button (Import, Suggest...) before the stretch."""
        self.buttons.insertWidget(self.buttons.count() - 1, button)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.view.selectionModel().hasSelection()
        self.add_button.setEnabled(not self.read_only)
        self.duplicate_button.setEnabled(not self.read_only and selected)
        self.delete_button.setEnabled(not self.read_only and selected)

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.view and event.type() == QEvent.Type.KeyPress
                and event.matches(QKeySequence.StandardKey.Delete)):
            if self.delete_button.isEnabled():
                self.delete_requested.emit()
            return True
        return super().eventFilter(watched, event)

    # -------------------------------------------------------------- selection

    def selected_keys(self) -> list[str]:
        """Keys of the selected rows, in the order shown."""
        # From the selection's ranges: selectedRows() asks the model about every cell of every row.
        rows: set[int] = set()
        for span in self.view.selectionModel().selection():
            rows.update(range(span.top(), span.bottom() + 1))
        return [self.proxy.index(r, 0).data(KEY_ROLE) for r in sorted(rows)]

    def current_key(self) -> str | None:
        """The row the form shows: the current row if selected, else the first selected."""
        current = self.view.selectionModel().currentIndex()
        if current.isValid() and self.view.selectionModel().isRowSelected(current.row()):
            return current.data(KEY_ROLE)
        keys = self.selected_keys()
        return keys[0] if keys else None

    def select_keys(self, keys: list[str], scroll: bool = True) -> None:
        """Select exactly these rows (clearing the filter if it hides one of them)."""
        rows = [self.model.row_of(k) for k in keys]
        rows = [r for r in rows if r is not None]
        proxy_rows = [self.proxy.mapFromSource(self.model.index(r, 0)) for r in rows]
        if any(not p.isValid() for p in proxy_rows):
            self.filter_box.clear()
            proxy_rows = [self.proxy.mapFromSource(self.model.index(r, 0)) for r in rows]
        selection = QItemSelection()
        last = self.proxy.columnCount() - 1
        for p in proxy_rows:
            selection.select(p, self.proxy.index(p.row(), last))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        model = self.view.selectionModel()
        if proxy_rows:
            model.setCurrentIndex(proxy_rows[0], QItemSelectionModel.SelectionFlag.NoUpdate)
        model.select(selection, flags)
        if proxy_rows and scroll:
            self.view.scrollTo(proxy_rows[0])
