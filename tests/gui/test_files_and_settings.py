"""New, open, examples, Save As and recent plans, and preferences remembered between runs."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from planner import guidance
from planner.storage import PlanStore
from planner.ui.files import open_plan
from planner.ui.main_window import MainWindow
from planner.ui.settings import Settings
from planner.ui.step_list import StepListModel


def test_new_plan_from_welcome(window, tmp_path, monkeypatch, qtbot):
    """New plan asks where, makes the file with a title from its name, and opens it."""
    monkeypatch.setattr(window, "ask_save_path", lambda title, suggested, f: str(tmp_path / "day_centre"))
    window.welcome.new_button.click()
    assert (tmp_path / "day_centre.coplan").exists()
    assert window.document.plan.title == "Day centre"
    assert window.statusBar().currentMessage().startswith("Opened")


def test_new_plan_over_existing_file_is_refused(window, plan_path, monkeypatch, dialogs):
    """A new plan never replaces an existing file."""
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(plan_path))
    window.actions.new.trigger()
    assert "already exists" in dialogs.messages[-1][1]


def test_open_dialog_and_recent_list(window, plan_path, monkeypatch, settings):
    """Open plan asks for a file; it then heads the recent list with its folder shown."""
    monkeypatch.setattr(window, "ask_open_path", lambda *a: str(plan_path))
    window.actions.open.trigger()
    assert window.document is not None
    assert settings.recent_files[0] == str(plan_path.resolve())
    window.close_document()
    item = window.welcome.recent.item(0)
    assert str(plan_path.parent) in item.text()
    assert window.actions.recent_menu.actions()[0].text().startswith(plan_path.name)
    window.actions.recent_menu.actions()[0].trigger()
    assert window.document.store.path == plan_path


def test_open_example_copies_it_to_a_new_file(make_window, tmp_path, monkeypatch):
    """An example is copied to a file the officer names, and opens there with its content."""
    window = make_window(library=guidance.load_library(), examples=guidance)
    assert window.welcome.examples.count() == len(guidance.example_names())
    target = tmp_path / "my tackley.coplan"
    monkeypatch.setattr(window, "ask_save_path", lambda title, suggested, f: str(target))
    item = window.welcome.examples.item(len(guidance.example_names()) - 1)
    window.welcome.examples.itemActivated.emit(item)
    assert target.exists()
    assert window.document.plan.title == guidance.example_title("tackley")
    assert window.document.plan.stakeholders


def test_save_as_carries_on_in_the_copy(window, plan_path, tmp_path, monkeypatch):
    """Save As copies the plan and the window carries on in the copy; the original is unchanged."""
    open_plan(window, plan_path)
    copy = tmp_path / "copy.coplan"
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(copy))
    window.actions.save_as.trigger()
    assert window.document.store.path == copy
    step = window.go_to_step("context")
    step.fields["officer"].setText("Jo")
    step.fields["officer"].editingFinished.emit()
    window.close_document()
    with PlanStore.open(plan_path, read_only=True) as store:
        assert store.load().officer == ""
    with PlanStore.open(copy, read_only=True) as store:
        assert store.load().officer == "Jo"


def test_settings_remembered_between_runs(tmp_path, plan_path, qtbot):
    """Geometry, last step, recent plans, paper and opening the PDF survive closing the app."""
    ini = str(tmp_path / "prefs.ini")
    settings = Settings(QSettings(ini, QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(700, 520)
    open_plan(window, plan_path)
    window.go_to_step("matrix")
    settings.paper, settings.open_when_done = "letter", False
    window.close()

    again = Settings(QSettings(ini, QSettings.Format.IniFormat))
    assert again.recent_files == [str(plan_path.resolve())]
    assert again.last_step == "matrix"
    assert (again.paper, again.open_when_done) == ("letter", False)
    second = MainWindow(again)
    qtbot.addWidget(second)
    assert second.size().width() == 700
    open_plan(second, plan_path)
    assert second.current_step().NAME == "matrix"
    review = second.go_to_step("review")
    assert review.paper.currentData() == "letter" and not review.open_when_done.isChecked()
    second.close()


def test_settings_defaults(settings):
    """Fresh preferences have sensible defaults."""
    assert settings.recent_files == []
    assert settings.paper == "a4"
    assert not hasattr(settings, "include_personal")  # never a preference: see test_personal_data
    assert settings.open_when_done is True
    assert settings.last_step == "context"


def test_recent_list_is_short_and_unique(settings, tmp_path):
    """Reopening a plan moves it to the top instead of listing it twice; the list stays short."""
    for n in range(14):
        settings.add_recent(tmp_path / f"p{n}.coplan")
    settings.add_recent(tmp_path / "p5.coplan")
    recent = settings.recent_files
    assert len(recent) == 10
    assert Path(recent[0]).name == "p5.coplan"
    assert len(set(recent)) == len(recent)


def test_step_list_model(qtmodeltester):
    """The step list model is a well-behaved Qt model and says done or how many in words."""
    model = StepListModel([("context", "Service and context"), ("matrix", "Coproduction matrix")])
    qtmodeltester.check(model)
    model.set_attention(0, 0)
    model.set_attention(1, 2)
    qtmodeltester.check(model)
    assert model.data(model.index(0)) == "1. Service and context\n✔ Done"
    assert model.data(model.index(1)) == "2. Coproduction matrix\n⚠ 2 to fix"
    assert model.row_of("matrix") == 1


def test_shortcuts(window):
    """The named shortcuts are on their actions."""
    a = window.actions
    assert a.new.shortcut().toString() == "Ctrl+N"
    assert a.open.shortcut().toString() == "Ctrl+O"
    assert a.save_as.shortcut().toString() == "Ctrl+Shift+S"
    assert a.guidance.shortcut().toString() == "F1"
    assert [s.toString() for s in a.undo.shortcuts()] == ["Ctrl+Z"]
    assert [s.toString() for s in a.redo.shortcuts()] == ["Ctrl+Shift+Z", "Ctrl+Y"]


def test_guidance_for_a_driver_and_f1(make_window, plan_path):
    """Focusing a driver explains it, citing the article; F1 moves to the guidance."""
    window = make_window(show=True)
    open_plan(window, plan_path)
    step = window.go_to_step("context")
    check = next(iter(step.driver_checks.values()))
    check.setFocus()
    assert window.guidance.current == ("driver", "governance")
    assert "Bovaird (2007)" in window.guidance.browser.toPlainText()
    window.actions.guidance.trigger()
    assert window.guidance.browser.hasFocus()


def test_guidance_panel_can_be_hidden_and_stays_hidden(make_window, settings, plan_path):
    """Hiding the guidance panel is remembered; F1 brings it back."""
    window = make_window(show=True)
    open_plan(window, plan_path)
    window.actions.show_guidance.trigger()
    assert not window.guidance.isVisible()
    assert settings.show_guidance is False
    again = make_window(show=True)
    assert not again.actions.show_guidance.isChecked()
    window.actions.guidance.trigger()
    assert window.guidance.isVisible() and settings.show_guidance is True
