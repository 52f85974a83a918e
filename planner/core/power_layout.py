"""Where each stakeholder sits on the power/interest map: one layout for the app and the PDF.

The map is five by five squares, one per score (interest across, influence up); a score sits at
the centre of its square. Units here are squares: x runs 0-5 left to right, y 0-5 bottom to top,
so interest 3 is centred at x 2.5. The caller says how big a marker and a line of text are in
squares and how wide a name is (its own font), and draws what this returns; the app and the PDF
therefore place markers, names and crowded squares alike. Names stay inside their own square,
beside (or under) their own marker, so a name is never cut off by the edge of the map nor drawn
over another marker. A square with more people than fit as named rows is "crowded": its markers
are drawn small without names, a count is shown under them, and the caller lists the names
beside the map.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from planner.core.scale import HIGH, LOW

SCORES = HIGH  # the squares across and up: the 1-5 scale
PAD = 0.05  # empty edge inside each square, so neighbours' names never touch
GAP = 0.04  # between a marker and its name
MARKER = 0.17  # a marker's size, in squares, in the app and the PDF alike
BAND = 1.05  # a quadrant name's line, in lines of text, kept free in the top and bottom rows
MIN_NAME = "Abc\u2026"  # a name cut shorter than this is no help: the square counts instead
ELLIPSIS = "\u2026"

# The usual advice for each corner, named where it is drawn: (top?, right?) -> name.
QUADRANTS = (
    ((True, False), "Keep satisfied"),
    ((True, True), "Work with closely"),
    ((False, False), "Keep an eye on"),
    ((False, True), "Keep informed"),
)


@dataclass(frozen=True)
class Box:
    """A rectangle in squares: left, bottom, width, height."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def top(self) -> float:
        return self.y + self.h

    def overlaps(self, other: Box) -> bool:
        return (self.x < other.right and other.x < self.right
                and self.y < other.top and other.y < self.top)


@dataclass(frozen=True)
class Placed:
    """One marker: its centre and size, and its name (cut to fit; a lone marker's may take two
    lines, joined by a newline, each centred in the box) with the box it is drawn in."""

    key: Hashable
    x: float
    y: float
    size: float
    name: str | None = None
    name_box: Box | None = None

    @property
    def box(self) -> Box:
        h = self.size / 2
        return Box(self.x - h, self.y - h, self.size, self.size)


@dataclass(frozen=True)
class Crowd:
    """A square with too many people to name: how many, who, where its count is drawn, and the
    grid its small markers sit in (rows of ``columns``, ``pitch`` apart, the last row centred)."""

    interest: int
    influence: int
    keys: tuple[Hashable, ...]
    caption: Box  # the count's line, under the markers
    columns: int = 1
    pitch: float = 0.0
    size: float = 0.0  # each marker's
    first_row: float = 0.0  # the y of the top row's centres

    @property
    def count(self) -> int:
        return len(self.keys)

    def spot(self, i: int) -> tuple[float, float]:
        """The centre of the ``i``-th marker (in the order of ``keys``)."""
        r, c = divmod(i, self.columns)
        in_row = min(self.columns, self.count - r * self.columns)
        cx = clamp(self.interest) - 0.5
        return cx + (c - (in_row - 1) / 2) * self.pitch, self.first_row - self.pitch * r

    def index_at(self, x: float, y: float) -> int | None:
        """Which marker's cell (``pitch`` square, round its centre) holds the point, if any."""
        if self.pitch <= 0:
            return None
        r = round((self.first_row - y) / self.pitch)
        if not 0 <= r <= (self.count - 1) // self.columns:
            return None
        in_row = min(self.columns, self.count - r * self.columns)
        c = round((x - (clamp(self.interest) - 0.5)) / self.pitch + (in_row - 1) / 2)
        if not 0 <= c < in_row:
            return None
        i = r * self.columns + c
        cx, cy = self.spot(i)
        if abs(x - cx) > self.pitch / 2 or abs(y - cy) > self.pitch / 2:
            return None
        return i

    def placed(self) -> list[Placed]:
        """Every marker of the square, unnamed."""
        return [Placed(key, *self.spot(i), self.size) for i, key in enumerate(self.keys)]


@dataclass(frozen=True)
class MapLayout:
    markers: dict[Hashable, Placed]
    crowds: list[Crowd]  # most influential first, then most interested


def centre(interest: int, influence: int) -> tuple[float, float]:
    """The point that stands for these scores (the middle of their square)."""
    return clamp(interest) - 0.5, clamp(influence) - 0.5


def clamp(score: int) -> int:
    return min(SCORES, max(LOW, score))


def square_at(x: float, y: float) -> tuple[int, int]:
    """The (interest, influence) of the square holding a point, kept within 1-5."""
    return clamp(math.floor(x) + 1), clamp(math.floor(y) + 1)


def cut(text: str, width: float, measure: Callable[[str], float]) -> str:
    """``text`` shortened with an ellipsis until ``measure`` says it fits ``width``."""
    text = " ".join(text.split())
    if measure(text) <= width:
        return text
    low, high = 0, len(text) - 1
    while low < high:
        mid = (low + high + 1) // 2
        if measure(text[:mid].rstrip() + ELLIPSIS) <= width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + ELLIPSIS if low else ""


