"""A page's findings list follows the plan check by difference: rows that stay are kept, only the rest come and go."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from PySide6.QtWidgets import QWidget

from planner.core.checks import Finding, Severity
from planner.ui.widgets.findings import FindingsPanel, finding_line

POOL = [Finding(f"rule-{i % 3}", Severity.WARNING if i % 2 else Severity.ADVICE, f"Stakeholder s{i} needs a part.",
                "stakeholder", f"s{i}") for i in range(12)]


def make_panel() -> FindingsPanel:
    """A panel inside a page that is never shown (so showing the panel opens no window)."""
    page = QWidget()
    panel = FindingsPanel(page)
    panel.page = page  # kept alive with the panel
    return panel


def texts(panel: FindingsPanel) -> list[str]:
    return [panel.list.item(row).text() for row in range(panel.list.count())]


def test_one_finding_gone_and_one_new_keep_every_other_row(qapp):
    """When one finding goes and another comes, the rows of the rest are the same items, in order."""
    panel = make_panel()
    panel.show_findings(POOL[:8], 4)
    items = {panel.list.item(row).text(): panel.list.item(row) for row in range(panel.list.count())}
    panel.list.setCurrentRow(6)
    current = panel.list.currentItem()
    after = POOL[:3] + [POOL[10]] + POOL[4:8]
    panel.show_findings(after, 4)
    assert texts(panel) == [finding_line(panel, f) for f in after]
    for row, finding in enumerate(after):
        if finding is not POOL[10]:
            assert panel.list.item(row) is items[finding_line(panel, finding)]
    assert panel.list.currentItem() is current


@settings(max_examples=60)
@given(before=st.lists(st.sampled_from(POOL), max_size=10), after=st.lists(st.sampled_from(POOL), max_size=10))
def test_the_list_always_shows_the_latest_findings(qapp, before, after):
    """Whatever the findings were and become (repeats, reorders, none), the list shows exactly the new ones."""
    panel = make_panel()
    panel.show_findings(before, len(before))
    panel.show_findings(after, len(after))
    assert texts(panel) == [finding_line(panel, f) for f in after]
    assert panel.findings == after
    assert panel.isHidden() == (not after)


@settings(max_examples=200)
@given(before=st.lists(st.sampled_from(POOL), max_size=14), after=st.lists(st.sampled_from(POOL), max_size=14),
       third=st.lists(st.sampled_from(POOL), max_size=14))
def test_findings_sorted_from_the_last_sorting_are_sorted_as_afresh(before, after, third):
    """Sorting findings by step from the findings sorted before gives each step the lists, counts and places a fresh sort gives."""
    from planner.ui.steps.attention import StepFindings

    earlier = StepFindings(before)
    for findings in (after, third):
        followed, fresh = StepFindings(findings, before=earlier), StepFindings(findings)
        for name in fresh.lists.keys() | followed.lists.keys():
            assert followed.lists.get(name, []) == fresh.lists.get(name, []), name
            assert followed.places.get(name, []) == fresh.places.get(name, []), name
            assert followed.counts.get(name, 0) == fresh.counts.get(name, 0), name
        earlier = followed


def test_a_step_none_of_whose_findings_changed_keeps_its_list(qapp):
    """When only one step's findings change, every other step's list is the very same list, which its page skips."""
    from planner.ui.steps.attention import StepFindings

    plan_wide = Finding("no-risks", Severity.WARNING, "No risks yet.", "plan", None)
    before = StepFindings(POOL[:6] + [plan_wide])
    after = StepFindings(POOL[:2] + POOL[3:6] + [plan_wide], before=before)
    assert after.lists["risks"] is before.lists["risks"]
    assert after.lists["stakeholders"] == POOL[:2] + POOL[3:6]
    panel = make_panel()
    panel.show_findings(before.lists["risks"], 1)
    first = panel.list.item(0)
    panel.show_findings(after.lists["risks"], 1)
    assert panel.list.item(0) is first and panel.findings is before.lists["risks"]
