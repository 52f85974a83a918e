"""The stakeholder list as CSV, the way officers keep it in spreadsheets (UTF-8 with BOM)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

from planner.core.keys import next_key
from planner.core.model import Stakeholder
from planner.storage.csv_cells import protect_cell
from planner.storage.errors import FormatError
from planner.storage.json_format import plan_to_document, read_stakeholder
from planner.core.model import Plan

COLUMNS = [
    "key", "name", "organisation", "category", "side", "planning_role", "delivery_role",
    "influence", "interest", "stance", "motive", "personal", "contact", "notes", "contributions",
]
_CHOICE_COLUMNS = {"category", "side", "planning_role", "delivery_role", "stance", "motive"}
_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0", ""}


def stakeholders_to_csv(stakeholders: list[Stakeholder]) -> str:
    """The stakeholders as CSV text starting with a BOM, so Excel reads the accents right."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    document = plan_to_document(Plan(title="-", stakeholders=stakeholders))
    for item in document["stakeholders"]:
        row = {name: item.get(name) for name in COLUMNS}
        row["personal"] = "yes" if item["personal"] else "no"
        row["contributions"] = json.dumps(item["contributions"], ensure_ascii=False) if item["contributions"] else ""
        writer.writerow({k: "" if v is None else protect_cell(str(v)) for k, v in row.items()})
    return "\ufeff" + buffer.getvalue()


@dataclass
class CsvResult:
    """What an import would add, and which rows it refuses and why."""

    accepted: list[Stakeholder] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (row number, reason)


def _normalise(value: str) -> str:
    return value.strip().lower().replace(" ", "_").replace("-", "_")


def _row_to_item(row: dict[str, str], where: str) -> dict:
    item: dict = {}
    for column, raw in row.items():
        value = (raw or "").strip() if column not in ("notes", "contact", "name", "organisation") else (raw or "")
        if column in _CHOICE_COLUMNS:
            item[column] = _normalise(value) or None
        elif column in ("influence", "interest"):
            if value:
                try:
                    item[column] = int(value)
                except ValueError:
                    raise FormatError(f"{where}.{column}", f"{value!r} is not a whole number from 1 to 5") from None
        elif column == "personal":
            if value.lower() not in _YES | _NO:
                raise FormatError(f"{where}.personal", f"{value!r} is not yes or no")
            item["personal"] = value.lower() in _YES
        elif column == "contributions":
            if value:
                try:
                    item["contributions"] = json.loads(value)
                except ValueError:
                    raise FormatError(f"{where}.contributions", "is not the list this app writes (export a CSV to see the layout)") from None
        elif column == "key":
            item["key"] = value
        else:
            item[column] = value
    return item


def parse_stakeholders_csv(text: str, existing_keys: set[str] = frozenset()) -> CsvResult:
    """Read stakeholders from CSV text: good rows are accepted, bad rows refused with a reason.

    Rows with no key get a new one; a key already in the plan or earlier in the file is refused.

    Raises:
        FormatError: the text has no header row or an unknown column (nothing can be read).
    """
    text = text.removeprefix("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise FormatError("", "the CSV file is empty; it needs a header row with at least a name column")
    headers = [_normalise(h or "") for h in reader.fieldnames]
    unknown = [h for h in headers if h not in COLUMNS]
    if unknown:
        raise FormatError("header", f"unknown column {unknown[0]!r}; the columns are: {', '.join(COLUMNS)}")
    if "name" not in headers:
        raise FormatError("header", "there is no name column")
    reader.fieldnames = headers
    result = CsvResult()
    taken = set(existing_keys)
    for number, row in enumerate(reader, start=2):  # row 1 is the header
        if None in row:
            result.refused.append((number, "the row has more cells than the header"))
            continue
        if not any((v or "").strip() for v in row.values()):
            continue  # blank lines in spreadsheets are not mistakes
        where = f"row {number}"
        try:
            item = _row_to_item(row, where)
            if not item.get("key"):
                item["key"] = next_key("s", taken)
            if item["key"] in taken:
                raise FormatError(f"{where}.key", f"the key \"{item['key']}\" is already used")
            stakeholder = read_stakeholder(item, where)
        except FormatError as error:
            result.refused.append((number, str(error).removeprefix(f"{where}.").removeprefix(f"{where}: ")))
            continue
        taken.add(stakeholder.key)
        result.accepted.append(stakeholder)
    return result
