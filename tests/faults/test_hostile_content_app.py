"""Hostile text (markup, RTL, emoji, control characters, 100,000 characters) shows in every step of the app."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from test_hostile_content import LONG, documents

from PySide6.QtCore import QAbstractListModel, QSettings
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget,
)

from planner.storage import PlanStore
from planner.storage.json_format import loads
from planner.ui.files import open_plan
from planner.ui.main_window import MainWindow
from planner.ui.settings import Settings

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


def as_seen(text: str) -> str:
    """Text as a reader sees it: a text box shows any line separator as a new line and gives a
    no-break space back as a space, and a line edit drops a leading zero-width no-break space
    (Qt's choices; nothing visible changes)."""
    for separator in ("\r\n", "\r", "\u2028", "\u2029"):
        text = text.replace(separator, "\n")
    return text.replace("\ufeff", "").replace("\u00a0", " ")


def shown_text(page: QWidget) -> str:
    """Every text a page's widgets show: fields, labels, list and table cells, combo box items."""
    parts = []
    for widget in [page, *page.findChildren(QWidget)]:
        if isinstance(widget, (QLineEdit, QLabel)):
            parts.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            parts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
            parts += [str(model.data(model.index(row, column)))
                      for row in range(model.rowCount()) for column in range(columns)]
    return "\n".join(parts)


def expected_texts(doc: dict) -> dict[str, list[str]]:
    """The texts of ``doc`` each step must show, literally, by step name."""
    plan = doc["plan"]
    return {
        "context": [plan[k] for k in ("organisation", "service_area", "officer", "summary")
                    if plan.get(k, "").strip()],
        "stakeholders": [s["name"] for s in doc["stakeholders"]],
        "risks": [r["title"] for r in doc["risks"]],
        "safeguards": [g["title"] for g in doc["safeguards"]],
    }


def show_every_step(qtbot, folder, doc) -> None:
    """Import ``doc`` as a plan, open it in a fresh window, visit every step and find its text there."""
    path = folder / f"hostile-{len(list(folder.iterdir()))}.coplan"
    PlanStore.create_from(path, loads(json.dumps(doc))).close()
    window = MainWindow(Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(window, before_close_func=lambda w: w.close_document())
    shown = []
    window.show_message = lambda title, text: shown.append((title, text))
    try:
        assert open_plan(window, path), shown
        window.resize(1000, 700)
        window.show()
        for step in list(window.steps):
            window.go_to_step(step.NAME)
            QApplication.processEvents()
            step.grab()  # paint it, offscreen
            on_page = as_seen(shown_text(step))
            for text in expected_texts(doc).get(step.NAME, []):
                assert as_seen(text) in on_page, (step.NAME, text[:80])
        assert shown == []
    finally:
        window.close_document()
        window.close()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(doc=documents())
def test_hostile_text_shows_in_every_step(qtbot, tmp_path, doc):
    """Markup, RTL, emoji and control characters in every field: each step shows them literally."""
    show_every_step(qtbot, tmp_path, doc)


@pytest.mark.slow
def test_hundred_thousand_character_fields_show_in_every_step(qtbot, tmp_path):
    """100,000-character title, summary, names and notes: each step shows them in full."""
    doc = {"format": "coproduction-plan", "format_version": 1,
           "plan": {"title": "T" * 100_000, "summary": LONG, "organisation": LONG},
           "stakeholders": [{"key": "s1", "name": "N" * 100_000, "notes": LONG, "organisation": LONG,
                             "planning_role": "co", "contributions": [{"note": LONG, "unit": LONG}]}],
           "risks": [{"key": "r1", "title": LONG, "description": LONG, "owner": "s1",
                      "trust": {"users": LONG}, "residual_rationale": LONG}],
           "safeguards": [{"key": "g1", "title": LONG, "description": LONG, "mitigates": ["r1"], "owner": "s1"}]}
    show_every_step(qtbot, tmp_path, doc)
