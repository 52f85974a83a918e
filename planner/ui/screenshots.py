"""Render the welcome screen and every step of a worked example to PNG files for the README.

Run offscreen: ``QT_QPA_PLATFORM=offscreen python -m planner.ui.screenshots docs/screenshots``.
The example is copied to a temporary folder, so nothing of the officer's is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

EXAMPLE = "caterham"  # Full user/professional coproduction: every step has something to show
SIZE = (1280, 800)


def _topic(plan, step_name: str) -> tuple[str, str] | None:
    """What the guidance panel shows on each step's picture: something that step is about."""
    if step_name == "context" and plan.drivers:
        return "driver", plan.drivers[0].value
    if step_name == "stakeholders" and plan.stakeholders:
        return "stakeholder_category", plan.stakeholders[0].category.value
    if step_name == "matrix" and plan.target_cell is not None:
        return "cell", plan.target_cell.code
    if step_name == "risks" and plan.risks:
        return "risk_category", plan.risks[0].category.value
    if step_name == "safeguards" and plan.safeguards:
        return "safeguard_kind", plan.safeguards[0].kind.value
    return None


def _illustrative_record(store) -> None:
    """A short engagement log, actions and an agreed version, so the record's pages have something to
    show. They illustrate the app, not the case study: the article records no such meetings."""
    from planner.core.model import Action, Engagement, Outcome

    plan = store.load()
    people = [s.key for s in plan.stakeholders]
    risk = plan.risks[0].key if plan.risks else None
    store.add_engagement(Engagement(
        "e1", "Open meeting for residents", date="2027-01-20", participants=people[:3], others=35,
        raised="Young people have nowhere to meet in the evenings",
        response="A youth evening in the community hall on Thursdays", outcome=Outcome.CHANGED,
        risks=[risk] if risk else []))
    store.add_engagement(Engagement(
        "e2", "Survey of tenants", date="2027-02-10", kind="survey", participants=people[3:4], others=140,
        raised="Lower the hall's hire charge for residents' groups",
        response="Kept the charge this year", outcome=Outcome.NOT_CHANGED,
        reason="The charge pays the caretaker; the trust will look at it again when the budget is set"))
    store.add_action(Action("a1", "Book volunteers for the Thursday evenings", owner=people[0] if people else None,
                            due="2027-02-28", engagement="e1"))
    store.add_action(Action("a2", "Write back to the survey's respondents about the hire charge",
                            owner=people[1] if len(people) > 1 else None, due="2027-03-15", engagement="e2"))
    store.agree("Partnership meeting, 3 March 2027", "2027-03-03")
    if risk:
        store.update_risk(risk, likelihood=min(5, plan.risks[0].likelihood + 1))
    store.update_engagement("e1", outcome="changed", others=41)


def render(out_dir: Path, example: str = EXAMPLE) -> list[Path]:
    """Write ``00-welcome.png``, ``NN-<step>.png`` for each step and the stakeholders' map; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from planner import guidance
    from planner.storage import PlanStore
    from planner.ui.main_window import MainWindow
    from planner.ui.settings import Settings

    app = QApplication.instance() or QApplication(["screenshots"])
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as temp:
        settings = Settings(QSettings(str(Path(temp) / "settings.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings, library=guidance.load_library(), examples=guidance)
        window.resize(*SIZE)
        window.show()

        def shoot(name: str) -> None:
            app.processEvents()
            path = out_dir / f"{name}.png"
            window.grab().save(str(path))
            written.append(path)

        shoot("00-welcome")
        plan = guidance.example_plan(example)
        store = PlanStore.create_from(Path(temp) / "example.coplan", plan)
        _illustrative_record(store)
        window.set_store(store)
        for number, step in enumerate(window.steps, start=1):
            window.go_to_step(step.NAME)
            topic = _topic(plan, step.NAME)
            if topic:
                window.guidance.show_guidance(*topic)
            else:
                window.guidance.show_intro()
            if step.NAME == "record":
                window.current_step().log_pane.select_keys(["e2"])
            shoot(f"{number:02d}-{step.NAME}")
            if step.NAME == "record":  # the log, actions and versions are tabs of one step
                page = window.current_step()
                for tab, name in ((1, "actions"), (2, "versions")):
                    page.tabs.setCurrentIndex(tab)
                    if tab == 1:
                        page.action_pane.select_keys(["a1"])
                    shoot(f"{number:02d}-{step.NAME}-{name}")
                page.tabs.setCurrentIndex(0)
            if step.NAME == "stakeholders":  # the map has a tab of its own beside the list
                page = window.current_step()
                page.show_map()
                shoot(f"{number:02d}-{step.NAME}-map")
                page.tabs.setCurrentIndex(0)
        window.close()
    return written


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else Path("docs/screenshots")
    for path in render(out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
