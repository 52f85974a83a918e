"""The incremental plan check always gives exactly what a fresh full check gives, edit after edit."""

from __future__ import annotations

import copy
import dataclasses
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rule_plans import TODAY, clean_plan, person

from planner.core.checks import RULES, check_plan
from planner.core.incremental import IncrementalCheck
from planner.core.matrix import Cell, Delivery, Planning
from planner.core.model import (
    Action, ActionStatus, Category, ConsentMethod, Contribution, ContributionKind, DeliveryRole,
    Driver, LawfulBasis, Motive, Plan, PlanningRole, Risk, Safeguard, SafeguardKind, Shares, Side,
    Stage, Stakeholder, Stance,
)
from planner.guidance import example_names, example_plan

DATES = st.sampled_from([None, "2020-01-01", "2024-05-20", "2024-06-15", "2024-06-30", "2030-01-01", "not a date"])
CELLS = st.one_of(st.none(), st.builds(Cell, st.sampled_from(Planning), st.sampled_from(Delivery)))
NAMES = st.sampled_from(["User", "Group", "Volunteer", "Officer", "Aisha Khan", "Rhys", "  ", "Nurse Li"])
TEXTS = st.sampled_from(["", "Training for Officer", "Uses a wheelchair", "Role agreement with Rhys",
                         "Meets weekly", "diabetes support"])


def contributions():
    """A stakeholder's resources, time in a few units with amounts that may tie or tip over half."""
    return st.lists(st.builds(
        Contribution, st.sampled_from(ContributionKind),
        st.one_of(st.none(), st.sampled_from([0, 1, 2, 2.5, 3, 10, 20, 0.1])),
        st.sampled_from(["hours a week", "Hours a week ", "days", ""]), TEXTS), max_size=3)


def stakeholders(key: str):
    """A stakeholder with every field the rules read drawn at random."""
    return st.builds(
        Stakeholder, st.just(key), NAMES, category=st.sampled_from(Category),
        side_override=st.one_of(st.none(), st.sampled_from(Side)),
        planning_role=st.sampled_from(PlanningRole), delivery_role=st.sampled_from(DeliveryRole),
        influence=st.integers(1, 5), stance=st.sampled_from(Stance),
        motive=st.one_of(st.none(), st.sampled_from(Motive)), personal=st.booleans(),
        notes=TEXTS, lawful_basis=st.one_of(st.none(), st.sampled_from(LawfulBasis)),
        consent_given_on=DATES, consent_how=st.one_of(st.none(), st.sampled_from(ConsentMethod)),
        consent_withdrawn_on=DATES, retain_until=DATES, contributions=contributions())


def risks(key: str, people: list[str]):
    """A risk with owner, scores, shares and acceptance drawn at random."""
    shares = st.tuples(st.integers(0, 60), st.integers(0, 60), st.integers(0, 100)).map(lambda t: Shares(*t))
    return st.builds(
        Risk, st.just(key), NAMES, likelihood=st.integers(1, 5), impact=st.integers(1, 5),
        shares=shares, owner=st.one_of(st.none(), st.sampled_from([*people, "gone"])),
        trust_users=TEXTS, trust_community=TEXTS, accepted_residual=st.booleans(),
        residual_rationale=TEXTS)


def safeguards(key: str, people: list[str], risk_keys: list[str]):
    """A safeguard with kind, owner, links and review date drawn at random."""
    return st.builds(
        Safeguard, st.just(key), TEXTS, description=TEXTS, kind=st.sampled_from(SafeguardKind),
        owner=st.one_of(st.none(), st.sampled_from([*people, "gone"])),
        mitigates=st.lists(st.sampled_from([*risk_keys, "r-gone"]), max_size=2, unique=True),
        review_date=DATES)


def actions(key: str, people: list[str]):
    """An action with owner, due date and status drawn at random."""
    return st.builds(Action, st.just(key), NAMES, owner=st.one_of(st.none(), st.sampled_from([*people, "gone"])),
                     due=DATES, status=st.sampled_from(ActionStatus))


