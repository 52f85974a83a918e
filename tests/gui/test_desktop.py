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
    for heading in ("The seven steps", "Saving and undoing", "Sharing the plan", "Stakeholders from a spreadsheet"):
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


def test_export_with_must_fix_findings_asks_names_them_and_can_go_there(window, plan_path, monkeypatch, tmp_path):
    """A plan with must-fix findings asks before exporting, naming each; "Go to" opens the step, "Cancel" writes nothing."""
    open_plan(window, plan_path)
    asked = []
    answers = iter(["go", None, "export"])
    monkeypatch.setattr(window, "ask_must_fix", lambda text: asked.append(text) or next(answers))
    written = []
    monkeypatch.setattr(window, "ask_save_path", lambda *a: written.append(a) or str(tmp_path / "plan.pdf"))
    window.go_to_step("review")
    options = {"paper": "a4", "include_personal": False, "status": "", "open_when_done": False}
    assert window.export_with(options) is None
    assert "1 thing that must be fixed" in asked[0] and "No target cell is chosen" in asked[0]
    assert window.current_step().NAME == "matrix" and not written
    assert window.export_with(options) is None and not written  # cancelled
    assert window.export_with(options) == tmp_path / "plan.pdf" and len(written) == 1


def test_export_of_a_plan_with_nothing_to_fix_does_not_ask(window, tmp_path, monkeypatch):
    """With no must-fix finding, export goes straight to the save dialog."""
    from planner.core.matrix import Cell
    from planner.storage import PlanStore

    path = tmp_path / "ready.coplan"
    with PlanStore.create(path, "Ready") as store:
        store.update_plan(target_cell=Cell.of("co", "co"))
    open_plan(window, path)
    monkeypatch.setattr(window, "ask_must_fix", lambda text: (_ for _ in ()).throw(AssertionError(text)))
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(tmp_path / "ready.pdf"))
    options = {"paper": "a4", "include_personal": False, "status": "", "open_when_done": False}
    assert window.export_with(options) == tmp_path / "ready.pdf"


def test_deleting_a_stakeholder_who_owns_risks_and_safeguards_asks_naming_them(window, tmp_path, monkeypatch, qtbot):
    """Delete asks first, naming the risks and safeguards the stakeholder owns; No keeps them, Yes leaves them ownerless."""
    from planner.core.model import Risk, Safeguard, Stakeholder
    from planner.storage import PlanStore

    path = tmp_path / "owners.coplan"
    with PlanStore.create(path, "Owners") as store:
        store.add_stakeholder(Stakeholder("s1", "Riverside Tenants"))
        store.add_stakeholder(Stakeholder("s2", "Nobody's owner"))
        store.add_risk(Risk("r1", "Volunteers burn out", owner="s1"))
        store.add_safeguard(Safeguard("g1", "Support rota", owner="s1"))
    open_plan(window, path)
    step = window.go_to_step("stakeholders")
    asked = []
    answers = iter([False, True])
    monkeypatch.setattr(step, "ask_confirm", lambda title, text, yes: asked.append(text) or next(answers))
    step.pane.select_keys(["s1"])
    qtbot.mouseClick(step.pane.delete_button, Qt.MouseButton.LeftButton)
    assert "“Riverside Tenants” owns the risk “Volunteers burn out” and the safeguard “Support rota”" in asked[0]
    assert [s.key for s in window.document.plan.stakeholders] == ["s1", "s2"]
    qtbot.mouseClick(step.pane.delete_button, Qt.MouseButton.LeftButton)
    plan = window.document.plan
    assert [s.key for s in plan.stakeholders] == ["s2"]
    assert plan.risks[0].owner is None and plan.safeguards[0].owner is None
    step.pane.select_keys(["s2"])
    qtbot.mouseClick(step.pane.delete_button, Qt.MouseButton.LeftButton)  # owns nothing: no question
    assert len(asked) == 2 and window.document.plan.stakeholders == []


def test_dates_read_the_same_in_tables_and_forms(window, tmp_path):
    """A review date reads "28 May 2027" in the safeguard register and in its form, whatever the locale."""
    from planner.core.model import Safeguard
    from planner.storage import PlanStore

    path = tmp_path / "dates.coplan"
    with PlanStore.create(path, "Dates") as store:
        store.add_safeguard(Safeguard("g1", "Support rota", review_date="2027-05-28"))
    open_plan(window, path)
    step = window.go_to_step("safeguards")
    step.select("safeguard", "g1")
    column = next(c for c in range(step.model.columnCount())
                  if step.model.headerData(c, Qt.Orientation.Horizontal) == "Review date")
    assert step.model.index(0, column).data() == "28 May 2027"
    assert step.form.review.text() == "28 May 2027"


