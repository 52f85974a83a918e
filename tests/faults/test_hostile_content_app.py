"""Hostile text (markup, RTL, emoji, control characters, 100,000 characters) shows in every step of the app."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from test_hostile_content import LONG, documents

pytest.importorskip("planner.ui.main_window")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from planner.storage import PlanStore  # noqa: E402
from planner.storage.json_format import loads  # noqa: E402
from planner.ui.files import open_plan  # noqa: E402
from planner.ui.main_window import MainWindow  # noqa: E402
from planner.ui.settings import Settings  # noqa: E402

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


def show_every_step(qtbot, folder, doc) -> None:
    """Import ``doc`` as a plan, open it in a fresh window and visit every step."""
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
        assert shown == []
    finally:
        window.close_document()
        window.close()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(doc=documents())
def test_hostile_text_shows_in_every_step(qtbot, tmp_path, doc):
    """Markup, RTL, emoji and control characters in every field: each step loads and paints."""
    show_every_step(qtbot, tmp_path, doc)


def test_hundred_thousand_character_fields_show_in_every_step(qtbot, tmp_path):
    """100,000-character title, summary, names and notes: each step loads and paints."""
    doc = {"format": "coproduction-plan", "format_version": 1,
           "plan": {"title": "T" * 100_000, "summary": LONG, "organisation": LONG},
           "stakeholders": [{"key": "s1", "name": "N" * 100_000, "notes": LONG, "organisation": LONG,
                             "planning_role": "co", "contributions": [{"note": LONG, "unit": LONG}]}],
           "risks": [{"key": "r1", "title": LONG, "description": LONG, "owner": "s1",
                      "trust": {"users": LONG}, "residual_rationale": LONG}],
           "safeguards": [{"key": "g1", "title": LONG, "description": LONG, "mitigates": ["r1"], "owner": "s1"}]}
    show_every_step(qtbot, tmp_path, doc)
