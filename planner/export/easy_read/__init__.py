"""The easy-read summary as a PDF: ``write_easy_read(plan, path)``.

"What we are planning together": a short document (4 to 8 pages) for the service users and
carers the plan is about. Text at 18 pt in the bundled sans-serif (nothing under 16 pt but the
page footer), one point a line with a picture on its left, and plenty of space. The words are
the officer's (planner.core.easy_read); private individuals are never named in it.
"""

from __future__ import annotations

from pathlib import Path

from planner.core.model import Plan
from planner.export import ExportError
from planner.export.saving import save_atomically

BODY_SIZE = 18
MIN_SIZE = 16  # the easy-read rule; only the page footer is smaller
FOOTER_SIZE = 10


def write_easy_read(plan: Plan, path: Path | str, invariant: bool = False) -> None:
    """Write the easy-read summary of plan as a PDF at path, all or nothing.

    Raises:
        ExportError: the folder is missing or not writable, or the PDF could not be built.
    """
    from planner.export.easy_read.layout import build  # reportlab loads only when exporting

    save_atomically(path, lambda temp: build(plan, temp, invariant), "easy-read summary",
                    ExportError)


__all__ = ["BODY_SIZE", "FOOTER_SIZE", "MIN_SIZE", "write_easy_read"]
