"""Every refusal to open a plan becomes a dialog that says what happened and what to do."""

import json
import os
import socket
import sqlite3
import stat
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt

from planner.storage import PlanStore
from planner.ui.files import open_plan


def test_missing_file_says_so_and_leaves_recent(window, tmp_path, dialogs, settings):
    """A plan that has gone is named in a message and taken off the recent list."""
    gone = tmp_path / "gone.coplan"
    settings.add_recent(gone)
    window.refresh_recent()
    assert not open_plan(window, gone)
    title, text = dialogs.messages[-1]
    assert title == "Plan not found"
    assert "moved or renamed" in text and "recent" in text
    assert settings.recent_files == []
    assert window.pages.currentWidget() is window.welcome


def test_text_file_is_not_a_plan(window, tmp_path, dialogs):
    """A file that is not a plan at all is refused with a message to choose another file."""
    notes = tmp_path / "notes.coplan"
    notes.write_text("shopping list", encoding="utf-8")
    assert not open_plan(window, notes)
    assert "not a Coproduction Planner plan" in dialogs.messages[-1][1]
    assert notes.read_text(encoding="utf-8") == "shopping list"


def test_other_apps_sqlite_is_not_a_plan(window, tmp_path, dialogs):
    """Another program's SQLite database is refused and left untouched."""
    other = tmp_path / "other.coplan"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE things (x)")
    connection.close()
    before = other.read_bytes()
    assert not open_plan(window, other)
    assert "another program" in dialogs.messages[-1][1]
    assert other.read_bytes() == before


