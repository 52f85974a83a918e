"""The Coproduction matrix step: choose the target and today's cell by mouse and keyboard."""

import pytest
from PySide6.QtCore import Qt

from planner.core.matrix import NA_CELL, Cell
from planner.core.model import Category, DeliveryRole, PlanningRole, Stakeholder
from planner.storage import PlanStore
from planner.ui.files import open_plan
from planner.ui.steps import MatrixStep

FULL = Cell.from_code("co/co")
TRADITIONAL = Cell.from_code("professionals/professionals")


def _matrix(window) -> MatrixStep:
    step = window.go_to_step("matrix")
    assert isinstance(step, MatrixStep)
    return step


def _tags(step, cell):
    return step.grid.tiles[cell].tags_label.text()


def test_click_chooses_target_and_reopen_finds_it(make_window, plan_path, qtbot):
    """Clicking a cell makes it the target, marked in words, and it is there after reopening."""
    window = make_window(show=True)
    open_plan(window, plan_path)
    step = _matrix(window)
    with qtbot.waitSignal(window.document.plan_changed):
        qtbot.mouseClick(step.grid.tiles[FULL], Qt.MouseButton.LeftButton)
    assert window.document.plan.target_cell == FULL
    assert "Target" in _tags(step, FULL)
    assert step.target_label.text() == FULL.name
    assert window.actions.undo.text() == "Undo choose target cell"
    assert window.guidance.current == ("cell", "co/co")
    window.close_document()
    open_plan(window, plan_path)
    step = _matrix(window)
    assert "Target" in _tags(step, FULL)


def test_keyboard_moves_and_chooses(make_window, plan_path, qtbot):
    """Arrow keys move between cells (over the N/A one) and Space or Enter choose the target."""
    window = make_window(show=True)
    open_plan(window, plan_path)
    step = _matrix(window)
    start = step.grid.tiles[TRADITIONAL]
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    qtbot.keyClick(start, Qt.Key.Key_Right)
    coplanning = step.grid.tiles[Cell.from_code("co/professionals")]
    assert coplanning.hasFocus()
    qtbot.keyClick(coplanning, Qt.Key.Key_Right)  # the N/A cell is skipped: stays put
    assert coplanning.hasFocus()
    qtbot.keyClick(coplanning, Qt.Key.Key_Down)
    assert step.grid.tiles[FULL].hasFocus()
    qtbot.keyClick(step.grid.tiles[FULL], Qt.Key.Key_Space)
    assert window.document.plan.target_cell == FULL
    qtbot.keyClick(step.grid.tiles[FULL], Qt.Key.Key_Down)
    community = Cell.from_code("co/community")
    qtbot.keyClick(step.grid.tiles[community], Qt.Key.Key_Return)
    assert window.document.plan.target_cell == community


def test_today_cell_by_mouse_and_keyboard(make_window, plan_path, qtbot):
    """Where the service is today is set with its own control, by mouse and by keyboard."""
    window = make_window(show=True)
    open_plan(window, plan_path)
    step = _matrix(window)
    combo = step.today_combo
    combo.showPopup()
    view = combo.view()
    row = combo.findData(TRADITIONAL.code)
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.document.plan.current_cell == TRADITIONAL)
    assert "Today" in _tags(step, TRADITIONAL)
    assert window.actions.undo.text() == "Undo set where the service is today"
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert window.document.plan.current_cell == Cell.from_code("co/professionals")
    window.close_document()
    with PlanStore.open(plan_path, read_only=True) as store:
        assert store.load().current_cell == Cell.from_code("co/professionals")


def test_undo_redo_target_and_today(window, plan_path):
    """Undo and redo take the target and today's cell back and forth, marks included."""
    open_plan(window, plan_path)
    step = _matrix(window)
    step.grid.tiles[FULL].chosen.emit(FULL)
    step.today_combo.setCurrentIndex(step.today_combo.findData(TRADITIONAL.code))
    step.today_combo.activated.emit(step.today_combo.currentIndex())
    window.actions.undo.trigger()
    assert window.document.plan.current_cell is None
    assert step.today_combo.currentIndex() == 0
    window.actions.undo.trigger()
    assert window.document.plan.target_cell is None
    assert "Target" not in _tags(step, FULL)
    window.actions.redo.trigger()
    window.actions.redo.trigger()
    assert window.document.plan.target_cell == FULL
    assert window.document.plan.current_cell == TRADITIONAL


def test_na_cell_is_disabled_and_says_why(window, plan_path):
    """The N/A cell cannot be chosen, and its tooltip says why."""
    open_plan(window, plan_path)
    step = _matrix(window)
    tile = step.grid.tiles[NA_CELL]
    assert not tile.isEnabled()
    assert "N/A" in tile.toolTip()
    assert step.today_combo.findData(NA_CELL.code) == -1


@pytest.fixture
def staffed_plan(tmp_path):
    """A plan whose roles describe traditional provision: one professional plans and delivers; the carer has no part yet."""
    path = tmp_path / "staffed.coplan"
    with PlanStore.create(path, "Day centre") as store:
        store.add_stakeholder(Stakeholder("s1", "Dr <b>Ada</b>", category=Category.PROFESSIONAL,
                                          planning_role=PlanningRole.SOLE, delivery_role=DeliveryRole.SOLE))
        store.add_stakeholder(Stakeholder("s2", "Bea Carer", category=Category.CARER))
    return path


def test_described_cell_and_differences_name_stakeholders(window, staffed_plan):
    """The cell the roles describe is marked in words, and the gap to the target names people."""
    open_plan(window, staffed_plan)
    step = _matrix(window)
    assert "roles put it" in _tags(step, TRADITIONAL)
    assert TRADITIONAL.name in step.described_label.text()
    step.grid.tiles[FULL].chosen.emit(FULL)
    text = step.differences_label.text()
    assert "no user or community member plans yet" in text
    assert step.differences_label.textFormat() == Qt.TextFormat.PlainText
    step.grid.tiles[TRADITIONAL].chosen.emit(TRADITIONAL)
    assert step.differences_label.text() == "The roles match the target."


def test_tab_from_step_list_reaches_the_grid_before_guidance(make_window, plan_path, qtbot):
    """Keyboard users go step list -> the step's findings -> its first input (the first cell), not to the guidance."""
    window = make_window(show=True)
    open_plan(window, plan_path)
    window.go_to_step("matrix")
    window.step_list.setFocus()
    qtbot.waitUntil(window.step_list.hasFocus)
    qtbot.keyClick(window.step_list, Qt.Key.Key_Tab)
    findings = _matrix(window).findings_panel.list
    assert findings.isVisible() and findings.hasFocus()
    qtbot.keyClick(findings, Qt.Key.Key_Tab)
    first = _matrix(window).grid.tiles[TRADITIONAL]
    assert first.hasFocus()
    assert window.guidance.current == ("cell", TRADITIONAL.code)
