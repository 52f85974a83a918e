"""Render every step of an example at one window size and report controls cut off on the right.

Run in its own process (the scale factor is read when Qt starts):
``QT_SCALE_FACTOR=1.25 python layout_probe.py WIDTHxHEIGHT OUT_DIR [EXAMPLE]``. Prints one JSON
object: for each step (and the welcome screen, and the stakeholders' map tab) the controls whose
right edge is hidden, and the scroll areas that need a horizontal scroll bar. Sizes are the
window's client area in device-independent pixels; screenshots are written to OUT_DIR.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, QSettings  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox, QLabel,
    QLineEdit, QPlainTextEdit, QScrollArea, QTextEdit, QWidget,
)

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit,
            QAbstractItemView, QLabel)


def _visible_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of the window where ``widget`` can be seen: clipped by every ancestor."""
    rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(QRect(parent.mapTo(window, parent.rect().topLeft()), parent.size()))
        parent = parent.parentWidget()
    return rect.intersected(window.rect())


def _name(widget: QWidget) -> str:
    text = ""
    for attr in ("text", "accessibleName"):
        try:
            text = getattr(widget, attr)() or text
        except (AttributeError, TypeError):
            pass
        if text:
            break
    return f"{type(widget).__name__}:{widget.objectName() or text[:40]}"


def problems(page: QWidget, window: QWidget) -> list[str]:
    """Controls on ``page`` whose right edge is cut off, and scroll areas scrolling sideways."""
    found = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 1:
            continue
        if isinstance(widget, QScrollArea) and not isinstance(widget, QAbstractItemView):
            bar = widget.horizontalScrollBar()
            if bar.isVisible() and bar.maximum() > 0:
                found.append(f"scrolls sideways: {_name(widget)} by {bar.maximum()}px")
            continue
        if not isinstance(widget, CONTROLS):
            continue
        if isinstance(widget.parentWidget(), (QAbstractItemView, QComboBox, QAbstractSpinBox)):
            continue  # an editor or a part of a compound control
        full = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        seen = _visible_rect(widget, window)
        if seen.isEmpty():
            continue  # scrolled out of sight vertically: reachable by scrolling down
        if seen.right() < full.right() - 2 or seen.left() > full.left() + 2:
            found.append(f"cut off: {_name(widget)} shows {seen.width()} of {full.width()}px")
    return found


def main(argv: list[str]) -> int:
    width, height = (int(v) for v in argv[0].split("x"))
    out = Path(argv[1])
    example = argv[2] if len(argv) > 2 else "villa-family"
    from planner import guidance
    from planner.storage import PlanStore
    from planner.ui.main_window import MainWindow
    from planner.ui.settings import Settings

    app = QApplication(["layout-probe"])
    out.mkdir(parents=True, exist_ok=True)
    report: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as temp:
        settings = Settings(QSettings(str(Path(temp) / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings, library=guidance.load_library(), examples=guidance)
        window.resize(width, height)
        window.show()
        app.processEvents()
        window.grab().save(str(out / "welcome.png"))
        report["welcome"] = problems(window.centralWidget(), window)
        window.set_store(PlanStore.create_from(Path(temp) / "plan.coplan", guidance.example_plan(example)))
        for step in window.steps:
            window.go_to_step(step.NAME)
            app.processEvents()
            page = window.current_step()
            window.grab().save(str(out / f"{step.NAME}.png"))
            report[step.NAME] = problems(page, window)
            if step.NAME == "stakeholders":
                page.show_map()
                app.processEvents()
                window.grab().save(str(out / "stakeholders-map.png"))
                report["stakeholders-map"] = problems(page, window)
                page.tabs.setCurrentIndex(0)
        report["_size"] = [window.width(), window.height(), app.primaryScreen().devicePixelRatio()]
        window.close()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
