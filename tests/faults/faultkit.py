"""Helpers for the fault tests: child processes that edit a plan, and checks of a plan file."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).parent
CHILD = HERE / "edit_child.py"
ROOT = HERE.parent.parent


def child_env() -> dict[str, str]:
    """The environment for a child: this checkout first on the import path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def start_child(*args: str, preexec=None) -> subprocess.Popen:
    """Start edit_child.py (or another script) with its stdout piped line by line."""
    return subprocess.Popen(
        [sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=child_env(), preexec_fn=preexec)


def read_until(proc: subprocess.Popen, predicate, limit: int = 100_000) -> list[str]:
    """Read the child's lines until ``predicate(line)`` holds or it ends; returns them all.

    The bounded loop ends when the child closes stdout (exits), so it never hangs on a
    child that is alive and printing; every caller's child prints or exits.
    """
    lines = []
    for _ in range(limit):
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if predicate(lines[-1]):
            break
    return lines


def integrity(path: Path) -> tuple[list[str], list]:
    """PRAGMA integrity_check and foreign_key_check of a plan file, read without writing."""
    connection = sqlite3.connect(path)  # read-write: SQLite rolls back a crash's hot journal first
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        check = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        connection.close()
    return check, foreign


@contextmanager
def file_size_limit(size: int):
    """No file this process writes may grow beyond ``size`` bytes: a full disk, for a moment."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)
