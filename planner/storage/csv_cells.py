"""Cells a spreadsheet would run as a formula, written so it shows them as text, and read back unchanged.

A cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) can be run by
Excel or LibreOffice as a formula when the CSV is opened (CSV injection). As OWASP advises, such
a cell is written with a leading apostrophe, which the spreadsheet shows as text; a cell that
already starts with apostrophes before one of those characters gets one more, so reading takes
exactly one off and every value comes back as it was.
"""

from __future__ import annotations

import re

_FORMULA = re.compile(r"^'*[=+\-@\t\r]")


def protect_cell(value: str) -> str:
    """A cell as written to CSV: one more apostrophe before anything a spreadsheet would run."""
    return "'" + value if _FORMULA.match(value) else value


def unprotect_cell(value: str) -> str:
    """A cell as read from CSV: the apostrophe ``protect_cell`` added taken off again."""
    return value[1:] if value.startswith("'") and _FORMULA.match(value[1:]) else value
