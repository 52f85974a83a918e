"""The JSON interchange format: lossless round trip, and refusals that name the place."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.core.matrix import available_cells
from planner.core.model import (
    Category, Contribution, ContributionKind, DeliveryRole, Driver, Motive, Plan, PlanningRole,
    Risk, RiskCategory, Safeguard, SafeguardKind, Shares, Side, Stage, Stakeholder, Stance,
)
from planner.storage import FormatError, PlanStore
from planner.storage.json_format import dumps, loads, plan_to_document

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
title = text.filter(lambda t: t.strip())
scale = st.integers(1, 5)
share = st.integers(0, 100)


@st.composite
def plans(draw):
    """Any valid plan: keys unique, references pointing at things that exist."""
    n_people = draw(st.integers(0, 4))
    people = [
        Stakeholder(
            f"s{i}", draw(title), draw(text), draw(st.sampled_from(Category)),
            draw(st.none() | st.sampled_from(Side)), draw(st.sampled_from(PlanningRole)),
            draw(st.sampled_from(DeliveryRole)), draw(scale), draw(scale),
            draw(st.sampled_from(Stance)),
            draw(st.lists(st.builds(
                Contribution, st.sampled_from(ContributionKind),
                st.none() | st.integers(0, 10**9) | st.floats(0, 1e9, allow_nan=False),
                text, text), max_size=2)),
            draw(st.none() | st.sampled_from(Motive)), draw(st.booleans()), draw(text), draw(text))
        for i in range(n_people)
    ]
    owners = st.none() | st.sampled_from([p.key for p in people]) if people else st.none()
    risks = [
        Risk(f"r{i}", draw(title), draw(text), draw(st.sampled_from(RiskCategory)), draw(scale),
             draw(scale), Shares(draw(share), draw(share), draw(share)), draw(owners), draw(text),
             draw(text), draw(text), draw(st.booleans()), draw(text), draw(st.booleans()))
        for i in range(draw(st.integers(0, 3)))
    ]
    risk_keys = [r.key for r in risks]
    guards = [
        Safeguard(f"g{i}", draw(title), draw(text), draw(st.sampled_from(SafeguardKind)),
                  draw(owners), draw(st.lists(st.sampled_from(risk_keys), unique=True)) if risk_keys else [],
                  draw(st.none() | st.dates().map(lambda d: d.isoformat()).filter(lambda s: len(s) == 10)),
                  draw(st.booleans()))
        for i in range(draw(st.integers(0, 3)))
    ]
    cells = st.none() | st.sampled_from(available_cells())
    return Plan(draw(title), draw(text), draw(text), draw(text), draw(text),
                draw(st.lists(st.sampled_from(Driver), unique=True)),
                draw(st.lists(st.sampled_from(Stage), unique=True)), draw(cells), draw(cells),
                "2026-11-28T10:00:00+00:00", "2026-11-28T11:00:00+00:00", people, risks, guards)


@given(plans())
def test_any_valid_plan_survives_json(plan):
    """Any valid plan -> JSON -> plan is equal."""
    assert loads(dumps(plan)) == plan


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=plans())
def test_any_valid_plan_survives_the_plan_file(plan, tmp_path_factory):
    """Any valid plan -> .coplan file -> plan is equal (timestamps aside)."""
    path = tmp_path_factory.mktemp("rt") / "p.coplan"
    with PlanStore.create_from(path, plan) as store:
        loaded = store.load()
    loaded.created, loaded.modified = plan.created, plan.modified
    assert loaded == plan


def document(sample_plan):
    return json.loads(dumps(sample_plan))


@pytest.mark.parametrize("change, where, problem", [
    (lambda d: d["risks"][1].update(owner="s9"), "risks[1].owner", 'no stakeholder "s9"'),
    (lambda d: d["safeguards"][0].update(mitigates=["r7"]), "safeguards[0].mitigates[0]", 'no risk "r7"'),
    (lambda d: d["stakeholders"][1].update(key="s1"), "stakeholders[1].key", "duplicate key"),
    (lambda d: d["stakeholders"][0].update(influence=6), "stakeholders[0].influence", "out of range"),
    (lambda d: d["stakeholders"][0].update(colour="red"), "stakeholders[0].colour", "unknown field"),
    (lambda d: d.update(extra=1), "extra", "unknown field"),
    (lambda d: d.update(format_version=2), "format_version", "newer"),
    (lambda d: d["plan"].update(target_cell={"planning": "community", "delivery": "professionals"}), "plan.target_cell", "N/A"),
    (lambda d: d["plan"].update(current_cell={"planning": "community", "delivery": "professionals"}), "plan.current_cell", "N/A"),
    (lambda d: d["risks"][0].update(category="boredom"), "risks[0].category", "not one of"),
    (lambda d: d["risks"][0]["shares"].update(users=101), "risks[0].shares.users", "out of range"),
    (lambda d: d["safeguards"][0].update(review_date="31/03/2027"), "safeguards[0].review_date", "YYYY-MM-DD"),
    (lambda d: d["plan"].update(title=""), "plan.title", "must not be empty"),
    (lambda d: d.update(format="spreadsheet"), "format", "not a coproduction plan"),
])
def test_refusals_name_the_place(sample_plan, change, where, problem):
    """Each kind of bad document is refused with the place and the problem."""
    doc = document(sample_plan)
    change(doc)
    with pytest.raises(FormatError) as refused:
        loads(json.dumps(doc))
    assert refused.value.where == where
    assert problem in refused.value.problem


def test_invalid_json_is_refused():
    """Text that is not JSON is refused with its line and column."""
    with pytest.raises(FormatError, match="line 1 column 2"):
        loads("{oops")
    with pytest.raises(FormatError, match="expected an object"):
        loads("[]")


def test_shares_not_adding_to_100_import_fine(sample_plan):
    """Shares off 100 are allowed on import; the plan check reports them."""
    doc = document(sample_plan)
    doc["risks"][0]["shares"] = {"users": 10, "community": 10, "professionals": 10}
    assert loads(json.dumps(doc)).risks[0].shares.total == 30


def test_document_has_the_documented_shape(sample_plan):
    """The top level and the cells have the shape docs/plan-format.md shows."""
    doc = plan_to_document(sample_plan)
    assert doc["format"] == "coproduction-plan" and doc["format_version"] == 1
    assert doc["plan"]["target_cell"] == {"planning": "co", "delivery": "community"}
    assert doc["risks"][0]["shares"] == {"users": 10, "community": 60, "professionals": 30}
