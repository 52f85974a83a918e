"""Right-to-left and complex scripts: which face sets each run, visual order, and shaping.

Our Latin face (DejaVu Sans) has no proper Arabic, Bengali or Gurmukhi, and PDF text is drawn
left to right in visual order. So a line with such text is cut into runs by script, each run
set in a bundled Noto face, put in visual order with the Unicode bidi algorithm (python-bidi),
and shaped with HarfBuzz (reportlab's uharfbuzz support) so Arabic letters join. Each glyph
maps back to a character (a presentation form for a joined Arabic letter), so copying or
extracting the text gives it back in logical order.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import shapeStr

from planner.export.fonts import BOLD, BOLD_ITALIC, SCRIPT_FACES, register_fonts

# Script blocks that need a face of their own, and whether they run right to left.
_SCRIPTS = (
    ("arabic", True, "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe"),
    ("hebrew", True, "\u0590-\u05ff\ufb1d-\ufb4f"),
    ("bengali", False, "\u0980-\u09ff"),
    ("gurmukhi", False, "\u0a00-\u0a7f"),
)
COMPLEX = re.compile("[" + "".join(chars for _, _, chars in _SCRIPTS) + "]")
_RTL = re.compile("[" + "".join(chars for _, rtl, chars in _SCRIPTS if rtl) + "]")
_BY_SCRIPT = [(name, re.compile(f"[{chars}]")) for name, _, chars in _SCRIPTS]


def is_complex(text: str) -> bool:
    """Whether text has a letter our Latin face cannot set properly."""
    if not isinstance(text, str) or text.isascii():
        return False
    return COMPLEX.search(text) is not None


def _script(char: str) -> str | None:
    if char.isascii():
        return None
    for name, pattern in _BY_SCRIPT:
        if pattern.match(char):
            return name
    return None


def face_for(script: str, base: str) -> str:
    """The bundled face for a script, bold when the surrounding text is bold."""
    register_fonts()
    return SCRIPT_FACES[script][1 if base in (BOLD, BOLD_ITALIC) else 0]


@lru_cache(maxsize=4096)
def visual_runs(line: str, base: str) -> tuple[tuple[str, str, bool], ...]:
    """One line as (face, text, shaped) runs in the order they are drawn, left to right.

    A run in a complex script keeps its characters in logical order (HarfBuzz puts the
    glyphs in visual order when it shapes them); other runs are in visual order already.
    Spaces between two words of one script stay in that script's run so the words keep
    their order; digits and punctuation stay in the Latin face.
    """
    visual = get_display(line, base_dir="L")
    runs: list[list] = []
    for index, char in enumerate(visual):
        script = _script(char)
        if script is None and char == " " and runs and runs[-1][0] is not None:
            following = visual[index + 1:].lstrip(" ")[:1]
            if following and _script(following) == runs[-1][0]:
                script = runs[-1][0]
        if runs and runs[-1][0] == script:
            runs[-1][1] += char
        else:
            runs.append([script, char])
    result = []
    for script, text in runs:
        if script is None:
            result.append((base, text, False))
            continue
        rtl = _RTL.match(text.strip()[:1] or " ") is not None
        result.append((face_for(script, base), text[::-1] if rtl else text, True))
    return tuple(result)


def shaped(text: str, face: str, size: float):
    """The run shaped for drawing: a reportlab ShapedStr whose glyphs are in visual order."""
    return shapeStr(text, face, size, force=True)


def line_width(line: str, base: str, size: float) -> float:
    """Width of a line as drawn: each run measured in the face that sets it."""
    total = 0.0
    for face, text, is_shaped in visual_runs(line, base):
        if is_shaped:
            total += sum(d.x_advance for d in shaped(text, face, size).__shapeData__) * size / 1000
        else:
            total += pdfmetrics.stringWidth(text, face, size)
    return total


def draw_runs(text_object, line: str, base: str, size: float, leading: float) -> None:
    """Write one line into a reportlab text object run by run, then move to the next line."""
    for face, text, is_shaped in visual_runs(line, base):
        text_object.setFont(face, size, leading)
        text_object.textOut(shaped(text, face, size) if is_shaped else text)
    text_object.setFont(base, size, leading)
    text_object.textLine("")


def _has_glyph(face: str, char: str) -> bool:
    return ord(char) in pdfmetrics.getFont(face).face.charToGlyph


_TAG = re.compile(r"(<[^>]*>)")
_WORD = re.compile(r"(\s+)")


def _rtl_word(word: str) -> bool | None:
    """True if the word's first strong letter is right to left, False if left to right."""
    for char in word:
        if _RTL.match(char):
            return True
        if char.isalpha():
            return False
    return None


PHRASE_LIMIT = 60  # a right-to-left phrase up to this long is kept on one line, shaped whole


def _visual_words(words: list[str]) -> list[str]:
    """Words (and the spaces between them) in visual order on a left-to-right line.

    A short right-to-left phrase (a group's name) becomes one unbreakable word in logical
    order, so it is shaped as a whole and copies out in order; a long one is broken into
    words in visual order, so it can wrap.
    """
    kinds = [_rtl_word(w) if w.strip() else None for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        if kinds[i] is True:
            j = i
            # An RTL group runs on over spaces and neutral words up to the last RTL word.
            last = i
            while j < len(words) and kinds[j] is not False:
                if kinds[j] is True:
                    last = j
                j += 1
            group = words[i:last + 1]
            if sum(len(w) for w in group) <= PHRASE_LIMIT:
                out.append("".join(w if w.strip() else "\u00a0" * len(w) for w in group))
            else:
                out += reversed(group)
            i = last + 1
        else:
            out.append(words[i])
            i += 1
    return out


def paragraph_markup(markup: str, base: str) -> str:
    """Paragraph markup with complex-script words in their face and in visual word order.

    Each word keeps its letters in logical order for reportlab's shaping (the paragraph's
    style must have ``shaping=1``); only the order of words changes, within each stretch
    of text between tags.
    """
    parts = _TAG.split(markup)
    for index, part in enumerate(parts):
        if index % 2 or not is_complex(part):
            continue
        words = _visual_words(_WORD.split(part))
        parts[index] = "".join(_in_face(word, base) for word in words)
    return "".join(parts)


def _in_face(word: str, base: str) -> str:
    """A word's complex-script pieces wrapped in their face's tag.

    reportlab shapes a word with the face of its first piece, so a word that mixes faces
    (a quotation mark against a Hebrew letter, a Hebrew letter against an Arabic one) is
    split into words of one face each. The split is a plain space: reportlab splits words at
    a zero-width space only in text that also holds a no-break space, otherwise it shapes
    the mixed word with one face's glyph ids and the PDF cannot be written; and it draws
    every word break as a space anyway.
    """
    pieces: list[list] = []  # [script or None, text]
    for char in word:
        script = _script(char)
        if (script is None and not char.isalnum() and pieces and pieces[-1][0] is not None
                and _has_glyph(face_for(pieces[-1][0], base), char)):
            script = pieces[-1][0]  # punctuation after a script letter stays in its face
        if pieces and pieces[-1][0] == script:
            pieces[-1][1] += char
        else:
            pieces.append([script, char])
    out = [f'<font face="{face_for(script, base)}">{text}</font>' if script else text
           for script, text in pieces]
    return " ".join(out)