def test_damaged_plan_says_restore(window, plan_path, dialogs):
    """A damaged plan is refused with advice to restore a backup, and not written to."""
    data = bytearray(plan_path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # wreck the second page
    plan_path.write_bytes(bytes(data))
    assert not open_plan(window, plan_path)
    title, text = dialogs.messages[-1]
    assert "damaged" in text and "backup" in text
    assert plan_path.read_bytes() == bytes(data)


def test_newer_plan_offers_read_only(window, plan_path, monkeypatch):
    """A plan from a newer version is offered read-only, and opens with the banner saying why."""
    with sqlite3.connect(plan_path) as connection:
        connection.execute("PRAGMA user_version = 99")
    connection.close()
    asked = []
    monkeypatch.setattr(window, "ask_open_read_only", lambda title, text: asked.append(text) or True)
    assert open_plan(window, plan_path)
    assert "newer version" in asked[0]
    assert window.document.read_only
    assert not window.banner.isHidden()
    assert "newer version" in window.banner.text()


def test_newer_plan_declined_stays_on_welcome(window, plan_path, monkeypatch):
    """Saying no to the read-only offer leaves the welcome screen up."""
    with sqlite3.connect(plan_path) as connection:
        connection.execute("PRAGMA user_version = 99")
    connection.close()
    monkeypatch.setattr(window, "ask_open_read_only", lambda title, text: False)
    assert not open_plan(window, plan_path)
    assert window.document is None


@pytest.mark.skipif(os.name == "nt", reason="needs POSIX permission bits")
def test_read_only_file_opens_with_banner_and_no_editing(window, plan_path):
    """A read-only file opens for reading, with a banner saying why and the inputs disabled."""
    plan_path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        assert open_plan(window, plan_path)
        assert window.document.read_only
        assert "read-only" in window.banner.text()
        context = window.go_to_step("context")
        assert context.fields["title"].isReadOnly()
        tick = next(iter(context.driver_checks.values()))
        assert tick.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        assert tick.focusPolicy() == Qt.FocusPolicy.NoFocus
        review = window.go_to_step("review")
        assert review.export_button.isEnabled()
        assert "(read-only)" in window.windowTitle()
    finally:
        plan_path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_read_only_banner_hidden_for_writable_plan(window, plan_path):
    """A writable plan shows no read-only banner."""
    open_plan(window, plan_path)
    assert window.banner.isHidden()


def _hold_lock(path, started):
    """Start another process that opens the plan for editing and waits."""
    code = textwrap.dedent(f"""
        import sys
        from planner.storage import PlanStore
        store = PlanStore.open({str(path)!r})
        print("open", flush=True)
        sys.stdin.readline()
        store.close()
    """)
    process = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    started.append(process)
    assert process.stdout.readline().strip() == "open"
    return process


def test_plan_locked_by_another_process_offers_read_only(window, plan_path, monkeypatch):
    """A plan another process is editing is offered read-only, naming who has it."""
    started = []
    process = _hold_lock(plan_path, started)
    try:
        asked = []
        monkeypatch.setattr(window, "ask_open_read_only", lambda title, text: asked.append(text) or True)
        assert open_plan(window, plan_path)
        assert "open for editing by" in asked[0]
        assert window.document.read_only
    finally:
        process.communicate("\n", timeout=10)


def test_second_window_on_same_plan_gets_read_only_offer(make_window, plan_path, monkeypatch):
    """A second window on a plan the first is editing is offered a read-only view, not a second editor."""
    first = make_window()
    assert open_plan(first, plan_path)
    second = make_window()
    asked = []
    monkeypatch.setattr(second, "ask_open_read_only", lambda title, text: asked.append(title) or False)
    assert not open_plan(second, plan_path)
    assert asked == ["Plan already open"]
    assert not first.document.read_only


def _foreign_lock(plan_path):
    lock = plan_path.with_name(plan_path.name + ".lock")
    lock.write_text(json.dumps({"app": "Coproduction Planner", "pid": 1, "host": "OTHER-PC-" + socket.gethostname(),
                                "user": "alice", "since": "2026-11-28T09:14:00"}), encoding="utf-8")
    return lock


def test_lock_from_another_computer_can_be_cleared_after_confirming(window, plan_path, monkeypatch):
    """A lock left by another computer may be cleared, after a warning, and the plan opens to edit."""
    lock = _foreign_lock(plan_path)
    confirmed = []
    monkeypatch.setattr(window, "ask_locked_choice", lambda text, holder: "break_lock")
    monkeypatch.setattr(window, "ask_confirm", lambda title, text: confirmed.append(text) or True)
    assert open_plan(window, plan_path)
    assert "alice" in confirmed[0]
    assert not window.document.read_only
    assert lock.exists()  # it is ours now
    assert "alice" not in lock.read_text(encoding="utf-8")


def test_lock_from_another_computer_kept_when_not_confirmed(window, plan_path, monkeypatch):
    """Saying no to clearing another computer's lock leaves it alone and opens nothing."""
    lock = _foreign_lock(plan_path)
    monkeypatch.setattr(window, "ask_locked_choice", lambda text, holder: "break_lock")
    monkeypatch.setattr(window, "ask_confirm", lambda title, text: False)
    assert not open_plan(window, plan_path)
    assert "alice" in lock.read_text(encoding="utf-8")


def test_lock_from_another_computer_read_only(window, plan_path, monkeypatch):
    """Choosing read-only on another computer's lock opens the plan for reading."""
    _foreign_lock(plan_path)
    monkeypatch.setattr(window, "ask_locked_choice", lambda text, holder: "read_only")
    assert open_plan(window, plan_path)
    assert window.document.read_only


def test_closing_gives_the_lock_back(window, plan_path):
    """Closing the plan removes its lock, so the command line can use it."""
    open_plan(window, plan_path)
    lock = plan_path.with_name(plan_path.name + ".lock")
    assert lock.exists()
    window.close_document()
    assert not lock.exists()
    PlanStore.open(plan_path).close()


@pytest.mark.skipif(os.name == "nt", reason="needs POSIX permission bits")
def test_save_as_from_read_only_file_gives_an_editable_copy(window, plan_path, tmp_path, monkeypatch):
    """The banner's advice works: Save As on a read-only file gives a copy that can be edited."""
    plan_path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        open_plan(window, plan_path)
        assert "Save As" in window.banner.text()
        copy = tmp_path / "mine.coplan"
        monkeypatch.setattr(window, "ask_save_path", lambda *a: str(copy))
        window.actions.save_as.trigger()
        assert window.document.store.path == copy
        assert not window.document.read_only
        assert window.banner.isHidden()
    finally:
        plan_path.chmod(stat.S_IRUSR | stat.S_IWUSR)
