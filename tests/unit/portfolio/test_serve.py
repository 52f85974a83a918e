"""Serving the portfolio: a real Datasette process answers every canned query through its JSON API."""

from __future__ import annotations

import json
import os
import selectors
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

import pytest

from planner.portfolio.build import build
from planner.portfolio.queries import QUERIES

ROOT = Path(__file__).resolve().parents[3]
STARTUP_SECONDS = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_output(process: subprocess.Popen, text: str, seconds: float) -> str:
    """Read the process's output until it holds ``text``; fail after ``seconds`` or on exit.

    Reads the pipe's raw bytes: a buffered reader could hold the awaited line while the
    selector waits for more.
    """
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + seconds
    seen = b""
    while text.encode() not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"no {text!r} within {seconds}s:\n" + seen.decode(errors="replace")
        if selector.select(timeout=left):
            chunk = os.read(process.stdout.fileno(), 65536)
            assert chunk, "the server stopped:\n" + seen.decode(errors="replace")
            seen += chunk
    selector.close()
    return seen.decode(errors="replace")


@pytest.fixture
def served(council, tmp_path):
    """The council's portfolio served by `coplanner portfolio serve` on a free loopback port."""
    database = tmp_path / "portfolio.db"
    build(council.folders, database, today=date.today())
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "planner", "portfolio", "serve", str(database), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=tmp_path)
    try:
        wait_for_output(process, f"running on http://127.0.0.1:{port}", STARTUP_SECONDS)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)
        process.stdout.close()


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        return json.loads(response.read().decode("utf-8"))


def query(base: str, name: str) -> list[dict]:
    return get_json(f"{base}/portfolio/{name}.json?_shape=array")


@pytest.mark.slow
def test_every_canned_query_answers_through_the_json_api(served):
    """Each canned query runs on the served portfolio and gives the answers the plans hold."""
    results = {name: query(served, name) for name in QUERIES}
    assert all(isinstance(rows, list) for rows in results.values())

    by_cell = {row["plan"]: row for row in results["plans_by_cell"]}
    assert len(by_cell) == 8
    assert by_cell["Estate lunch club"]["target cell"] == "Full user/professional coproduction"

    grid = results["matrix_picture"]
    assert [row["Who delivers"] for row in grid] == [
        "Professionals as sole service deliverer",
        "Professionals and users/communities as codeliverers",
        "Users/communities as sole deliverers"]
    assert grid[0]["Professionals as sole service planners"] == "7 today → 0 aiming here"
    assert grid[0]["No professional input into service planning"] == "N/A"
    assert grid[1]["Service user and/or community as coplanners"] == "1 today → 2 aiming here"

    picture = {row["code"]: row for row in results["plans_per_cell"]}
    assert len(picture) == 8 and "community/professionals" not in picture
    assert sum(row["plans today"] for row in picture.values()) == 8
    assert picture["co/co"]["plans aiming here"] == 2  # Caterham and the lunch club
    assert sum(row["plans"] for row in results["matrix_moves"]) == 8

    high = results["high_risks_without_safeguard"]
    assert [(r["plan"], r["risk"]) for r in high] == [("Estate lunch club", "Cooks burn out")]

    overdue = results["overdue_safeguards"]
    assert [(r["plan"], r["what"], r["title"], r["owner"]) for r in overdue] == [
        ("Estate lunch club", "Safeguard review", "Food hygiene training", "Friends of Tŷ Gwyn Library"),
        ("Estate lunch club", "Action", "Book the hall for the summer", "Friends of Tŷ Gwyn Library")]
    assert overdue[0]["days overdue"] > 365

    groups = {r["group"]: r for r in results["community_groups_across_plans"]}
    friends = groups["Friends of Tŷ Gwyn Library"]
    assert friends["plans"] == 2 and "Estate lunch club" in friends["in plans"]
    assert "120.0 hours/week" in friends["time given"] and "40.0 hours/week" in friends["time given"]
    assert "Volunteer 1" not in groups  # a private individual is not a group, even when named by role

    time_given = {(r["plan"], r["unit"]): r["time given"] for r in results["volunteer_time_by_plan"]}
    assert time_given[("Estate lunch club", "hours/week")] == 46  # 40 from the group, 6 from a volunteer

    must_fix = {r["plan"]: r for r in results["plans_with_must_fix_findings"]}
    assert set(must_fix) == {"Estate lunch club"}
    assert must_fix["Estate lunch club"]["must fix"] == 2
    assert "Cooks burn out" in must_fix["Estate lunch club"]["findings"]


@pytest.mark.slow
def test_metadata_gives_plain_titles_and_labels_for_codes(served):
    """The served tables carry our titles, and a coded column shows its plain label."""
    meta = get_json(f"{served}/-/metadata.json")
    tables = meta["databases"]["portfolio"]["tables"]
    assert tables["plans"]["title"] == "Plans"
    queries = meta["databases"]["portfolio"]["queries"]
    assert queries["matrix_picture"]["title"] == "The matrix as a portfolio picture"
    plans = get_json(f"{served}/portfolio/plans.json?_shape=array&_labels=on&title=Estate+lunch+club")
    assert plans[0]["target_cell"] == {"value": "co/co", "label": "Full user/professional coproduction"}
    people = get_json(f"{served}/portfolio/stakeholders.json?_shape=array&_labels=on&name=Volunteer+1")
    assert people[0]["category"]["label"] == "Volunteer"
    assert people[0]["side"]["label"] == "Community"
