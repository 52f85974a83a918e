"""One edit in the app, from the form to every view and count updated, on the large and huge plans.

Run: ``python benchmarks/bench_edits.py [large|huge ...]`` (offscreen). For each plan the main
window opens it on the Stakeholders step; then the influence of one stakeholder is changed in
the form EDITS times, each timed from the change to the end of the event-loop turn that
follows it (the table row, the map marker, the findings and every step's count are updated in
that turn), with the storage commit inside it timed on its own and the process's CPU time
beside the wall time (on a shared machine the wall time also waits for others' work). Then
DELETES stakeholders who own risks and safeguards are deleted from the Stakeholders step (their
owners cleared, the table, map, findings and counts updated) and each delete undone, each
timed the same way. Prints one line per figure.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from measure import Result  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import synthetic  # noqa: E402
from planner.ui.files import open_plan  # noqa: E402
from planner.ui.main_window import MainWindow  # noqa: E402
from planner.ui.settings import Settings  # noqa: E402

EDITS = 60
DELETES = 20


def measure(kind: str, folder: Path) -> list[Result]:
    """Edit-to-updated and commit times for one synthetic plan."""
    app = QApplication.instance() or QApplication([])
    path = synthetic.write(kind, folder / f"{kind}.coplan")
    settings = Settings(QSettings(str(folder / f"{kind}.ini"), QSettings.Format.IniFormat))
    settings.last_step = "stakeholders"
    window = MainWindow(settings)
    window.resize(1366, 768)
    window.show()
    assert open_plan(window, path)
    app.processEvents()
    step = window.go_to_step("stakeholders")
    app.processEvents()
    store = window.document.store
    commits: list[float] = []
    update = store.update_stakeholder

    def timed_update(*args, **kwargs):
        started = time.perf_counter()
        try:
            return update(*args, **kwargs)
        finally:
            commits.append(time.perf_counter() - started)

    store.update_stakeholder = timed_update
    key = f"s{len(window.document.plan.stakeholders) // 2}"
    step.select("stakeholder", key)
    app.processEvents()
    edits, cpu = [], []
    for i in range(EDITS + 5):
        value = 1 + (step.form.influence.value() % 5)
        started, started_cpu = time.perf_counter(), time.process_time()
        step.form.influence.setValue(value)
        app.processEvents()
        edits.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        assert window.document.plan.stakeholder(key).influence == value
    deletes, undos, both_cpu = delete_and_undo(app, window, step)
    window.close_document()
    window.close()
    return [
        Result(f"edit → every view and count updated ({kind}, {EDITS} edits)", edits[5:]),
        Result(f"…of which the storage commit ({kind})", commits[5:]),
        Result(f"…its CPU time in this process ({kind})", cpu[5:]),
        Result(f"delete a stakeholder who owns risks → every view updated ({kind}, {DELETES} deletes)", deletes),
        Result(f"undo that delete → every view updated ({kind})", undos),
        Result(f"…CPU time of the delete and its undo together, in this process ({kind})", both_cpu),
    ]


def delete_and_undo(app, window, step) -> tuple[list[float], list[float], list[float]]:
    """Delete stakeholders who own risks or safeguards, one at a time, and undo each delete."""
    document = window.document
    plan = document.plan
    owners = sorted({r.owner for r in plan.risks if r.owner} | {g.owner for g in plan.safeguards if g.owner},
                    key=lambda key: int(key[1:]))
    step.ask_confirm = lambda *_args: True  # a delete that clears owners asks first
    step.privacy.ask_delete_people = lambda *_args: "delete"  # a private individual: Erase is offered
    deletes, undos, cpu = [], [], []
    for key in owners[:: max(1, len(owners) // DELETES)][:DELETES]:
        step.select("stakeholder", key)
        app.processEvents()
        started, started_cpu = time.perf_counter(), time.process_time()
        step.delete()
        app.processEvents()
        deletes.append(time.perf_counter() - started)
        assert document.plan.stakeholder(key) is None
        started = time.perf_counter()
        document.undo_stack.undo()
        app.processEvents()
        undos.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        assert document.plan.stakeholder(key) is not None
    return deletes, undos, cpu


def main(kinds: list[str]) -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for kind in kinds:
            results += measure(kind, Path(folder))
    return results


if __name__ == "__main__":
    for r in main(sys.argv[1:] or ["large", "huge"]):
        print(f"{r.name}: median {r.show(r.median)}, p95 {r.show(r.percentile(95))}, "
              f"max {r.show(max(r.samples))}")
