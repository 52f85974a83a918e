"""Register the bundled fonts with reportlab, once, for text and charts alike.

DejaVu Sans sets Latin text (Welsh, Portuguese, French); Noto faces set
Arabic and Urdu, Hebrew, Bengali and Punjabi (Gurmukhi), see ``planner.export.scripts``.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from planner.export.text import set_coverage
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

# Script faces as (regular, bold); italic text in these scripts uses the upright face.
SCRIPT_FACES = {
    "arabic": ("PlannerArabic", "PlannerArabic-Bold"),
    "hebrew": ("PlannerHebrew", "PlannerHebrew-Bold"),
    "bengali": ("PlannerBengali", "PlannerBengali-Bold"),
    "gurmukhi": ("PlannerGurmukhi", "PlannerGurmukhi-Bold"),
}
_SCRIPT_FILES = {
    "PlannerArabic": "NotoNaskhArabic-Regular.ttf",
    "PlannerArabic-Bold": "NotoNaskhArabic-Bold.ttf",
    "PlannerHebrew": "NotoSansHebrew-Regular.ttf",
    "PlannerHebrew-Bold": "NotoSansHebrew-Bold.ttf",
    "PlannerBengali": "NotoSansBengali-Regular.ttf",
    "PlannerBengali-Bold": "NotoSansBengali-Bold.ttf",
    "PlannerGurmukhi": "NotoSansGurmukhi-Regular.ttf",
    "PlannerGurmukhi-Bold": "NotoSansGurmukhi-Bold.ttf",
}

_lock = threading.Lock()
_registered = False


def font_files() -> list[str]:
    """The file names under resources/fonts that the PDF needs."""
    return [*_FILES.values(), *_SCRIPT_FILES.values()]


def register_fonts() -> str:
    """Register the family (safe to call many times, from any thread); returns the regular name."""
    global _registered
    with _lock:
        if not _registered:
            covered: set[int] = set()
            for name, filename in {**_FILES, **_SCRIPT_FILES}.items():
                font = TTFont(name, str(resource_path("fonts", filename)))
                pdfmetrics.registerFont(font)
                # reportlab shapes a word that mixes faces with the first face's HarfBuzz font
                # and then asks the other faces for glyphs it lacks through hbAddPrivate, which
                # exists only once hbFont has run: prepare every face so such a word cannot crash.
                font.hbFont()
                covered.update(font.face.charToGlyph)
            set_coverage(frozenset(covered))
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
    if not text.isascii():
        from planner.export.scripts import is_complex, line_width  # scripts import this module

        if is_complex(text):
            return line_width(text, font, size)
    if len(text) > 40:  # long runs rarely repeat: not worth a place in the cache
        return pdfmetrics.stringWidth(text, font, size)
    return _short_width(text, size, font)


@lru_cache(maxsize=65536)
def _short_width(text: str, size: float, font: str) -> float:
    # Wrapping a long table measures the same words over and over ("the", "council"), and
    # reportlab adds up glyph widths in Python each time; a word's width never changes.
    return pdfmetrics.stringWidth(text, font, size)
