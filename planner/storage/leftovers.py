"""Our temporary files: named so we know whose they are, and cleared when their maker is gone.

Creating, importing, copying and exporting a plan all build the result under a hidden
temporary name beside it and rename it when complete. A process killed half-way leaves that
file behind, and it can hold residents' details (a half-imported plan, a half-written PDF).
Each temporary name carries the process id and a short host tag, so the next run in that folder
can tell a leftover of a dead process on this computer from a file a colleague's computer is
still writing on a shared drive, and remove only the leftovers.
"""

from __future__ import annotations

import os
import re
import socket
import time
from pathlib import Path

from planner.storage.journal import JOURNAL_MAGIC, journal_path
from planner.storage.lock import _pid_alive

# Names from before the host tag, and mkstemp names without a process id (PDF parts): removed
# only when old enough that no export or copy can still be writing them.
_UNOWNED_AGE = 6 * 3600  # seconds
_OURS = re.compile(r"^\.(?P<kind>new|copy|import|export)-(?P<pid>\d+)@(?P<host>[A-Za-z0-9]+)-")
_LEGACY = re.compile(r"^\.(new|copy|import)-|\.pdf\.part$")


def host_tag() -> str:
    """A short tag for this computer: letters and digits of its name, at most 12."""
    return re.sub(r"[^A-Za-z0-9]", "", socket.gethostname())[:12] or "host"


def temp_prefix(kind: str) -> str:
    """The start of a temporary name for ``kind`` (new, copy, import, export) in this process."""
    return f".{kind}-{os.getpid()}@{host_tag()}-"


def _is_leftover(path: Path, now: float) -> bool:
    match = _OURS.match(path.name)
    if match:
        if match["host"] != host_tag():
            return now - path.stat().st_mtime > _UNOWNED_AGE
        return not _pid_alive(int(match["pid"]))
    if _LEGACY.search(path.name):
        return now - path.stat().st_mtime > _UNOWNED_AGE
    return False


def clean_leftovers(folder: Path) -> list[str]:
    """Remove our temporary files (with their journals and locks) whose maker is gone.

    Returns the names removed. Never raises: a file that cannot be removed is left for the
    next run, since a tidy-up must not stop the officer opening their plan.
    """
    removed = []
    now = time.time()
    try:
        entries = [p for p in folder.iterdir() if p.name.startswith(".")]
    except OSError:
        return removed
    stems = set()
    for path in entries:
        try:
            if path.is_file() and _is_leftover(path, now):
                stems.add(path.name.split(".coplan")[0] if ".coplan" in path.name else path.name)
        except OSError:
            continue
    for path in entries:
        if any(path.name.startswith(stem) for stem in stems):
            try:
                path.unlink()
                removed.append(path.name)
            except OSError:
                continue
    return removed


def remove_dead_journal(plan: Path) -> bool:
    """Remove a rollback journal SQLite will never replay (no valid header) beside ``plan``.

    Called once the plan is open and locked, after SQLite has rolled back any hot journal: a
    journal still there is one it ignores, and it would keep the old content of changed pages,
    residents' details among them, beside the plan for ever.
    """
    journal = journal_path(plan)
    try:
        with journal.open("rb") as handle:
            header = handle.read(8)
    except OSError:
        return False
    if header == JOURNAL_MAGIC:  # a live journal: SQLite's to deal with (see journal.py)
        return False
    try:
        journal.unlink()
    except OSError:
        return False
    return True
