"""What every ``coplanner`` command shares: its usage error, reading a plan, files and safe printing."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

from planner.core.model import Plan
from planner.storage import PlanError, PlanStore
from planner.storage.atomic import write_atomically


class UsageError(Exception):
    """Bad input: printed as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, with no usage dump and no traceback."""

    def error(self, message: str):
        raise UsageError(f"{message} (see 'coplanner --help')")


def read_text(path: Path, check_only: bool = False) -> str:
    """The UTF-8 text of a file the command names, or a UsageError saying why it cannot be read."""
    if not path.exists():
        raise UsageError(f"{path}: no such file")
    if path.is_dir():
        raise UsageError(f"{path}: is a folder, not a file")
    if not path.is_file():  # a device or pipe (/dev/zero would be read for ever)
        raise UsageError(f"{path}: is not a regular file")
    if check_only:
        return ""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{path}: is not UTF-8 text") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot be read ({error.strerror})") from None


def write_file(path: Path, data: bytes) -> None:
    """Write beside the target and rename, so a failure never leaves half a file."""
    try:
        write_atomically(path, data)
    except PlanError as error:
        raise UsageError(f"{path}: {error}") from None


def load(path: Path) -> Plan:
    """The plan in a file, read-only: looking takes no lock, so it works while the app has it open."""
    with PlanStore.open(path, read_only=True, allow_newer=False) as store:
        if store.notice:
            print(f"coplanner: note: {store.notice}", file=sys.stderr)
        return store.load()


def printable(text: str) -> str:
    """Plan text made safe for a terminal: control and format characters (escape sequences that
    clear the screen or recolour it, right-to-left overrides) shown as escapes, not obeyed."""
    return "".join(c.encode("unicode_escape").decode("ascii")
                   if (unicodedata.category(c) in ("Cc", "Zl", "Zp") and c != "\t") or c in _BIDI_CONTROLS
                   else c for c in text)


_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
