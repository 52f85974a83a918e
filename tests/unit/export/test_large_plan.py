"""Tests for a large plan's summary-first paper and its optional annex of full registers."""

from __future__ import annotations

import random
import re
from pathlib import Path

from pypdf import PdfReader

from planner.core.matrix import Cell
from planner.core.model import (
    Category, Plan, PlanningRole, Risk, Safeguard, Shares, Stakeholder,
)
from planner.export import ExportOptions, write_pdf
from planner.export.sections.summary import HIGH_RISK


def large_plan(people: int = 2_000, risks: int = 500, guards: int = 500) -> Plan:
    """A plan the size of a county-wide service, with organisations, people and scored risks."""
    rnd = random.Random(14)
    stakeholders = [
        Stakeholder(f"s{i}", f"Person {i}" if i % 3 == 0 else f"Group {i}",
                    organisation="" if i % 3 == 0 else f"Trust {i % 150}",
                    category=rnd.choice(list(Category)), personal=i % 3 == 0,
                    planning_role=rnd.choice(list(PlanningRole)),
                    influence=rnd.randint(1, 5), interest=rnd.randint(1, 5))
        for i in range(1, people + 1)]
    register = [Risk(f"r{i}", f"Risk number {i}", likelihood=rnd.randint(1, 5),
                     impact=rnd.randint(1, 5), shares=Shares(20, 30, 50), owner="s2")
                for i in range(1, risks + 1)]
    safeguards = [Safeguard(f"g{i}", f"Safeguard {i}", owner="s2",
                            mitigates=[f"r{rnd.randint(1, risks)}"],
                            review_date=f"2027-{rnd.randint(1, 12):02d}-01")
                  for i in range(1, guards + 1)]
    return Plan("County plan", organisation="Example County Council",
                modified="2026-11-28T10:00:00Z", current_cell=Cell.of("professionals", "professionals"),
                target_cell=Cell.of("co", "co"), stakeholders=stakeholders, risks=register,
                safeguards=safeguards)


def _export(tmp_path: Path, plan: Plan, **options) -> PdfReader:
    """Write the plan and read it back."""
    path = tmp_path / "plan.pdf"
    write_pdf(plan, path, ExportOptions(invariant=True, time_zone="Europe/London", **options))
    return PdfReader(path)


def test_large_plan_default_paper_is_short_and_summarised(tmp_path):
    """2,000 stakeholders and 500 risks make a paper of at most 30 pages, with the picture."""
    plan = large_plan()
    reader = _export(tmp_path, plan)
    assert len(reader.pages) <= 30
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "The plan records 2,000 stakeholders" in text
    assert "How likely and how serious" in text
    # Influence is the officer's judgement of named partners: for circulation it stays out.
    assert "The most influential stakeholders" not in text
    assert "Annex: full registers" not in text
    covered = {key for guard in plan.safeguards for key in guard.mitigates}
    for number, risk in enumerate(plan.risks, start=1):
        if risk.score >= HIGH_RISK and risk.key not in covered:
            assert f"R{number} {risk.title} " in text  # every unguarded high risk is named


def test_with_the_groups_analysis_the_summary_names_the_most_influential_groups(tmp_path):
    """Asked for, the summary lists the most influential groups, never a private individual."""
    reader = _export(tmp_path, large_plan(people=200, risks=40, guards=10), analysis="groups")
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    top = text[text.index("The most influential stakeholders"):]
    assert "Group " in top[:3000] and "Person " not in top[:3000]


def test_full_registers_follow_the_sign_off_as_an_annex(tmp_path):
    """With full registers a large plan prints every stakeholder after the sign-off, bookmarked."""
    plan = large_plan(people=60, risks=35, guards=10)
    reader = _export(tmp_path, plan, full=True)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    annex = text.index("Annex: full registers The full registers")
    assert text.index("Sign-off") < annex
    assert "Group 59" in text[annex:]
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[-1] == "Annex: full registers"
    nested = reader.outline[-1]
    assert isinstance(nested, list) and [i.title for i in nested if not isinstance(i, list)] == [
        "Stakeholders", "Division of risk", "Governance safeguards"]


def test_large_plan_sign_off_lists_partner_organisations_not_people(tmp_path):
    """The summary's sign-off names every partner organisation in a list, and no private person."""
    plan = large_plan()
    reader = _export(tmp_path, plan, sign_off_reason="Agreed by the board.")
    # Without each page's watermark and footer, so a list running over a page reads on.
    footer = re.compile(r"^(DRAFT|County plan|Page \d+ of \d+|DRAFT \u00b7 .*)$")
    body = [line for page in reader.pages for line in page.extract_text().splitlines()
            if not footer.match(line.strip())]
    text = " ".join(" ".join(body).split())
    sign_off = text[text.rindex("Sign-off"):]
    assert "Example County Council (lead organisation)" in sign_off
    partners = {person.organisation for person in plan.stakeholders if person.organisation}
    assert len(partners) == 100
    assert all(f"{name} (partner organisation)" in sign_off for name in partners)
    assert "and 35 more, listed under Plan check findings" in sign_off
    assert "Person 3" not in text
