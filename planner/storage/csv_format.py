"""The stakeholder list as CSV, the way officers keep it in spreadsheets (UTF-8 with BOM).

The columns are the stakeholder's declared CSV columns, in declaration order.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from planner.core.fields import specs, to_plain
from planner.core.keys import PREFIXES, next_keys
from planner.core.kinds import MAX_TEXT, Problem, normalise
from planner.core.model import Stakeholder
from planner.core.privacy import private_by_default
from planner.storage.csv_cells import protect_cell
from planner.storage.errors import FormatError
from planner.storage.json_format import read_stakeholder

_SPECS = {s.csv: s for s in specs(Stakeholder) if s.csv}
COLUMNS = list(_SPECS)


def stakeholders_to_csv(stakeholders: list[Stakeholder]) -> str:
    """The stakeholders as CSV text starting with a BOM, so Excel reads the accents right."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for person in stakeholders:
        plain = to_plain(person)
        writer.writerow({column: protect_cell(s.kind.to_csv(plain[s.json])) for column, s in _SPECS.items()})
    return "\ufeff" + buffer.getvalue()


CELL_LIMIT = 4 * MAX_TEXT  # the csv module's cell limit: a longer cell ends the read


@dataclass
class CsvResult:
    """What an import would add, and which rows it refuses and why."""

    accepted: list[Stakeholder] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (row number, reason)


def _row_to_item(row: dict[str, str], where: str) -> dict:
    item: dict = {}
    for column, raw in row.items():
        s = _SPECS[column]
        try:
            value = s.kind.from_csv(raw or "")
        except Problem as problem:
            raise FormatError(f"{where}.{column}", problem.problem) from None
        if column == "key":
            value = (value or "").strip()
        if value is not None:
            item[s.json] = value
    return item


def parse_stakeholders_csv(text: str, existing_keys: set[str] = frozenset()) -> CsvResult:
    """Read stakeholders from CSV text: good rows are accepted, bad rows refused with a reason.

    Rows with no key get a new one; a key already in the plan or earlier in the file is refused.

    Raises:
        FormatError: the text has no header row or an unknown column (nothing can be read).
    """
    text = text.removeprefix("\ufeff")
    # A cell may hold up to the one text limit (and a contributions list somewhat more); past
    # that the row is refused by the same rule as the app and JSON, not by the csv module.
    csv.field_size_limit(max(csv.field_size_limit(), CELL_LIMIT))
    try:
        return _parse(csv.DictReader(io.StringIO(text, newline="")), existing_keys)
    except csv.Error as error:
        raise FormatError("", f"the CSV cannot be read ({error}); a cell may be longer than "
                              f"{MAX_TEXT:,} characters") from None


def _parse(reader: csv.DictReader, existing_keys: set[str]) -> CsvResult:
    if not reader.fieldnames:
        raise FormatError("", "the CSV file is empty; it needs a header row with at least a name column")
    headers = [normalise(h or "") for h in reader.fieldnames]
    unknown = [h for h in headers if h not in COLUMNS]
    if unknown:
        raise FormatError("header", f"unknown column {unknown[0]!r}; the columns are: {', '.join(COLUMNS)}")
    if "name" not in headers:
        raise FormatError("header", "there is no name column")
    twice = next((h for i, h in enumerate(headers) if h in headers[:i]), None)
    if twice:
        raise FormatError("header", f"the column {twice!r} appears twice; keep one of them")
    reader.fieldnames = headers
    result = CsvResult()
    taken = set(existing_keys)
    records = list(reader)
    # Keys the file states itself are not handed out to rows without one.
    stated = {(row.get("key") or "").strip() for row in records if None not in row} - {""}
    fresh = iter(next_keys(PREFIXES["stakeholders"], taken | stated, len(records)))
    for number, row in enumerate(records, start=2):  # row 1 is the header
        if None in row:
            result.refused.append((number, "the row has more cells than the header"))
            continue
        if not any((v or "").strip() for v in row.values()):
            continue  # blank lines in spreadsheets are not mistakes
        where = f"row {number}"
        try:
            item = _row_to_item(row, where)
            if not item.get("key"):
                item["key"] = next(fresh)
            if item["key"] in taken:
                raise FormatError(f"{where}.key", f"the key \"{item['key']}\" is already used")
            stakeholder = read_stakeholder(item, where)
            if "personal" not in item:  # not said: a service user, carer, … is a person
                stakeholder.personal = private_by_default(stakeholder.category)
        except FormatError as error:
            result.refused.append((number, str(error).removeprefix(f"{where}.").removeprefix(f"{where}: ")))
            continue
        taken.add(stakeholder.key)
        result.accepted.append(stakeholder)
    return result
