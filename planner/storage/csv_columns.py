"""Stakeholder lists as officers keep them: any columns, matched to ours, in whatever encoding Excel wrote.

A spreadsheet of people has the columns its author chose (Name, Organisation, Email, Phone).
This module reads the file whatever its encoding (UTF-8 with or without a byte-order mark,
UTF-16 from Excel's "Unicode text", or Windows-1252 from older Excel "CSV") and separator
(comma, semicolon as European Excel writes, or tab), matches each column to one of the plan's
fields by its header (Email and Phone both go to ``contact``), and leaves the rest out, saying
which. The officer (or the command line's ``--column``) may choose otherwise. The matched rows
are then read by ``csv_format`` exactly as a file in our own layout would be.

Cells that our export protected from running as formulas (``csv_cells``) are read back unchanged.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from planner.core.fields import specs
from planner.core.kinds import MAX_TEXT, Text
from planner.core.model import Stakeholder
from planner.storage.csv_cells import unprotect_cell
from planner.storage.csv_format import COLUMNS, CsvResult, parse_stakeholders_csv
from planner.storage.errors import FormatError

# Columns several file columns may feed, joined in file order; any other column takes one.
JOINED = {"name": " ", "organisation": "; ", "contact": "; ", "notes": "\n"}
# Free text keeps its spaces as typed; codes, numbers and dates are trimmed.
FREE_TEXT = set(JOINED) | {s.csv for s in specs(Stakeholder) if type(s.kind) is Text}

# Headers officers' spreadsheets use, normalised (lower case, spaces and hyphens as _).
SYNONYMS = {
    "name": {"full_name", "contact_name", "person", "stakeholder", "first_name", "forename",
             "given_name", "last_name", "surname", "family_name", "who"},
    "organisation": {"organization", "org", "organisation_name", "organization_name", "company",
                     "employer", "agency", "group", "body", "team", "service"},
    "contact": {"email", "e_mail", "email_address", "e_mail_address", "phone", "telephone", "tel",
                "mobile", "mobile_phone", "phone_number", "telephone_number", "contact_details",
                "address", "postal_address", "contact_info"},
    "notes": {"note", "comments", "comment", "remarks", "description"},
    "category": {"type", "stakeholder_type", "kind"},
    "personal": {"private_individual", "personal_data", "individual"},
}

def normalise_header(header: str) -> str:
    return "_".join(header.strip().lower().replace("-", " ").replace("_", " ").split())


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read in.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a mark are read as such; anything
    else that is not valid UTF-8 is taken to be Windows-1252, which older Excel writes.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def sniff_separator(text: str) -> str:
    """Comma, semicolon or tab: whichever the header line holds most of (outside quotes)."""
    line = re.sub(r'"[^"]*"', "", text.split("\n", 1)[0])
    counts = {sep: line.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


@dataclass
class CsvTable:
    """A CSV file read as headers and rows of text, before any column is matched."""

    headers: list[str]
    rows: list[list[str]]
    encoding: str = "UTF-8"
    separator: str = ","
    columns: list[str | None] = field(default_factory=list)  # the matched field per header, or None

    @property
    def ignored(self) -> list[str]:
        """The headers of the columns left out."""
        return [h for h, c in zip(self.headers, self.columns) if c is None]

    def sample(self, index: int, count: int = 3) -> list[str]:
        """The first few non-empty values of one column, to show beside its header."""
        values = [row[index].strip() for row in self.rows if index < len(row) and row[index].strip()]
        return values[:count]


def match_columns(headers: list[str]) -> list[str | None]:
    """Each header's field: our own column names first, then the usual spreadsheet names; else None.

    A field that takes one column (not name, organisation, contact or notes) goes to the first
    header that asks for it.
    """
    result: list[str | None] = []
    taken: set[str] = set()
    for header in headers:
        key = normalise_header(header)
        column = key if key in COLUMNS else next((c for c, names in SYNONYMS.items() if key in names), None)
        if column is not None and column in taken and column not in JOINED:
            column = None
        if column is not None:
            taken.add(column)
        result.append(column)
    return result


def read_table(data: bytes | str) -> CsvTable:
    """Read a CSV file's headers and rows, with the columns matched as ``match_columns`` does.

    Raises:
        FormatError: the file has no header row.
    """
    if isinstance(data, bytes):
        text, encoding = decode(data)
    else:
        text, encoding = data.removeprefix("\ufeff"), "UTF-8"
    separator = sniff_separator(text)
    # Cells up to the one text limit are read (the csv module stops at 131,072 characters);
    # a row with a longer text is then refused by that limit, like the app and JSON.
    csv.field_size_limit(max(csv.field_size_limit(), 4 * MAX_TEXT))
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error as error:
        raise FormatError("", f"the CSV cannot be read ({error}); a cell may be longer than "
                              f"{MAX_TEXT:,} characters") from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise FormatError("", "the CSV file is empty; it needs a header row with at least a name column")
    headers = [h.strip() for h in rows[0]]
    return CsvTable(headers, rows[1:], encoding, separator, match_columns(headers))


def read_stakeholders(table: CsvTable, columns: list[str | None] | None = None,
                      existing_keys: set[str] = frozenset()) -> CsvResult:
    """The stakeholders in a table, its columns matched as given (or as ``table.columns``).

    Rows keep their numbers in the file (the header is row 1), so a refusal names the row the
    officer sees in the spreadsheet.

    Raises:
        FormatError: no column is matched to ``name``, or one field is given two columns.
    """
    columns = list(table.columns if columns is None else columns)
    if len(columns) != len(table.headers):
        raise FormatError("header", "a field must be chosen (or left out) for every column")
    if "name" not in columns:
        raise FormatError("header", "no column holds the names: choose which one does")
    for column in set(columns) - {None} - set(JOINED):
        if columns.count(column) > 1:
            raise FormatError("header", f"two columns are matched to {column}; choose one")
    fields = [c for c in COLUMNS if c in columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(fields)
    too_long = []
    for number, row in enumerate(table.rows, start=2):
        if len(row) > len(columns) and any(cell.strip() for cell in row[len(columns):]):
            too_long.append(number)
            writer.writerow([""] * len(fields))  # keeps the numbering; a blank row is skipped
            continue
        values: dict[str, list[str]] = {}
        for column, cell in zip(columns, row):
            if column is not None and cell.strip():
                values.setdefault(column, []).append(unprotect_cell(cell if column in FREE_TEXT else cell.strip()))
        writer.writerow([JOINED.get(f, "").join(values[f]) if f in values else "" for f in fields])
    result = parse_stakeholders_csv(buffer.getvalue(), existing_keys)
    result.refused = sorted(result.refused + [(n, "the row has more cells than the header") for n in too_long])
    return result
