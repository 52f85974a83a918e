"""Every way of adding rows takes its keys from storage's one scheme, and a key never names two rows."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from planner.core.model import Risk, Safeguard, Stakeholder
from planner.storage import PlanStore
from planner.ui.document import PlanDocument
from planner.ui.operations import record, risks, safeguards, stakeholders
from planner.ui.operations.base import AddCommand

REGISTERS = ("stakeholders", "risks", "safeguards", "engagements", "actions")


@pytest.fixture
def document(qtbot, plan_file):
    doc = PlanDocument(PlanStore.open(plan_file))
    yield doc
    doc.close()


def _risk_suggestion(title):
    return SimpleNamespace(template=SimpleNamespace(to_risk=lambda key: Risk(key, title, suggested=True)))


def _safeguard_suggestion(title, mitigates):
    template = SimpleNamespace(to_safeguard=lambda key, mitigates: Safeguard(key, title, mitigates=mitigates, suggested=True))
    return SimpleNamespace(template=template, mitigates=mitigates)


def _adds(document: PlanDocument, n: int):
    """Every way the app adds rows, by register: (register, command), each naming ``n`` for its own title."""
    plan = document.plan
    return [
        ("stakeholders", stakeholders.add_stakeholder(document, f"Person {n}")),
        ("stakeholders", stakeholders.duplicate_stakeholders(document, plan.stakeholders[:2], f"copy {n}")),
        ("stakeholders", stakeholders.import_stakeholders(
            document, [Stakeholder(k, f"Imported {n}.{i}") for i, k in enumerate(document.store.new_keys("stakeholders", 2))])),
        ("risks", risks.add_risk(document, f"Risk {n}")),
        ("risks", risks.duplicate_risks(document, plan.risks[:2], f"copy {n}")),
        ("risks", risks.suggest_risks(document, [_risk_suggestion(f"Suggested {n}.{i}") for i in range(3)])),
        ("safeguards", safeguards.add_safeguard(document, f"Safeguard {n}")),
        ("safeguards", safeguards.duplicate_safeguards(document, plan.safeguards[:2], f"copy {n}")),
        ("safeguards", safeguards.suggest_safeguards(
            document, [_safeguard_suggestion(f"Suggested {n}.{i}", [plan.risks[0].key]) for i in range(2)])),
        ("engagements", record.add_engagement(document, f"Meeting {n}")),
        ("actions", record.add_action(document, f"Action {n}")),
    ]


def test_every_add_takes_its_keys_from_storage(document, monkeypatch):
    """Add, Duplicate, Suggest, import, log entries and actions all number their rows with ``new_keys``."""
    handed: dict[str, list[str]] = {name: [] for name in REGISTERS}

    def new_keys(register, count=1):  # keys no other scheme would make
        keys = [f"{register[0]}90{len(handed[register]) + i}" for i in range(count)]
        handed[register].extend(keys)
        return keys

    monkeypatch.setattr(document.store, "new_keys", new_keys)
    commands = _adds(document, 1)
    assert {register for register, _ in commands} == set(REGISTERS)
    for register, command in commands:
        assert isinstance(command, AddCommand) and command.register == register
        assert command.keys and set(command.keys) <= set(handed[register]), (register, command.text())


def _titles(items) -> dict[str, str]:
    return {item.key: getattr(item, "title", None) or getattr(item, "name", "") for item in items}


@pytest.mark.parametrize("seed", range(4))
def test_keys_never_collide_after_deletes_undo_redo_and_agreed_versions(document, seed):
    """A random run of adds, deletes, undo, redo and agreed versions: no key ever names two different rows."""
    rng = random.Random(seed)
    stack = document.undo_stack
    refused = []
    document.write_failed.connect(refused.append)
    def check(plan, where, cited):
        """Keys unique in each register; a key an agreed version cites names that same row or none."""
        for register in REGISTERS:
            items = getattr(plan, register)
            keys = [item.key for item in items]
            assert len(keys) == len(set(keys)), (where, register, keys)
            for key, title in _titles(items).items():
                assert cited.setdefault((register, key), title) == title, (where, register, key)

    for n in range(60):
        move = rng.choice(["add", "add", "add", "delete", "delete", "undo", "undo", "redo", "agree"])
        plan = document.plan
        if move == "add":
            candidates = [c for r, c in _adds(document, n) if c.items]
            assert document.execute(rng.choice(candidates))
        elif move == "delete":
            register = rng.choice(REGISTERS)
            items = getattr(plan, register)
            if len(items) > 2:  # keep a few, for duplicates and links
                keys = [item.key for item in rng.sample(items, rng.randint(1, 2))]
                command = (record.delete(document, register, keys) if register in ("engagements", "actions")
                           else getattr(globals()[register], f"delete_{register}")(document, keys))
                assert document.execute(command)
        elif move == "undo" and stack.canUndo():
            stack.undo()
        elif move == "redo" and stack.canRedo():
            stack.redo()
        elif move == "agree":
            assert document.execute(record.AgreeCommand(document, f"Version {n}", "2026-11-28"))
        assert not refused, refused  # no redo met a key taken meanwhile
        assert document.plan == document.store.load()
        cited: dict[tuple[str, str], str] = {}  # (register, key) -> the row (by its unique title) it names
        for version in document.plan.versions:
            check(document.store.version_plan(version.label), f"step {n}: version {version.label}", cited)
        check(document.plan, f"step {n}: {move}", cited)
