"""How the Stakeholders step copes with a big plan: open, scroll and edit 5,000 stakeholders.

Run offscreen from the checkout: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_ui.py``
(the platform defaults to offscreen when unset). Prints a table of timings; no pass/fail.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from planner.core.model import Category, DeliveryRole, PlanningRole, Stakeholder  # noqa: E402
from planner.storage import PlanStore  # noqa: E402
from planner.ui.document import PlanDocument  # noqa: E402

COUNT = 5000
EDITS = 200


def build(path: Path) -> None:
    categories, planning, delivery = list(Category), list(PlanningRole), list(DeliveryRole)
    people = [Stakeholder(key=f"s{i + 1}", name=f"Stakeholder {i + 1}", organisation=f"Organisation {i % 97}",
                          category=categories[i % len(categories)], planning_role=planning[i % 4],
                          delivery_role=delivery[i % 3], influence=1 + i % 5, interest=1 + (i * 7) % 5)
              for i in range(COUNT)]
    with PlanStore.create(path, "Benchmark plan") as store:
        store.add_stakeholders(people)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"median {ms(statistics.median(ordered))}   p95 {ms(p95)}   max {ms(ordered[-1])}"


def main() -> None:
    app = QApplication.instance() or QApplication([])
    from planner.ui.steps.stakeholders import StakeholdersStep

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.coplan"
        started = time.perf_counter()
        build(path)
        built = time.perf_counter() - started

        started = time.perf_counter()
        document = PlanDocument(PlanStore.open(path))
        step = StakeholdersStep()
        step.resize(1280, 800)
        step.load(document)
        step.show()
        app.processEvents()
        loaded = time.perf_counter() - started

        view = step.pane.view
        bar = view.verticalScrollBar()
        pages = 0
        started = time.perf_counter()
        value = 0
        while value <= bar.maximum():
            bar.setValue(value)
            view.viewport().repaint()
            pages += 1
            value += max(1, bar.pageStep())
        scrolled = time.perf_counter() - started

        storage = []
        update = document.store.update_stakeholder

        def timed_update(*args, **kwargs):  # to tell the UI's share of an edit from the disk's
            started = time.perf_counter()
            try:
                return update(*args, **kwargs)
            finally:
                storage.append(time.perf_counter() - started)
        document.store.update_stakeholder = timed_update

        step.select("stakeholder", "s2500")
        form_edits = []
        for i in range(EDITS):
            started = time.perf_counter()
            step.form.influence.setValue(1 + (i % 5))
            app.processEvents()
            form_edits.append(time.perf_counter() - started)
        form_storage = storage[:]
        del storage[:]

        moves = []
        for i in range(EDITS):
            key = f"s{1 + (i * 37) % COUNT}"
            started = time.perf_counter()
            step.map.scene.move_requested.emit(key, 1 + i % 5, 1 + (i * 3) % 5)
            app.processEvents()
            moves.append(time.perf_counter() - started)
        move_storage = storage[:]

        undos = []
        for _ in range(50):
            started = time.perf_counter()
            document.undo_stack.undo()
            app.processEvents()
            undos.append(time.perf_counter() - started)

        deletes, restores = [], []
        for i in range(10):
            step.select("stakeholder", f"s{100 + i * 401}")
            started = time.perf_counter()
            step.delete()
            app.processEvents()
            deletes.append(time.perf_counter() - started)
            started = time.perf_counter()
            document.undo_stack.undo()
            app.processEvents()
            restores.append(time.perf_counter() - started)

        started = time.perf_counter()
        view.selectAll()
        app.processEvents()
        selected_all = time.perf_counter() - started
        view.clearSelection()

        started = time.perf_counter()
        qtext = step.pane.filter_box
        qtext.setText("Organisation 42")
        app.processEvents()
        filtered = time.perf_counter() - started
        shown = step.pane.proxy.rowCount()
        qtext.clear()

        document.close()

    print(f"Stakeholders step with {COUNT:,} stakeholders")
    print(f"  build the plan file (storage)     {ms(built)}")
    print(f"  open + load + show the step       {ms(loaded)}")
    print(f"  scroll the table through all rows {ms(scrolled)}  ({pages} pages, {ms(scrolled / pages)} a page)")
    print(f"  filter to one organisation        {ms(filtered)}  ({shown} rows shown)")
    print(f"  select all {COUNT:,} (table and map)  {ms(selected_all)}")
    print(f"  form edit (influence), {EDITS} edits  {summary(form_edits)}")
    print(f"    of which the storage commit     {summary(form_storage)}")
    print(f"    of which the UI (edit - commit) {summary([a - b for a, b in zip(form_edits, form_storage)])}")
    print(f"  map move, {EDITS} moves             {summary(moves)}")
    print(f"    of which the UI (move - commit) {summary([a - b for a, b in zip(moves, move_storage)])}")
    print(f"  undo, 50 undos                    {summary(undos)}")
    print(f"  delete one stakeholder, 10 times  {summary(deletes)}")
    print(f"  undo that delete, 10 times        {summary(restores)}")


if __name__ == "__main__":
    main()
