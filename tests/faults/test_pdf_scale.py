"""A full register prints in time proportional to its length: a long table is never re-copied page after page."""

from __future__ import annotations

from reportlab.platypus import tables

from planner.core.model import Plan, Stakeholder
from planner.export import ExportOptions, write_pdf


def test_a_long_register_copies_each_row_a_bounded_number_of_times(tmp_path, monkeypatch):
    """Exporting 2,000 stakeholders in full builds tables holding under 60 rows per stakeholder in all."""
    copied = []
    original = tables.Table.__init__

    def counting(self, data, *args, **kwargs):
        copied.append(len(data))
        original(self, data, *args, **kwargs)
    monkeypatch.setattr(tables.Table, "__init__", counting)
    people = [Stakeholder(f"s{i}", f"Person {i}", organisation="Friends of the library")
              for i in range(2_000)]
    write_pdf(Plan(title="Big", stakeholders=people), tmp_path / "big.pdf",
              ExportOptions(full=True, include_personal=True))
    # reportlab alone copies the rest of a table on every page: ~190 rows per stakeholder here,
    # and more the longer the register; cut into chunks it is ~36 whatever the length.
    assert sum(copied) < 60 * len(people), sum(copied)
