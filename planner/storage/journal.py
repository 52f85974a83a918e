"""Decides whether a crash's journal belongs to the plan beside it before SQLite replays it.

SQLite rolls a "hot" journal back into whatever file now has the journal's name. If the
officer restored a backup (or copied another plan) over a plan whose save was cut short, that
replay corrupts the restored file or mixes two plans. Every edit writes the file header first
(see ``edits.PlanEdits._write``), so the journal's first page holds the header as it was when
the cut-short change began: its change counter says which state of which file the journal was
made against. The lock, left behind by the crash, names the plan and the file's inode.
"""

from __future__ import annotations

import sqlite3
import struct
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
HEADER = struct.Struct(">8sIIIII")  # magic, records, nonce, pages before, sector size, page size


def journal_path(path: Path) -> Path:
    """The rollback journal SQLite keeps beside a database."""
    return path.with_name(path.name + "-journal")


@dataclass
class JournalStart:
    """What a journal says about the file it was made against."""

    pages_before: int
    first_page: bytes | None  # the file's page 1 before the change, if the journal has it


def read_journal(journal: Path) -> JournalStart | None:
    """The journal's header and page 1 image; None when it is not a journal SQLite would replay."""
    try:
        with journal.open("rb") as handle:
            head = handle.read(HEADER.size)
            if len(head) < HEADER.size:
                return None
            magic, records, _nonce, pages_before, sector, page_size = HEADER.unpack(head)
            if magic != JOURNAL_MAGIC or not 512 <= sector <= 65536 or not 512 <= page_size <= 65536:
                return None
            first_page = None
            handle.seek(sector)
            for _ in range(min(records, 64) if records != 0xFFFFFFFF else 64):
                number = handle.read(4)
                if len(number) < 4:
                    break
                page = handle.read(page_size + 4)
                if len(page) < page_size + 4:
                    break
                if struct.unpack(">I", number)[0] == 1:
                    first_page = page[:page_size]
                    break
    except OSError:
        return None
    return JournalStart(pages_before, first_page)


def _change_counter(header: bytes) -> int:
    return struct.unpack(">I", header[24:28])[0]


def stored_plan_id(path: Path) -> str | None:
    """The plan identity stored in the file, read without replaying any journal."""
    try:
        connection = sqlite3.connect(path.resolve().as_uri() + "?immutable=1", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = connection.execute("SELECT created FROM plan WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return row[0] if row and isinstance(row[0], str) else None


def foreign_reason(path: Path, lock: dict) -> str | None:
    """Why the hot journal beside ``path`` was not made against it, or None if it was.

    Args:
        lock: what the plan's lock file says (empty if there is none).
    """
    start = read_journal(journal_path(path))
    if start is None:
        return None  # SQLite will not replay it either
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        info = path.stat()
    except OSError:
        return None
    if start.first_page is not None and len(header) == 100:
        before, now = _change_counter(start.first_page), _change_counter(header)
        # The file holds the header of the change's start, or the same one counted once more
        # when SQLite wrote page 1 out before the crash; anything else is another file.
        if now not in (before, before + 1):
            return "the file was replaced after the save was cut short (it is another copy)"
    if lock.get("ino") is not None and (lock.get("dev"), lock.get("ino")) != (info.st_dev, info.st_ino):
        return "the file was replaced after the save was cut short (it is another file)"
    if lock.get("plan"):
        found = stored_plan_id(path)
        if found is not None and found != lock["plan"]:
            return "another plan was copied over it after the save was cut short"
    return None


def move_aside(path: Path) -> Path:
    """Rename the journal so SQLite never replays it; kept, named by date, for an expert."""
    journal = journal_path(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}-journal.not-applied-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}-journal.not-applied-{stamp}-{number}")
    journal.rename(target)
    return target