def test_undo_goes_to_the_step_and_item_it_changed(window, tmp_path, qtbot):
    """Undoing an edit made on another step shows that step with the changed item selected; redo too."""
    from planner.core.model import Risk, Stakeholder
    from planner.storage import PlanStore

    path = tmp_path / "undo.coplan"
    with PlanStore.create(path, "Undo") as store:
        store.add_stakeholder(Stakeholder("s1", "Riverside Tenants"))
        store.add_risk(Risk("r1", "First risk"))
        store.add_risk(Risk("r2", "Second risk"))
    open_plan(window, path)
    risks = window.go_to_step("risks")
    risks.pane.select_keys(["r2"])
    risks.form.impact.setValue(5)
    risks.pane.select_keys(["r1"])  # the officer moves on, then to another step
    window.go_to_step("context")
    assert window.actions.undo.text() == "Undo change risk impact"
    window.actions.undo.trigger()
    assert window.current_step().NAME == "risks"
    assert risks.pane.selected_keys() == ["r2"] and window.document.plan.risks[1].impact == 3
    window.go_to_step("stakeholders")
    window.actions.redo.trigger()
    assert window.current_step().NAME == "risks" and risks.pane.selected_keys() == ["r2"]


def test_undo_of_a_context_field_focuses_that_field(window, plan_path, qtbot):
    """Undoing a change to the officer's name, from another step, shows the context step with that field focused."""
    window.show()
    qtbot.waitExposed(window)
    open_plan(window, plan_path)
    context = window.go_to_step("context")
    context.fields["officer"].setText("Jo Baker")
    context.fields["officer"].editingFinished.emit()
    window.go_to_step("safeguards")
    window.actions.undo.trigger()
    assert window.current_step() is context
    qtbot.waitUntil(context.fields["officer"].hasFocus)
    assert context.fields["officer"].text() == ""


def test_undo_of_a_deleted_stakeholder_selects_them_again(window, tmp_path):
    """Undoing a delete brings the stakeholder back, on the Stakeholders step, selected."""
    from planner.core.model import Stakeholder
    from planner.storage import PlanStore

    path = tmp_path / "gone.coplan"
    with PlanStore.create(path, "Gone") as store:
        store.add_stakeholders([Stakeholder("s1", "Ann"), Stakeholder("s2", "Bryn")])
    open_plan(window, path)
    people = window.go_to_step("stakeholders")
    people.pane.select_keys(["s2"])
    people.delete()
    window.go_to_step("review")
    window.actions.undo.trigger()
    assert window.current_step() is people and people.pane.selected_keys() == ["s2"]


def test_guidance_panel_follows_the_page_and_the_selection(make_window, tmp_path):
    """Each step shows its own topic (never the last step's), and the selected risk's category as the selection moves."""
    from planner.core.matrix import Cell
    from planner.core.model import Risk, RiskCategory
    from planner.storage import PlanStore

    path = tmp_path / "guided.coplan"
    with PlanStore.create(path, "Guided") as store:
        store.update_plan(target_cell=Cell.of("co", "community"))
        store.add_risk(Risk("r1", "Burnout", category=RiskCategory.BURNOUT))
        store.add_risk(Risk("r2", "Free riders", category=RiskCategory.FREE_RIDERS))
    window = make_window(library=guidance.load_library(), show=True)
    open_plan(window, path)
    panel = window.guidance
    window.go_to_step("matrix")
    assert panel.current == ("cell", "co/community")
    risks = window.go_to_step("risks")
    assert panel.current == ("risk_category", risks.form.risk.category.value)
    risks.pane.select_keys(["r2"])
    assert panel.current == ("risk_category", "free_riders")
    window.go_to_step("context")  # no driver ticked: the introduction, not the risk's topic
    assert panel.current is None and "About coproduction" in panel.browser.toPlainText()
    window.go_to_step("safeguards")  # nothing to select: not the risk either
    assert panel.current is None


def test_review_status_line_is_kept_with_the_plan(make_window, plan_path, monkeypatch, qtbot, tmp_path):
    """The status line typed on Review is saved in the plan: after reopening it is there, and the export dialog starts from it."""
    from planner.storage import PlanStore

    window = make_window(show=True)
    open_plan(window, plan_path)
    review = window.go_to_step("review")
    review.status_line.setFocus()
    qtbot.waitUntil(review.status_line.hasFocus)
    qtbot.keyClicks(review.status_line, "Draft for the partnership board")
    qtbot.keyClick(review.status_line, Qt.Key.Key_Tab)
    assert window.actions.undo.text() == "Undo change the status line"
    window.close_document()
    with PlanStore.open(plan_path, read_only=True) as store:
        assert store.load().status_line == "Draft for the partnership board"

    open_plan(window, plan_path)
    assert window.go_to_step("review").status_line.text() == "Draft for the partnership board"
    seen = []
    monkeypatch.setattr(window, "ask_export_options",
                        lambda options: seen.append(options["status"]) or {**options, "status": "Final for cabinet"})
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(tmp_path / "paper.pdf"))
    window.actions.export.trigger()
    assert seen == ["Draft for the partnership board"]
    assert window.document.plan.status_line == "Final for cabinet"
    window.actions.undo.trigger()
    assert window.go_to_step("review").status_line.text() == "Draft for the partnership board"
