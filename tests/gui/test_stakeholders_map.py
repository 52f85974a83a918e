"""The power/interest map: markers, dragging, arrow keys and selection shared with the table."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtTest import QTest

from plan_factory import make_step, open_plan  # noqa: F401  (open_plan is a fixture)
from planner.ui.steps.stakeholders import StakeholdersStep
from planner.ui.widgets.map_marker import STEP, grid_centre, grid_point


def _view_point(step, scene_point) -> QPoint:
    return step.map.view.mapFromScene(scene_point)


def test_drag_a_marker_to_change_influence_and_interest(qtbot, open_plan):
    """Dragging a marker and letting go stores the grid point it was dropped on, as one undo step."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    before = document.store.stakeholder("s1")
    target = (5, 5) if (before.interest, before.influence) != (5, 5) else (1, 1)
    viewport = step.map.view.viewport()
    start = _view_point(step, step.map.scene.spot("s1").centre)
    end = _view_point(step, grid_centre(*target))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * i / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    after = document.store.stakeholder("s1")
    assert (after.interest, after.influence) == target
    assert document.undo_stack.undoText() == "move stakeholder on the map"
    assert grid_point(step.map.scene.spot("s1").centre) == target
    document.undo_stack.undo()
    again = document.store.stakeholder("s1")
    assert (again.interest, again.influence) == (before.interest, before.influence)
    assert grid_point(step.map.scene.spot("s1").centre) == (before.interest, before.influence)


def test_arrow_keys_move_the_selected_marker(qtbot, open_plan):
    """With one marker selected, Up raises influence and Right raises interest by one step."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    key = next(s.key for s in step.model.items() if s.influence < 5 and s.interest < 5)
    before = document.store.stakeholder(key)
    step.select("stakeholder", key)
    QTest.keyClick(step.map.view, Qt.Key.Key_Up)
    QTest.keyClick(step.map.view, Qt.Key.Key_Right)
    after = document.store.stakeholder(key)
    assert (after.influence, after.interest) == (before.influence + 1, before.interest + 1)
    assert step.form.influence.value() == before.influence + 1


def test_selection_is_shared_between_table_and_map(qtbot, open_plan):
    """Selecting rows selects their markers, and clicking a marker selects its row."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    step.pane.select_keys(["s2", "s4"])
    assert sorted(step.map.scene.selected_keys()) == ["s2", "s4"]
    QTest.mouseClick(step.map.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     _view_point(step, step.map.scene.spot("s7").centre))
    assert step.map.scene.selected_keys() == ["s7"]
    assert step.pane.selected_keys() == ["s7"]
    assert step.form.stakeholder.key == "s7"


def test_markers_at_one_point_do_not_overlap(qtbot, open_plan):
    """Many stakeholders on the same grid point are spread so no two markers overlap."""
    document = open_plan(count=40)
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    scene = step.map.scene
    for keys in scene.groups.values():
        boxes = [scene.spot(k).rect for k in keys]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not a.intersects(b)
            assert grid_point(a.center()) == grid_point(boxes[0].center())


def test_a_marker_follows_an_edit_in_the_form(qtbot, open_plan):
    """Changing interest in the form moves the marker to the new grid point."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    step.select("stakeholder", "s5")
    s = document.store.stakeholder("s5")
    new = 1 if s.interest != 1 else 2
    step.form.interest.setValue(new)
    assert grid_point(step.map.scene.spot("s5").centre) == (new, s.influence)


def test_dragging_one_of_several_selected_moves_only_that_one(qtbot, open_plan):
    """With two markers selected, a drag moves the one held; the other returns to its place."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    step.pane.select_keys(["s1", "s2"])
    scene = step.map.scene
    s2_before = document.store.stakeholder("s2")
    s1 = document.store.stakeholder("s1")
    target = (5, 5) if (s1.interest, s1.influence) != (5, 5) else (1, 1)
    viewport = step.map.view.viewport()
    start = _view_point(step, scene.spot("s1").centre)
    end = _view_point(step, grid_centre(*target))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, start)
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, end)
    moved = document.store.stakeholder("s1")
    assert (moved.interest, moved.influence) == target
    assert document.store.stakeholder("s2") == s2_before
    # Back in its own square (which it may share with s1 no more, so the names there re-centre).
    assert grid_point(scene.spot("s2").centre) == (s2_before.interest, s2_before.influence)


