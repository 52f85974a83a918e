"""The cell the stakeholder roles describe, and why it differs from the target."""

from planner.core.described import described_cell, role_differences
from planner.core.matrix import NA_CELL, Cell
from planner.core.model import Category, DeliveryRole, PlanningRole, Side, Stakeholder


def person(key, category, planning="none", delivery="none", side=None):
    return Stakeholder(key, key.upper(), category=category, planning_role=PlanningRole(planning),
                       delivery_role=DeliveryRole(delivery), side_override=side)


def test_professionals_alone_describe_traditional_provision():
    """Only professionals planning and delivering, nobody consulted, is the top-left cell."""
    people = [person("p", Category.PROFESSIONAL, "sole", "sole"),
              person("u", Category.SERVICE_USER, "none")]
    assert described_cell(people) == Cell.of("professionals", "professionals")


def test_consultation_counts_where_professionals_alone_deliver():
    """A consulted user makes professional delivery "with users and communities involved in planning and design"."""
    people = [person("p", Category.PROFESSIONAL, "sole", "sole"),
              person("u", Category.SERVICE_USER, "consulted")]
    assert described_cell(people) == Cell.of("co", "professionals")
    assert role_differences(people, Cell.of("co", "professionals")) == []


def test_consultation_is_not_coplanning():
    """Being consulted does not move the planning axis; a co role does."""
    people = [person("p", Category.PROFESSIONAL, "co", "co"),
              person("u", Category.SERVICE_USER, "consulted", "co")]
    assert described_cell(people) == Cell.of("professionals", "co")
    people[1].planning_role = PlanningRole.CO
    assert described_cell(people) == Cell.of("co", "co")


def test_community_alone_and_governance_counts_on_neither_side():
    """Councillors do not make a service professionally planned; volunteers alone are community."""
    people = [person("v", Category.VOLUNTEER, "sole", "sole"),
              person("c", Category.ELECTED_MEMBER, "co", "co")]
    assert described_cell(people) == Cell.of("community", "community")


def test_side_override_changes_the_cell():
    """A manager set by hand to the community side counts as community."""
    people = [person("m", Category.MANAGER, "sole", "sole", side=Side.COMMUNITY)]
    assert described_cell(people) == Cell.of("community", "community")


def test_nobody_delivering_leaves_the_cell_open():
    """With no delivery roles the described cell cannot be told yet."""
    assert described_cell([person("p", Category.PROFESSIONAL, "sole")]) is None
    assert described_cell([]) is None


def test_na_cell_can_be_described():
    """Community planning with professional delivery is reported, not hidden."""
    people = [person("v", Category.VOLUNTEER, "sole"), person("p", Category.PROFESSIONAL, "none", "sole")]
    assert described_cell(people) == NA_CELL


def test_differences_name_the_stakeholders():
    """Where roles and target differ, the difference names whose roles cause it."""
    people = [person("p", Category.PROFESSIONAL, "sole", "co"), person("v", Category.VOLUNTEER, "none", "co")]
    diffs = role_differences(people, Cell.of("co", "community"))
    assert {d.axis for d in diffs} == {"planning", "delivery"}
    delivery = next(d for d in diffs if d.axis == "delivery")
    assert delivery.stakeholder_keys == ["p"] and "P" in delivery.message
    planning = next(d for d in diffs if d.axis == "planning")
    assert "no user or community member" in planning.message
    assert role_differences(people, Cell.of("professionals", "co")) == []
