"""Writing a whole file at once: beside the target under a short temporary name, then renamed.

A failure (full disk, share gone, folder read-only) never leaves half a file and never
replaces the old one; the message names the file the officer chose, never the temporary one.
The new file gets the permissions an ordinary new file gets (the umask), or keeps those of the
file it replaces.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from planner.storage.errors import WriteFailed
from planner.storage.leftovers import temp_prefix


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def target_mode(path: Path) -> int:
    """The mode a file written to ``path`` should have: the existing file's, else the umask's."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


def _cause(error: OSError) -> str:
    import errno

    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the folder may not be written to"
    if error.errno == errno.ENAMETOOLONG:
        return "the name is too long for this drive"
    if error.errno == errno.ENOENT:
        return "the folder does not exist (any more)"
    return error.strerror or str(error)


def temporary_beside(path: Path, suffix: str = "", kind: str = "export") -> Path:
    """A new empty file in ``path``'s folder with a short name (the target's may be near the limit).

    The name says whose it is (see leftovers.py), so a killed process's file is tidied later.
    """
    try:
        fd, temp = tempfile.mkstemp(prefix=temp_prefix(kind), suffix=suffix, dir=path.parent)
    except OSError as error:
        raise WriteFailed(f"{path.name} could not be written: {_cause(error)}. Nothing was changed.") from None
    os.close(fd)
    return Path(temp)


def publish(temp: Path, path: Path) -> None:
    """Flush ``temp`` to disk, give it ``path``'s mode and rename it over ``path``.

    Raises:
        WriteFailed: naming ``path`` and the cause; ``temp`` is removed and ``path`` untouched.
    """
    try:
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(temp, target_mode(path))
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise WriteFailed(f"{path.name} could not be written: {_cause(error)}. Nothing was changed.") from None


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once, or not at all.

    Raises:
        WriteFailed: the message names ``path`` and the cause; the old file is as it was.
    """
    path = Path(path)
    temp = temporary_beside(path)
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise WriteFailed(f"{path.name} could not be written: {_cause(error)}. Nothing was changed.") from None
    publish(temp, path)
