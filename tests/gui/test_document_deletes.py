"""Deletes and their undo update the plan in memory from what they touched: no reload, and always what the file holds."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.conftest import make_plan
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.core.model import Plan, Risk, Safeguard, Stakeholder
from planner.core.record import Action, Engagement
from planner.storage import PlanStore
from planner.ui.document import Change, PlanDocument
from planner.ui.operations import record, risks, safeguards, stakeholders
from planner.ui.operations.base import AddCommand


def linked_plan() -> Plan:
    """The sample plan with a second safeguard, log entries and actions naming every kind of row."""
    plan = make_plan()
    plan.safeguards.append(Safeguard("g2", "Safeguarding training", owner="s1", mitigates=["r2", "r1"]))
    plan.engagements = [
        Engagement("e1", "Open meeting", date="2026-01-10", participants=["s1", "s2"], risks=["r1"],
                   safeguards=["g1"]),
        Engagement("e2", "Volunteers' evening", participants=["s1", "s3"], risks=["r2", "r1"], safeguards=["g2"]),
    ]
    plan.actions = [
        Action("a1", "Recruit a coordinator", owner="s3", risk="r1", safeguard="g1", engagement="e1"),
        Action("a2", "Write the rota", owner="s1", risk="r2", safeguard="g2", engagement="e2"),
        Action("a3", "Book the hall", owner="s2", engagement="e1"),
    ]
    return plan


class Counted:
    """Counts the store's full reads, so a test can say none happened."""

    def __init__(self, store: PlanStore):
        self.loads = 0
        real = store.load

        def load():
            self.loads += 1
            return real()
        store.load = load
        self.real = real


def deletion(document: PlanDocument, data) -> object:
    """A delete of one to three rows of one register or list, or an add whose undo is a delete."""
    plan = document.plan
    kind = data.draw(st.sampled_from(["stakeholders", "risks", "safeguards", "engagements", "actions", "add"]))
    if kind == "add":
        owner = data.draw(st.sampled_from([None] + [s.key for s in plan.stakeholders]))
        risk_keys = [r.key for r in plan.risks]
        key = document.store.new_keys  # the app's one way to number new rows, never reusing a key
        return data.draw(st.sampled_from([
            AddCommand(document, "stakeholders", [Stakeholder(key("stakeholders")[0], "Newcomer")], "add"),
            AddCommand(document, "risks", [Risk(key("risks")[0], "New risk", owner=owner)], "add risk"),
            AddCommand(document, "safeguards", [Safeguard(key("safeguards")[0], "New", owner=owner,
                                                          mitigates=risk_keys[:2])], "add safeguard"),
            record.add_action(document, "New action", owner=owner),
        ]))
    keys = [item.key for item in getattr(plan, kind)]
    if not keys:
        return None
    chosen = data.draw(st.lists(st.sampled_from(keys), min_size=1, max_size=3, unique=True))
    if kind in ("engagements", "actions"):
        return record.delete(document, kind, chosen)
    return {"stakeholders": stakeholders.delete_stakeholders, "risks": risks.delete_risks,
            "safeguards": safeguards.delete_safeguards}[kind](document, chosen)


