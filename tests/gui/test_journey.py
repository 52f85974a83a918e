"""The whole journey on a new plan, driven through the real window as an officer would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyleOptionViewItem, QWidget

from planner.core.matrix import Cell
from planner.core.model import (
    Category, Contribution, ContributionKind, DeliveryRole, Driver, PlanningRole, RiskCategory, SafeguardKind,
    Shares, Stage,
)
from plan_factory import SuggestionsAnswer
from planner.storage import PlanStore
from planner.ui.csv_import_dialog import CsvImportDialog
from planner.ui.widgets.map_marker import LEFT as GRID_LEFT
from planner.ui.widgets.map_marker import STEP, grid_centre, grid_point

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton
FULL = Cell.from_code("co/co")
TRADITIONAL = Cell.from_code("professionals/professionals")
CSV = ("name,organisation,category,influence,interest,personal\n"
       "Gŵyl Tŷ Ŵyn,Cymdeithas Gŵyl,community_group,3,4,no\n"
       "Siân Ellis,,carer,2,3,yes\n"
       "Bad Row,,volunteer,9,1,no\n")


# ---------------------------------------------------------------- what an officer does


def read(path: Path):
    """The plan as it is in the file now, read through a connection of its own."""
    with PlanStore.open(path, read_only=True) as store:
        return store.load()


def focus(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def keys(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key, Welsh letters too (QTest's own typing knows only ASCII)."""
    for char in text:
        if char == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        elif char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                                         char))


def type_into(qtbot, field: QWidget, text: str) -> None:
    """Select what the field holds, type over it and Tab on, which saves it."""
    focus(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    keys(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not field.hasFocus())


def choose(qtbot, combo: QComboBox, data) -> None:
    """Open the combo's list and click the entry holding ``data``."""
    row = combo.findData(data.value if hasattr(data, "value") else data)
    assert row >= 0, data
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(index).center())
    qtbot.waitUntil(lambda: combo.currentIndex() == row and not view.isVisible())
    # The offscreen platform does not give the window back its activation when a popup closes.
    combo.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is combo.window())


