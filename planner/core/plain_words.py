"""A plain-words checker for easy-read text: long sentences, jargon and abbreviations.

Works like a spell checker: it returns where each problem is (character offsets) and what to
write instead, and leaves the text to the officer. The easy-read rules councils use ask for one
idea per sentence, about 15 words or fewer, no jargon and no abbreviations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_WORDS = 15

# Word stems officers use that readers of easy read do not, with a plain alternative. A stem
# matches any word it begins ("mitigat" finds mitigate, mitigation, mitigating).
JARGON: dict[str, str] = {
    "co-produc": "working together", "coproduc": "working together",
    "co-design": "plan together", "codesign": "plan together",
    "coplan": "plan together", "co-plan": "plan together",
    "codeliver": "run together", "co-deliver": "run together",
    "stakeholder": "people and groups", "mitigat": "make safer",
    "residual": "left over", "governance": "who is in charge",
    "accountab": "who is responsible", "safeguard": "way to keep people safe",
    "commissioning": "buying services", "deliverable": "what we will do",
    "outcome": "what will happen", "implement": "do", "facilitat": "help",
    "utilis": "use", "utiliz": "use", "leverag": "use", "capacity": "time and money",
    "engagement": "taking part", "consultation": "asking people", "provision": "service",
    "framework": "plan", "strategic": "long-term", "holistic": "whole",
    "empower": "give more say", "sustainab": "lasting", "interface": "link",
    "likelihood": "chance", "quadrant": "part", "matrix": "table", "burden": "weight",
    "paradigm": "way", "synerg": "working well together", "key performance": "measures",
    "service user": "people who use the service", "escalat": "pass on",
    "multi-agency": "many services together", "partnership board": "group in charge",
}
_JARGON = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(stem) for stem in sorted(JARGON, key=len, reverse=True))
    + r")[\w-]*", re.IGNORECASE)
# Two or more capitals in a row (NHS, GP, ASB, KPIs) or Latin shorthand.
_ABBREVIATION = re.compile(r"\b(?:[A-Z][A-Z0-9&]+s?|e\.g\.|i\.e\.|etc\.?|approx\.?|incl\.?)(?!\w)")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
_WORD = re.compile(r"[\w\u2019'-]+")


@dataclass(frozen=True)
class Problem:
    """One thing to look at: where it is in the text, and what to do about it."""

    kind: str  # "long", "jargon" or "abbreviation"
    start: int
    end: int
    message: str


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence: ended by . ! ? or a line break."""
    spans = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def word_count(sentence: str) -> int:
    """Words in a sentence (numbers count as words, punctuation does not)."""
    return len(_WORD.findall(sentence))


def check_text(text: str, max_words: int = MAX_WORDS) -> list[Problem]:
    """Every long sentence, jargon word and abbreviation in text, in reading order."""
    problems = []
    for start, end in sentences(text):
        words = word_count(text[start:end])
        if words > max_words:
            problems.append(Problem("long", start, end,
                                    f"{words} words: try {max_words} or fewer, one idea a sentence."))
    for match in _JARGON.finditer(text):
        plain = JARGON[match.group(1).lower()]
        problems.append(Problem("jargon", match.start(), match.end(),
                                f"\u201c{match.group(0)}\u201d is jargon: try \u201c{plain}\u201d."))
    for match in _ABBREVIATION.finditer(text):
        if match.group(0) in ("I", "OK"):
            continue
        problems.append(Problem("abbreviation", match.start(), match.end(),
                                f"\u201c{match.group(0)}\u201d is an abbreviation: write it in full."))
    return sorted(problems, key=lambda p: (p.start, p.kind))
