"""Check, before the app starts, that Qt can open a window on this computer's screen.

``python -m planner.ui.preflight`` exits 0 when it can. On Linux without ``QT_QPA_PLATFORM``
set, Qt's xcb plugin needs some system libraries that a Python install cannot bring; when one
is missing this prints the one apt-get line that installs them all and exits 1, instead of
Qt's long "could not load the Qt platform plugin" trace.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

# Library name as find_library knows it -> the Debian/Ubuntu package that provides it.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-randr": "libxcb-randr0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "EGL": "libegl1",
    "GL": "libgl1",
    "fontconfig": "libfontconfig1",
    "dbus-1": "libdbus-1-3",
}


def missing_packages(find=ctypes.util.find_library) -> list[str]:
    """The packages whose libraries Qt's xcb plugin needs and this system lacks."""
    return [package for library, package in XCB_LIBRARIES.items() if find(library) is None]


def check(platform: str = sys.platform, environ=os.environ, find=ctypes.util.find_library) -> str | None:
    """None when Qt should start; otherwise the one line that tells the officer what to install."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None  # Windows and macOS bring everything; a chosen platform is the user's call
    if not environ.get("DISPLAY"):
        if environ.get("WAYLAND_DISPLAY"):
            return None  # Qt uses Wayland there when it can
        return ("coplanner: no screen to show the app on (DISPLAY is not set); start it from "
                "a desktop session, or use the coplanner command line")
    missing = missing_packages(find)
    if not missing:
        return None
    return "coplanner: Qt needs system libraries for the screen: sudo apt-get install -y " + " ".join(missing)


def main() -> int:
    problem = check()
    if problem:
        print(problem)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
