"""Publish one plan's redacted copy into a portfolio folder: a copy, never the live plan."""

from __future__ import annotations

import os
from pathlib import Path

from planner.core.model import Plan
from planner.core.redaction import Scrubber
from planner.portfolio.classify import published
from planner.storage import PlanFileError, PlanStore


def published_name(plan: Plan, plan_file: Path) -> str:
    """The copy's file name: the plan file's, with any private individual's name scrubbed."""
    stem = Scrubber(plan)(Path(plan_file).stem).strip() or "plan"
    return f"{stem}.coplan"


def publish(plan: Plan, plan_file: Path, folder: Path) -> Path:
    """Write the redacted copy of ``plan`` into ``folder``, replacing an earlier copy; its path.

    The copy is built under a hidden temporary name (which a portfolio build skips) and
    renamed into place, so a build running meanwhile sees the old copy or the new, never half.

    Raises:
        PlanFileError: the folder cannot be written.
        Unclassified: a field of the plan has no class; nothing is written.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise PlanFileError(f"{folder} is not a folder. Choose the portfolio folder.")
    safe, _findings = published(plan)
    target = folder / published_name(plan, plan_file)
    temp = folder / f".publish-{os.getpid()}-{target.name}"
    temp.unlink(missing_ok=True)
    PlanStore.create_from(temp, safe).close()
    try:
        os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise PlanFileError(f"The copy could not be written to {folder}: {error.strerror}.") from None
    return target
