"""The register models: Qt's model rules, and refreshing only the rows an edit touched."""

from __future__ import annotations

from dataclasses import replace

from plan_factory import stakeholders
from planner.core.model import Risk, Safeguard, Shares
from planner.storage import NotFound
from planner.ui.models.base import KEY_ROLE, SORT_ROLE
from planner.ui.models.risks import RiskTableModel
from planner.ui.models.safeguards import SafeguardTableModel
from planner.ui.models.stakeholders import StakeholderTableModel
from planner.ui.widgets.shares import carried, rebalance, share_rest


def test_stakeholder_model_passes_the_model_tester(qtmodeltester):
    """The stakeholder table model keeps Qt's model contract with rows in it."""
    model = StakeholderTableModel()
    model.reset(stakeholders(12))
    qtmodeltester.check(model)


def test_risk_and_safeguard_models_pass_the_model_tester(qtmodeltester):
    """The risk and safeguard table models keep Qt's model contract."""
    risks = RiskTableModel(lambda key: {"s1": "Amira"}.get(key, ""))
    risks.reset([Risk("r1", "Burnout", owner="s1", suggested=True), Risk("r2", "Capture", likelihood=5, impact=5)])
    qtmodeltester.check(risks)
    safeguards = SafeguardTableModel(lambda key: "", lambda key: {"r1": "Burnout"}.get(key, key))
    safeguards.reset([Safeguard("g1", "Rota", mitigates=["r1"], review_date="2027-01-31")])
    qtmodeltester.check(safeguards)
    assert risks.index(0, 1).data() == "Suggested"
    assert risks.index(1, 5).data() == "25 (high)"
    assert safeguards.index(0, 5).data() == "Burnout"


def test_refresh_changes_only_the_touched_row(qtbot):
    """A refresh of one key emits dataChanged for that row alone and no reset."""
    model = StakeholderTableModel()
    people = stakeholders(50)
    model.reset(people)
    changed = replace(people[20], influence=5)
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.dataChanged) as signal:
        model.refresh({"s21"}, lambda key: changed)
    top_left, bottom_right = signal.args[:2]
    assert (top_left.row(), bottom_right.row()) == (20, 20)
    assert model.index(20, 6).data() == "5"
    assert model.index(20, 6).data(SORT_ROLE) == 5
    assert not resets


def test_refresh_adds_new_keys_and_drops_gone_ones(qtmodeltester):
    """Keys the model lacks are appended; keys the store no longer has are removed."""
    model = StakeholderTableModel()
    people = stakeholders(5)
    model.reset(people[:4])
    qtmodeltester.check(model)
    model.refresh({"s5"}, lambda key: people[4])
    assert model.rowCount() == 5 and model.index(4, 0).data(KEY_ROLE) == "s5"

    def gone(key):
        raise NotFound("gone", key)
    model.refresh({"s2"}, gone)
    assert [model.index(r, 0).data(KEY_ROLE) for r in range(model.rowCount())] == ["s1", "s3", "s4", "s5"]
    assert model.row_of("s5") == 3


def test_rebalance_always_adds_to_100():
    """Setting one share spreads the rest over the others in their old proportion."""
    assert rebalance(Shares(10, 60, 30), "users", 40) == Shares(40, 40, 20)
    assert rebalance(Shares(0, 0, 100), "professionals", 50) == Shares(25, 25, 50)
    assert rebalance(Shares(0, 0, 100), "users", 100) == Shares(100, 0, 0)
    for value in range(0, 101, 7):
        for side in ("users", "community", "professionals"):
            assert rebalance(Shares(33, 33, 34), side, value).total == 100


def test_share_rest_keeps_the_share_typed_last():
    """"Share the rest" keeps the last-typed share, or scales all three when none was typed."""
    assert share_rest(Shares(50, 20, 20), "community") == Shares(57, 20, 23)
    assert share_rest(Shares(50, 20, 20), None) == Shares(56, 22, 22)
    assert share_rest(Shares(0, 0, 0), None) == Shares(0, 0, 100)
    assert share_rest(Shares(100, 100, 100), "users") == Shares(100, 0, 0)
    for shares in (Shares(1, 2, 3), Shares(99, 99, 0), Shares(0, 7, 0), Shares(33, 33, 33)):
        for keep in (None, "users", "community", "professionals"):
            assert share_rest(shares, keep).total == 100


def test_carried_sums_score_times_share():
    """The chart's totals are likelihood x impact x share, per side."""
    totals = carried([Risk("r1", "a", likelihood=4, impact=5, shares=Shares(50, 25, 25)),
                      Risk("r2", "b", likelihood=1, impact=2, shares=Shares(0, 0, 100))])
    assert totals == {"users": 10.0, "community": 5.0, "professionals": 7.0}


def test_the_filtering_proxy_passes_the_model_tester(qtbot, qtmodeltester):
    """The register's sort-and-filter proxy keeps Qt's model contract while filtered."""
    from planner.ui.widgets.register import RegisterPane
    model = StakeholderTableModel()
    model.reset(stakeholders(30))
    pane = RegisterPane(model, "stakeholders")
    qtbot.addWidget(pane)
    pane.filter_box.setText("age cymru")
    assert 0 < pane.proxy.rowCount() < 30
    qtmodeltester.check(pane.proxy)


def test_filter_words_may_come_from_different_columns():
    """Each word typed must appear somewhere in the row, in any column, in any case."""
    from planner.ui.widgets.register import RegisterFilter
    model = StakeholderTableModel()
    model.reset(stakeholders(10))
    proxy = RegisterFilter()
    proxy.setSourceModel(model)
    proxy.set_filter_text("RIVERSIDE carer")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Bryn Jones"]


def test_refresh_removes_runs_of_rows(qtbot, qtmodeltester):
    """Gone keys in neighbouring rows go in one removal per run, leaving the rest in order."""
    model = StakeholderTableModel()
    model.reset(stakeholders(8))
    qtmodeltester.check(model)
    removals = []
    model.rowsAboutToBeRemoved.connect(lambda parent, first, last: removals.append((first, last)))

    def gone(key):
        raise NotFound("gone", key)
    model.refresh({"s2", "s3", "s4", "s7"}, gone)
    assert removals == [(6, 6), (1, 3)]
    assert [model.index(r, 0).data(KEY_ROLE) for r in range(model.rowCount())] == ["s1", "s5", "s6", "s8"]
    assert model.row_of("s8") == 3
