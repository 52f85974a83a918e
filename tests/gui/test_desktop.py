"""What an officer expects of desktop software: menus, help offline, recent plans, a title that cannot mislead."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner import guidance
from planner.ui.files import open_plan
from planner.ui.help_windows import GuidanceWindow, UserGuide


def _menu_texts(window, title: str) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_file_menu_opens_an_example(make_window, tmp_path, monkeypatch):
    """File → Open an example… asks which example, then where to copy it, and opens the copy."""
    window = make_window(library=guidance.load_library(), examples=guidance)
    assert "Open an e&xample…" in _menu_texts(window, "&File")
    offered = []
    monkeypatch.setattr(window, "ask_item", lambda title, label, items: offered.extend(items) or items[1])
    target = tmp_path / "my copy.coplan"
    monkeypatch.setattr(window, "ask_save_path", lambda title, suggested, f: str(target))
    window.actions.open_example.trigger()
    assert len(offered) == len(guidance.example_names())
    name = guidance.example_names()[1]
    assert offered[1] == guidance.example_title(name).removesuffix(" (worked example)")
    assert window.document.store.path == target
    assert window.document.plan.title == guidance.example_title(name)


def test_file_menu_example_is_off_without_examples(window):
    """Without the worked examples installed, the menu entry is there but off."""
    assert not window.actions.open_example.isEnabled()


def test_help_guidance_works_on_the_welcome_screen(make_window, qtbot):
    """Help → Guidance with no plan open shows the guidance in a window, topic by topic."""
    window = make_window(library=guidance.load_library(), show=True)
    assert window.actions.guidance.isEnabled()
    window.actions.guidance.trigger()
    shown = window.guidance_window
    assert isinstance(shown, GuidanceWindow) and shown.isVisible()
    assert "About coproduction" in shown.panel.browser.toPlainText()
    row = next(i for i in range(shown.topics.count()) if "Full user/professional" in shown.topics.item(i).text())
    shown.topics.setCurrentRow(row)
    assert shown.panel.browser.toPlainText().startswith("Full user/professional coproduction")
    window.actions.guidance.trigger()
    assert window.guidance_window is shown  # one window, brought back
    shown.close()


def test_help_user_guide_opens_offline(window, qtbot):
    """Help → User guide shows the bundled guide inside the app, with no browser or network."""
    assert "&User guide" in _menu_texts(window, "&Help")
    window.actions.user_guide.trigger()
    guide = window.user_guide_window
    assert isinstance(guide, UserGuide) and guide.isVisible()
    text = guide.browser.toPlainText()
    for heading in ("The six steps", "Saving and undoing", "Sharing the plan", "Stakeholders from a spreadsheet"):
        assert heading in text
    guide.close()


def test_recent_plans_mark_missing_files_and_can_be_removed(make_window, settings, plan_path, tmp_path, qtbot):
    """A recent plan whose file is gone is marked missing, cannot be opened from the list, and Remove takes it off."""
    gone = tmp_path / "Moved away.coplan"
    settings.recent_files = [str(gone), str(plan_path)]
    window = make_window(show=True)
    recent = window.welcome.recent
    first, second = recent.item(0), recent.item(1)
    assert "Moved away (missing: moved, renamed or deleted?)" in first.text()
    assert "(missing" not in second.text()
    assert window.actions.recent_menu.actions()[0].text().endswith("— missing")
    recent.setCurrentRow(0)
    assert not window.welcome.open_recent.isEnabled() and window.welcome.remove_recent.isEnabled()
    qtbot.mouseClick(window.welcome.remove_recent, Qt.MouseButton.LeftButton)
    assert settings.recent_files == [str(plan_path)]
    assert recent.count() == 1 and recent.item(0).data(Qt.ItemDataRole.UserRole) == str(plan_path)
    assert plan_path.exists()  # the list forgets it; no file is touched
    recent.setCurrentRow(0)
    qtbot.mouseClick(window.welcome.remove_recent, Qt.MouseButton.LeftButton)
    assert settings.recent_files == [] and plan_path.exists()
    assert window.welcome.no_recent.isVisible()


def test_title_bar_has_no_asterisk_and_says_the_plan(window, plan_path):
    """The title names the plan and its file with no asterisk, whatever has changed; the status bar says it is saved."""
    open_plan(window, plan_path)
    step = window.go_to_step("context")
    step.fields["officer"].setText("Jo")
    step.fields["officer"].editingFinished.emit()
    assert window.windowTitle() == "Library services — Library services.coplan — Coproduction Planner"
    assert "*" not in window.windowTitle() and not window.isWindowModified()
    assert window.changes_label.text().startswith("Saved")
