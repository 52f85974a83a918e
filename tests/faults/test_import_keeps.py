"""Import restores a backup as it was: the plan's created and modified stamps are kept."""

from __future__ import annotations

import json

from planner import cli
from planner.storage import PlanStore


def test_import_keeps_created_and_modified(empty_plan, tmp_path):
    """A JSON backup's created/modified come back unchanged after import, as the format docs promise."""
    backup = tmp_path / "backup.json"
    assert cli.main(["export", str(empty_plan), "-o", str(backup)]) == 0
    document = json.loads(backup.read_text(encoding="utf-8"))
    document["plan"]["created"] = "2024-03-01T09:15:00+00:00"
    document["plan"]["modified"] = "2025-06-30T17:45:12+00:00"
    backup.write_text(json.dumps(document), encoding="utf-8")
    restored = tmp_path / "restored.coplan"
    assert cli.main(["import", str(backup), "-o", str(restored)]) == 0
    with PlanStore.open(restored, read_only=True) as store:
        plan = store.load()
    assert (plan.created, plan.modified) == ("2024-03-01T09:15:00+00:00", "2025-06-30T17:45:12+00:00")
