"""Each plan-check rule declares its id, severity and the parts of the plan it reads, and keeps to them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from rule_plans import TODAY, clean_plan
from test_rule_registry import BREAKS

from planner.core.checks import RULE_SEVERITIES, RULES, Finding, Severity, check_plan
from planner.core.fields import Children, specs
from planner.core.model import Plan
from planner.core.rules_base import PARTS, Flag, UndeclaredRead, rule
from planner.guidance import example_names, example_plan
from planner.storage.json_format import plan_from_document

DATA = Path(__file__).parents[2] / "data"
REGISTERS = {spec.name for spec in specs(Plan) if isinstance(spec.kind, Children)}
LOOK_UPS = {"stakeholder": "stakeholders", "risk": "risks", "safeguard": "safeguards",
            "version": "versions"}


def sample_plans() -> list[tuple[str, Plan]]:
    """The worked examples, the committed test-data plans, and the clean plan broken every way."""
    plans = [(f"example {name}", example_plan(name)) for name in example_names()]
    plans += [(path.name, plan_from_document(json.loads(path.read_text(encoding="utf-8"))))
              for path in sorted(DATA.glob("plan-v*.json"))]
    plans.append(("clean", clean_plan()))
    for rule_id, breaking in BREAKS.items():
        plan = clean_plan()
        breaking(plan)
        plans.append((f"breaks {rule_id}", plan))
    return plans


class Guarded:
    """A plan whose parts a rule did not declare raise when the rule reads them."""

    def __init__(self, plan: Plan, reads: frozenset[str]):
        self._plan, self._reads = plan, reads

    def __getattr__(self, name: str):
        part = name if name in REGISTERS else LOOK_UPS.get(name, "plan")
        if part not in self._reads:
            raise UndeclaredRead(f"read {name} ({part}) without declaring it")
        return getattr(self._plan, name)


def test_the_parts_are_the_plan_and_its_registers():
    """A rule declares reads from the plan's own fields and its registers, named as the model names them."""
    assert set(PARTS) == {"plan"} | REGISTERS


def test_every_rule_declares_known_parts_and_one_id():
    """Each rule has an id, a severity and reads; the derived table is exactly the declarations."""
    for r in RULES:
        assert r.reads and r.reads <= set(PARTS), r.id
        assert isinstance(r.severity, Severity)
        assert RULE_SEVERITIES[r.id] is r.severity


@pytest.mark.parametrize("name, plan", sample_plans(), ids=lambda v: v if isinstance(v, str) else "")
def test_rules_read_only_what_they_declare_and_find_only_their_own_id(name, plan):
    """Each rule, run on a plan whose undeclared parts raise, works and finds only its own id and severity."""
    for today in (TODAY, date(2030, 1, 1)):
        for r in RULES:
            found = r(Guarded(plan, r.reads), today=today)
            assert found == r(plan, today=today), r.id
            assert {(f.rule, f.severity) for f in found} <= {(r.id, r.severity)}, r.id


def test_the_guard_catches_an_undeclared_read():
    """A rule that reads the stakeholders without declaring them fails under the guard (the test can fail)."""
    @rule("sneaky", Severity.ADVICE, "plan")
    def sneaky(plan, ctx):
        return [Flag(f"{len(plan.stakeholders)} people")]

    with pytest.raises(UndeclaredRead):
        sneaky(Guarded(clean_plan(), sneaky.reads), today=TODAY)


def test_reading_today_or_a_register_through_the_context_needs_a_declaration():
    """The date and rows by key are given only to a rule that declared them."""
    @rule("undated", Severity.ADVICE, "plan")
    def undated(plan, ctx):
        return [Flag(str(ctx.today))]

    @rule("unlisted", Severity.ADVICE, "plan")
    def unlisted(plan, ctx):
        return [Flag(str(ctx.row("stakeholders", "user")))]

    for body in (undated, unlisted):
        with pytest.raises(UndeclaredRead):
            body(clean_plan(), today=TODAY)


def test_a_rule_cannot_make_a_finding_of_another_id_or_severity():
    """A rule's body gives flags; returning a finding of its own making (any id, any severity) is refused."""
    @rule("honest", Severity.ADVICE, "plan")
    def honest(plan, ctx):
        return [Flag("Something to weigh.")]

    @rule("forger", Severity.ADVICE, "plan")
    def forger(plan, ctx):
        return [Finding("no-target-cell", Severity.ERROR, "Forged.")]

    assert honest(clean_plan()) == [Finding("honest", Severity.ADVICE, "Something to weigh.")]
    with pytest.raises(TypeError, match="forger"):
        forger(clean_plan())
    with pytest.raises(TypeError, match="forger"):
        check_plan(clean_plan(), rules=[forger], today=TODAY)


def test_a_declaration_names_only_parts_of_the_plan():
    """A misspelt part is refused when the rule is declared, not when it runs."""
    with pytest.raises(ValueError, match="stakeholder"):
        rule("typo", Severity.ADVICE, "stakeholder")(lambda plan, ctx: [])
