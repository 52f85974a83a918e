"""Helpers for the packaging tests: a clean environment to run built programs in, and PDF checks."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """An environment with no virtual environment, no PYTHONPATH and a throwaway home folder."""
    env = {
        "HOME": str(home),
        "PATH": os.pathsep.join(["/usr/bin", "/bin"]),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    if sys.platform == "win32":  # Windows cannot start a program without these
        for name in ("SYSTEMROOT", "SYSTEMDRIVE", "WINDIR", "TEMP", "TMP", "USERPROFILE", "APPDATA",
                     "LOCALAPPDATA"):
            if name in os.environ:
                env[name] = os.environ[name]
        env["PATH"] = os.path.join(os.environ.get("SYSTEMROOT", r"C:\Windows"), "System32")
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    env.update(extra)
    return env


def pdf_fonts(reader) -> list[dict]:
    """Every font dictionary the PDF's pages (and the forms drawn on them) use."""
    fonts, seen = [], set()

    def walk(resources):
        if resources is None:
            return
        resources = resources.get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            if id(font) not in seen:
                seen.add(id(font))
                fonts.append(font)
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                walk(xobject.get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return fonts


def assert_fonts_embedded(pdf_path: Path) -> str:
    """Check every font in the PDF is an embedded TrueType (FontFile2); return the PDF's text."""
    from pypdf import PdfReader

    with open(pdf_path, "rb") as handle:
        reader = PdfReader(handle)
        fonts = pdf_fonts(reader)
        assert fonts, "the PDF uses no fonts at all"
        for font in fonts:
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            assert descriptor is not None, f"{font.get('/BaseFont')} is not embedded"
            assert "/FontFile2" in descriptor.get_object(), f"{font.get('/BaseFont')} has no FontFile2"
        return "\n".join(page.extract_text() or "" for page in reader.pages)