PLAN_FIELDS = {
    "target_cell": CELLS, "current_cell": CELLS,
    "drivers": st.lists(st.sampled_from(Driver), unique=True),
    "stages": st.lists(st.sampled_from(Stage), unique=True),
    "summary": st.sampled_from(["", "A summary."]),
    "dpia_screening": st.dictionaries(st.sampled_from(["special_category", "vulnerable"]), st.booleans()),
}


def starting_plans() -> list[Plan]:
    """Small plans to edit: the clean plan, a bare one, and two worked examples."""
    plan = clean_plan()
    plan.actions.append(Action("a1", "Book the hall", owner="user", due="2024-01-01"))
    return [plan, Plan("Bare"), example_plan(example_names()[0]), example_plan(example_names()[-1])]


def edit(data, plan: Plan, counter: list[int]) -> tuple[str, set[str] | None]:
    """Apply one random edit to ``plan``; return the part and keys it touched, as the app reports them."""
    part = data.draw(st.sampled_from(["stakeholders", "risks", "safeguards", "actions", "plan"]))
    people = [s.key for s in plan.stakeholders]
    if part == "plan":
        name = data.draw(st.sampled_from(sorted(PLAN_FIELDS)))
        setattr(plan, name, data.draw(PLAN_FIELDS[name]))
        return "plan", None
    rows = getattr(plan, part)
    how = data.draw(st.sampled_from(["change", "change", "add", "delete"]))
    if how == "delete" and rows:
        row = rows.pop(data.draw(st.integers(0, len(rows) - 1)))
        return part, {row.key}
    counter[0] += 1
    if how == "change" and rows:
        at = data.draw(st.integers(0, len(rows) - 1))
        key = rows[at].key
    else:
        at, key = None, f"{part[0]}-new{counter[0]}"
    make = {"stakeholders": lambda: stakeholders(key),
            "risks": lambda: risks(key, people),
            "safeguards": lambda: safeguards(key, people, [r.key for r in plan.risks]),
            "actions": lambda: actions(key, people)}[part]
    row = data.draw(make())
    if at is None:
        rows.insert(data.draw(st.integers(0, len(rows))), row)
    else:
        rows[at] = row
    return part, {key}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_incremental_check_equals_a_fresh_check_after_every_edit(data):
    """Random edits (rows added, changed and deleted in every register, plan fields, the date), read
    after some edits and not others, always give the findings and order of a fresh check_plan."""
    plan = copy.deepcopy(data.draw(st.sampled_from(starting_plans())))
    check = IncrementalCheck()
    today = TODAY
    assert check.findings(plan, today) == check_plan(plan, today=today)
    counter = [0]
    for _ in range(data.draw(st.integers(1, 25))):
        if data.draw(st.integers(0, 9)) == 0:
            today = data.draw(st.sampled_from([TODAY, date(2024, 6, 20), date(2031, 1, 1)]))
        else:
            part, keys = edit(data, plan, counter)
            check.touch(part, keys)
        if data.draw(st.booleans()):
            assert check.findings(plan, today) == check_plan(plan, today=today)
    assert check.findings(plan, today) == check_plan(plan, today=today)


def test_an_edit_of_one_row_judges_that_row_alone():
    """After one stakeholder's edit, the per-row rules judge that stakeholder and no other."""
    plan = clean_plan()
    check = IncrementalCheck()
    check.findings(plan, TODAY)
    judged = []
    real = check._judges
    check._judges = {rule: (lambda judge: lambda row: (judged.append(row.key), judge(row))[1])(judge)
                     for rule, judge in real.items()}
    plan.stakeholders[1] = dataclasses.replace(plan.stakeholders[1], personal=True)
    check.touch("stakeholders", {plan.stakeholders[1].key})
    found = check.findings(plan, TODAY)
    assert found == check_plan(plan, today=TODAY)
    assert {f.rule for f in found} >= {"personal-without-basis", "retention-missing"}
    assert set(judged) == {plan.stakeholders[1].key}


