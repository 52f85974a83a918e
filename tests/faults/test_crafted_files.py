"""Files with our application id but a damaged or crafted inside are refused by name, never a traceback."""

from __future__ import annotations

import sqlite3

import pytest

from planner import cli
from planner.core.model import Contribution, Risk, Stakeholder
from planner.storage import DamagedPlan, PlanStore

CRAFTS = {
    "trigger": ("trigger", [
        "CREATE TABLE IF NOT EXISTS stash (name TEXT)",
        "CREATE TRIGGER keep AFTER DELETE ON stakeholders BEGIN INSERT INTO stash VALUES (old.name); END"]),
    "wiper": ("trigger", [
        "CREATE TRIGGER wipe AFTER UPDATE ON plan BEGIN DELETE FROM stakeholders; END"]),
    "view": ("view", ["CREATE VIEW everyone AS SELECT name, contact FROM stakeholders"]),
    "foreign table": ("not part of a plan", ["CREATE TABLE copied (name TEXT)"]),
    "missing table": ("risks table is missing", ["PRAGMA foreign_keys = OFF", "DROP TABLE safeguard_risks", "DROP TABLE risks"]),
    "missing column": ("no notes column", ["ALTER TABLE stakeholders DROP COLUMN notes"]),
    "no plan row": ("no plan row", ["DELETE FROM plan"]),
    "blob for a number": ("binary data in influence", [
        "PRAGMA ignore_check_constraints = 1", "UPDATE stakeholders SET influence = x'0102' WHERE key = 's1'"]),
    "text for a number": ("text in likelihood", [
        "PRAGMA ignore_check_constraints = 1", "UPDATE risks SET likelihood = 'very' WHERE key = 'r1'"]),
    "text for an amount": ("text in amount", ["UPDATE contributions SET amount = 'lots'"]),
    "unknown choice": ("unknown category", ["UPDATE stakeholders SET category = 'alien' WHERE key = 's1'"]),
    "unknown driver": ("unknown driver", ["INSERT INTO plan_drivers VALUES ('whim', 9)"]),
}


@pytest.fixture(params=sorted(CRAFTS))
def crafted(request, tmp_path):
    """A real plan, altered behind the app's back as one of CRAFTS says; (path, expected words)."""
    path = tmp_path / "crafted.coplan"
    with PlanStore.create(path, "Crafted") as store:
        store.add_stakeholder(Stakeholder("s1", "Amira", contributions=[Contribution(amount=3)]))
        store.add_risk(Risk("r1", "A risk"))
    words, statements = CRAFTS[request.param]
    db = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        db.execute(statement)
    db.close()
    return path, words


def test_open_refuses_it_naming_the_problem(crafted):
    """Opening for editing or read-only refuses the file as damaged, says what is wrong, changes nothing."""
    path, words = crafted
    before = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(DamagedPlan) as caught:
            PlanStore.open(path, read_only=read_only)
        assert words in str(caught.value) and path.name in str(caught.value)
    assert path.read_bytes() == before
    assert not path.with_name(path.name + ".lock").exists()


@pytest.mark.parametrize("command", [["check"], ["export", "-o", "OUT.json"], ["export", "-o", "OUT.pdf"]])
def test_the_command_line_prints_one_line(crafted, command, tmp_path, capsys):
    """`coplanner check` and `export` give one `coplanner: error:` line naming the file and the cause."""
    path, words = crafted
    args = [a.replace("OUT", str(tmp_path / "out")) for a in command]
    assert cli.main([args[0], str(path), *args[1:]]) == 2
    err = capsys.readouterr().err
    assert err.startswith("coplanner: error: ") and err.count("\n") == 1
    assert words in err and path.name in err
