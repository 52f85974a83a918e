"""Forms in two columns that fold into one when the page is too narrow for both side by side.

On a laptop screen at 125 % scaling the register steps' forms had to scroll sideways; reading
down one column is what an officer expects of a narrow window instead.
"""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QLayout, QWidget


class Columns(QBoxLayout):
    """A box of column layouts, side by side when ``fit_width`` says they fit, else stacked."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(QBoxLayout.Direction.LeftToRight, parent)
        self.columns: list[QLayout] = []

    def add_column(self, column: QLayout, stretch: int = 1) -> None:
        self.columns.append(column)
        self.addLayout(column, stretch)

    def side_by_side_width(self) -> int:
        """The narrowest width that shows every column side by side, margins included."""
        margins = self.contentsMargins()
        parent = self.parentWidget()
        outer = parent.contentsMargins() if parent is not None else margins
        return (sum(c.minimumSize().width() for c in self.columns)
                + max(0, self.spacing()) * (len(self.columns) - 1)
                + margins.left() + margins.right() + outer.left() + outer.right())

    def fit_width(self, width: int) -> None:
        """Lay the columns side by side in ``width`` pixels if they fit, else one under another."""
        wanted = (QBoxLayout.Direction.LeftToRight if width >= self.side_by_side_width()
                  else QBoxLayout.Direction.TopToBottom)
        if self.direction() != wanted:
            self.setDirection(wanted)
