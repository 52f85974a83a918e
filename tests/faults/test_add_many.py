"""Adding many rows at once (suggested risks, a CSV import) on a disk that fills half-way adds none."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from faultkit import file_size_limit, integrity

from planner.core.model import Risk
from planner.storage import PlanStore, WriteFailed

LONG = "A risk described at length, as the guidance does. " * 200  # ~10 KB a row


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_full_disk_half_way_through_a_batch_leaves_the_file_as_it_was(plan_file):
    """Forty long risks on a disk with room for a few: WriteFailed, not one risk added, the file byte for byte as before."""
    with PlanStore.open(plan_file) as store:
        keys = store.new_keys("risks", 40)
        batch = [Risk(k, f"Suggested {k}", description=LONG, suggested=True) for k in keys]
        before, before_bytes = store.load(), digest(plan_file)
        with file_size_limit(plan_file.stat().st_size + 60_000):  # room for the first few rows only
            with pytest.raises(WriteFailed):
                store.add("risks", batch)
        assert store.load() == before
        store.add("risks", batch[:2])  # once there is room, the store works on
    check, foreign = integrity(plan_file)
    assert check == ["ok"] and foreign == []
    with PlanStore.open(plan_file, read_only=True) as again:
        assert [r.key for r in again.load().risks] == [r.key for r in before.risks] + keys[:2]
    assert before_bytes != digest(plan_file)  # the retry did write


def test_the_refused_batch_leaves_the_bytes_untouched(plan_file):
    """Nothing at all is written by a refused batch: the file's bytes are those it had."""
    before = digest(plan_file)
    with PlanStore.open(plan_file) as store:
        batch = [Risk(k, k, description=LONG) for k in store.new_keys("risks", 40)]
        with file_size_limit(plan_file.stat().st_size + 60_000), pytest.raises(WriteFailed):
            store.add("risks", batch)
    assert digest(plan_file) == before


@pytest.mark.gui
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_suggested_risks_on_a_full_disk_add_none_and_take_nothing_back(qtbot, tmp_path, monkeypatch):
    """In the app: the refusal is shown, no risk is added, nothing is deleted to undo a half, and Undo has nothing new."""
    from PySide6.QtCore import QSettings

    from planner.core.matrix import Cell
    from planner.guidance import load_library
    from planner.guidance.suggest import risk_suggestions
    from planner.ui.files import open_plan
    from planner.ui.main_window import MainWindow
    from planner.ui.settings import Settings

    path = tmp_path / "Full.coplan"
    with PlanStore.create(path, "Full disk") as store:
        store.update_plan(target_cell=Cell.of("co", "co"))
        store.add("risks", [Risk("r1", "The officer's own", description=LONG[:3_800])])  # fills its page
    db = sqlite3.connect(path)
    db.execute("VACUUM")  # no free pages left: the suggestions need the file to grow
    db.close()
    window = MainWindow(Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window, before_close_func=lambda w: w.close_document())
    shown = []
    monkeypatch.setattr(window, "show_message", lambda title, text: shown.append(text))
    assert open_plan(window, path)
    step = window.go_to_step("risks")
    offered = risk_suggestions(load_library(), window.document.plan)
    assert len(offered) > 3
    monkeypatch.setattr(step, "ask_suggestions", lambda kind, suggestions: (suggestions, None))
    deletes = []
    monkeypatch.setattr(window.document.store, "delete", lambda **keys: deletes.append(keys))
    before = digest(path)
    with file_size_limit(path.stat().st_size):  # the file may not grow at all
        step.suggest()
    assert shown and shown[-1].startswith("The change was not saved: ")
    assert deletes == [] and window.document.undo_stack.count() == 0
    assert [r.key for r in window.document.plan.risks] == ["r1"] and step.model.rowCount() == 1
    window.close_document()
    assert digest(path) == before
