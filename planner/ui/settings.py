"""App preferences, each declared once with its type and default, stored through QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from planner.core.paper import DEFAULT_PAPER
from planner.core.paper import PAPERS as PAPER_SIZES

MAX_RECENT = 10


PAPERS = tuple((paper.value, paper.name) for paper in PAPER_SIZES.values())  # (value, shown), as offered

# Keys older versions wrote and this one must never act on; removed when the settings are read.
# "export/include_personal" remembered the personal-data choice between exports: it is now
# made afresh for each export.
RETIRED_KEYS = ("export/include_personal",)


class Option:
    """One preference: its key in QSettings, its type and its default.

    Read and written as an attribute of ``Settings``: ``settings.paper = "letter"``.
    """

    def __init__(self, key: str, kind: type, default):
        self.key, self.kind, self.default = key, kind, default

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, settings: Settings | None, owner=None):
        if settings is None:
            return self
        raw = settings.qsettings.value(self.key, None)
        if raw is None:
            return self.default() if callable(self.default) else self.default
        return self._convert(raw)

    def __set__(self, settings: Settings, value) -> None:
        settings.qsettings.setValue(self.key, value)

    def _convert(self, raw):
        # QSettings on an ini file hands back strings (and lists of strings); make the type right.
        if self.kind is bool:
            return raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1", "yes")
        if self.kind is list:
            if isinstance(raw, str):
                return [raw] if raw else []
            return [str(item) for item in raw]
        if self.kind is QByteArray:
            return raw if isinstance(raw, QByteArray) else QByteArray()
        return self.kind(raw)


class Settings:
    """The app's preferences; built once in ``planner.app`` and passed to whoever needs them."""

    recent_files = Option("files/recent", list, list)
    geometry = Option("window/geometry", QByteArray, QByteArray)
    window_state = Option("window/state", QByteArray, QByteArray)
    splitter = Option("window/splitter", QByteArray, QByteArray)
    show_guidance = Option("window/show_guidance", bool, True)
    last_step = Option("window/last_step", str, "context")
    paper = Option("export/paper", str, DEFAULT_PAPER)  # one of PAPERS
    open_when_done = Option("export/open_when_done", bool, True)
    last_folder = Option("files/last_folder", str, "")
    portfolio_folder = Option("files/portfolio_folder", str, "")  # where File > Publish last wrote

    def __init__(self, qsettings: QSettings):
        self.qsettings = qsettings
        for key in RETIRED_KEYS:
            if qsettings.contains(key):
                qsettings.remove(key)

    def add_recent(self, path: Path | str) -> None:
        """Put a plan at the top of the recent list (once), keeping the list short."""
        text = str(Path(path).resolve())
        recent = [p for p in self.recent_files if p != text]
        self.recent_files = [text, *recent][:MAX_RECENT]
        self.last_folder = str(Path(text).parent)

    def remove_recent(self, path: Path | str) -> None:
        """Forget a plan that is gone or refused."""
        text = str(Path(path).resolve())
        self.recent_files = [p for p in self.recent_files if p != text]

    def sync(self) -> None:
        """Write everything to disk now (QSettings otherwise writes when it pleases)."""
        self.qsettings.sync()
