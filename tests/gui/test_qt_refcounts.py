"""Guards against a Qt binding that leaks references to None, which crashes the app."""

import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_do_not_use_up_none(qtbot):
    """Calling a Qt setter many times leaves None's reference count as it was."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    # A leaking binding loses one reference per call; a little noise from the interpreter is fine.
    assert before - sys.getrefcount(None) < 100
