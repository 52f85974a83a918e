"""A child process for bench_app.py: start a window, report when it first paints, then quit.

``python app_probe.py bare`` shows a bare QMainWindow; ``python app_probe.py app PLAN [STEP [map]]``
starts the real app (planner.app.run) on PLAN, opening on the step named STEP (the window
reopens on the step last used; by default that is the first step); with ``map``, the
Stakeholders step's map tab is brought up as soon as the window has painted, so the second
watched is the map's first showing. Both build the QApplication the same way and watch
for the first Paint event of a top-level window, then print one JSON line:
``{"painted": epoch seconds, "open_plan": seconds inside open_plan or null,
"max_gap": the longest the event loop went unanswered in the second after the paint,
"peak_mb": this process's peak resident memory}``. The peak is VmHWM from /proc, not
ru_maxrss: a child's ru_maxrss starts from its parent's size at fork, which would measure the
benchmark runner rather than the app.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

RESPONSIVE_WINDOW = 1.0  # seconds of event-loop pings after the first paint


class FirstPaint(QObject):
    """Notes the first paint of a main window, then pings the event loop for a second."""

    def __init__(self, app: QApplication, report: dict, then=None):
        super().__init__()
        self.app, self.report, self.done, self.then = app, report, False, then
        self.last = 0.0
        self.gaps: list[float] = []

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if not self.done and event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            self.done = True
            self.report["painted"] = time.time()
            self.last = self.started = time.perf_counter()
            QTimer.singleShot(0, self.ping)
            if self.then is not None:
                QTimer.singleShot(0, self.then)
        return False

    def ping(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self.last)
        self.last = now
        if now - self.started < RESPONSIVE_WINDOW:
            QTimer.singleShot(5, self.ping)  # a 5 ms timer: any gap well beyond it is a stall
        else:
            self.report["max_gap"] = max(self.gaps)
            self.app.quit()


def _peak_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource  # elsewhere: ru_maxrss (bytes on macOS)

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def _show_map() -> None:
    from planner.ui.steps.stakeholders import StakeholdersStep

    for widget in QApplication.allWidgets():
        if isinstance(widget, StakeholdersStep):
            widget.show_map()


def main() -> int:
    mode = sys.argv[1]
    report: dict = {"open_plan": None, "max_gap": None}
    app = QApplication([sys.argv[0]])
    watcher = FirstPaint(app, report, _show_map if sys.argv[4:5] == ["map"] else None)
    app.installEventFilter(watcher)
    if mode == "bare":
        window = QMainWindow()
        window.setWindowTitle("Bare window")
        window.resize(1280, 800)
        window.show()
        app.exec()
    else:
        from planner import app as planner_app
        from planner.ui import files

        original = files.open_plan

        def timed_open(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                report["open_plan"] = time.perf_counter() - started

        files.open_plan = timed_open
        with tempfile.TemporaryDirectory() as folder:
            settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
            if len(sys.argv) > 3:
                settings.setValue("window/last_step", sys.argv[3])
            planner_app.run([sys.argv[2]], qsettings=settings)
    report["peak_mb"] = _peak_mb()
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
