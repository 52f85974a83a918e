"""The errors storage raises; each message says what happened and what the officer can do."""

from __future__ import annotations


class PlanError(Exception):
    """Base of every refusal from storage; ``str()`` is a sentence fit for a dialog."""


class PlanFileError(PlanError):
    """A file that cannot be opened as a plan, or a write that failed. The file is unchanged."""


class PlanNotFound(PlanFileError):
    """The path does not exist."""


class NotAPlan(PlanFileError):
    """The file is not SQLite, or is SQLite of another application, or is a folder."""


class NewerPlan(PlanFileError):
    """The plan was written by a newer version of the app; it may be opened read-only."""


class DamagedPlan(PlanFileError):
    """SQLite's quick_check failed."""


class PlanLocked(PlanFileError):
    """Another process has the plan open for editing.

    Attributes:
        holder: who holds it, e.g. ``"alice on LAPTOP-12 since 2026-11-28 09:14"``.
        stale: True when the holder is a process on this machine that no longer runs.
    """

    def __init__(self, message: str, holder: str, stale: bool = False, same_host: bool = True):
        super().__init__(message)
        self.holder = holder
        self.stale = stale
        self.same_host = same_host


class InvalidValue(PlanError):
    """A value that does not fit its field (out of range, wrong kind, a dangling key); nothing was written.

    Attributes:
        field: the field's name, when one field is to blame.
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFound(PlanError):
    """No stakeholder, risk or safeguard has the key asked for (it may have been deleted)."""

    def __init__(self, message: str, key: str | None = None):
        super().__init__(message)
        self.key = key


class ReadOnlyPlan(PlanError):
    """An edit was tried on a plan opened read-only."""


class WriteFailed(PlanFileError):
    """The disk refused a write (full, share gone); the edit was rolled back."""


class FormatError(PlanError):
    """An interchange document (JSON or CSV) was refused; ``str()`` names the place."""

    def __init__(self, where: str, problem: str):
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem
