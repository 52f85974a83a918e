"""Fixtures for the fault tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def empty_plan(tmp_path):
    """A new, empty plan file, closed."""
    from planner.storage import PlanStore

    path = tmp_path / "plan.coplan"
    PlanStore.create(path, "Fault test").close()
    return path
