"""A PDF export stopped by its progress callback leaves nothing; a full disk says so, not 'close the file'."""

from __future__ import annotations

import pytest
from faultkit import file_size_limit

from planner.core.model import Plan, Stakeholder
from planner.export import ExportCancelled, ExportError, ExportOptions, write_pdf


def plan() -> Plan:
    """A plan of a few pages."""
    return Plan(title="Library plan", stakeholders=[Stakeholder(f"s{i}", f"Person {i}", notes="note " * 50)
                                                    for i in range(120)])


def test_cancelling_leaves_nothing_and_keeps_the_old_pdf(tmp_path):
    """Cancelling mid-export raises ExportCancelled, removes the partial file and keeps an older PDF."""
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"%PDF- an older, complete copy")
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 3:
            raise ExportCancelled()
    with pytest.raises(ExportCancelled):
        write_pdf(plan(), out, ExportOptions(full=True), progress=progress)
    assert out.read_bytes() == b"%PDF- an older, complete copy"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_a_full_disk_is_named_as_such(tmp_path):
    """A PDF that does not fit on the disk says the disk is full, not that the file is open elsewhere."""
    with file_size_limit(20_000), pytest.raises(ExportError) as caught:
        write_pdf(plan(), tmp_path / "plan.pdf", ExportOptions(full=True))
    message = str(caught.value)
    assert "disk is full" in message and "another program" not in message
    assert list(tmp_path.iterdir()) == []
