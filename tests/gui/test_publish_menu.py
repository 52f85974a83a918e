"""File > Publish to portfolio: a redacted copy goes to the chosen folder; the live plan stays."""

from pathlib import Path

from planner.core.model import Category, Plan, Stakeholder
from planner.storage import PlanStore
from planner.ui.files import open_plan


def resident_plan(path: Path) -> Path:
    plan = Plan(title="Estate lunch club", summary="Asked for by Gwen Ŵyn (07700 900321).",
                stakeholders=[Stakeholder("s1", "Gwen Ŵyn", category=Category.SERVICE_USER,
                                          personal=True, contact="07700 900321"),
                              Stakeholder("s2", "Tenants' association", category=Category.COMMUNITY_GROUP)])
    PlanStore.create_from(path, plan).close()
    return path


def test_publish_writes_a_redacted_copy_and_remembers_the_folder(make_window, tmp_path, monkeypatch, dialogs, settings):
    """The copy in the chosen folder names the resident by role only; the folder is offered next time."""
    window = make_window()
    live = resident_plan(tmp_path / "lunch.coplan")
    assert open_plan(window, live)
    portfolio = tmp_path / "portfolio"
    portfolio.mkdir()
    asked = []
    monkeypatch.setattr(window, "ask_folder", lambda title, start: asked.append(start) or str(portfolio))
    assert window.actions.publish.isEnabled()
    window.actions.publish.trigger()
    copy = portfolio / "lunch.coplan"
    assert copy.exists() and b"Gwen" not in copy.read_bytes() and b"900321" not in copy.read_bytes()
    with PlanStore.open(copy, read_only=True) as store:
        assert [s.name for s in store.load().stakeholders] == ["Service user 1", "Tenants' association"]
    assert b"Gwen" in live.read_bytes()  # the live plan is not the copy
    assert dialogs.messages[-1][0] == "Published to the portfolio"
    assert settings.portfolio_folder == str(portfolio)

    confirmations = []
    monkeypatch.setattr(window, "ask_confirm", lambda title, text: confirmations.append(text) or False)
    window.actions.publish.trigger()
    assert asked[-1] == portfolio and "already in the portfolio folder" in confirmations[0]
    assert len(dialogs.messages) == 1  # declined: nothing published, nothing said


def test_publish_is_offered_only_with_a_plan_open(make_window):
    """With no plan open, Publish to portfolio is greyed out."""
    window = make_window()
    assert not window.actions.publish.isEnabled()
    assert window.actions.publish in window.menuBar().actions()[0].menu().actions()
