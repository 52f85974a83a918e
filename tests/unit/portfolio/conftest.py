"""A council's plans in folders: the six examples, plans made here, and files that must be skipped."""

from __future__ import annotations

import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from planner.core.matrix import Cell
from planner.core.model import (
    Action, ActionStatus, Engagement, Outcome,
    Category, Contribution, ContributionKind, DeliveryRole, Plan, PlanningRole, Risk, Safeguard,
    Shares, Stakeholder,
)
from planner.guidance import example_names, example_plan
from planner.storage import PlanStore
from planner.storage.schema import SCHEMA_VERSION
from tests.conftest import make_plan

FRIENDS = "Friends of Tŷ Gwyn Library"


def lunch_club() -> Plan:
    """A plan whose free text names its private individuals, one of them spelled decomposed."""
    maria = unicodedata.normalize("NFD", "María Ñúñez")
    return Plan(
        title="Estate lunch club",
        organisation="Caerwyn County Council",
        summary=f"Asked for by Dafydd Rhys-Owen and {maria}; ring 01632 960777 to join.",
        current_cell=Cell.of("professionals", "professionals"),
        target_cell=Cell.of("co", "co"),
        stakeholders=[
            Stakeholder("s1", "Dafydd Rhys-Owen", organisation="Flat 3, 8 Marsh Row",
                        category=Category.VOLUNTEER, personal=True, contact="dafydd.ro@example.net",
                        notes="Recovering from a stroke", planning_role=PlanningRole.CO,
                        delivery_role=DeliveryRole.CO,
                        contributions=[Contribution(ContributionKind.TIME, 6, "hours/week",
                                                    "Cooks on Tuesdays; text 07700 900456")]),
            Stakeholder("s2", "María Ñúñez", category=Category.CARER, personal=True,
                        contact="01632 960777"),
            Stakeholder("s3", FRIENDS, category=Category.COMMUNITY_GROUP,
                        planning_role=PlanningRole.CO, delivery_role=DeliveryRole.CO,
                        contributions=[Contribution(ContributionKind.TIME, 40, "hours/week")]),
        ],
        risks=[
            Risk("r1", "Cooks burn out", description="Dafydd Rhys-Owen cooks alone most weeks",
                 likelihood=4, impact=4, shares=Shares(0, 70, 30), owner="s3"),
            Risk("r2", "Food hygiene", likelihood=2, impact=4, shares=Shares(0, 50, 40)),
        ],
        safeguards=[
            Safeguard("g1", "Food hygiene training", owner="s3", mitigates=["r2"],
                      review_date="2020-01-31"),
        ],
        engagements=[Engagement("e1", "Open meeting", date="2020-01-15", participants=["s1", "s3"],
                                raised="Dafydd Rhys-Owen asked for a summer club",
                                outcome=Outcome.NOT_CHANGED, reason="No hall in August")],
        actions=[Action("a1", "Book the hall for the summer", owner="s3", due="2020-02-29",
                        engagement="e1"),
                 Action("a2", "Write to members", due="2020-01-01", status=ActionStatus.DONE)],
    )


@dataclass
class Council:
    """Folders of plans and what a portfolio built from them must not hold."""

    plans: Path
    published: Path
    sources: list[Plan]
    damaged: Path
    other_app: Path
    newer: Path

    @property
    def folders(self) -> list[Path]:
        return [self.plans, self.published]

    def secrets(self) -> list[str]:
        """Every private individual's name, contact and organisation in the source plans."""
        found = []
        for plan in self.sources:
            for person in plan.stakeholders:
                if person.personal:
                    found += [person.name, person.organisation, *person.contact.split(", ")]
                    found += [c.note for c in person.contributions if c.note]
        return [s for s in found if s]


def write_plan(path: Path, plan: Plan) -> Path:
    PlanStore.create_from(path, plan).close()
    return path


@pytest.fixture
def council(tmp_path) -> Council:
    """Six examples and two made plans (one in a subfolder), plus a damaged, a foreign and a newer file."""
    plans = tmp_path / "plans"
    (plans / "housing").mkdir(parents=True)
    published = tmp_path / "published"
    published.mkdir()
    sources = []
    for name in example_names():
        plan = example_plan(name)
        write_plan(plans / f"{name}.coplan", plan)
        sources.append(plan)
    library = make_plan()
    library.stakeholders[0].contributions[0].amount = 120
    write_plan(plans / "housing" / "library.coplan", library)
    club = lunch_club()
    write_plan(published / "lunch-club.coplan", club)
    sources += [library, club]

    damaged = write_plan(plans / "damaged.coplan", make_plan())
    data = bytearray(damaged.read_bytes())
    data[2 * 4096:3 * 4096] = b"\xff" * 4096
    damaged.write_bytes(bytes(data))
    other_app = plans / "other-app.coplan"
    connection = sqlite3.connect(other_app)
    connection.execute("CREATE TABLE notes (body TEXT)")
    connection.commit()
    connection.close()
    newer = write_plan(published / "newer.coplan", make_plan())
    connection = sqlite3.connect(newer)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    connection.close()
    return Council(plans, published, sources, damaged, other_app, newer)
