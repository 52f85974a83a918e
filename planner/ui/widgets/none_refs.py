"""A guard against a reference-count bug that crashes the app on Python 3.11.

PySide6 6.12 hands back ``None`` from Qt methods returning void (and ``True``/``False`` from
those returning bool) without taking a reference to it. Python 3.12 and later make these
objects immortal, so nothing happens there; on 3.11 each call costs one reference, and after
some tens of thousands of calls (drawing a map of 5,000 stakeholders is enough) Python aborts
with "deallocating None". ``keep_none_alive`` does what 3.12 does: it gives the three objects
a reference count so large that no run of the app can use it up.
"""

from __future__ import annotations

import ctypes
import sys

_DONE = sys.version_info >= (3, 12) or sys.implementation.name != "cpython"
_PLENTY = 1 << 40


def keep_none_alive() -> None:
    """Make ``None``, ``True`` and ``False`` as good as immortal (once; a no-op on 3.12+)."""
    global _DONE
    if _DONE:
        return
    for value in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython.
        count = ctypes.c_ssize_t.from_address(id(value))
        if count.value < _PLENTY:
            count.value += _PLENTY
    _DONE = True
