"""A lock file beside the plan that says who has it open for editing (app and CLI alike)."""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path

from planner.storage.errors import PlanLocked


def lock_path(plan_path: Path) -> Path:
    """Where the lock for a plan lives: ``NAME.coplan.lock`` beside it."""
    return plan_path.with_name(plan_path.name + ".lock")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill would terminate the process on Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but another user's
        return True
    return True


def _describe(info: dict) -> str:
    since = info.get("since", "")
    try:
        since = datetime.fromisoformat(since).strftime("%d %b %Y %H:%M")
    except (TypeError, ValueError):
        pass
    return f"{info.get('user', 'someone')} on {info.get('host', 'another computer')} since {since}".strip()


class PlanLock:
    """Holds ``NAME.coplan.lock`` while a plan is open for editing."""

    def __init__(self, plan_path: Path):
        self.path = lock_path(plan_path)
        self.held = False

    def acquire(self) -> None:
        """Take the lock, clearing a stale one left by a crash on this machine.

        Raises:
            PlanLocked: someone else holds it; the error says who and whether it looks stale.
        """
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                info = self.read()
                here = info.get("host") == socket.gethostname()
                pid = info.get("pid")
                if here and isinstance(pid, int) and not _pid_alive(pid):
                    self.break_lock()  # the process that held it is gone: a crash
                    continue
                holder = _describe(info)
                raise PlanLocked(
                    f"This plan is open for editing by {holder}. You can open it read-only, or "
                    "ask them to close it.", holder, stale=False, same_host=here) from None
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump({
                    "app": "Coproduction Planner", "pid": os.getpid(),
                    "host": socket.gethostname(), "user": getpass.getuser(),
                    "since": datetime.now().isoformat(timespec="seconds"),
                }, handle)
            self.held = True
            return
        raise PlanLocked("The plan's lock could not be taken; try again.", "unknown")

    def read(self) -> dict:
        """What the lock file says, or an empty dict if it cannot be read."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def break_lock(self) -> None:
        """Remove the lock file (after the officer confirmed, or when it is stale)."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass

    def release(self) -> None:
        """Give the lock back if we hold it."""
        if self.held:
            self.break_lock()
            self.held = False
