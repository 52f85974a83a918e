"""The JSON interchange format: lossless round trip, and refusals that name the place."""

import json

import pytest
from hypothesis import HealthCheck, given, settings

from planner.storage import FormatError, PlanStore
from planner.storage.json_format import FORMAT_VERSION, dumps, loads, plan_to_document

from declared_plans import plans  # noqa: E402  (strategies drawn from the declarations)


@settings(deadline=None)  # a large drawn plan can take longer than 200 ms on a loaded machine
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
    (lambda d: d.update(format_version=FORMAT_VERSION + 1), "format_version", "newer"),
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
    assert doc["format"] == "coproduction-plan" and doc["format_version"] == FORMAT_VERSION
    assert doc["plan"]["target_cell"] == {"planning": "co", "delivery": "community"}
    assert doc["risks"][0]["shares"] == {"users": 10, "community": 60, "professionals": 30}