def test_the_map_is_one_tab_stop_on_its_own_tab(qtbot, open_plan):
    """The map has a tab of its own beside the list; there it is one Tab stop, its viewport none."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    assert not step.map.isVisible()
    step.show_map()
    view = step.map.view
    assert view.isVisible() and not step.pane.view.isVisible()
    assert view.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert not view.viewport().focusPolicy() & Qt.FocusPolicy.TabFocus
    chain, widget = [], step.tabs.tabBar()
    while len(chain) < 3:
        widget = widget.nextInFocusChain()
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible() and widget.isEnabled():
            chain.append(widget)
    assert chain.count(view) == 1


def test_an_arrow_with_nothing_selected_picks_a_stakeholder(qtbot, open_plan):
    """With nothing selected, the first arrow key selects a stakeholder (in map and list) without moving it."""
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    step.pane.view.clearSelection()
    QTest.keyClick(step.map.view, Qt.Key.Key_Up)
    assert step.pane.selected_keys() == ["s1"] and step.map.scene.selected_keys() == ["s1"]
    assert document.undo_stack.count() == 0


def test_a_map_of_thousands_draws_every_marker(qtbot):
    """3,000 stakeholders, shown twice, are one item per grid point, each point drawing all its markers."""
    from plan_factory import stakeholders
    from planner.ui.widgets.power_map import PowerMapScene
    scene = PowerMapScene()
    people = stakeholders(3000)
    scene.set_stakeholders(people)
    scene.set_stakeholders(people)
    assert len(scene.stakeholders) == 3000 and len(scene.items()) == len(scene.groups) <= 25
    assert all(scene.spot(s.key) is not None for s in people)


def _named_or_listed(qtbot, step) -> None:
    """Every marker is named inside its own square clear of every other marker, or listed beside the map."""
    scene = step.map.scene
    listed = scene.crowded_text()
    qtbot.waitUntil(lambda: step.map.crowded.toPlainText() == listed)  # listed just after the map is drawn
    spots = {key: scene.spot(key) for key in scene.stakeholders}
    for key, spot in spots.items():
        s = scene.stakeholders[key]
        if spot.name is not None:
            box = spot.name_box.adjusted(1, 0, -1, 0)  # every line of the name
            square = (grid_point(box.topLeft()), grid_point(box.bottomRight() - QPointF(0.01, 0.01)))
            assert square[0] == square[1] == (s.interest, s.influence), key
            shown = " ".join(spot.name.split("\n")).rstrip("\u2026")
            assert shown and " ".join(s.name.split()).startswith(shown)
            for other in spots.values():
                if other is not spot:
                    assert not box.intersects(other.rect), (key, other.key)
        else:
            assert s.name in listed, key
    assert step.map.crowded.isVisibleTo(step.map) == bool(listed)
    assert step.map.crowded.toPlainText() == listed


def test_every_marker_is_named_at_laptop_size(qtbot, open_plan):
    """At 1280x720 each example-sized plan names every marker in its square, or lists it beside a crowded square."""
    document = open_plan(count=12)
    step = make_step(qtbot, StakeholdersStep, document)
    step.resize(830, 600)  # the page's share of a 1280x720 window
    step.show_map()
    qtbot.waitUntil(lambda: step.map.view.width() > 300)
    _named_or_listed(qtbot, step)
    named = [k for k in step.map.scene.stakeholders if step.map.scene.spot(k).name is not None]
    assert len(named) >= 10


def test_a_crowded_square_lists_its_names_beside_the_map(qtbot, open_plan):
    """Forty stakeholders crowd their squares: the count shows in the square, and their names beside the map."""
    document = open_plan(count=40)
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    scene = step.map.scene
    assert scene.crowds
    point, crowd = next(iter(scene.crowds.items()))
    assert scene.points[point].caption == f"{crowd.count} here"
    _named_or_listed(qtbot, step)


def test_the_app_places_markers_as_the_shared_layout_does(qtbot, open_plan):
    """Each marker's centre is the core layout's point for it, so the app and the PDF agree."""
    from planner.core import power_layout
    from planner.ui.widgets.map_marker import to_scene
    document = open_plan()
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    scene = step.map.scene
    metrics = QFontMetricsF(scene.label_font)
    layout = power_layout.layout(
        [(s.key, s.interest, s.influence, s.name) for s in document.plan.stakeholders],
        marker=power_layout.MARKER, line=metrics.height() / STEP,
        measure=lambda text: metrics.horizontalAdvance(text) / STEP)
    for key, placed in layout.markers.items():
        spot = scene.spot(key)
        assert (spot.centre.x(), spot.centre.y()) == pytest.approx((to_scene(placed.x, placed.y).x(), to_scene(placed.x, placed.y).y()))
        assert spot.size == pytest.approx(placed.size * STEP)
        assert spot.name == placed.name


def test_axis_titles_ticks_and_quadrant_names_fit_and_stay_clear(qtbot, open_plan):
    """Round the grid every text fits its box inside the map; the axis titles clear the ticks; quadrant names clear every marker and name."""
    document = open_plan(count=12)
    step = make_step(qtbot, StakeholdersStep, document)
    step.resize(830, 600)
    step.show_map()
    qtbot.waitUntil(lambda: step.map.view.width() > 300)
    scene = step.map.scene
    texts = scene.texts()
    assert {kind for kind, *_ in texts} == {"quadrant", "x-tick", "y-tick", "x-title", "y-title"}
    assert [words for kind, _, _, words in texts if kind == "quadrant"][0] == "Keep satisfied"
    plain, italic = QFontMetricsF(scene.label_font), QFontMetricsF(scene._italic())
    for kind, box, _, words in texts:
        metrics = italic if kind == "quadrant" else plain
        room = box.height() if kind == "y-title" else box.width()
        assert metrics.horizontalAdvance(words) <= room + 0.5, (kind, words)
        assert scene.sceneRect().contains(box), (kind, words)
    for title in ("x-title", "y-title"):
        (title_box,) = [box for kind, box, *_ in texts if kind == title]
        for kind, box, *_ in texts:
            if kind.endswith("tick"):
                assert not title_box.intersects(box), (title, kind)
    spots = [scene.spot(key) for key in scene.stakeholders]
    taken = [spot.rect for spot in spots] + [spot.name_box for spot in spots if spot.name_box is not None]
    for kind, box, *_ in texts:
        if kind == "quadrant":
            assert not any(box.intersects(other) for other in taken)


def test_one_item_per_point_in_a_crowded_square_still_picks_single_markers(qtbot, open_plan):
    """In a crowded square a click chooses the one marker under it, Ctrl+click adds and removes one, and the list follows."""
    document = open_plan(count=40)
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    scene, viewport = step.map.scene, step.map.view.viewport()
    point, crowd = next(iter(scene.crowds.items()))
    first, second = crowd.keys[0], crowd.keys[-1]
    ctrl, none, left = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton
    QTest.mouseClick(viewport, left, none, _view_point(step, scene.spot(first).centre))
    assert scene.selected_keys() == [first] and step.pane.selected_keys() == [first]
    QTest.mouseClick(viewport, left, ctrl, _view_point(step, scene.spot(second).centre))
    assert sorted(step.pane.selected_keys()) == sorted([first, second])
    QTest.mouseClick(viewport, left, ctrl, _view_point(step, scene.spot(first).centre))
    assert scene.selected_keys() == [second] and step.pane.selected_keys() == [second]
    assert scene.key_at(scene.spot(second).centre) == second  # what its tooltip names


def test_a_marker_dragged_out_of_a_crowd_moves_only_it(qtbot, open_plan):
    """Dragging one small marker out of a crowded square stores its new scores as one undo step and re-counts both squares."""
    document = open_plan(count=40)
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    scene, viewport = step.map.scene, step.map.view.viewport()
    point, crowd = next(iter(scene.crowds.items()))
    key = crowd.keys[len(crowd.keys) // 2]
    target = (1, 1) if point != (1, 1) else (5, 5)
    start, end = _view_point(step, scene.spot(key).centre), _view_point(step, grid_centre(*target))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * i / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    moved = document.store.stakeholder(key)
    assert (moved.interest, moved.influence) == target
    assert document.undo_stack.count() == 1
    assert key not in scene.groups[point] and key in scene.groups[target]
    assert grid_point(scene.spot(key).centre) == target
    if point in scene.crowds:
        assert scene.points[point].caption == f"{crowd.count - 1} here"


def test_a_read_only_map_chooses_but_does_not_drag(qtbot, open_plan, tmp_path):
    """On a plan opened read-only a marker can be clicked (selecting its row) but a drag asks for no move."""
    from plan_factory import make_plan
    document = open_plan(path=make_plan(tmp_path, 5, name="ro.coplan"), read_only=True)
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    scene, viewport = step.map.scene, step.map.view.viewport()
    before = document.store.stakeholder("s1")
    target = (5, 5) if (before.interest, before.influence) != (5, 5) else (1, 1)
    start, end = _view_point(step, scene.spot("s1").centre), _view_point(step, grid_centre(*target))
    with qtbot.assertNotEmitted(scene.move_requested):
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        QTest.mouseMove(viewport, end)
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    assert step.pane.selected_keys() == ["s1"]
    assert grid_point(scene.spot("s1").centre) == (before.interest, before.influence)


def test_a_rubber_band_selects_the_markers_it_touches(qtbot, open_plan):
    """Dragging from an empty part of the map draws a band; the markers it touches are selected, in the list too."""
    document = open_plan(count=40)
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    scene, viewport = step.map.scene, step.map.view.viewport()
    point = next(iter(scene.crowds))
    square = grid_centre(*point)
    start = _view_point(step, square - QPointF(STEP * 0.49, STEP * 0.49))  # the square's empty corner
    end = _view_point(step, square + QPointF(STEP * 0.49, STEP * 0.2))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * i / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    chosen = scene.selected_keys()
    assert chosen and set(chosen) <= set(scene.groups[point])
    assert sorted(step.pane.selected_keys()) == sorted(chosen)


def test_an_edit_lays_out_only_the_points_it_left_and_joined(qtbot, open_plan, monkeypatch):
    """One stakeholder's move lays out two grid points, not all of them, and rewrites only their lines beside the map."""
    document = open_plan(count=40)
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    scene = step.map.scene
    laid_out = []
    original = scene._layout
    monkeypatch.setattr(scene, "_layout", lambda point, **kw: laid_out.append(point) or original(point, **kw))
    point = next(iter(scene.crowds))
    key = scene.crowds[point].keys[0]
    s = document.store.stakeholder(key)
    new = 1 if s.interest != 1 else 2
    step.select("stakeholder", key)
    step.form.interest.setValue(new)
    assert sorted(laid_out) == sorted({point, (new, s.influence)})
    step.show_map()
    qtbot.waitUntil(lambda: step.map.crowded.toPlainText() == scene.crowded_text())
    from planner.ui.widgets.power_map import PowerMapScene
    fresh = PowerMapScene()  # the same plan laid out from scratch
    fresh.set_text_size(scene.label_font.pixelSize())
    fresh.set_stakeholders(document.plan.stakeholders)
    assert step.map.crowded.toPlainText() == scene.crowded_text() == fresh.crowded_text()
    assert {k: scene.spot(k) for k in scene.stakeholders} == {k: fresh.spot(k) for k in fresh.stakeholders}


