"""Who carries a risk: three percentages as the officer types them, their total, and a chart of the totals."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QValidator
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QSpinBox, QWidget

from planner.core.model import Risk, Shares
from planner.core.wording import SHARE_SIDES
from planner.ui.words import said

SIDES = tuple(SHARE_SIDES)


def share_rest(shares: Shares, keep: str | None) -> Shares:
    """Shares that add to 100: ``keep``'s share stays and the other two take the rest in proportion.

    With no share to keep (or one over 100), all three are scaled to 100 in their proportion;
    when they are all nought, professionals carry the whole risk (the default of a new risk).
    """
    if keep is not None and getattr(shares, keep) <= 100:
        return rebalance(shares, keep, getattr(shares, keep))
    values = shares.as_dict()
    whole = sum(values.values())
    if whole == 0:
        return Shares()
    users = round(100 * values["users"] / whole)
    community = round(100 * values["community"] / whole)
    community = min(community, 100 - users)
    return Shares(users, community, 100 - users - community)


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


class ShareSpin(QSpinBox):
    """A share from 0 to 100 % that takes what is typed; anything else is refused, never altered.

    A plain spin box drops a key that would go out of range ("120" became "12" without a word).
    Here any text stays in the box while typed; when it is left, a value outside 0–100 (or
    not a number) is refused and ``refused`` says what was typed, and the box shows its value
    from before.
    """

    refused = Signal(str)  # the text typed, without the " %"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(0, 100)
        self.setSuffix(" %")
        self.setKeyboardTracking(False)  # one edit when the officer leaves the box, not per key
        self.setCorrectionMode(QSpinBox.CorrectionMode.CorrectToPreviousValue)

    def _number(self, text: str) -> str:
        return text.removesuffix(self.suffix()).strip().removesuffix("%").strip()

    def validate(self, text: str, pos: int):
        number = self._number(text)
        if number.isdigit() and 0 <= int(number) <= 100:
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos  # kept as typed, refused when left

    def fixup(self, text: str) -> str:
        # Qt calls this when the box is left (or Enter pressed) holding text it cannot accept.
        self.refused.emit(self._number(text))
        return text


class SharesEditor(QWidget):
    """Three percentages (users, community, professionals) that take what is typed, and their total.

    The total says when the three do not add to 100 (the plan check says so too); "Share the
    rest" makes them add up on request, keeping the share typed last and dividing the rest
    between the other two in their present proportion. Laid out as a grid, one row per side;
    ``beside`` puts a widget after each side's share (the risk form puts what that side must
    trust of the others there).
    """

    shares_edited = Signal(object)  # the new Shares, as typed (they may not add to 100)

    def __init__(self, parent: QWidget | None = None, beside: dict[str, QWidget] | None = None):
        super().__init__(parent)
        self.shares = Shares()
        self.last_side: str | None = None  # the share typed last, which "Share the rest" keeps
        self.spins: dict[str, ShareSpin] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.names = {"users": self.tr("&Users"), "community": self.tr("Co&mmunity"),
                      "professionals": self.tr("&Professionals")}
        grid.addWidget(QLabel(self.tr("Share carried"), self), 0, 1)
        if beside:
            grid.addWidget(QLabel(self.tr("What they must trust of the others"), self), 0, 2)
        for row, side in enumerate(SIDES, start=1):
            spin = ShareSpin(self)
            spin.setObjectName(f"share_{side}")
            spin.setAccessibleName(self.tr("Share carried by {0}").format(self._name(side).lower()))
            spin.valueChanged.connect(lambda v, s=side: self._changed(s, v))
            spin.refused.connect(lambda typed, s=side: self._refused(s, typed))
            caption = QLabel(self.names[side], self)
            caption.setBuddy(spin)
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(spin, row, 1, Qt.AlignmentFlag.AlignTop)
            if beside and side in beside:
                grid.addWidget(beside[side], row, 2)
            self.spins[side] = spin
        self.total = QLabel(self)
        self.total.setObjectName("shares_total")
        self.total.setWordWrap(True)
        self.share_rest = QPushButton(self.tr("Share the &rest"), self)
        self.share_rest.setObjectName("share_rest")
        self.share_rest.setToolTip(self.tr(
            "Make the three shares add up to 100 %: the share you typed last stays, and the rest "
            "is divided between the other two in their present proportion."))
        self.share_rest.clicked.connect(self._share_rest)
        self.message = QLabel(self)
        self.message.setObjectName("shares_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("QLabel { color: #9c2a00; }")
        self.message.hide()
        below = len(SIDES) + 1
        grid.addWidget(self.total, below, 0, 1, 2)
        grid.addWidget(self.share_rest, below, 2, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.message, below + 1, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        self.set_shares(self.shares)

    def _name(self, side: str) -> str:
        return self.names[side].replace("&", "")

    def set_shares(self, shares: Shares) -> None:
        """Show a risk's shares as stored (a risk shown afresh forgets which share was typed last)."""
        if shares != self.shares:
            self.message.hide()
        self.shares = shares
        for side, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(getattr(shares, side))
            spin.blockSignals(False)
        if shares.total == 100:
            self.total.setText(self.tr("Total 100 % ✔"))
        else:
            self.total.setText(self.tr("Total {0} % — should be 100 %").format(shares.total))
        self.share_rest.setEnabled(shares.total != 100)

    def forget_last(self) -> None:
        """A different risk is shown: no share was typed for it yet."""
        self.last_side = None
        self.message.hide()

    def _changed(self, side: str, value: int) -> None:
        self.last_side = side
        self.message.hide()
        new = Shares(**{**self.shares.as_dict(), side: value})
        self.set_shares(new)
        self.shares_edited.emit(new)

    def _refused(self, side: str, typed: str) -> None:
        if typed:
            problem = self.tr("“{0}” is not a share: type a whole number from 0 to 100.").format(typed)
        else:
            problem = self.tr("A share cannot be left empty: type 0 for none.")
        self.message.setText(self.tr("{0} {1} stays at {2} %.").format(
            problem, self._name(side), getattr(self.shares, side)))
        self.message.show()

    def _share_rest(self) -> None:
        new = share_rest(self.shares, self.last_side)
        self.message.hide()
        if new != self.shares:
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
        self.names = {part: said(name) for part, name in SHARE_SIDES.items()}
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
