"""Check that a quotation really occurs in the article, without keeping the article's text.

The article is copyright, so the repository holds only a fingerprint of it: for every run of
four words (after ``words`` has normalised case, whitespace, hyphenation, apostrophes and
markup), a short hash, in order. A quotation occurs when the hashes of its own four-word runs
appear at consecutive positions. Build the fingerprint from a text copy of the article with
``python -m planner.guidance.quotes ARTICLE.txt > FINGERPRINT``.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

RUN = 4  # words per hashed run; a quotation needs at least this many words
_GLUE = re.compile(r"[-\u2010\u2011\u00ad'\u2019\u2018]")  # hyphens, soft hyphens, apostrophes


def words(text: str) -> list[str]:
    """The words of ``text``, lower case, with hyphens and apostrophes closed up.

    "provider-centric", "provider-\\ncentric" and "providercentric" all give "providercentric",
    so a quotation matches however the printed text broke or hyphenated a word.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.findall(r"[^\W_]+", _GLUE.sub("", text))


def _hash(run: Iterable[str]) -> str:
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:10]


def fingerprint(text: str) -> list[str]:
    """The hash of every run of ``RUN`` words of ``text``, in order."""
    w = words(text)
    return [_hash(w[i:i + RUN]) for i in range(len(w) - RUN + 1)]


class Fingerprint:
    """A loaded fingerprint that answers whether a quotation occurs in the text it was made from."""

    def __init__(self, hashes: list[str]):
        self.hashes = hashes
        self._at: dict[str, list[int]] = defaultdict(list)
        for position, value in enumerate(hashes):
            self._at[value].append(position)

    @classmethod
    def read(cls, path: Path) -> Fingerprint:
        """Read a fingerprint file (one hash a line; lines starting with # are comments)."""
        lines = path.read_text(encoding="utf-8").splitlines()
        return cls([line.strip() for line in lines if line.strip() and not line.startswith("#")])

    def occurs(self, quotation: str) -> bool:
        """True when ``quotation`` (at least ``RUN`` words) occurs in the fingerprinted text."""
        runs = fingerprint(quotation)
        if not runs:
            return False
        return any(
            all(start + i < len(self.hashes) and self.hashes[start + i] == value
                for i, value in enumerate(runs))
            for start in self._at.get(runs[0], ()))


def main(argv: list[str]) -> int:
    """Print the fingerprint of the text file named on the command line."""
    if len(argv) != 1:
        print("usage: python -m planner.guidance.quotes ARTICLE.txt > FINGERPRINT", file=sys.stderr)
        return 2
    print(f"# Fingerprint of the article: a hash of every run of {RUN} words "
          "(planner/guidance/quotes.py). Not the text.")
    print("\n".join(fingerprint(Path(argv[0]).read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