def tick(qtbot, check) -> None:
    """Click a check box on its box."""
    qtbot.mouseClick(check, LEFT, pos=QPoint(check.height() // 2, check.height() // 2))


def tick_item(qtbot, view, row: int) -> None:
    """Click the check box of one row of a list."""
    index = view.model().index(row, 0)
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(index)
    option.features = QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    qtbot.mouseClick(view.viewport(), LEFT, pos=box.center())


def action(window, name: str) -> QAction:
    """One of the window's actions, looked up afresh.

    PySide 6.11 drops its Python handle on the undo group's actions after some edits (seen after
    a change to a stakeholder's contributions), though the actions live on in the menu, the
    toolbar and on their keys; so the handle kept in ``window.actions`` is not used here.
    """
    return window.findChild(QAction, name)


def undo_redo(qtbot, window, path: Path, text: str, before, after) -> None:
    """Ctrl+Z takes the file back to ``before``; Ctrl+Shift+Z brings ``after`` again.

    The keys go to the step list, as focus in a text field would undo its typing instead.
    """
    assert action(window, "action_undo").text() == f"Undo {text}"
    focus(qtbot, window.step_list)
    qtbot.keyClick(window.step_list, Qt.Key.Key_Z, CTRL)
    assert before(read(path)), f"undo {text}"
    assert action(window, "action_redo").text() == f"Redo {text}"
    qtbot.keyClick(window.step_list, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert after(read(path)), f"redo {text}"


def by_name(plan, name: str):
    return next(s for s in plan.stakeholders if s.name == name)


def step_of(window, name: str):
    """Show a step, as a click in the step list would."""
    step = window.go_to_step(name)
    assert step.NAME == name and step.isVisible()
    return step


def click_row(qtbot, pane, key: str) -> None:
    """Click a row of a register's table."""
    index = pane.proxy.mapFromSource(pane.model.index(pane.model.row_of(key), 0))
    pane.view.scrollTo(index)
    qtbot.mouseClick(pane.view.viewport(), LEFT, pos=pane.view.visualRect(index).center())
    assert pane.current_key() == key


# ---------------------------------------------------------------- the journey


def fill_context(qtbot, window, path):
    step = step_of(window, "context")
    fields = step.fields
    type_into(qtbot, fields["title"], "Day centre with its users")
    assert read(path).title == "Day centre with its users"
    undo_redo(qtbot, window, path, "change plan title",
              lambda p: p.title == "Journey", lambda p: p.title == "Day centre with its users")
    type_into(qtbot, fields["organisation"], "Westshire Council with Tŷ Ŵyn Trust")
    type_into(qtbot, fields["service_area"], "Adult social care")
    type_into(qtbot, fields["officer"], "Rhian Ŵatkins")
    type_into(qtbot, fields["summary"], "Reopen the day centre\nrun with the people who use it.")

    focus(qtbot, step.driver_checks[Driver.LOGISTICAL])
    qtbot.keyClick(step.driver_checks[Driver.LOGISTICAL], Qt.Key.Key_Space)
    undo_redo(qtbot, window, path, "change drivers",
              lambda p: p.drivers == [], lambda p: p.drivers == [Driver.LOGISTICAL])
    tick(qtbot, step.stage_checks[Stage.DESIGN])
    tick(qtbot, step.stage_checks[Stage.DELIVERING])
    undo_redo(qtbot, window, path, "change value-chain stages",
              lambda p: p.stages == [Stage.DESIGN], lambda p: p.stages == [Stage.DESIGN, Stage.DELIVERING])


def add_stakeholder(qtbot, window, path, step, name, organisation, category, planning, delivery, influence,
                    interest, personal=None, undo_add=False, undo_category=False):
    qtbot.mouseClick(step.pane.add_button, LEFT)
    form = step.form
    if undo_add:
        count = len(read(path).stakeholders)
        undo_redo(qtbot, window, path, "add stakeholder", lambda p: len(p.stakeholders) == count - 1,
                  lambda p: p.stakeholders[-1].name == "New stakeholder")
        click_row(qtbot, step.pane, read(path).stakeholders[-1].key)
        focus(qtbot, form.name)
        qtbot.keyClick(form.name, Qt.Key.Key_A, CTRL)
    qtbot.waitUntil(form.name.hasFocus)
    assert form.name.selectedText() == "New stakeholder"
    qtbot.keyClicks(form.name, name)
    qtbot.keyClick(form.name, Qt.Key.Key_Tab)
    if organisation:
        type_into(qtbot, form.organisation, organisation)
    choose(qtbot, form.category, category)
    if undo_category:
        undo_redo(qtbot, window, path, "change stakeholder category",
                  lambda p: by_name(p, name).category is Category.SERVICE_USER,
                  lambda p: by_name(p, name).category is category)
    choose(qtbot, form.planning_role, planning)
    choose(qtbot, form.delivery_role, delivery)
    type_into(qtbot, form.influence, str(influence))
    type_into(qtbot, form.interest, str(interest))
    # The private-individual flag follows the category; tick or untick it only where it differs.
    if personal is not None and form.personal.isChecked() != personal:
        tick(qtbot, form.personal)
    return form.stakeholder.key


def add_stakeholders(qtbot, window, path, tmp_path, monkeypatch):
    step = step_of(window, "stakeholders")
    nia = add_stakeholder(qtbot, window, path, step, "Nia Roberts", "", Category.SERVICE_USER,
                          PlanningRole.CO, DeliveryRole.CO, 2, 5, undo_add=True)
    assert step.form.personal.isChecked()  # a new service user is a private individual by default
    # A group of volunteers is not a private individual: the officer unticks what the category set.
    add_stakeholder(qtbot, window, path, step, "Riverside Volunteers", "Riverside Tenants' Association",
                    Category.VOLUNTEER, PlanningRole.CONSULTED, DeliveryRole.CO, 3, 4, personal=False)
    undo_redo(qtbot, window, path, "change stakeholder personal data flag",
              lambda p: by_name(p, "Riverside Volunteers").personal,
              lambda p: not by_name(p, "Riverside Volunteers").personal)
    # Contributions: add a row and type its note into the table, as in a spreadsheet.
    editor = step.form.contributions
    qtbot.mouseClick(editor.add_button, LEFT)
    qtbot.waitUntil(lambda: editor.table.rowCount() == 1)
    table = editor.table
    cell = table.visualItemRect(table.item(0, 3)).center()
    qtbot.mouseClick(table.viewport(), LEFT, pos=cell)
    assert (table.currentRow(), table.currentColumn()) == (0, 3)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: table.isAncestorOf(QApplication.focusWidget()))
    cell_editor = QApplication.focusWidget()
    keys(qtbot, cell_editor, "12 members, two evenings a week")
    qtbot.keyClick(cell_editor, Qt.Key.Key_Return)
    note = "12 members, two evenings a week"
    qtbot.waitUntil(lambda: by_name(read(path), "Riverside Volunteers").contributions[0].note == note)
    undo_redo(qtbot, window, path, "change stakeholder contributions",
              lambda p: by_name(p, "Riverside Volunteers").contributions[0].note == "",
              lambda p: by_name(p, "Riverside Volunteers").contributions[0].note == note)
    assert table.item(0, 3).text() == note
    # Legible: rows as tall as the Kind box, three rows in sight, the note widest, all of it in its tooltip.
    assert table.rowHeight(0) >= table.cellWidget(0, 0).sizeHint().height()
    assert table.viewport().height() >= 3 * table.rowHeight(0)
    assert table.columnWidth(3) == max(table.columnWidth(c) for c in range(4))
    assert table.item(0, 3).toolTip() == note
    # The kind by keyboard: the combo box stays where it is, with the focus, to go on from.
    kind = table.cellWidget(0, 0)
    focus(qtbot, kind)
    qtbot.keyClick(kind, Qt.Key.Key_Down)
    assert by_name(read(path), "Riverside Volunteers").contributions[0].kind is ContributionKind.MONEY
    assert table.cellWidget(0, 0) is kind and kind.hasFocus()
    qtbot.keyClick(kind, Qt.Key.Key_Up)
    assert by_name(read(path), "Riverside Volunteers").contributions[0].kind is ContributionKind.TIME
    owen = add_stakeholder(qtbot, window, path, step, "Dr Owen Price", "Westshire adult services",
                           Category.PROFESSIONAL, PlanningRole.SOLE, DeliveryRole.CO, 4, 2, undo_category=True)
    assert not by_name(read(path), "Dr Owen Price").personal  # a professional: the flag followed
    undo_redo(qtbot, window, path, "change stakeholder interest",
              lambda p: by_name(p, "Dr Owen Price").interest == 3,
              lambda p: by_name(p, "Dr Owen Price").interest == 2)

    # A CSV with a Welsh name and a bad row: the preview shows both, its OK adds the good rows.
    csv = tmp_path / "people.csv"
    csv.write_text(CSV, encoding="utf-8")
    seen = {}

    def ask_import(table, file_name, existing_keys):
        dialog = CsvImportDialog(table, file_name, existing_keys, step)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        seen["names"] = [dialog.accepted_table.item(r, 0).text() for r in range(dialog.accepted_table.rowCount())]
        seen["refused"] = [dialog.refused_list.item(i).text() for i in range(dialog.refused_list.count())]
        with qtbot.waitSignal(dialog.accepted):
            qtbot.mouseClick(dialog.ok_button, LEFT)
        return dialog.import_result if dialog.result() == CsvImportDialog.DialogCode.Accepted else None

    monkeypatch.setattr(step, "ask_csv_path", lambda: str(csv))
    monkeypatch.setattr(step, "ask_import", ask_import)
    qtbot.mouseClick(step.import_button, LEFT)
    assert seen["names"] == ["Gŵyl Tŷ Ŵyn", "Siân Ellis"]
    assert len(seen["refused"]) == 1 and seen["refused"][0].startswith("Row 4:")
    assert "influence" in seen["refused"][0]
    assert [s.name for s in read(path).stakeholders][3:] == ["Gŵyl Tŷ Ŵyn", "Siân Ellis"]
    undo_redo(qtbot, window, path, "import 2 stakeholders from CSV",
              lambda p: len(p.stakeholders) == 3, lambda p: len(p.stakeholders) == 5)

    # Drag Dr Price on the map from interest 2, influence 4 to interest 4, influence 3.
    step.show_map()
    view = step.map.view
    start = view.mapFromScene(step.map.scene.spot(owen).centre)
    end = view.mapFromScene(grid_centre(4, 3))
    viewport = view.viewport()
    QTest.mousePress(viewport, LEFT, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * i / 5)
    QTest.mouseRelease(viewport, LEFT, Qt.KeyboardModifier.NoModifier, end)
    moved = by_name(read(path), "Dr Owen Price")
    assert (moved.interest, moved.influence) == (4, 3)
    assert step.form.stakeholder.key == owen and step.form.influence.value() == 3
    assert grid_point(step.map.scene.spot(owen).centre) == (4, 3)
    undo_redo(qtbot, window, path, "move stakeholder on the map",
              lambda p: (by_name(p, "Dr Owen Price").interest, by_name(p, "Dr Owen Price").influence) == (2, 4),
              lambda p: (by_name(p, "Dr Owen Price").interest, by_name(p, "Dr Owen Price").influence) == (4, 3))
    assert grid_point(step.map.scene.spot(owen).centre) == (4, 3)
    # Nia, at interest 5, is named on the map inside the grid, not past its right edge.
    step.tabs.setCurrentIndex(0)
    click_row(qtbot, step.pane, nia)
    step.show_map()
    spot = step.map.scene.spot(nia)
    assert spot.name
    box = spot.name_box
    assert GRID_LEFT <= box.left() and box.right() <= GRID_LEFT + 5 * STEP
    step.tabs.setCurrentIndex(0)
    return nia, owen


def choose_cells(qtbot, window, path):
    step = step_of(window, "matrix")
    qtbot.mouseClick(step.grid.tiles[FULL], LEFT)
    assert read(path).target_cell == FULL
    undo_redo(qtbot, window, path, "choose target cell",
              lambda p: p.target_cell is None, lambda p: p.target_cell == FULL)
    choose(qtbot, step.today_combo, TRADITIONAL.code)
    assert read(path).current_cell == TRADITIONAL
    undo_redo(qtbot, window, path, "set where the service is today",
              lambda p: p.current_cell is None, lambda p: p.current_cell == TRADITIONAL)
    # Keyboard on the matrix: from the target, Up and Space make co-planning the target, then back.
    tile = step.grid.tiles[FULL]
    focus(qtbot, tile)
    qtbot.keyClick(tile, Qt.Key.Key_Up)
    coplanning = step.grid.tiles[Cell.from_code("co/professionals")]
    assert coplanning.hasFocus()
    qtbot.keyClick(coplanning, Qt.Key.Key_Space)
    assert read(path).target_cell == coplanning.cell
    qtbot.keyClick(coplanning, Qt.Key.Key_Down)
    qtbot.keyClick(tile, Qt.Key.Key_Return)
    assert read(path).target_cell == FULL


def add_risk(qtbot, window, path, step, title, category, likelihood, impact, owner, shares, undo_add=False):
    qtbot.mouseClick(step.pane.add_button, LEFT)
    form = step.form
    if undo_add:
        count = len(read(path).risks)
        undo_redo(qtbot, window, path, "add risk", lambda p: len(p.risks) == count - 1,
                  lambda p: p.risks[-1].title == "New risk")
        click_row(qtbot, step.pane, read(path).risks[-1].key)
        focus(qtbot, form.title)
        qtbot.keyClick(form.title, Qt.Key.Key_A, CTRL)
    qtbot.waitUntil(form.title.hasFocus)
    qtbot.keyClicks(form.title, title)
    qtbot.keyClick(form.title, Qt.Key.Key_Tab)
    choose(qtbot, form.category, category)
    type_into(qtbot, form.likelihood, str(likelihood))
    type_into(qtbot, form.impact, str(impact))
    for side, value in shares:
        type_into(qtbot, form.shares.spins[side], str(value))
        shown = {s: spin.value() for s, spin in form.shares.spins.items()}
        assert shown[side] == value  # each box takes what is typed; the total says if it is off
        assert form.shares.total.text() == (
            "Total 100 % ✔" if sum(shown.values()) == 100 else f"Total {sum(shown.values())} % — should be 100 %")
    assert form.shares.total.text() == "Total 100 % ✔"
    if owner is not None:
        choose(qtbot, form.owner, owner)
    return form.risk.key


def add_risks(qtbot, window, path, nia, owen):
    step = step_of(window, "risks")
    burnout = add_risk(qtbot, window, path, step, "Volunteers burn out", RiskCategory.BURNOUT, 4, 4, nia,
                       [("community", 54), ("users", 10), ("professionals", 36)], undo_add=True)
    assert read(path).risks[0].shares == Shares(10, 54, 36)
    undo_redo(qtbot, window, path, "change risk owner",
              lambda p: p.risks[0].owner is None, lambda p: p.risks[0].owner == nia)
    quality = add_risk(qtbot, window, path, step, "Nobody answers for quality",
                       RiskCategory.DILUTED_ACCOUNTABILITY, 2, 5, None,
                       [("professionals", 66), ("users", 20), ("community", 14)])
    undo_redo(qtbot, window, path, "change risk shares",
              lambda p: p.risks[1].shares == Shares(20, 0, 66), lambda p: p.risks[1].shares == Shares(20, 14, 66))
    assert {s: spin.value() for s, spin in step.form.shares.spins.items()} == {
        "users": 20, "community": 14, "professionals": 66}
    choose(qtbot, step.form.owner, owen)
    # No risk is a suggestion, so no Status column; suggestions bring it, their undo takes it away.
    assert step.pane.view.isColumnHidden(1)
    answered = SuggestionsAnswer(qtbot, tick="all")
    qtbot.mouseClick(step.suggest_button, LEFT)
    assert answered.shown and all(can_tick for _, can_tick in answered.shown)
    window.activateWindow()  # a desktop gives the window back its focus when the dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    suggested = len(read(path).risks) - 2
    assert suggested > 0 and not step.pane.view.isColumnHidden(1)
    assert step.model.index(2, 1).data() == "Suggested"
    text = "add suggested risk" if suggested == 1 else f"add {suggested} suggested risks"
    focus(qtbot, window.step_list)
    qtbot.keyClick(window.step_list, Qt.Key.Key_Z, CTRL)
    assert len(read(path).risks) == 2 and step.pane.view.isColumnHidden(1)
    assert action(window, "action_redo").text() == f"Redo {text}"
    return burnout, quality


def add_safeguards(qtbot, window, path, burnout, quality, owen):
    step = step_of(window, "safeguards")
    assert step.bare.count() == 2
    qtbot.mouseClick(step.pane.add_button, LEFT)
    form = step.form
    undo_redo(qtbot, window, path, "add safeguard", lambda p: p.safeguards == [],
              lambda p: [g.title for g in p.safeguards] == ["New safeguard"])
    click_row(qtbot, step.pane, read(path).safeguards[0].key)
    focus(qtbot, form.title)
    qtbot.keyClick(form.title, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(form.title, "Volunteer support rota")
    qtbot.keyClick(form.title, Qt.Key.Key_Tab)
    choose(qtbot, form.kind, SafeguardKind.CAPACITY)
    choose(qtbot, form.owner, owen)
    tick_item(qtbot, form.mitigates, 0)
    assert read(path).safeguards[0].mitigates == [burnout]
    undo_redo(qtbot, window, path, "change risks answered by safeguard",
              lambda p: p.safeguards[0].mitigates == [], lambda p: p.safeguards[0].mitigates == [burnout])
    assert form.mitigates.item(0).checkState() == Qt.CheckState.Checked
    # The second risk by keyboard: move to it and press Space.
    focus(qtbot, form.mitigates)
    form.mitigates.setCurrentRow(1)
    qtbot.keyClick(form.mitigates, Qt.Key.Key_Space)
    assert read(path).safeguards[0].mitigates == [burnout, quality]
    assert step.bare.count() == 0
    tick(qtbot, form.no_review)
    assert not form.no_review.isChecked() and form.review.isEnabled()
    focus(qtbot, form.review)  # by Tab: the day is selected, typing fills in section by section
    qtbot.keyClicks(form.review, "15June2027")  # the month as it reads: "15 June 2027"
    qtbot.keyClick(form.review, Qt.Key.Key_Return)
    assert read(path).safeguards[0].review_date == "2027-06-15"
    undo_redo(qtbot, window, path, "change review date",
              lambda p: p.safeguards[0].review_date != "2027-06-15",
              lambda p: p.safeguards[0].review_date == "2027-06-15")
    assert form.review.date() == QDate(2027, 6, 15)


def test_a_new_plan_from_start_to_finish(make_window, tmp_path, monkeypatch, qtbot):
    """An officer makes a new plan, fills every step with mouse and keyboard, and finds it all again."""
    path = tmp_path / "journey.coplan"
    window = make_window(show=True)
    monkeypatch.setattr(window, "ask_save_path", lambda title, suggested, f: str(path))
    qtbot.mouseClick(window.welcome.new_button, LEFT)
    assert window.document is not None and read(path).title == "Journey"

    fill_context(qtbot, window, path)
    nia, owen = add_stakeholders(qtbot, window, path, tmp_path, monkeypatch)
    choose_cells(qtbot, window, path)
    burnout, quality = add_risks(qtbot, window, path, nia, owen)
    add_safeguards(qtbot, window, path, burnout, quality, owen)
    window.close()
    assert window.document is None

    with PlanStore.open(path) as store:
        plan = store.load()
    assert (plan.title, plan.organisation, plan.service_area, plan.officer) == (
        "Day centre with its users", "Westshire Council with Tŷ Ŵyn Trust", "Adult social care", "Rhian Ŵatkins")
    assert plan.summary == "Reopen the day centre\nrun with the people who use it."
    assert plan.drivers == [Driver.LOGISTICAL] and plan.stages == [Stage.DESIGN, Stage.DELIVERING]
    assert (plan.target_cell, plan.current_cell) == (FULL, TRADITIONAL)
    people = {s.name: s for s in plan.stakeholders}
    assert list(people) == ["Nia Roberts", "Riverside Volunteers", "Dr Owen Price", "Gŵyl Tŷ Ŵyn", "Siân Ellis"]
    n, v, o, g, c = people.values()
    assert (n.key, n.category, n.planning_role, n.delivery_role, n.influence, n.interest, n.personal) == (
        nia, Category.SERVICE_USER, PlanningRole.CO, DeliveryRole.CO, 2, 5, True)
    assert (v.organisation, v.category, v.planning_role, v.delivery_role, v.influence, v.interest, v.personal) == (
        "Riverside Tenants' Association", Category.VOLUNTEER, PlanningRole.CONSULTED, DeliveryRole.CO, 3, 4, False)
    assert v.contributions == [Contribution(ContributionKind.TIME, None, "", "12 members, two evenings a week")]
    assert (o.key, o.organisation, o.category, o.planning_role, o.delivery_role, o.influence, o.interest) == (
        owen, "Westshire adult services", Category.PROFESSIONAL, PlanningRole.SOLE, DeliveryRole.CO, 3, 4)
    assert (g.organisation, g.category, g.influence, g.interest, g.personal) == (
        "Cymdeithas Gŵyl", Category.COMMUNITY_GROUP, 3, 4, False)
    assert (c.category, c.personal) == (Category.CARER, True)
    risk, second = plan.risks
    assert (risk.key, risk.title, risk.category, risk.likelihood, risk.impact, risk.owner, risk.shares) == (
        burnout, "Volunteers burn out", RiskCategory.BURNOUT, 4, 4, nia, Shares(10, 54, 36))
    assert (second.key, second.title, second.category, second.likelihood, second.impact, second.owner,
            second.shares) == (quality, "Nobody answers for quality", RiskCategory.DILUTED_ACCOUNTABILITY, 2, 5,
                               owen, Shares(20, 14, 66))
    (safeguard,) = plan.safeguards
    assert (safeguard.title, safeguard.kind, safeguard.owner, safeguard.review_date, safeguard.mitigates) == (
        "Volunteer support rota", SafeguardKind.CAPACITY, owen, "2027-06-15", [burnout, quality])

    # A new window opens it from the recent list and every step shows what was typed.
    again = make_window(show=True)
    recent = again.actions.recent_menu.actions()[0]
    assert recent.text().startswith("journey.coplan")
    recent.trigger()
    context = step_of(again, "context")
    assert context.fields["officer"].text() == "Rhian Ŵatkins"
    assert context.fields["summary"].toPlainText() == plan.summary
    assert context.driver_checks[Driver.LOGISTICAL].isChecked()
    assert not context.driver_checks[Driver.GOVERNANCE].isChecked()
    assert [s for s, check in context.stage_checks.items() if check.isChecked()] == [Stage.DESIGN, Stage.DELIVERING]
    stakeholders = step_of(again, "stakeholders")
    assert [stakeholders.model.index(r, 0).data() for r in range(5)] == list(people)
    assert grid_point(stakeholders.map.scene.spot(owen).centre) == (4, 3)
    stakeholders.pane.select_keys([v.key])
    assert stakeholders.form.contributions.table.item(0, 3).text() == "12 members, two evenings a week"
    matrix = step_of(again, "matrix")
    assert "Target" in matrix.grid.tiles[FULL].tags_label.text()
    assert "Today" in matrix.grid.tiles[TRADITIONAL].tags_label.text()
    risks = step_of(again, "risks")
    risks.pane.select_keys([quality])
    assert {s: spin.value() for s, spin in risks.form.shares.spins.items()} == {
        "users": 20, "community": 14, "professionals": 66}
    assert risks.form.owner.currentData() == owen
    safeguards = step_of(again, "safeguards")
    form = safeguards.form
    assert form.title.text() == "Volunteer support rota" and form.owner.currentData() == owen
    assert form.review.date() == QDate(2027, 6, 15) and not form.no_review.isChecked()
    assert [form.mitigates.item(i).checkState() for i in range(2)] == [Qt.CheckState.Checked] * 2
