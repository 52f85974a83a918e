"""Start the desktop app: the one place that builds the QApplication and wires its objects."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from planner import __version__
from planner.resources import resources_root
from planner.ui.main_window import MainWindow
from planner.ui.settings import Settings


def _guidance():
    """The module that makes worked examples, or None if guidance is not installed."""
    try:
        from planner import guidance
    except ImportError:
        return None
    return guidance


def _load_library(guidance):
    """The guidance library, or None (and why, on stderr) when it cannot be read."""
    try:
        return guidance.load_library()
    except (OSError, ValueError, guidance.GuidanceError) as error:  # a broken install: run without guidance, say why
        print(f"coplanner: guidance could not be loaded: {error}", file=sys.stderr)
        return None


def _icon() -> QIcon | None:
    try:
        folder = resources_root() / "icons"
    except FileNotFoundError:
        return None
    if not folder.is_dir():
        return None
    icon = QIcon()
    for file in sorted(folder.glob("coplanner-[0-9]*.png")):
        icon.addFile(str(file))
    return None if icon.isNull() else icon


def run(argv: list[str], qsettings: QSettings | None = None) -> int:
    """Run the app; ``argv[0]``, when given, is a plan to open. Returns the exit code.

    Args:
        qsettings: where preferences live; the platform's usual place when None (tests pass
            a temporary ini file).
    """
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "coplanner"])
    app.setApplicationName("Coproduction Planner")
    app.setOrganizationName("Coproduction Planner")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("coplanner")  # Linux desktops match the window to its menu entry
    icon = _icon()
    if icon is not None:
        app.setWindowIcon(icon)
    settings = Settings(qsettings if qsettings is not None else QSettings())
    examples = _guidance()
    # The library is read when guidance is first shown or a PDF exported, not before the
    # window's first paint.
    load = (lambda: _load_library(examples)) if examples is not None else None
    window = MainWindow(settings, examples=examples, load_library=load)
    window.show()
    if argv:
        from planner.ui.files import open_plan

        open_plan(window, argv[0])
    quit_after = os.environ.get("COPLANNER_QUIT_AFTER_MS", "")
    if quit_after.isdigit():  # smoke tests of installed builds: close (gives back the lock) and quit
        QTimer.singleShot(int(quit_after), window.close)
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
