"""Turn a plan into the PDF that partners read: ``write_pdf(plan, path, ExportOptions())``."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planner.core.model import Plan
from planner.core.paper import DEFAULT_PAPER, PAPERS, paper_choices
from planner.export.saving import match_mode

Progress = Callable[[int, int], None]


class ExportError(Exception):
    """The PDF could not be written; the message says why in plain English."""


class ExportCancelled(Exception):
    """Raised by a progress callback to stop an export; nothing is left behind."""


# How much of the officer's analysis of named partners a copy shows (see ExportOptions).
ANALYSIS = ("none", "groups", "all")


@dataclass(frozen=True)
class ExportOptions:
    """Choices the officer makes when exporting.

    Attributes:
        paper: a value of ``planner.core.paper.PAPERS`` ("a4", the default, or "letter").
        include_personal: print personal stakeholders' names and everyone's contact details,
            and mark every page as containing personal data.
        status: a line for the cover, e.g. "Draft for the partnership meeting of 3 March".
        invariant: byte-identical output for the same plan (dates come from the plan).
        appendix: optional guidance as (heading, paragraphs) pairs, printed at the end.
        full: print a large plan's full registers as an annex after the sign-off (a small
            plan's registers are always printed in full).
        sign_off_reason: the officer's reason for putting the plan for signature although
            must-fix findings remain; printed on the sign-off page, which otherwise says
            what must be fixed first instead of inviting signatures.
        time_zone: the officer's time zone as an IANA name ("Europe/London"); empty means
            this computer's zone. Times print in it with its name.
        analysis: the officer's working judgements of named partners (stance, influence and
            interest, the power/interest map): "none" leaves them out (the default, for
            circulation), "groups" shows them for groups and organisations only, "all" is the
            internal analysis. A copy with personal data always shows them.
        agreed: the line an agreed version's PDF prints on every page instead of the version
            line ("Version agreed at Partnership meeting on 3 March 2027").
    """

    paper: str = DEFAULT_PAPER
    include_personal: bool = False
    status: str = ""
    invariant: bool = False
    appendix: list[tuple[str, list[str]]] | None = None
    full: bool = False
    sign_off_reason: str = ""
    time_zone: str = ""
    analysis: str = "none"
    agreed: str = ""  # "Version agreed at … on …" when printing an agreed version

    @property
    def shown_analysis(self) -> str:
        """The analysis this copy shows: everything in a personal copy, else as chosen."""
        return "all" if self.include_personal else self.analysis


def write_pdf(plan: Plan, path: Path | str, options: ExportOptions | None = None,
              progress: Progress | None = None) -> None:
    """Write the plan as a PDF at path, all or nothing.

    The PDF is built in a temporary file beside the target and renamed over it only when
    complete, so a failed export never leaves a half-written file or spoils a good one.

    Raises:
        ExportError: the folder is missing or not writable, the options are invalid, or the
            document could not be built.
    """
    from planner.export.document import build  # reportlab loads only when exporting

    options = options or ExportOptions()
    if options.analysis not in ANALYSIS:
        raise ExportError(f"Unknown analysis choice \u201c{options.analysis}\u201d: choose "
                          + ", ".join(ANALYSIS) + ".")
    if options.paper not in PAPERS:
        raise ExportError(f"Unknown paper size \u201c{options.paper}\u201d: choose {paper_choices()}.")
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist. Choose another place to save the PDF.")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.part",
                                             dir=folder)
    except OSError as error:
        raise ExportError(
            f"Cannot write in the folder {folder} ({error.strerror or error}). "
            "Choose a folder you can save to.") from error
    os.close(handle)
    temp = Path(temp_name)
    try:
        build(plan, temp, options, progress)
        match_mode(temp, target)
        os.replace(temp, target)
    except (ExportError, ExportCancelled):
        temp.unlink(missing_ok=True)
        raise
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise ExportError(f"Could not save the PDF as {target}: {_cause(error)}") from error
    except Exception as error:
        temp.unlink(missing_ok=True)
        raise ExportError(f"The PDF could not be built: {error}") from error
    except BaseException:  # e.g. the app is closing: still leave nothing behind
        temp.unlink(missing_ok=True)
        raise


def _cause(error: OSError) -> str:
    """What the officer can do about a write that failed, by its error number."""
    import errno

    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "the disk is full. Free some space or choose another drive, then try again."
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ("the folder or the file may not be written to. If the PDF is open in another "
                "program, close it; otherwise choose a folder you can save to.")
    return f"{error.strerror or error}. Check the drive is connected, then try again."


__all__ = ["ExportCancelled", "ExportError", "ExportOptions", "write_pdf"]
