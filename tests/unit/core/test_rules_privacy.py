"""Tests for the personal-data rules of the plan check and the DPIA screening, with fixed dates."""

from __future__ import annotations

from datetime import date

from planner.core.checks import check_plan
from planner.core.model import Category, LawfulBasis, Plan, Stakeholder
from planner.core.privacy import (
    add_months, default_retain_until, private_by_default, screening_result,
)

TODAY = date(2027, 3, 1)
SCREENED = {"vulnerable": True, "special_category": False}


def found(plan: Plan) -> dict[str, list[str]]:
    """Rule id -> messages of the personal-data findings on ``plan`` as of TODAY."""
    rules = {"personal-without-basis", "consent-undated", "consent-withdrawn", "retention-due",
             "retention-overdue", "retention-missing", "dpia-not-screened", "special-category-hint"}
    result: dict[str, list[str]] = {}
    for f in check_plan(plan, today=TODAY):
        if f.rule in rules:
            result.setdefault(f.rule, []).append(f.message)
    return result


def resident(**fields) -> Stakeholder:
    """A private individual with a lawful basis and a keep-until date far off, unless told."""
    fields.setdefault("lawful_basis", LawfulBasis.PUBLIC_TASK)
    fields.setdefault("retain_until", "2030-01-01")
    return Stakeholder("s1", "Gwen Ŵyn", personal=True, **fields)


def test_a_complete_record_raises_nothing():
    """Basis, keep-until date and a screening done: no personal-data finding."""
    assert found(Plan(title="t", stakeholders=[resident()], dpia_screening=SCREENED)) == {}


def test_organisations_are_never_asked_for_a_basis():
    """A stakeholder who is not a private individual is outside these rules."""
    group = Stakeholder("s2", "Tenants' association", category=Category.COMMUNITY_GROUP)
    assert found(Plan(title="t", stakeholders=[group])) == {}


def test_missing_basis_and_missing_screening_are_reported():
    """No basis on the person, no screening on the plan: one warning each."""
    result = found(Plan(title="t", stakeholders=[resident(lawful_basis=None)]))
    assert set(result) == {"personal-without-basis", "dpia-not-screened"}
    assert "Gwen Ŵyn" in result["personal-without-basis"][0]


def test_consent_needs_a_date_and_withdrawal_is_an_error():
    """Consent without a date warns; withdrawn consent is an error naming the date in words."""
    undated = found(Plan(title="t", dpia_screening=SCREENED, stakeholders=[
        resident(lawful_basis=LawfulBasis.CONSENT)]))
    assert set(undated) == {"consent-undated"}
    dated = found(Plan(title="t", dpia_screening=SCREENED, stakeholders=[
        resident(lawful_basis=LawfulBasis.CONSENT, consent_given_on="2026-01-10")]))
    assert dated == {}
    withdrawn = found(Plan(title="t", dpia_screening=SCREENED, stakeholders=[
        resident(lawful_basis=LawfulBasis.CONSENT, consent_given_on="2026-01-10",
                 consent_withdrawn_on="2027-02-14")]))
    assert list(withdrawn) == ["consent-withdrawn"]
    assert "14 February 2027" in withdrawn["consent-withdrawn"][0]


def test_retention_warns_in_the_last_thirty_days_and_errs_after():
    """31 days ahead is quiet, 30 days ahead warns, yesterday is an error."""
    def rules(until: str | None) -> set[str]:
        return set(found(Plan(title="t", dpia_screening=SCREENED,
                              stakeholders=[resident(retain_until=until)])))
    assert rules("2027-04-01") == set()
    assert rules("2027-03-31") == {"retention-due"}
    assert rules("2027-02-28") == {"retention-overdue"}
    assert rules(None) == {"retention-missing"}


def test_health_words_in_notes_point_to_the_screening():
    """A note about a diagnosis is flagged until the screening says special-category data is held."""
    plan = Plan(title="t", dpia_screening=SCREENED,
                stakeholders=[resident(notes="Recent dementia diagnosis")])
    assert "“dementia”" in found(plan)["special-category-hint"][0]
    plan.dpia_screening = {**SCREENED, "special_category": True}
    assert found(plan) == {}


def test_person_like_categories_start_as_private_individuals():
    """Service users, carers, volunteers and citizens start private; groups and staff do not."""
    assert [c.value for c in Category if private_by_default(c)] == [
        "service_user", "carer", "volunteer", "citizen"]


def test_screening_result_counts_the_yes_answers():
    """Two yes answers: a DPIA is likely needed; none of all answered: unlikely."""
    assert screening_result({}).startswith("Not screened yet")
    assert screening_result({"vulnerable": True, "safety": True}).startswith("A DPIA is likely")
    assert screening_result({"vulnerable": True}).startswith("One screening question is yes")
    from planner.core.privacy import SCREENING
    assert screening_result({q.key: False for q in SCREENING}).startswith("A DPIA is unlikely")


def test_retention_period_gives_new_people_a_date():
    """Twelve months from 31 January is 31 January next year; month ends are kept in range."""
    plan = Plan(title="t", retention_months=12)
    assert default_retain_until(plan, date(2027, 1, 31)) == "2028-01-31"
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert default_retain_until(Plan(title="t"), TODAY) is None
