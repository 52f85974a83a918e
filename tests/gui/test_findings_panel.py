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
