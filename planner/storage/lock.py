"""A lock file beside the plan that says who has it open for editing (app and CLI alike).

The lock belongs to the file, not to the name it was opened by: it sits beside the resolved
path (a symlink leads to the real file's lock) and records the file's device and inode, so a
hard link to a plan that is open under another name is refused too.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path

from planner.core.dates import long_stamp
from planner.storage.errors import PlanFileError, PlanLocked

LOCK_SUFFIX = ".lock"
_HELD: set[str] = set()  # locks this process holds now, by path: ours, not an orphan


def real_path(plan_path: Path) -> Path:
    """The plan's real file: symlinks followed, so every name for it shares one lock."""
    try:
        return Path(os.path.realpath(plan_path))
    except (OSError, ValueError):
        return Path(plan_path)


def lock_path(plan_path: Path) -> Path:
    """Where the lock for a plan lives: ``NAME.coplan.lock`` beside the real file."""
    real = real_path(plan_path)
    return real.with_name(real.name + LOCK_SUFFIX)


def file_identity(plan_path: Path) -> dict:
    """Device and inode of the plan file (empty when it cannot be read)."""
    try:
        info = os.stat(plan_path)
    except OSError:
        return {}
    return {"dev": info.st_dev, "ino": info.st_ino}


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
    except (OverflowError, OSError):
        return False
    return True


def _started(pid: int) -> int | None:
    """When process ``pid`` started (clock ticks since boot), where the system tells; else None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        return int(stat.rpartition(")")[2].split()[19])
    except (OSError, ValueError, IndexError):
        return None


def _same_process(info: dict) -> bool:
    """False when the lock's process number now belongs to another process (reused after a crash)."""
    recorded = info.get("started")
    if not isinstance(recorded, int):
        return True  # a lock that does not say: assume the holder still runs
    return _started(info["pid"]) in (recorded, None)


def _since(info: dict) -> str:
    since = info.get("since", "")
    try:
        datetime.fromisoformat(since)
    except (TypeError, ValueError):
        return ""
    return long_stamp(since)


def _describe(info: dict) -> str:
    user, host = info.get("user"), info.get("host")
    if not isinstance(user, str) or not isinstance(host, str) or not user or not host:
        return "an unknown program (its lock file names no one)"
    since = _since(info)
    return f"{user} on {host}" + (f" since {since}" if since else "")


class PlanLock:
    """Holds ``NAME.coplan.lock`` while a plan is open for editing."""

    def __init__(self, plan_path: Path):
        self.plan_path = Path(plan_path)
        self.path = lock_path(self.plan_path)
        self.held = False

    def _stale(self, info: dict) -> bool:
        """True when the lock was left by a process of this machine that no longer holds it."""
        if info.get("host") != socket.gethostname():
            return False
        pid = info.get("pid")
        if not isinstance(pid, int) or isinstance(pid, bool):
            return False
        if pid == os.getpid():
            return str(self.path) not in _HELD  # our own, orphaned (say the drive was lost)
        return not _pid_alive(pid) or not _same_process(info)

    def _refuse(self, info: dict, other_name: str | None = None) -> PlanLocked:
        holder = _describe(info)
        same_host = info.get("host") == socket.gethostname()
        via = f" under another name ({other_name})" if other_name else ""
        return PlanLocked(
            f"{self.plan_path.name} is open for editing{via} by {holder}. You can open it "
            "read-only, or ask them to close it.", holder, stale=False, same_host=same_host)

    def _hard_link_holder(self, identity: dict) -> tuple[dict, str] | None:
        """The lock of another name for this same file (a hard link) in its folder, if held."""
        try:
            if not identity or os.stat(self.plan_path).st_nlink < 2:
                return None
            others = [p for p in self.path.parent.iterdir()
                      if p.name.endswith(LOCK_SUFFIX) and p != self.path]
        except OSError:
            return None
        for other in others:
            info = PlanLock._read(other)
            if info.get("dev") == identity["dev"] and info.get("ino") == identity["ino"]:
                if not PlanLock(other.with_name(other.name[:-len(LOCK_SUFFIX)]))._stale(info):
                    return info, other.name[:-len(LOCK_SUFFIX)]
        return None

    def acquire(self, plan_id: str | None = None) -> None:
        """Take the lock, clearing a stale one left by a crash on this machine.

        Args:
            plan_id: the plan's identity stored in the file, recorded so a crash's journal is
                only ever applied to the plan it belongs to.

        Raises:
            PlanLocked: someone else holds it; the error says who.
            PlanFileError: the lock could not be written (disk full, folder read-only).
        """
        identity = file_identity(self.plan_path)
        linked = self._hard_link_holder(identity)
        if linked:
            raise self._refuse(*linked)
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                info = self.read()
                if self._stale(info):
                    self.break_lock()  # the process that held it is gone: a crash
                    continue
                raise self._refuse(info) from None
            except OSError as error:
                raise PlanFileError(
                    f"{self.plan_path.name} cannot be opened for editing: its lock file could not "
                    f"be made in {self.path.parent} ({error.strerror}). You can open it read-only.") from None
            record = {
                "app": "Coproduction Planner", "pid": os.getpid(), "host": socket.gethostname(),
                "user": getpass.getuser(), "since": datetime.now().isoformat(timespec="seconds"),
                "started": _started(os.getpid()), "plan": plan_id, **identity,
            }
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(record, handle)
                    handle.flush()
            except OSError as error:
                self.break_lock()  # never leave an empty lock that would name no one
                raise PlanFileError(
                    f"{self.plan_path.name} cannot be opened for editing: its lock file could not "
                    f"be written ({error.strerror}). Free some space, or open it read-only.") from None
            self.held = True
            _HELD.add(str(self.path))
            return
        raise PlanLocked(f"The lock on {self.plan_path.name} could not be taken; try again.", "unknown")

    @staticmethod
    def _read(path: Path) -> dict:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def read(self) -> dict:
        """What the lock file says, or an empty dict if it cannot be read."""
        return self._read(self.path)

    def break_lock(self) -> None:
        """Remove the lock file (after the officer confirmed, or when it is stale)."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass  # the folder is read-only or gone: the lock stays, and reads as ours and stale

    def release(self) -> None:
        """Give the lock back if we hold it; never raises (the folder may be gone by now)."""
        if self.held:
            _HELD.discard(str(self.path))
            self.break_lock()
            self.held = False
