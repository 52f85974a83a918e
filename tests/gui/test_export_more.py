"""File > Export > Word document and Easy-read summary, from the app."""

import docx
from pypdf import PdfReader

from planner.core.model import Category, Stakeholder
from planner.storage import PlanStore
from planner.ui.files import open_plan


def _plan_with_a_person(tmp_path):
    """A plan naming one private individual."""
    path = tmp_path / "People.coplan"
    with PlanStore.create(path, "People") as store:
        store.add_stakeholder(Stakeholder("s1", "Gwenllian Ŵyn", personal=True))
        store.add_stakeholder(Stakeholder("s2", "Friends of the Park",
                                          category=Category.COMMUNITY_GROUP))
    return path


def test_export_menu_holds_pdf_word_and_easy_read(window, plan_path):
    """File > Export lists the PDF, the Word document and the easy-read summary, enabled with a plan."""
    actions = window.actions
    assert actions.export_menu.actions() == [actions.export, actions.export_word,
                                             actions.export_easy_read]
    assert not actions.export_word.isEnabled()
    open_plan(window, plan_path)
    assert actions.export_word.isEnabled() and actions.export_easy_read.isEnabled()


def test_word_document_asks_the_options_then_writes(window, tmp_path, monkeypatch, dialogs):
    """The Word export asks the PDF's options for a .docx, then writes it with role labels."""
    open_plan(window, _plan_with_a_person(tmp_path))
    asked = []
    monkeypatch.setattr(window, "ask_export_options",
                        lambda options, kind: asked.append(kind) or {**options, "open_when_done": True})
    saved = []
    monkeypatch.setattr(window, "ask_save_path",
                        lambda title, suggested, filter_: saved.append(suggested) or str(tmp_path / "out"))
    window.actions.export_word.trigger()
    assert asked == ["docx"] and saved[0].suffix == ".docx"
    out = tmp_path / "out.docx"
    text = "\n".join(c.text for t in docx.Document(str(out)).tables for r in t.rows for c in r.cells)
    assert "Gwenllian" not in text and "Service user 1" in text
    assert ("opened", str(out)) in dialogs.messages
    assert "Word document saved" in window.statusBar().currentMessage()


def test_word_document_cancelled_writes_nothing(window, tmp_path, monkeypatch):
    """Cancelling the options writes no file."""
    open_plan(window, _plan_with_a_person(tmp_path))
    monkeypatch.setattr(window, "ask_export_options", lambda options, kind: None)
    assert window.export_word() is None
    assert not list(tmp_path.glob("*.docx"))


def test_easy_read_summary_is_written_without_names(window, tmp_path, monkeypatch, dialogs):
    """The easy-read export asks only where to save, and names no private individual."""
    open_plan(window, _plan_with_a_person(tmp_path))
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(tmp_path / "easy.pdf"))
    path = window.export_easy_read()
    assert path == tmp_path / "easy.pdf"
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)
    assert "What we are planning together" in text and "Gwenllian" not in text


def test_easy_read_error_is_a_clear_message(window, tmp_path, monkeypatch, dialogs):
    """A summary that cannot be written says why."""
    open_plan(window, _plan_with_a_person(tmp_path))
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(tmp_path / "missing" / "e.pdf"))
    assert window.export_easy_read() is None
    assert dialogs.messages[-1][0] == "The easy-read summary was not written"


def test_word_document_takes_the_reason_to_sign_anyway(window, tmp_path, monkeypatch):
    """With must-fix findings the Word export offers the same 'Sign anyway because' as the PDF."""
    from planner.core.model import Risk
    from planner.ui.export_dialog import ExportDialog

    path = _plan_with_a_person(tmp_path)
    with PlanStore.open(path) as store:
        store.add_risk(Risk("r1", "Callers are put at risk", likelihood=5, impact=5))
    open_plan(window, path)
    defaults = window.export_options()
    assert defaults["must_fix"] >= 1
    dialog = ExportDialog(defaults, window, "docx")
    assert dialog.sign_off_reason.isVisibleTo(dialog)
    dialog.sign_off_reason.setText("The board meets tomorrow.")
    monkeypatch.setattr(window, "ask_export_options", lambda options, kind: dialog.options())
    monkeypatch.setattr(window, "ask_save_path", lambda *a: str(tmp_path / "signed.docx"))
    out = window.export_word()
    body = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "The board meets tomorrow." in body
