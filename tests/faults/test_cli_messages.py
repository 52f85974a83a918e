"""The command line's answers are true, one line, and never obey control characters from a plan."""

from __future__ import annotations

import json

import pytest

from planner import cli
from planner.core.model import Stakeholder
from planner.storage import FormatError, PlanStore
from planner.storage.csv_format import parse_stakeholders_csv
from planner.storage.json_format import dumps, loads
from planner.core.model import Plan


def test_check_escapes_control_characters_from_plan_text(tmp_path, capsys):
    """A stakeholder named with terminal escapes (clear screen, colours) prints them escaped, not raw."""
    path = tmp_path / "p.coplan"
    with PlanStore.create(path, "T") as store:
        store.add_stakeholder(Stakeholder("s1", "Eve\x1b[2J\x1b[31mRED\u202eevil\x07", personal=True))
    cli.main(["check", str(path)])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert all(c == "\n" or c == "\t" or c >= " " for c in out)


def test_import_of_a_device_does_not_read_it(tmp_path, capsys):
    """`coplanner import /dev/zero` is refused at once instead of reading for ever."""
    assert cli.main(["import", "/dev/zero", "-o", str(tmp_path / "p.coplan")]) == 2
    assert "import reads .json or .csv" in capsys.readouterr().err
    fifo = tmp_path / "endless.json"
    import os
    os.mkfifo(fifo)
    assert cli.main(["import", str(fifo), "-o", str(tmp_path / "p.coplan")]) == 2
    assert "not a regular file" in capsys.readouterr().err


def test_duplicate_json_keys_are_refused_naming_the_field():
    """A JSON object that gives a field twice is refused instead of silently keeping the last."""
    document = dumps(Plan(title="T", stakeholders=[Stakeholder("s1", "A")]))
    twice = document.replace('"name": "A"', '"name": "A", "name": "B"')
    with pytest.raises(FormatError, match='"name" appears twice'):
        loads(twice)


def test_csv_with_the_same_column_twice_is_refused():
    """Two headers for one column are refused, naming the column, instead of keeping the last."""
    with pytest.raises(FormatError, match="'notes' appears twice"):
        parse_stakeholders_csv("name,notes,Notes\nAmira,first,second\n")


def test_a_csv_row_without_a_key_never_takes_a_later_rows_key():
    """A row without a key gets a new key, not one that a later row states explicitly."""
    result = parse_stakeholders_csv("key,name\n,Amira\ns1,Ben\n")
    assert not result.refused
    keys = {s.name: s.key for s in result.accepted}
    assert keys["Ben"] == "s1" and keys["Amira"] != "s1"
