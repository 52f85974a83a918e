"""Adding rows to a register: one transaction for many, and keys that never name two rows."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from planner.core.model import Action, Engagement, Risk, Safeguard, Stakeholder
from planner.storage import InvalidValue, NotFound, PlanStore

# One new row of each register, given its key.
NEW = {
    "stakeholders": lambda key: Stakeholder(key, f"Person {key}"),
    "risks": lambda key: Risk(key, f"Risk {key}"),
    "safeguards": lambda key: Safeguard(key, f"Safeguard {key}", mitigates=["r1"]),
    "engagements": lambda key: Engagement(key, f"Meeting {key}", participants=["s1"]),
    "actions": lambda key: Action(key, f"Action {key}"),
}


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("register", list(NEW))
def test_many_rows_are_added_in_order_at_the_end(plan_file, register):
    """``add`` puts every row, with its links, at the end of its register in the order given."""
    with PlanStore.open(plan_file) as store:
        keys = store.new_keys(register, 3)
        before = [item.key for item in getattr(store.load(), register)]
        store.add(register, [NEW[register](key) for key in keys])
        plan = store.load()
    assert [item.key for item in getattr(plan, register)] == before + keys
    assert getattr(plan, register)[-1] == NEW[register](keys[-1])


@pytest.mark.parametrize("register", list(NEW))
def test_a_key_taken_half_way_adds_nothing_and_leaves_the_file_as_it_was(plan_file, register):
    """The third of five rows takes a key already in the plan: InvalidValue, and not one row is added."""
    with PlanStore.open(plan_file) as store:
        taken = store.new_keys(register)[0]
        store.add(register, [NEW[register](taken)])
        fresh = store.new_keys(register, 4)
        batch = [NEW[register](k) for k in fresh[:2]] + [NEW[register](taken)] + [NEW[register](k) for k in fresh[2:]]
        before_plan, before_bytes = store.load(), digest(plan_file)
        with pytest.raises(InvalidValue):
            store.add(register, batch)
        assert store.load() == before_plan
    assert digest(plan_file) == before_bytes


def test_a_batch_giving_one_key_twice_is_refused_before_writing(plan_file):
    """Two new rows with the same key are refused by name, and the file is not touched."""
    before = digest(plan_file)
    with PlanStore.open(plan_file) as store:
        with pytest.raises(InvalidValue, match="r9"):
            store.add("risks", [Risk("r9", "One"), Risk("r9", "Two")])
    assert digest(plan_file) == before


def test_an_invalid_row_half_way_adds_nothing(plan_file):
    """A row that fails validation in the middle of a batch refuses the whole batch."""
    with PlanStore.open(plan_file) as store:
        before = store.load().risks
        with pytest.raises(InvalidValue):
            store.add("risks", [Risk("r7", "Fine"), Risk("r8", "Bad", likelihood=9), Risk("r9", "Fine")])
        assert store.load().risks == before


def test_rows_cannot_be_added_to_what_is_not_a_register(plan_file):
    """Versions are agreed, not added, and an unknown name is refused with NotFound."""
    with PlanStore.open(plan_file) as store:
        for name in ("versions", "plan", "contributions; DROP TABLE risks"):
            with pytest.raises(NotFound):
                store.add(name, [])
        with pytest.raises(NotFound):
            store.new_keys("nonsense")


@pytest.mark.parametrize("register", list(NEW))
def test_new_keys_go_above_every_key_in_use(plan_file, register):
    """Each register numbers new keys on from its highest, with its own prefix."""
    with PlanStore.open(plan_file) as store:
        first, second = store.new_keys(register, 2)
        store.add(register, [NEW[register](first), NEW[register](second)])
        prefix = first.rstrip("0123456789")
        assert store.new_keys(register) == [f"{prefix}{int(second[len(prefix):]) + 1}"]


def test_a_key_deleted_since_a_version_was_agreed_is_never_handed_out_again(plan_file):
    """A version cites R<n> and S<n>: after they are deleted, new rows take other keys."""
    with PlanStore.open(plan_file) as store:
        risk = store.new_keys("risks")[0]
        person = store.new_keys("stakeholders")[0]
        store.add("risks", [Risk(risk, "Cited in the agreed version")])
        store.add("stakeholders", [Stakeholder(person, "Named in the agreed version")])
        store.agree("Cabinet, March")
        store.delete(risks=[risk], stakeholders=[person])
        assert store.new_keys("risks") != [risk] and risk not in store.new_keys("risks", 5)
        assert person not in store.new_keys("stakeholders", 5)
        assert risk in store.used_keys("risks")
        # Without the version, nothing cites the key: it may be used again.
        store.delete_version(store.versions()[-1].key)
        assert store.new_keys("risks") == [risk]


def test_keys_deleted_before_any_version_are_not_cited_anywhere(plan_file):
    """With no agreed version, the used keys are exactly those in the register now."""
    with PlanStore.open(plan_file) as store:
        assert store.used_keys("risks") == {r.key for r in store.load().risks}


def test_keys_of_other_shapes_do_not_move_the_numbering(plan_file):
    """Keys a JSON file or a CSV import gave ("s99x", "sarah", "s07") are skipped or read as their number."""
    with PlanStore.open(plan_file) as store:
        base = store.new_keys("stakeholders")[0]
        store.add("stakeholders", [Stakeholder(k, k) for k in ("s99x", "sarah", "s")])
        assert store.new_keys("stakeholders") == [base]
        store.add("stakeholders", [Stakeholder("s070", "Seventy")])
        assert store.new_keys("stakeholders", 2) == ["s71", "s72"]


def test_a_damaged_version_snapshot_cites_no_keys_and_stops_no_add(plan_file):
    """A version whose snapshot is not a plan document (a crafted file) is passed over, not a crash."""
    with PlanStore.open(plan_file) as store:
        store.agree("Good")
        store.agree("Odd")
        store.add("risks", [Risk("r40", "Cited")])
        store.agree("Cites r40")
        store.delete(risks=["r40"])
    db = sqlite3.connect(plan_file)
    with db:
        db.execute("UPDATE versions SET snapshot = 'not json at all' WHERE label = 'Good'")
        db.execute("""UPDATE versions SET snapshot = '{"risks": [5, "r77", {"key": 9}, {"key": "r50"}]}' WHERE label = 'Odd'""")
    db.close()
    with PlanStore.open(plan_file) as store:
        assert store.new_keys("risks") == ["r51"]
        assert {"r40", "r50"} <= store.used_keys("risks") and "r77" not in store.used_keys("risks")
