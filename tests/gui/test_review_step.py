"""The Review step: findings in words with "Go to", and the PDF export from the app."""

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from planner.core.model import Risk, Shares
from planner.storage import PlanStore
from planner.ui.files import open_plan
from planner.ui.steps import ReviewStep


@pytest.fixture
def risky_plan(tmp_path):
    """A plan with no target cell and a risk whose shares do not add to 100."""
    path = tmp_path / "risky.coplan"
    with PlanStore.create(path, "Risky") as store:
        store.add_risk(Risk("r1", "Volunteers burn out", shares=Shares(50, 10, 10)))
    return path


def _review(window) -> ReviewStep:
    step = window.go_to_step("review")
    assert isinstance(step, ReviewStep)
    return step


def test_findings_show_severity_in_words(window, risky_plan):
    """Each finding shows its severity as text, not only colour."""
    open_plan(window, risky_plan)
    review = _review(window)
    texts = [w.text() for w in review.list_widget.findChildren(type(review.summary))]
    assert any("Must fix" in t for t in texts)
    from planner.core.wording import SUMMARY, counts

    assert review.summary.text() == counts(window.document.findings, SUMMARY)  # the CLI's words


@pytest.mark.parametrize(("rule", "step_name", "target"), [
    ("shares-total", "risks", ("risk", "r1")),
    ("no-target-cell", "matrix", ("plan", None)),
])
def test_go_to_switches_step_and_selects(window, risky_plan, qtbot, monkeypatch, rule, step_name, target):
    """"Go to" opens the step that owns the finding's target and asks it to select it."""
    open_plan(window, risky_plan)
    review = _review(window)
    index = next(i for i, f in enumerate(review.findings) if f.rule == rule)
    owner = next(s for s in window.steps if s.NAME == step_name)
    selected = []
    monkeypatch.setattr(owner, "select", lambda target_type, key: selected.append((target_type, key)))
    button = review.findChild(type(review.export_button), f"go_to_{index}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_step() is owner
    assert selected == [target]
    assert window.settings.last_step == step_name


def test_go_to_with_the_real_step(window, tmp_path, qtbot):
    """"Go to" on a stakeholder finding lands on the Stakeholders step itself."""
    from planner.core.matrix import Cell
    from planner.core.model import Category, DeliveryRole, Stakeholder

    path = tmp_path / "people.coplan"
    with PlanStore.create(path, "People") as store:
        store.add_stakeholder(Stakeholder("s1", "Vol", category=Category.VOLUNTEER,
                                          delivery_role=DeliveryRole.CO))
        store.update_plan(target_cell=Cell.from_code("co/co"))
    open_plan(window, path)
    review = _review(window)
    index = next(i for i, f in enumerate(review.findings) if f.target_type == "stakeholder")
    review.findChild(type(review.export_button), f"go_to_{index}").click()
    assert window.current_step().NAME == "stakeholders"


def test_plan_check_action_goes_to_review(window, plan_path):
    """Plan check in the menu shows the Review step."""
    open_plan(window, plan_path)
    window.actions.plan_check.trigger()
    assert isinstance(window.current_step(), ReviewStep)


def test_export_from_review_writes_pdf(window, plan_path, tmp_path, monkeypatch, dialogs, settings):
    """The Export PDF button writes a PDF with the chosen options, remembers them and opens it."""
    open_plan(window, plan_path)
    review = _review(window)
    pdf = tmp_path / "out" / "plan"
    pdf.parent.mkdir()
    monkeypatch.setattr(window, "ask_save_path", lambda title, suggested, file_filter: str(pdf))
    review.paper.setCurrentIndex(review.paper.findData("letter"))
    review.status_line.setText("Draft for the board")
    review.open_when_done.setChecked(True)
    review.export_button.click()
    written = pdf.with_name("plan.pdf")
    assert written.exists()
    reader = PdfReader(written)
    width = float(reader.pages[0].mediabox.width)
    assert abs(width - 612) < 1  # US Letter is 8.5 inches wide
    assert "Draft for the board" in "".join(page.extract_text() for page in reader.pages)
    assert ("opened", str(written)) in dialogs.messages
    assert settings.paper == "letter"
    assert "PDF saved" in window.statusBar().currentMessage()


def test_export_shortcut_dialog(window, plan_path, tmp_path, monkeypatch, dialogs):
    """Ctrl+E asks for options in a small dialog, then writes the PDF."""
    open_plan(window, plan_path)
    asked = []
    monkeypatch.setattr(window, "ask_export_options",
                        lambda options: asked.append(options) or {**options, "open_when_done": False})
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(tmp_path / "x.pdf"))
    assert window.actions.export.shortcut().toString() == "Ctrl+E"
    window.actions.export.trigger()
    assert asked[0]["paper"] == "a4"
    assert (tmp_path / "x.pdf").stat().st_size > 1000
    assert not any(title == "opened" for title, _ in dialogs.messages)


def test_export_error_is_a_clear_message(window, plan_path, tmp_path, monkeypatch, dialogs):
    """A PDF that cannot be written says why, and the plan stays open."""
    open_plan(window, plan_path)
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(tmp_path / "no such folder" / "x.pdf"))
    window.export_with({"paper": "a4", "include_personal": False, "status": "", "open_when_done": True})
    title, text = dialogs.messages[-1]
    assert title == "The PDF was not written"
    assert "does not exist" in text


def test_go_to_buttons_name_the_step(window, risky_plan):
    """Each "Go to" button says which step it opens."""
    open_plan(window, risky_plan)
    review = _review(window)
    index = next(i for i, f in enumerate(review.findings) if f.rule == "shares-total")
    button = review.findChild(type(review.export_button), f"go_to_{index}")
    assert button.text() == "Go to Division of risk"


def test_decisions_are_edited_on_review_saved_and_undone(make_window, plan_path, qtbot, tmp_path):
    """What the meeting is asked to do is typed one a line, saved when left, undone as one step."""
    window = make_window(show=True)
    open_plan(window, plan_path)
    review = _review(window)
    review.decisions.setFocus()
    qtbot.waitUntil(review.decisions.hasFocus)
    qtbot.keyClicks(review.decisions, "Agree the plan")
    qtbot.keyClick(review.decisions, Qt.Key.Key_Return)
    qtbot.keyClick(review.decisions, Qt.Key.Key_Return)
    qtbot.keyClicks(review.decisions, "  Note   the risks ")
    assert window.document.undo_stack.count() == 0  # nothing saved while typing
    review.status_line.setFocus()
    qtbot.waitUntil(lambda: window.document.plan.decisions == ["Agree the plan", "Note the risks"])
    with PlanStore.open(plan_path, read_only=True) as store:
        assert store.load().decisions == ["Agree the plan", "Note the risks"]
    assert window.actions.undo.text() == "Undo change what the meeting is asked to do"
    window.actions.undo.trigger()
    assert window.document.plan.decisions == [] and review.decisions.toPlainText() == ""
    window.actions.redo.trigger()
    assert review.decisions.toPlainText() == "Agree the plan\nNote the risks"
