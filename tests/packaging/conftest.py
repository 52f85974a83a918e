"""Fixtures for the packaging tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def run_home(tmp_path) -> Path:
    """A throwaway home folder, and the working folder for the program under test."""
    home = tmp_path / "home"
    home.mkdir()
    return home
