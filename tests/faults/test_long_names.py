"""A plan or export whose name is near the file system's limit gets a clear answer, never a traceback."""

from __future__ import annotations

import pytest

from planner import cli
from planner.storage import PlanFileError, PlanStore

NAME = "p" * (255 - len(".coplan")) + ".coplan"  # exactly the longest name a Linux folder allows


def test_a_plan_at_the_name_limit_is_created_and_opened(tmp_path):
    """Creating works (temporary names are short); editing is refused clearly as its lock name is too long."""
    path = tmp_path / NAME
    PlanStore.create(path.with_name("short.coplan"), "T").close()
    (tmp_path / "short.coplan").rename(path)
    with pytest.raises(PlanFileError) as caught:
        PlanStore.open(path)
    assert "lock" in str(caught.value) and "read-only" in str(caught.value)
    with PlanStore.open(path, read_only=True) as store:
        assert store.load().title == "T"


def test_exports_to_a_name_at_the_limit_work(tmp_path, capsys):
    """JSON and CSV exports to a 255-character name are written (the temporary file's name is short)."""
    plan = tmp_path / "p.coplan"
    PlanStore.create(plan, "T").close()
    for suffix in (".json", ".csv"):
        out = tmp_path / ("e" * (255 - len(suffix)) + suffix)
        assert cli.main(["export", str(plan), "-o", str(out)]) == 0, capsys.readouterr().err
        assert out.exists()
    too_long = tmp_path / ("e" * 300 + ".json")
    assert cli.main(["export", str(plan), "-o", str(too_long)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("coplanner: error: ") and err.count("\n") == 1