def test_untouched_rules_keep_their_findings():
    """A rule that reads nothing an edit touched is not run again."""
    plan = clean_plan()
    ran = []
    spied = []
    for r in RULES:
        clone = copy.copy(r)
        clone.body = (lambda body, rid: lambda *a: (ran.append(rid), body(*a))[1])(r.body, r.id)
        spied.append(clone)
    check = IncrementalCheck(spied)
    check.findings(plan, TODAY)
    ran.clear()
    plan.summary = ""
    check.touch("plan")
    assert [f.rule for f in check.findings(plan, TODAY)] == ["context-incomplete"]
    assert set(ran) == {r.id for r in RULES if "plan" in r.reads}


def test_edits_accumulate_until_the_findings_are_read():
    """Several touches between two reads are all taken into account."""
    plan = clean_plan()
    check = IncrementalCheck()
    check.findings(plan, TODAY)
    plan.risks[0].owner = None
    check.touch("risks", {"r1"})
    plan.safeguards[1].review_date = None
    check.touch("safeguards", {"g2"})
    plan.stakeholders.append(person("new", Category.CITIZEN, planning="none", delivery="none"))
    check.touch("stakeholders", {"new"})
    found = {(f.rule, f.target_key) for f in check.findings(plan, TODAY)}
    assert {("risk-without-owner", "r1"), ("safeguard-without-review", "g2"),
            ("stakeholder-without-role", "new")} <= found
    assert check.findings(plan, TODAY) == check_plan(plan, today=TODAY)


def test_a_new_plan_or_touching_everything_checks_afresh():
    """Another plan object, or a touch of "all", gives that plan's full check."""
    check = IncrementalCheck()
    first = clean_plan()
    check.findings(first, TODAY)
    second = Plan("Bare")
    assert check.findings(second, TODAY) == check_plan(second, today=TODAY)
    second.stakeholders.append(person("x", Category.CITIZEN))
    check.touch("all")
    assert check.findings(second, TODAY) == check_plan(second, today=TODAY)
    with pytest.raises(ValueError):
        check.touch("stakeholder", {"x"})


def spied(judged: list) -> list:
    """The rules, with every per-row judge noting (rule id, row key) of each row it judges."""
    out = []
    for r in RULES:
        clone = copy.copy(r)
        if r.each:
            def body(plan, ctx, _body=r.body, _id=r.id):
                judge = _body(plan, ctx)

                def spy(row):
                    judged.append((_id, row.key))
                    return judge(row)
                if hasattr(judge, "context"):
                    spy.context = judge.context
                return spy
            clone.body = body
        out.append(clone)
    return out


def test_a_safeguard_edit_rejudges_stakeholders_only_when_the_answers_to_resistance_change():
    """Moving a review date leaves every stakeholder unjudged; naming the sceptic in a training does not."""
    plan = clean_plan()
    plan.stakeholder("officer").stance = Stance.RESISTANT
    plan.safeguards[1] = dataclasses.replace(plan.safeguards[1], owner="user")
    judged: list = []
    check = IncrementalCheck(spied(judged))
    assert ("professional-resistance", "officer") in {(f.rule, f.target_key) for f in check.findings(plan, TODAY)}
    judged.clear()
    plan.safeguards[0] = dataclasses.replace(plan.safeguards[0], review_date="2098-01-01")
    check.touch("safeguards", {"g1"})
    assert check.findings(plan, TODAY) == check_plan(plan, today=TODAY)
    assert not [key for rule_id, key in judged if rule_id == "professional-resistance"]
    plan.safeguards[1] = dataclasses.replace(plan.safeguards[1], description="Training for the officer")
    check.touch("safeguards", {"g2"})
    found = check.findings(plan, TODAY)
    assert found == check_plan(plan, today=TODAY)
    assert ("professional-resistance", "officer") in judged
    assert "professional-resistance" not in {f.rule for f in found}