@settings(max_examples=40)
@given(data=st.data())
def test_deletes_undo_and_redo_keep_the_plan_in_memory_equal_to_the_file(qapp, data):
    """Any sequence of deletes, adds, undos and redos leaves ``document.plan`` equal to a fresh load, never reloading."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "linked.coplan"
        PlanStore.create_from(path, linked_plan()).close()
        document = PlanDocument(PlanStore.open(path))
        try:
            document.plan  # the one full read, when the plan is opened
            counted = Counted(document.store)
            for _ in range(data.draw(st.integers(1, 8))):
                move = data.draw(st.sampled_from(["edit", "edit", "undo", "redo"]))
                if move == "edit":
                    command = deletion(document, data)
                    if command is None:
                        continue
                    assert document.execute(command)
                elif move == "undo":
                    document.undo_stack.undo()
                else:
                    document.undo_stack.redo()
                assert document.plan == counted.real(), move
            while document.undo_stack.canUndo():
                document.undo_stack.undo()
                assert document.plan == counted.real()
            original = linked_plan()
            for register in ("stakeholders", "risks", "safeguards", "engagements", "actions"):
                assert getattr(document.plan, register) == getattr(original, register)
            assert counted.loads == 0
        finally:
            document.close()


def test_a_stakeholder_delete_names_every_row_it_touched(qtbot, tmp_path):
    """Deleting a stakeholder reports their row and each risk, safeguard, action and log entry that named them."""
    path = tmp_path / "linked.coplan"
    PlanStore.create_from(path, linked_plan()).close()
    document = PlanDocument(PlanStore.open(path))
    document.plan
    with qtbot.waitSignal(document.plan_changed) as deleted:
        document.execute(stakeholders.delete_stakeholders(document, ["s1"]))
    change = deleted.args[0]
    assert change.parts == {"stakeholders": {"s1"}, "risks": {"r1"}, "safeguards": {"g2"},
                            "actions": {"a2"}, "engagements": {"e1", "e2"}}
    assert not change.everything and change.touches("risks") and not change.touches("plan")
    with qtbot.waitSignal(document.plan_changed) as undone:
        document.undo_stack.undo()
    assert undone.args[0] == change
    document.close()


def test_a_risk_delete_names_the_safeguards_that_answered_it(qtbot, tmp_path):
    """Deleting a risk reports the safeguards whose list of risks lost it, and the actions and entries naming it."""
    path = tmp_path / "linked.coplan"
    PlanStore.create_from(path, linked_plan()).close()
    document = PlanDocument(PlanStore.open(path))
    document.plan
    with qtbot.waitSignal(document.plan_changed) as deleted:
        document.execute(risks.delete_risks(document, ["r1"]))
    assert deleted.args[0].parts == {"risks": {"r1"}, "safeguards": {"g1", "g2"}, "actions": {"a1"},
                                     "engagements": {"e1", "e2"}}
    assert document.plan.safeguard("g2").mitigates == ["r2"]
    document.close()


def test_change_of_one_part_is_as_before():
    """``Change.of`` and a one-part ``Change.rows`` are the same plain change; "all" touches everything."""
    assert Change.rows({"risks": ["r1"], "actions": []}) == Change.of("risks", "r1")
    assert Change.of("risks", "r1").parts == {"risks": {"r1"}}
    assert Change("plan").touches("plan") and not Change("plan").touches("risks")
    assert Change("all").touches("risks") and Change("all").everything and Change("all").parts == {}
    several = Change.rows({"risks": ["r1"], "safeguards": ["g1", "g2"]})
    assert several.scope == "rows" and several.keys_in("safeguards") == {"g1", "g2"}


def shown(window) -> dict[str, list]:
    """What each page's tables hold, by register, after every page has been built."""
    pages = {name: window.go_to_step(name) for name in ("stakeholders", "risks", "safeguards", "record")}
    return {"stakeholders": pages["stakeholders"].model.items(), "risks": pages["risks"].model.items(),
            "safeguards": pages["safeguards"].model.items(), "actions": pages["record"].action_model.items(),
            "engagements": pages["record"].log_model.items()}


def test_every_page_shows_the_plan_after_a_delete_and_its_undo(window, tmp_path):
    """After deleting two stakeholders and undoing it, each table holds the plan's rows in its order, owners and all."""
    from planner.core.checks import check_plan
    from planner.ui.files import open_plan

    path = tmp_path / "linked.coplan"
    PlanStore.create_from(path, linked_plan()).close()
    open_plan(window, path)
    document = window.document
    shown(window)  # every page built
    window.go_to_step("stakeholders")
    for step in (lambda: document.execute(stakeholders.delete_stakeholders(document, ["s1", "s3"])),
                 document.undo_stack.undo, document.undo_stack.redo, document.undo_stack.undo):
        step()
        plan, fresh = document.plan, document.store.load()
        assert plan == fresh
        window.go_to_step("stakeholders")
        tables = shown(window)
        for register in ("stakeholders", "risks", "safeguards", "actions", "engagements"):
            assert [item.key for item in tables[register]] == [item.key for item in getattr(fresh, register)], register
            assert tables[register] == getattr(fresh, register), register
        counts = window.step_model
        assert counts.data(counts.index(counts.row_of("review")), counts.AttentionRole) == sum(
            1 for f in check_plan(fresh) if f.severity.name in ("ERROR", "WARNING"))
    assert [s.key for s in document.plan.stakeholders] == ["s1", "s2", "s3"]