def _help_at(scene, scene_point) -> str:
    """The tooltip the map shows when the mouse rests at a scene point."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QGraphicsSceneHelpEvent, QToolTip
    event = QGraphicsSceneHelpEvent(QEvent.Type.GraphicsSceneHelp)
    event.setScenePos(scene_point)
    event.setScreenPos(QPoint(100, 100))
    scene.helpEvent(event)
    return QToolTip.text()


def test_a_marker_in_a_crowd_or_named_square_says_who_it_is(qtbot, open_plan):
    """Resting the mouse on a marker, named or crowded, tells its name, side (and shape) and scores; a count says where the names are."""
    document = open_plan(count=40)
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    scene = step.map.scene
    point, crowd = next(iter(scene.crowds.items()))
    key = crowd.keys[-1]
    s = scene.stakeholders[key]
    text = _help_at(scene, scene.spot(key).centre)
    assert text.startswith(s.name) and f"influence {s.influence}, interest {s.interest}" in text
    assert any(shape in text for shape in ("circle", "square", "triangle", "diamond"))
    assert "beside the map" in _help_at(scene, scene.points[point].caption_box.center())
    assert scene.tooltip_at(grid_centre(*point) + QPointF(STEP * 0.49, -STEP * 0.49)) == ""  # an empty corner


def test_a_click_on_an_empty_part_of_the_map_chooses_nobody(qtbot, open_plan):
    """Clicking where no marker is clears the selection on the map and in the list; Ctrl+click there keeps it."""
    document = open_plan(count=40)
    step = make_step(qtbot, StakeholdersStep, document)
    step.show_map()
    scene, viewport = step.map.scene, step.map.view.viewport()
    step.pane.select_keys(["s2"])
    corner = grid_centre(*next(iter(scene.crowds))) + QPointF(STEP * 0.49, -STEP * 0.49)
    assert scene.key_at(corner) is None
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, _view_point(step, corner))
    assert scene.selected_keys() == ["s2"]
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _view_point(step, corner))
    assert scene.selected_keys() == [] and step.pane.selected_keys() == []
