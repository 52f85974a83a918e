"""Tests for who the sign-off block lists: the lead and partner organisations, never people."""

from __future__ import annotations

from planner.core.model import Category, Plan, Stakeholder
from planner.export.sections.closing import partner_organisations
from planner.guidance.examples import example_plan


def test_lead_comes_first_then_organisations_once_each():
    """The plan's organisation leads; stakeholder organisations follow once, in plan order."""
    plan = Plan("P", organisation="Cyngor Sir Enghraifft", stakeholders=[
        Stakeholder("s1", "Youth work team", organisation="cyngor sir  enghraifft",
                    category=Category.PROFESSIONAL),
        Stakeholder("s2", "Forum", organisation="Fforwm Ieuenctid", category=Category.CITIZEN),
        Stakeholder("s3", "Treasurer", organisation="Fforwm Ieuenctid", category=Category.VOLUNTEER),
    ])
    assert partner_organisations(plan) == ["Cyngor Sir Enghraifft", "Fforwm Ieuenctid"]


def test_bodies_without_an_organisation_sign_under_their_own_name():
    """Groups, charities, businesses, funders, regulators and named public bodies are partners."""
    plan = Plan("P", stakeholders=[
        Stakeholder("a", "Rural Community Council", category=Category.THIRD_SECTOR),
        Stakeholder("b", "The Post Office", category=Category.PRIVATE_PARTNER),
        Stakeholder("c", "External funders", category=Category.FUNDER),
        Stakeholder("d", "Care Inspectorate", category=Category.REGULATOR),
        Stakeholder("e", "Friends of the park", category=Category.COMMUNITY_GROUP),
        Stakeholder("f", "District council (planning authority)", category=Category.MANAGER),
        Stakeholder("g", "Youth work team", category=Category.PROFESSIONAL),
    ])
    assert partner_organisations(plan) == [
        "Rural Community Council", "The Post Office", "External funders", "Care Inspectorate",
        "Friends of the park", "District council (planning authority)", "Youth work team"]


def test_people_and_groups_of_people_are_never_listed():
    """Personal stakeholders, users, carers, councillors and staff are not organisations."""
    plan = Plan("P", stakeholders=[
        Stakeholder("a", "Gwenllian Ŵyn", category=Category.COMMUNITY_GROUP, personal=True),
        Stakeholder("b", "Villagers", category=Category.CITIZEN),
        Stakeholder("c", "Host families", category=Category.CARER),
        Stakeholder("d", "Local politicians", category=Category.ELECTED_MEMBER),
        Stakeholder("e", "Local doctor", category=Category.PROFESSIONAL),
        Stakeholder("f", "Head of Community Services", category=Category.MANAGER),
        Stakeholder("g", "Core staff in health services and the council",
                    category=Category.PROFESSIONAL),
    ])
    assert partner_organisations(plan) == []


def test_worked_example_lists_its_partners():
    """Tackley's sign-off names the village and the bodies that funded and backed the shop."""
    assert partner_organisations(example_plan("tackley")) == [
        "Tackley village", "Parish, district and county councils", "The Post Office",
        "Rural Community Council", "External funders"]


def test_pdf_shows_the_version_readably_on_cover_and_sign_off(tmp_path):
    """The cover and the sign-off print the stamp in the officer's zone, not as ISO or UTC."""
    from pypdf import PdfReader

    from planner.export import ExportOptions, write_pdf

    path = tmp_path / "p.pdf"
    write_pdf(Plan("P", organisation="Tackley village", modified="2025-07-24T16:30:00+00:00"),
              path, ExportOptions(invariant=True, time_zone="Europe/London",
                                  sign_off_reason="The partners agreed to sign today."))
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
    assert "24 July 2025, 17:30 BST" in pages[0]
    sign_off = " ".join(pages)[" ".join(pages).rindex("Sign-off"):]
    assert "24 July 2025, 17:30 BST" in sign_off and "Lead organisation" in sign_off
    assert "UTC" not in " ".join(pages)
    assert "2025-07-24T16:30" not in " ".join(pages)
