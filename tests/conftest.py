"""Fixtures shared by every test: realistic plans built in memory and in a temp folder."""

from __future__ import annotations

import sys

import pytest
from hypothesis import HealthCheck, settings

from planner.core.matrix import Cell
from planner.core.model import (
    Category, Contribution, ContributionKind, DeliveryRole, Driver, Motive, Plan, PlanningRole,
    Risk, RiskCategory, Safeguard, SafeguardKind, Shares, Stage, Stakeholder, Stance,
)
from planner.storage import PlanStore


# Property tests judge what the code does, not how fast this machine is: no deadline, and no
# health check that fails a run because drawing examples was slow on a loaded computer.
settings.register_profile("planner", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("planner")


@pytest.fixture(autouse=True)
def no_unanswered_message_box(monkeypatch):
    """A message box a test did not answer fails it at once instead of waiting offscreen for ever.

    Dialogs are behind ask_* methods the tests replace; one that is not replaced would block the
    whole run (offscreen, nobody clicks), so every way of showing a QMessageBox raises instead.
    """
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None:  # a test with no Qt loaded has no message box to show
        yield
        return

    def unanswered(*args, **kwargs):
        raise AssertionError(f"a message box was shown that the test did not answer: {args[1:3]}")

    for name in ("exec", "question", "warning", "information", "critical"):
        monkeypatch.setattr(widgets.QMessageBox, name, unanswered)
    yield


def make_plan() -> Plan:
    """A small plan for a community library, touching every kind of field."""
    return Plan(
        title="Tŷ Gwyn community library",
        organisation="Caerwyn County Council & partners",
        service_area="Libraries",
        officer="Siân Powell",
        summary="Hand the branch library to a community trust, with council support.\nSecond line.",
        drivers=[Driver.LOGISTICAL],
        stages=[Stage.PLANNING, Stage.DELIVERING],
        current_cell=Cell.of("professionals", "professionals"),
        target_cell=Cell.of("co", "community"),
        stakeholders=[
            Stakeholder("s1", "Friends of Tŷ Gwyn Library", category=Category.COMMUNITY_GROUP,
                        planning_role=PlanningRole.CO, delivery_role=DeliveryRole.SOLE,
                        influence=3, interest=5, stance=Stance.CHAMPION,
                        contributions=[Contribution(ContributionKind.TIME, 120, "hours/week", "rota of 30 volunteers")],
                        motive=Motive.ALTRUISTIC),
            Stakeholder("s2", "Gwenllian Ŵyn", category=Category.SERVICE_USER, personal=True,
                        contact="07700 900123", planning_role=PlanningRole.CONSULTED, interest=4),
            Stakeholder("s3", "Head of Libraries", organisation="Caerwyn County Council",
                        category=Category.MANAGER, planning_role=PlanningRole.CO,
                        influence=5, interest=3, stance=Stance.SCEPTICAL,
                        contributions=[Contribution(ContributionKind.MONEY, 15000, "GBP/year")]),
        ],
        risks=[
            Risk("r1", "Volunteers burn out", category=RiskCategory.BURNOUT, likelihood=4,
                 impact=4, shares=Shares(10, 60, 30), owner="s1",
                 trust_professionals="that the rota is kept"),
            Risk("r2", "Nobody is accountable when a child is harmed",
                 category=RiskCategory.DILUTED_ACCOUNTABILITY, likelihood=2, impact=5,
                 shares=Shares(0, 30, 70), owner="s3", accepted_residual=True,
                 residual_rationale="Safeguarding training reduces but cannot remove it."),
        ],
        safeguards=[
            Safeguard("g1", "Volunteer rota with a paid coordinator", kind=SafeguardKind.CAPACITY,
                      owner="s3", mitigates=["r1"], review_date="2027-03-31"),
        ],
    )


@pytest.fixture
def sample_plan() -> Plan:
    """A fresh copy of the small library plan."""
    return make_plan()


@pytest.fixture
def plan_file(tmp_path):
    """A .coplan file holding the sample plan, closed and ready to open."""
    path = tmp_path / "library.coplan"
    PlanStore.create_from(path, make_plan()).close()
    return path
