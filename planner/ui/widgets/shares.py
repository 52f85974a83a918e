"""Who carries a risk: three linked percentages that always add to 100, and a chart of the totals."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QSpinBox, QWidget

from planner.core.model import Risk, Shares

SIDES = ("users", "community", "professionals")


def rebalance(shares: Shares, side: str, value: int) -> Shares:
    """Set one side's share and spread the rest over the other two in their old proportion.

    The result always adds to 100; when the other two had nothing, they split the rest evenly.
    """
    value = min(100, max(0, int(value)))
    current = shares.as_dict()
    others = [s for s in SIDES if s != side]
    a, b = current[others[0]], current[others[1]]
    rest = 100 - value
    first = rest - rest // 2 if a + b == 0 else round(rest * a / (a + b))
    result = {side: value, others[0]: first, others[1]: rest - first}
    return Shares(**result)


class SharesEditor(QWidget):
    """Three linked percentages (users, community, professionals); changing one rebalances the others.

    Laid out as a grid, one row per side; ``beside`` puts a widget after each side's share (the
    risk form puts what that side must trust of the others there).
    """

    shares_edited = Signal(object)  # the new Shares, adding to 100

    def __init__(self, parent: QWidget | None = None, beside: dict[str, QWidget] | None = None):
        super().__init__(parent)
        self.shares = Shares()
        self.spins: dict[str, QSpinBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        names = {"users": self.tr("&Users"), "community": self.tr("Co&mmunity"),
                 "professionals": self.tr("&Professionals")}
        grid.addWidget(QLabel(self.tr("Share carried"), self), 0, 1)
        if beside:
            grid.addWidget(QLabel(self.tr("What they must trust of the others"), self), 0, 2)
        for row, side in enumerate(SIDES, start=1):
            spin = QSpinBox(self)
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            spin.setKeyboardTracking(False)
            spin.setAccessibleName(self.tr("Share carried by {0}").format(names[side].replace("&", "").lower()))
            spin.valueChanged.connect(lambda v, s=side: self._changed(s, v))
            caption = QLabel(names[side], self)
            caption.setBuddy(spin)
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(spin, row, 1, Qt.AlignmentFlag.AlignTop)
            if beside and side in beside:
                grid.addWidget(beside[side], row, 2)
            self.spins[side] = spin
        self.total = QLabel(self)
        grid.addWidget(self.total, len(SIDES) + 1, 1)
        grid.setColumnStretch(2, 1)
        self.set_shares(self.shares)

    def set_shares(self, shares: Shares) -> None:
        self.shares = shares
        for side, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(getattr(shares, side))
            spin.blockSignals(False)
        self.total.setText(self.tr("Total: {0} %").format(shares.total))

    def _changed(self, side: str, value: int) -> None:
        new = rebalance(self.shares, side, value)
        self.set_shares(new)
        self.shares_edited.emit(new)


def carried(risks: list[Risk]) -> dict[str, float]:
    """How much of the total risk each side carries: the sum of score x share."""
    totals = dict.fromkeys(SIDES, 0.0)
    for risk in risks:
        for side, share in risk.shares.as_dict().items():
            totals[side] += risk.score * share / 100
    return totals


class CarriedChart(QWidget):
    """A bar per side with its number written beside it, so nothing rests on colour alone."""

    COLOURS = {"users": "#1f6fb4", "community": "#2b8a3e", "professionals": "#c25e00"}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.totals = dict.fromkeys(SIDES, 0.0)
        self.names = {"users": self.tr("Users"), "community": self.tr("Community"),
                      "professionals": self.tr("Professionals")}
        self.setAccessibleName(self.tr("Who carries how much of the risk"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_risks(self, risks: list[Risk]) -> None:
        self.totals = carried(risks)
        self.setAccessibleDescription(self.describe())
        self.setToolTip(self.describe())
        self.update()

    def _lines(self) -> list[tuple[str, str, float]]:
        whole = sum(self.totals.values())
        return [(side, self.tr("{0}: {1:.1f} ({2:.0f}% of the total)").format(
            self.names[side], value, 100 * value / whole if whole else 0), value)
            for side, value in self.totals.items()]

    def describe(self) -> str:
        return "; ".join(text for _, text, _ in self._lines())

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().lineSpacing()
        return QSize(self.fontMetrics().averageCharWidth() * 60, int(line * 3 * 1.6 + 8))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * 30, self.sizeHint().height())

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        line = metrics.lineSpacing()
        pitch = line * 1.6
        lines = self._lines()
        text_width = max(metrics.horizontalAdvance(text) for _, text, _ in lines) + 12
        bar_space = max(20.0, self.width() - text_width - 8)
        top = max(self.totals.values()) or 1.0
        text_colour = self.palette().windowText().color()
        for i, (side, text, value) in enumerate(lines):
            y = 4 + i * pitch
            width = bar_space * value / top
            painter.setPen(QPen(text_colour, 1))
            painter.setBrush(QColor(self.COLOURS[side]))
            painter.drawRect(QRectF(0, y, max(width, 1.0), line))
            painter.drawText(QRectF(width + 8, y - 2, text_width + 4, line + 4),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.end()
