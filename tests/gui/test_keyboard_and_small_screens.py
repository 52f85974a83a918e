"""Keyboard use (Tab, drop-downs, step shortcuts, Add) and every step on small and scaled screens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from planner import guidance
from planner.storage import PlanStore
from planner.ui.files import open_plan

PROBE = Path(__file__).with_name("layout_probe.py")


def _example(window, tmp_path, name="villa-family"):
    path = tmp_path / f"{name}.coplan"
    PlanStore.create_from(path, guidance.example_plan(name)).close()
    open_plan(window, path)


@pytest.mark.parametrize("step_name", ["stakeholders", "risks", "safeguards"])
def test_tab_leaves_a_register_table_for_the_next_control(make_window, tmp_path, qtbot, step_name):
    """Tab in a register's table moves focus on to the buttons under it; the arrow keys move between rows."""
    window = make_window(show=True)
    _example(window, tmp_path)
    step = window.go_to_step(step_name)
    view = step.pane.view
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    first = step.pane.current_key()
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert step.pane.current_key() != first
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert step.pane.add_button.hasFocus()


def test_typing_in_a_closed_drop_down_chooses_by_first_letters_and_space_opens_it(make_window, tmp_path, qtbot):
    """Typing "Pri" in the closed Category box chooses Private partner (and saves it); Space opens the list."""
    window = make_window(show=True)
    _example(window, tmp_path)
    step = window.go_to_step("stakeholders")
    combo = step.form.category
    key = step.form.stakeholder.key
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    QTest.keyClicks(combo, "Pri")
    assert combo.currentText() == "Private partner"
    assert not combo.view().isVisible()
    assert window.document.store.stakeholder(key).category.value == "private_partner"
    QTest.keyClick(combo, Qt.Key.Key_Space)
    qtbot.waitUntil(combo.view().isVisible)
    combo.hidePopup()


def test_ctrl_page_down_and_up_go_to_the_next_and_previous_step(make_window, tmp_path, qtbot):
    """Ctrl+PgDown and Ctrl+PgUp move through the steps, from any field, and the View menu shows them."""
    window = make_window(show=True)
    _example(window, tmp_path)
    step = window.go_to_step("stakeholders")
    step.form.name.setFocus()
    qtbot.waitUntil(step.form.name.hasFocus)
    QTest.keyClick(step.form.name, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_step().NAME == "matrix"
    QTest.keyClick(window.current_step(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(window.current_step(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_step().NAME == "context"
    QTest.keyClick(window.current_step(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_step().NAME == "context"  # the first step stays put
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    shown = {a.text(): a.shortcut() for a in view_menu.actions()}
    assert shown["&Next step"] == QKeySequence("Ctrl+PgDown")
    assert shown["P&revious step"] == QKeySequence("Ctrl+PgUp")


def test_the_safeguard_form_tabs_in_reading_order(make_window, tmp_path, qtbot):
    """Tab goes down the safeguard form's left column (title, kind, owner, review date, description), then its risks."""
    window = make_window(show=True)
    _example(window, tmp_path)
    form = window.go_to_step("safeguards").form
    form.no_review.setChecked(False)
    form.title.setFocus()
    qtbot.waitUntil(form.title.hasFocus)
    order = [form.title]
    for _ in range(12):  # Tab also steps through the date's day, month and year
        QTest.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        if window.focusWidget() is not order[-1]:
            order.append(window.focusWidget())
    expected = [form.title, form.kind, form.owner, form.review, form.no_review, form.description, form.mitigates]
    order = order[:len(expected)]
    assert [w is e or e.isAncestorOf(w) for w, e in zip(order, expected)] == [True] * 7, [type(w).__name__ + ":" + w.objectName() for w in order]


def test_a_page_tabs_from_its_findings_to_its_fields(make_window, tmp_path, qtbot):
    """On a page with findings, Tab from the step list reaches the findings first, then the page's controls."""
    window = make_window(show=True)
    _example(window, tmp_path)
    step = window.go_to_step("stakeholders")
    window.step_list.setFocus()
    qtbot.waitUntil(window.step_list.hasFocus)
    QTest.keyClick(window.step_list, Qt.Key.Key_Tab)
    assert step.findings_panel.list.hasFocus()
    QTest.keyClick(step.findings_panel.list, Qt.Key.Key_Tab)
    assert step.tabs.tabBar().hasFocus()
    QTest.keyClick(step.tabs.tabBar(), Qt.Key.Key_Tab)
    assert step.pane.filter_box.hasFocus()


@pytest.mark.parametrize("step_name", ["stakeholders", "risks", "safeguards"])
def test_after_add_the_new_row_and_its_first_field_are_in_sight_and_focused(make_window, tmp_path, qtbot, step_name):
    """On a small window, Add selects the new row in sight and puts the cursor in its first field, scrolled into view."""
    window = make_window(show=True)
    window.resize(1092, 580)
    _example(window, tmp_path)
    step = window.go_to_step(step_name)
    scroll = step.form.parentWidget().parentWidget()  # the form's scroll area (viewport, then area)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    qtbot.mouseClick(step.pane.add_button, Qt.MouseButton.LeftButton)
    first = step.form.name if step_name == "stakeholders" else step.form.title
    qtbot.waitUntil(first.hasFocus)
    assert first.text() and first.selectedText() == first.text()
    assert not first.visibleRegion().isEmpty()
    view = step.pane.view
    row = view.visualRect(view.currentIndex())
    assert view.viewport().rect().contains(row.center())
    assert step.pane.current_key() == step.form.stakeholder.key if step_name == "stakeholders" else True


@pytest.mark.parametrize("scale, size", [("1", "1280x680"), ("1.25", "1092x580")], ids=["1280x720", "1366x768-125%"])
def test_every_step_fits_without_sideways_scrolling(tmp_path, scale, size):
    """Rendered offscreen at 1280x720 and at 1366x768 with 125 % scaling, no step cuts a control off on the right."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale,
               PYTHONPATH=str(Path(__file__).parents[2]))
    done = subprocess.run([sys.executable, str(PROBE), size, str(tmp_path)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report.pop("_size")[2] == float(scale)
    assert set(report) >= {"welcome", "context", "stakeholders", "stakeholders-map", "matrix", "risks",
                           "safeguards", "review"}
    assert {name: found for name, found in report.items() if found} == {}
    assert len(list(tmp_path.glob("*.png"))) == len(report)


def test_the_window_fits_a_laptop_screen_at_125_percent_on_every_step(window, tmp_path):
    """1366x768 at 125 % leaves 1092x614 logical pixels: the window's smallest size fits it on every step."""
    from planner import guidance
    from planner.storage import PlanStore
    from planner.ui.files import open_plan as open_in_window

    path = tmp_path / "caterham.coplan"
    PlanStore.create_from(path, guidance.example_plan("caterham")).close()
    assert open_in_window(window, path)
    window.show()
    for step in list(window.steps):
        window.go_to_step(step.NAME)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1092 and hint.height() <= 614 - 40, (step.NAME, hint)
