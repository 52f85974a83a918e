"""Tests for the draft marking: DRAFT on every page and no invitation to sign while must-fix remains."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from planner.core.model import Category, Plan, PlanningRole, Stakeholder
from planner.export import ExportOptions, write_pdf
from planner.guidance.examples import example_plan

STATUS = "Draft for the partnership meeting"


def _pages(tmp_path: Path, plan: Plan, **options) -> list[str]:
    """Each page's text, whitespace runs made single spaces."""
    path = tmp_path / "plan.pdf"
    write_pdf(plan, path, ExportOptions(invariant=True, time_zone="Europe/London", **options))
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def _unfinished() -> Plan:
    """A plan with must-fix findings: no cells chosen, one co-planning group, one private person."""
    return Plan("Unfinished", organisation="Example Council", modified="2026-11-28T15:04:00Z",
                stakeholders=[
                    Stakeholder("s1", "Young people's forum", category=Category.SERVICE_USER,
                                planning_role=PlanningRole.CO),
                    Stakeholder("s2", "Ann Example", category=Category.CARER, personal=True,
                                planning_role=PlanningRole.CO),
                ])


def test_every_page_says_draft_while_must_fix_findings_remain(tmp_path):
    """Each page carries the DRAFT watermark and DRAFT before the status in its footer."""
    pages = _pages(tmp_path, _unfinished(), status=STATUS)
    assert len(pages) > 3
    for page in pages:
        assert f"DRAFT \u00b7 {STATUS}" in page
        assert page.count("DRAFT") >= 2  # the watermark as well as the footer


def test_sign_off_says_what_to_fix_instead_of_inviting_signatures(tmp_path):
    """The sign-off page lists the must-fix findings and asks no one to sign."""
    text = " ".join(_pages(tmp_path, _unfinished()))
    sign_off = text[text.rindex("Sign-off"):]
    assert "not ready to sign" in sign_off
    assert "No target cell is chosen" in sign_off
    assert "By signing" not in text


def test_an_override_prints_the_officers_reason_and_the_signature_lines(tmp_path):
    """With a stated reason the sign-off prints it and the signature table, still marked draft."""
    reason = "The board meets before the cells can be agreed."
    text = " ".join(_pages(tmp_path, _unfinished(), sign_off_reason=reason))
    sign_off = text[text.rindex("Sign-off"):]
    assert reason in sign_off and "By signing" in sign_off
    assert "DRAFT" in sign_off


def test_a_finished_plan_has_no_draft_marking(tmp_path):
    """An example with no must-fix finding has no DRAFT anywhere and invites signatures."""
    pages = _pages(tmp_path, example_plan("tackley"), status=STATUS)
    assert not any("DRAFT" in page for page in pages)
    assert "By signing" in " ".join(pages)


def test_status_and_version_are_in_every_footer(tmp_path):
    """Each page's footer says the status and the version in the officer's local time."""
    plan = replace(example_plan("tackley"), modified="2026-06-01T09:30:00Z")
    pages = _pages(tmp_path, plan, status=STATUS)
    for page in pages:
        assert f"{STATUS} \u00b7 Version: last changed 1 June 2026, 10:30 BST" in page


def test_community_co_planners_sign_as_groups_never_as_people(tmp_path):
    """A co-planning group gets a signature line; a private individual who co-plans does not."""
    text = " ".join(_pages(tmp_path, _unfinished(), sign_off_reason="Agreed at the forum."))
    sign_off = text[text.rindex("Sign-off"):]
    assert "Young people's forum Community co-planner" in sign_off
    assert "Ann Example" not in text
