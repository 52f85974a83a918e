"""Register the bundled DejaVu Sans family with reportlab, once, for text and charts alike."""

from __future__ import annotations

import threading
from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from planner.resources import resource_path

# Our own face names, so nothing can fall back to a built-in font by accident.
REGULAR = "PlannerSans"
BOLD = "PlannerSans-Bold"
ITALIC = "PlannerSans-Italic"
BOLD_ITALIC = "PlannerSans-BoldItalic"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

_lock = threading.Lock()
_registered = False


def font_files() -> list[str]:
    """The file names under resources/fonts that the PDF needs."""
    return list(_FILES.values())


def register_fonts() -> str:
    """Register the family (safe to call many times, from any thread); returns the regular name."""
    global _registered
    with _lock:
        if not _registered:
            for name, filename in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
            # The mapping lets <b> and <i> inside a Paragraph pick the right face.
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, ITALIC)
            addMapping(REGULAR, 1, 1, BOLD_ITALIC)
            pdfmetrics.registerFontFamily(
                REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
            _registered = True
    return REGULAR


def string_width(text: str, size: float, font: str = REGULAR) -> float:
    """Width in points of text set in one of our faces."""
    if not _registered:
        register_fonts()
    if len(text) > 40:  # long runs rarely repeat: not worth a place in the cache
        return pdfmetrics.stringWidth(text, font, size)
    return _short_width(text, size, font)


@lru_cache(maxsize=65536)
def _short_width(text: str, size: float, font: str) -> float:
    # Wrapping a long table measures the same words over and over ("the", "council"), and
    # reportlab adds up glyph widths in Python each time; a word's width never changes.
    return pdfmetrics.stringWidth(text, font, size)
