"""Stakeholder lists as officers keep them: columns matched, encodings and separators read, formulas kept inert."""

from __future__ import annotations

import pytest

from planner.core.model import Stakeholder
from planner.storage import FormatError
from planner.storage.csv_cells import protect_cell, unprotect_cell
from planner.storage.csv_columns import match_columns, read_stakeholders, read_table
from planner.storage.csv_format import stakeholders_to_csv

OFFICER = "Name,Organisation,Email,Phone,Shoe size\nGwen Morgan,Age Cymru,gwen@example.org,01234 567890,5\n"


def test_an_officers_columns_are_matched_and_the_rest_left_out():
    """Name and Organisation match; Email and Phone both go to contact; Shoe size is left out."""
    table = read_table(OFFICER)
    assert table.columns == ["name", "organisation", "contact", "contact", None]
    assert table.ignored == ["Shoe size"]
    result = read_stakeholders(table)
    assert not result.refused
    person = result.accepted[0]
    assert (person.name, person.organisation, person.contact) == (
        "Gwen Morgan", "Age Cymru", "gwen@example.org; 01234 567890")


def test_first_and_last_name_are_joined_and_our_own_headers_still_match():
    """First name and Surname make one name; our exported header names match as before."""
    assert match_columns(["First name", "Surname", "Planning role", "e-mail"]) == [
        "name", "name", "planning_role", "contact"]
    result = read_stakeholders(read_table("First name,Surname\nSiân,Ellis\n"))
    assert result.accepted[0].name == "Siân Ellis"


def test_a_field_that_takes_one_column_goes_to_the_first_asking():
    """Two columns that both look like a category: the first is matched, the second left out."""
    assert match_columns(["Category", "Type"]) == ["category", None]


def test_semicolons_and_windows_1252_are_read():
    """European Excel's semicolons and older Excel's Windows-1252 accents come through intact."""
    data = "Name;Organisation\r\nJosé Müller;Café Ŵ\r\n".replace("Ŵ", "W").encode("cp1252")
    table = read_table(data)
    assert (table.encoding, table.separator) == ("Windows-1252", ";")
    person = read_stakeholders(table).accepted[0]
    assert (person.name, person.organisation) == ("José Müller", "Café W")


def test_utf8_with_bom_and_utf16_tab_separated_are_read():
    """A UTF-8 file with a byte-order mark, and Excel's UTF-16 'Unicode text', both read."""
    assert read_table("\ufeffName\nGŵyl Tŷ\n".encode()).rows == [["Gŵyl Tŷ"]]
    table = read_table("Name\tEmail\nDafydd ap Tŷ\td@example.org\n".encode("utf-16"))
    assert (table.encoding, table.separator, table.columns) == ("UTF-16", "\t", ["name", "contact"])


def test_a_comma_inside_quotes_does_not_make_it_a_comma_file():
    """The separator is sniffed outside quotes: a quoted header with a comma in a semicolon file."""
    table = read_table('"Name, in full";Email\nAna;a@example.org\n')
    assert table.separator == ";" and table.headers == ["Name, in full", "Email"]


def test_rows_keep_their_file_numbers_when_refused():
    """A bad row and a row longer than the header are refused with the row number of the file."""
    result = read_stakeholders(read_table("Name,Influence\nAna,3\n\nBen,11\nCai,2,extra\n"))
    assert [s.name for s in result.accepted] == ["Ana"]
    assert [number for number, _ in result.refused] == [4, 5]
    assert "more cells than the header" in result.refused[1][1]


def test_no_name_column_or_a_field_chosen_twice_is_refused():
    """Without a column for names, or with two for the same single field, nothing is read."""
    table = read_table("line,amount\nrent,300\n")
    with pytest.raises(FormatError, match="no column holds the names"):
        read_stakeholders(table)
    assert read_stakeholders(table, ["name", None]).accepted[0].name == "rent"
    with pytest.raises(FormatError, match="two columns are matched to influence"):
        read_stakeholders(read_table("who,a,b\nAna,1,2\n"), ["name", "influence", "influence"])


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+44 7700 900123", "-1", "@SUM(A1)", "\tx",
                                   "'=already quoted", "''+twice", "'plain apostrophe", "plain", ""])
def test_cells_a_spreadsheet_would_run_are_protected_and_read_back(value):
    """Each value is written so a spreadsheet shows it as text, and reads back exactly."""
    written = protect_cell(value)
    assert not written[:1] or written[0] not in "=+-@\t\r"
    assert unprotect_cell(written) == value


def test_export_protects_formulas_and_import_reads_them_back_unchanged():
    """A name, organisation, contact and note that look like formulas survive export and import."""
    person = Stakeholder("s1", "=cmd|' /C calc'!A0", organisation="@Council", contact="+44 7700 900123",
                         notes="-not a formula")
    text = stakeholders_to_csv([person])
    row = text.splitlines()[1]
    assert "'=cmd" in row and "'@Council" in row and "'+44 7700 900123" in row and "'-not a formula" in row
    back = read_stakeholders(read_table(text.encode("utf-8"))).accepted[0]
    assert (back.name, back.organisation, back.contact, back.notes) == (
        person.name, person.organisation, person.contact, person.notes)