def layout(people: Sequence[tuple[Hashable, int, int, str]], marker: float, line: float,
           measure: Callable[[str], float]) -> MapLayout:
    """Place everyone on the map.

    Args:
        people: (key, interest, influence, name) for each stakeholder, in the order to list them.
        marker: a marker's size, in squares.
        line: the height of a line of text (names and counts), in squares.
        measure: the width of a text in squares, in the caller's font.

    Returns:
        Each marker's place and name, and the squares too crowded to name everyone in.
    """
    squares: dict[tuple[int, int], list[tuple[Hashable, str]]] = {}
    for key, interest, influence, name in people:
        squares.setdefault((clamp(interest), clamp(influence)), []).append((key, name))
    markers: dict[Hashable, Placed] = {}
    crowds: list[Crowd] = []
    for (interest, influence), members in squares.items():
        placed = square(interest, influence, members, marker, line, measure)
        if isinstance(placed, Crowd):
            crowds.append(placed)
            placed = placed.placed()
        markers.update((p.key, p) for p in placed)
    crowds.sort(key=lambda c: (-c.influence, -c.interest))
    return MapLayout(markers, crowds)


def square(interest: int, influence: int, members: Sequence[tuple[Hashable, str]], marker: float,
           line: float, measure: Callable[[str], float]) -> list[Placed] | Crowd:
    """One square's layout (squares are independent): its markers with their names, or, when
    they do not fit, the crowd it holds, whose markers ``Crowd.spot`` places without naming.

    ``members`` are (key, name) in the order to list them; the arguments are as for ``layout``.
    """
    members = list(members)
    placed = _named(interest, influence, members, marker, line, measure)
    return _crowded(interest, influence, members, marker, line) if placed is None else placed


def _room(influence: int, line: float) -> tuple[float, float]:
    """The bottom and top of a square's free room (the top and bottom rows hold a quadrant name)."""
    bottom = influence - 1 + PAD + (line * BAND if influence == 1 else 0.0)
    top = influence - PAD - (line * BAND if influence == SCORES else 0.0)
    return bottom, top


def _named(interest: int, influence: int, members: list[tuple[Hashable, str]], marker: float,
           line: float, measure: Callable[[str], float]) -> list[Placed] | None:
    """Everyone in the square with a name, or None when they do not fit."""
    cx, cy = centre(interest, influence)
    bottom, top = _room(influence, line)
    width = 1 - 2 * PAD
    if len(members) == 1:  # on its point, the name centred under it
        (key, name), = members
        if marker / 2 + line * 1.05 > cy - bottom or cy + marker / 2 > top or measure(MIN_NAME) > width:
            return None
        lines = [cut(name, width, measure)]
        if lines[0] != " ".join(name.split()) and marker / 2 + line * 2.05 <= cy - bottom:
            lines = _two_lines(name, width, measure) or lines  # room for a second line: use it
        w = max(measure(text) for text in lines)
        h = line * len(lines)
        label = Box(cx - w / 2, cy - marker / 2 - line * 0.05 - h, w, h)
        return [Placed(key, cx, cy, marker, "\n".join(lines), label)]
    row = max(marker, line) * 1.12
    room = width - marker - GAP
    if len(members) * row > top - bottom or measure(MIN_NAME) > room:
        return None
    texts = [cut(name, room, measure) for _, name in members]
    block = marker + GAP + max(measure(t) for t in texts)  # the rows centred as one block
    x0 = cx - block / 2
    y0 = min(top, max(bottom + len(members) * row, cy + len(members) * row / 2))
    placed = []
    for i, ((key, _), text) in enumerate(zip(members, texts)):
        y = y0 - row * (i + 0.5)
        w = measure(text)
        placed.append(Placed(key, x0 + marker / 2, y, marker, text,
                             Box(x0 + marker + GAP, y - line / 2, w, line)))
    return placed


def _two_lines(name: str, width: float, measure: Callable[[str], float]) -> list[str] | None:
    """A name over two lines broken between words, the second cut to fit; None if no break fits."""
    words = name.split()
    for k in range(len(words) - 1, 0, -1):
        first = " ".join(words[:k])
        if measure(first) <= width:
            return [first, cut(" ".join(words[k:]), width, measure)]
    return None


def _crowded(interest: int, influence: int, members: list[tuple[Hashable, str]], marker: float,
             line: float) -> Crowd:
    """Small unnamed markers in a grid above a count line."""
    cx, _ = centre(interest, influence)
    bottom, top = _room(influence, line)
    caption = Box(cx - 0.5 + PAD, bottom, 1 - 2 * PAD, line)
    area_bottom = bottom + line * 1.1
    side = max(0.01, min(1 - 2 * PAD, top - area_bottom))
    columns = math.ceil(math.sqrt(len(members)))
    pitch = side / columns
    rows = math.ceil(len(members) / columns)
    y_top = area_bottom + (side + rows * pitch) / 2
    return Crowd(interest, influence, tuple(k for k, _ in members), caption, columns=columns, pitch=pitch,
                 size=min(marker, pitch * 0.8), first_row=y_top - pitch * 0.5)


def quadrant_anchor(top: bool, right: bool, line: float) -> tuple[float, float, str]:
    """Where a quadrant's name is drawn: (x, baseline y, "start" or "end") in the map's corner."""
    x = SCORES - PAD if right else PAD
    y = SCORES - PAD - line * 0.8 if top else PAD + line * 0.2
    return x, y, "end" if right else "start"
