"""The one escape for user text, and the names people appear under in the PDF."""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape

from planner.core.model import Plan, Stakeholder, label
from planner.core.redaction import shows_analysis

# Control characters (but not tab or newline), lone surrogates and non-characters: reportlab
# cannot set them and some make it raise, so they become a visible replacement mark.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)


# Characters the bundled fonts can draw, set when they are registered. Anything else (an emoji,
# a script we carry no face for) would print as an empty box, so it prints as its name instead.
_missing: re.Pattern | None = None  # matches one character the fonts lack
_IGNORABLE = re.compile("[\u200d\ufe0e\ufe0f\U0001f3fb-\U0001f3ff]")  # joiners, variants, skin tones


def set_coverage(codepoints: frozenset[int]) -> None:
    """Tell ``clean`` which characters the registered fonts have (called by the font loader)."""
    global _missing
    # One character class of everything covered (as ranges), so finding a missing character
    # is a single regex search rather than a loop over every letter of every text.
    ranges, start, last = [], None, None
    for point in sorted(codepoints | set(range(0x80)) | {0x0a, 0x09}):
        if start is not None and point == last + 1:
            last = point
            continue
        if start is not None:
            ranges.append((start, last))
        start = last = point
    if start is not None:
        ranges.append((start, last))
    body = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                   for a, b in ranges)
    _missing = re.compile(f"[^{body}]")


def _replace_missing(value: str) -> str:
    if _missing is None or value.isascii() or not _missing.search(value):
        return value
    out = []
    for char in value:
        if not _missing.match(char):
            out.append(char)
        elif _IGNORABLE.match(char) or unicodedata.category(char) in ("Mn", "Cf"):
            continue  # a mark or modifier on a character that is itself replaced
        else:
            name = unicodedata.name(char, "").lower()
            out.append(f"[{name}]" if name else "\ufffd")
    return "".join(out)


def clean(text: object) -> str:
    """Text reportlab can always set: unsafe characters replaced, line ends made \\n."""
    value = "" if text is None else str(text)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\u2028", "\n").replace("\u2029", "\n")
    value = _UNSAFE.sub("\ufffd", value)
    # Decomposed accents (e.g. w + combining circumflex) are composed so ŵ is one glyph.
    return _replace_missing(unicodedata.normalize("NFC", value))


PRINT_LIMIT = 20_000  # characters of one text printed in full; a longer one is cut with a note
COVER_LIMIT = 600  # the title and each cover line: they sit on one page, in large type


def printable(text: object, limit: int = PRINT_LIMIT) -> str:
    """``clean`` text cut at ``limit`` characters (between words) with a note saying so.

    reportlab lays out a paragraph in time that grows faster than its length, and a cell or
    cover line taller than a page cannot be set at all; cut here, the export of any plan ends
    in time proportional to its size. The whole text stays in the plan and its JSON export.
    """
    value = clean(text)
    if len(value) <= limit:
        return value
    cut = value.rfind(" ", 0, limit)
    cut = cut if cut > limit * 0.8 else limit
    return (value[:cut].rstrip() + f" \u2026 [shortened for print: {len(value):,} characters in "
            "the plan; the full text is in the app and the JSON export]")


def esc(text: object, limit: int = PRINT_LIMIT) -> str:
    """Paragraph markup that prints ``text`` literally: the only way user text meets Paragraph."""
    value = escape(printable(text, limit), {'"': "&quot;"})
    value = value.replace("\t", "    ")
    return value.replace("\n", "<br/>")


def plain(text: object, limit: int | None = None) -> str:
    """Text for a chart label (no markup there): cleaned, one line, optionally shortened."""
    value = " ".join(clean(text).split())
    if limit is not None and len(value) > limit:
        value = value[: max(1, limit - 1)].rstrip() + "\u2026"
    return value


class Names:
    """How each stakeholder is named in this PDF: by name, or by a role label if personal."""

    def __init__(self, plan: Plan, include_personal: bool, analysis: str = "none"):
        self.include_personal = include_personal
        self.analysis = "all" if include_personal else analysis
        self._by_key: dict[str, str] = {}
        self._numbers: dict[str, int] = {}
        counters: dict[str, int] = {}
        for number, person in enumerate(plan.stakeholders, start=1):
            self._numbers.setdefault(person.key, number)
            if person.personal and not include_personal:
                category = label(person.category)
                counters[category] = counters.get(category, 0) + 1
                self._by_key.setdefault(person.key, f"{category} {counters[category]}")
            else:
                self._by_key.setdefault(person.key, plain(person.name) or person.key)
        # One pattern for all hidden names, longest first so "Ann Jones" wins over "Ann";
        # whole words only, so hiding "Ann" leaves "Annual" alone.
        hidden: dict[str, str] = {}
        for person in plan.stakeholders:
            name = clean(person.name).strip()
            if person.personal and not include_personal and name:
                hidden.setdefault(name, self._by_key[person.key])
        self._hidden = hidden
        self._pattern = re.compile(
            "(?<!\\w)(" + "|".join(re.escape(n) for n in sorted(hidden, key=len, reverse=True))
            + ")(?!\\w)") if hidden else None

    def shows_analysis(self, person: Stakeholder) -> bool:
        """Whether this copy shows the officer's stance and influence/interest for ``person``:
        the internal analysis shows everyone's, "groups" only organisations', by default none."""
        return shows_analysis(person, self.analysis)

    def of(self, person: Stakeholder) -> str:
        """The name or role label for this stakeholder."""
        return self._by_key.get(person.key, person.key)

    def number(self, person: Stakeholder) -> int:
        """The stakeholder's number in the table and on the map."""
        return self._numbers.get(person.key, 0)

    def owner(self, key: str | None) -> str:
        """Who owns something, by key; says so plainly when nobody or nobody known."""
        if key is None:
            return "No owner yet"
        return self._by_key.get(key, "Not in the stakeholder list")

    def shows_contact(self, person: Stakeholder) -> bool:
        """Contact details print only when the officer chose to include personal data."""
        return self.include_personal and bool(clean(person.contact).strip())

    def scrub(self, text: str) -> str:
        """Replace hidden people's names inside generated text (plan-check messages)."""
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda match: self._hidden[match.group(1)], text)
