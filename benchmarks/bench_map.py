"""The power/interest map on its own: its share of one edit, and its first paint, on a synthetic plan.

Run: ``python benchmarks/bench_map.py [large|huge ...]`` (offscreen; huge unless told). The map
is shown with the plan's stakeholders as the Stakeholders step shows them; then one
stakeholder's influence is changed EDITS times, each edit timed from handing the map the
changed stakeholder to the map, its list of crowded squares and its view repainted where
they changed (the map's
whole share of an edit made on the map, with arrows or a drag). The same edits are timed with
the map hidden (an edit in the form, on the list's tab: the list of names waits until the map
is shown). Also the map's first showing, and laying it out again for a new text size.
Prints one line per figure.
"""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from measure import Result  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import synthetic  # noqa: E402
from planner.ui.widgets.power_map_view import PowerMap  # noqa: E402

EDITS = 60


def _edits(widget: PowerMap, people: list, shown: bool) -> list[float]:
    """Seconds per edit: one stakeholder's influence up or down a step, the map brought up to date."""
    app = QApplication.instance()
    samples = []
    for i in range(EDITS):
        s = people[(i * 7919) % len(people)]
        moved = dataclasses.replace(s, influence=s.influence % 5 + 1)
        people[people.index(s)] = moved
        app.processEvents()
        started = time.perf_counter()
        widget.scene.refresh_many({moved.key: moved})
        if shown:  # the scene's changes reach the view, which repaints what changed, in the next turns
            app.processEvents()
            app.processEvents()
        samples.append(time.perf_counter() - started)
    return samples


def measure(kind: str) -> list[Result]:
    app = QApplication.instance() or QApplication([])
    people = list(synthetic.make_plan(kind).stakeholders)
    widget = PowerMap()
    widget.resize(730, 480)  # the map's tab in a 1366x768 window
    started = time.perf_counter()
    widget.scene.set_stakeholders(people)
    laid_out = time.perf_counter() - started
    started = time.perf_counter()
    widget.show()  # laid out, drawn, and the crowded squares' names listed in the turn after
    app.processEvents()
    app.processEvents()
    first = time.perf_counter() - started
    sizes = []
    for size in (12.0, 15.0, 12.0, 15.0, 12.0):
        started = time.perf_counter()
        widget.scene.set_text_size(size)
        sizes.append(time.perf_counter() - started)
    shown = _edits(widget, people, shown=True)
    widget.hide()
    hidden = _edits(widget, people, shown=False)
    widget.show()
    app.processEvents()
    n = len(people)
    return [
        Result(f"map: lay out {n:,} stakeholders ({kind})", [laid_out]),
        Result(f"map: first shown, drawn and its crowds listed ({kind})", [first]),
        Result(f"map: lay out again for a new text size ({kind})", sizes),
        Result(f"map's share of one edit, map in sight, repainted ({kind})", shown),
        Result(f"map's share of one edit, map on the other tab ({kind})", hidden),
    ]


if __name__ == "__main__":
    for kind in sys.argv[1:] or ["huge"]:
        for r in measure(kind):
            p95 = f"p95 {r.show(r.percentile(95))}" if len(r.samples) >= 20 else ""
            print(f"{r.name:70} median {r.show(r.median):>9}  {p95:>14}  {r.spread()}")
