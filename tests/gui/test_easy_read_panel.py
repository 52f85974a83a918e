"""The easy-read panel: drafts shown, problems underlined and listed, the officer's text saved."""

from PySide6.QtCore import Qt

from planner.core import easy_read
from planner.core.matrix import Cell
from planner.core.model import Plan
from planner.ui.widgets.easy_read_panel import EasyReadPanel


def make_panel(qtbot) -> tuple[EasyReadPanel, Plan, list]:
    """A panel showing a small plan, recording what it asks to save."""
    plan = Plan("Library", organisation="Caerwyn Council", target_cell=Cell.of("co", "co"))
    panel = EasyReadPanel()
    qtbot.addWidget(panel)
    saved: list[tuple[str, str]] = []
    panel.text_committed.connect(lambda key, text: saved.append((key, text)))
    panel.load(plan)
    return panel, plan, saved


def test_sections_start_from_the_draft(qtbot):
    """Each section shows the app's draft until the officer writes their own."""
    panel, plan, _ = make_panel(qtbot)
    assert panel.sections.count() == len(easy_read.SECTIONS)
    assert panel.editor.toPlainText() == easy_read.draft(plan, "service")
    assert "draft" in panel.source.text() and not panel.reset.isEnabled()
    panel.sections.setCurrentRow(5)
    assert panel.editor.toPlainText() == easy_read.draft(plan, "contact")


def test_jargon_and_long_sentences_are_listed_and_underlined(qtbot):
    """Typing jargon or a long sentence lists it in words and underlines it in the box."""
    panel, _, _ = make_panel(qtbot)
    panel.editor.setPlainText("We value coproduction with every stakeholder.\n"
                              + " ".join(["word"] * 20) + ".")
    texts = [panel.found.item(i).text() for i in range(panel.found.count())]
    assert any(t.startswith("Jargon") and "coproduction" in t for t in texts)
    assert any(t.startswith("Jargon") and "stakeholder" in t for t in texts)
    assert any(t.startswith("Long sentence") and "20 words" in t for t in texts)
    first = panel.editor.document().firstBlock().layout().formats()
    assert any(r.format.underlineStyle() != r.format.UnderlineStyle.NoUnderline for r in first)


def test_clicking_a_problem_selects_it(qtbot):
    """Choosing a listed problem selects those words in the box."""
    panel, _, _ = make_panel(qtbot)
    panel.editor.setPlainText("Ask your GP.")
    panel._show_problem(panel.found.item(0))
    assert panel.editor.textCursor().selectedText() == "GP"


def test_leaving_the_box_saves_the_officers_text(qtbot):
    """Edited text is saved for its section when the box loses focus; the draft saves as empty."""
    panel, plan, saved = make_panel(qtbot)
    panel.editor.setPlainText("We run the library.\nYou can help.")
    panel._commit()
    assert saved == [("service", "We run the library.\nYou can help.")]
    panel.editor.setPlainText(easy_read.draft(plan, "service"))
    plan.easy_read_service = "We run the library."
    panel._commit()
    assert saved[-1] == ("service", "")


def test_the_officers_text_is_shown_and_can_go_back_to_the_draft(qtbot):
    """A stored text is shown as the officer's own; the draft button asks to clear it."""
    panel, plan, saved = make_panel(qtbot)
    plan.easy_read_service = "Our own words."
    panel.load(plan)
    assert panel.editor.toPlainText() == "Our own words."
    assert panel.reset.isEnabled()
    qtbot.mouseClick(panel.reset, Qt.MouseButton.LeftButton)
    assert saved == [("service", "")]


def test_review_step_saves_the_text_in_the_plan_with_undo(window, plan_path):
    """Text typed on the Review step's easy-read tab is stored in the plan, once per edit, undoably."""
    from planner.storage import PlanStore
    from planner.ui.files import open_plan

    open_plan(window, plan_path)
    review = window.go_to_step("review")
    review.tabs.setCurrentWidget(review.easy_read)
    panel = review.easy_read
    panel.sections.setCurrentRow(1)
    panel.editor.setPlainText("Young people take part.\nTheir parents take part.")
    panel._commit()
    assert window.document.plan.easy_read_people == "Young people take part.\nTheir parents take part."
    assert "easy read" in window.document.undo_stack.undoText()
    assert "Your own" in panel.source.text()
    window.document.undo_stack.undo()
    assert window.document.plan.easy_read_people == ""
    assert panel.editor.toPlainText() == easy_read.draft(window.document.plan, "people")
    window.document.undo_stack.redo()
    window.close_document()
    with PlanStore.open(plan_path, read_only=True) as store:
        assert store.load().easy_read_people.startswith("Young people take part.")
