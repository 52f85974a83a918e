"""The power/interest map: markers, dragging, arrow keys and selection shared with the table."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from plan_factory import make_step, open_plan  # noqa: F401  (open_plan is a fixture)
from planner.ui.steps.stakeholders import StakeholdersStep
from planner.ui.widgets.map_marker import grid_centre, grid_point


def _view_point(step, scene_point) -> QPoint:
    return step.map.view.mapFromScene(scene_point)


def test_drag_a_marker_to_change_influence_and_interest(qtbot, open_plan):
    """Dragging a marker and letting go stores the grid point it was dropped on, as one undo step."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    before = document.store.stakeholder("s1")
    target = (5, 5) if (before.interest, before.influence) != (5, 5) else (1, 1)
    marker = step.map.scene.markers["s1"]
    viewport = step.map.view.viewport()
    start = _view_point(step, marker.scenePos())
    end = _view_point(step, grid_centre(*target))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * i / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    after = document.store.stakeholder("s1")
    assert (after.interest, after.influence) == target
    assert document.undo_stack.undoText() == "move stakeholder on the map"
    assert grid_point(step.map.scene.markers["s1"].scenePos()) == target
    document.undo_stack.undo()
    again = document.store.stakeholder("s1")
    assert (again.interest, again.influence) == (before.interest, before.influence)
    assert grid_point(step.map.scene.markers["s1"].scenePos()) == (before.interest, before.influence)


def test_arrow_keys_move_the_selected_marker(qtbot, open_plan):
    """With one marker selected, Up raises influence and Right raises interest by one step."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    key = next(s.key for s in step.model.items() if s.influence < 5 and s.interest < 5)
    before = document.store.stakeholder(key)
    step.select("stakeholder", key)
    QTest.keyClick(step.map.view, Qt.Key.Key_Up)
    QTest.keyClick(step.map.view, Qt.Key.Key_Right)
    after = document.store.stakeholder(key)
    assert (after.influence, after.interest) == (before.influence + 1, before.interest + 1)
    assert step.form.influence.value() == before.influence + 1


def test_selection_is_shared_between_table_and_map(qtbot, open_plan):
    """Selecting rows selects their markers, and selecting a marker selects its row."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.pane.select_keys(["s2", "s4"])
    assert sorted(step.map.scene.selected_keys()) == ["s2", "s4"]
    step.map.scene.clearSelection()
    step.map.scene.markers["s7"].setSelected(True)
    assert step.pane.selected_keys() == ["s7"]
    assert step.form.stakeholder.key == "s7"


def test_markers_at_one_point_do_not_overlap(qtbot, open_plan):
    """Many stakeholders on the same grid point are spread so no two markers overlap."""
    document = open_plan(count=40)
    step = make_step(qtbot, StakeholdersStep, document)
    scene = step.map.scene
    for keys in scene.groups.values():
        boxes = [scene.markers[k].sceneBoundingRect() for k in keys]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not a.intersects(b)
            assert grid_point(a.center()) == grid_point(boxes[0].center())


def test_a_marker_follows_an_edit_in_the_form(qtbot, open_plan):
    """Changing interest in the form moves the marker to the new grid point."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.select("stakeholder", "s5")
    s = document.store.stakeholder("s5")
    new = 1 if s.interest != 1 else 2
    step.form.interest.setValue(new)
    assert grid_point(step.map.scene.markers["s5"].scenePos()) == (new, s.influence)


def test_dragging_one_of_several_selected_moves_only_that_one(qtbot, open_plan):
    """With two markers selected, a drag moves the one held; the other returns to its place."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.pane.select_keys(["s1", "s2"])
    scene = step.map.scene
    s2_before = scene.markers["s2"].scenePos()
    s1 = document.store.stakeholder("s1")
    target = (5, 5) if (s1.interest, s1.influence) != (5, 5) else (1, 1)
    viewport = step.map.view.viewport()
    start = _view_point(step, scene.markers["s1"].scenePos())
    end = _view_point(step, grid_centre(*target))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, start)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, end)
    moved = document.store.stakeholder("s1")
    assert (moved.interest, moved.influence) == target
    assert scene.markers["s2"].scenePos() == s2_before


def test_the_map_is_one_tab_stop_after_the_list_buttons(qtbot, open_plan):
    """Tab reaches the map once, straight after the list's buttons and before the form."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    view = step.map.view
    assert view.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert not view.viewport().focusPolicy() & Qt.FocusPolicy.TabFocus
    chain, widget = [], step.export_button
    while len(chain) < 5:
        widget = widget.nextInFocusChain()
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible() and widget.isEnabled():
            chain.append(widget)
    assert chain[0] is view and chain[1] is step.form.name


def test_an_arrow_with_nothing_selected_picks_a_stakeholder(qtbot, open_plan):
    """With nothing selected, the first arrow key selects a stakeholder (in map and list) without moving it."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.pane.view.clearSelection()
    QTest.keyClick(step.map.view, Qt.Key.Key_Up)
    assert step.pane.selected_keys() == ["s1"] and step.map.scene.selected_keys() == ["s1"]
    assert document.undo_stack.count() == 0


def test_a_map_of_thousands_draws_every_marker(qtbot):
    """Drawing 3,000 markers twice (tens of thousands of Qt calls) keeps one marker each."""
    from plan_factory import stakeholders
    from planner.ui.widgets.power_map import PowerMapScene
    scene = PowerMapScene()
    scene.set_stakeholders(stakeholders(3000))
    scene.set_stakeholders(stakeholders(3000))
    assert len(scene.markers) == 3000
