"""Write an export all or nothing: build beside the target, then rename over it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def save_atomically(target: Path | str, build: Callable[[Path], None], what: str,
                    error_type: type[Exception]) -> None:
    """Call build(temp) on a temporary file beside target, then rename it over target.

    A failed export never leaves a half-written file or spoils a good one.

    Args:
        target: where the finished file goes.
        build: writes the whole document to the path it is given.
        what: the kind of document in messages, e.g. "Word document".
        error_type: raised with a plain-English message when anything fails.
    """
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise error_type(f"The folder {folder} does not exist. Choose another place to save "
                         f"the {what}.")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}-",
                                             suffix=f"{target.suffix}.part", dir=folder)
    except OSError as error:
        raise error_type(f"Cannot write in the folder {folder} ({error.strerror or error}). "
                         "Choose a folder you can save to.") from error
    os.close(handle)
    temp = Path(temp_name)
    try:
        build(temp)
        match_mode(temp, target)
        os.replace(temp, target)
    except error_type:
        temp.unlink(missing_ok=True)
        raise
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise error_type(f"Could not save the {what} as {target} ({error.strerror or error}). "
                         "If it is open in another program, close it and try again.") from error
    except Exception as error:
        temp.unlink(missing_ok=True)
        raise error_type(f"The {what} could not be built: {error}") from error
    except BaseException:  # e.g. the app is closing: still leave nothing behind
        temp.unlink(missing_ok=True)
        raise


def match_mode(temp: Path, target: Path) -> None:
    """Give the new file the permissions it would have had (a temp file starts private to its
    owner): the replaced file's, else those of any new file here (the umask)."""
    try:
        if target.exists():
            mode = target.stat().st_mode & 0o777
        else:
            mask = os.umask(0o022)  # read the umask: setting it is the only way to learn it
            os.umask(mask)
            mode = 0o666 & ~mask
        os.chmod(temp, mode)
    except OSError:
        pass  # some network shares refuse chmod; the file is still fine
