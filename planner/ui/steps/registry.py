"""The steps of the guided workflow, registered in one place, in the order the officer meets them.

A step is one module (a ``Step`` class with its NAME and TITLE) and one entry in ``PAGES``.
Everything else is read from here: the step list and its numbering, Next/Previous step
(Ctrl+PgDown/PgUp), which plan-check findings each step counts and lists, Review's headings
and their order, and where Undo and Redo take the officer after changing a row.

An entry names its page without importing it: the window lists every step at once but
builds a page (importing its module, with its tables, forms and map) only the first time it
is shown. No Qt here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class StepPage:
    """One step as the window knows it.

    Args:
        name: the class's NAME.
        title: the class's TITLE (untranslated).
        where: "module:Class" of the page, imported when it is first shown.
        rows: the registers whose rows the page shows and selects ("risks"): findings about such
            a row are fixed here, and undoing an edit of one comes back here.
        rules: ids of the plan-wide findings (about no one row) the page answers.
        summary: the page lists every finding under the others' headings (Review), counting
            them all, and has no heading of its own.
    """

    name: str
    title: str
    where: str
    rows: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    summary: bool = False

    @property
    def module(self) -> str:
        return self.where.partition(":")[0]

    @property
    def class_name(self) -> str:
        return self.where.partition(":")[2]

    def step_class(self):
        return getattr(importlib.import_module(self.module), self.class_name)


PAGES: tuple[StepPage, ...] = (
    StepPage("context", "Service and context", "planner.ui.steps.context:ContextStep",
             rules=("context-incomplete", "drivers-off-axis", "dpia-not-screened")),
    StepPage("stakeholders", "Stakeholders", "planner.ui.steps.stakeholders:StakeholdersStep",
             rows=("stakeholders",), rules=("no-stakeholders", "no-service-users", "no-provider-champion")),
    StepPage("matrix", "Coproduction matrix", "planner.ui.steps.matrix:MatrixStep",
             rules=("no-target-cell", "na-cell", "roles-differ-from-target", "no-current-cell",
                    "coproducer-without-resources", "community-motives-without-role")),
    StepPage("risks", "Division of risk", "planner.ui.steps.risks:RisksStep",
             rows=("risks",), rules=("no-risks", "shares-total", "risk-without-owner", "high-risk-unguarded",
                                      "residual-without-rationale", "burden-shifting")),
    StepPage("safeguards", "Governance safeguards", "planner.ui.steps.safeguards:SafeguardsStep",
             rows=("safeguards",), rules=("diluted-accountability", "safeguard-without-owner",
                                          "safeguard-without-review", "safeguard-review-overdue")),
    StepPage("record", "The partnership's record", "planner.ui.steps.record:RecordStep",
             rows=("actions", "engagements")),
    StepPage("review", "Review and share", "planner.ui.steps.review:ReviewStep", summary=True),
)


def pages() -> tuple[StepPage, ...]:
    """Every registered step, in order (read when asked, so a test may register one more)."""
    return PAGES


def row_of(name: str) -> int:
    """The position of the step called ``name``, or -1."""
    return next((row for row, page in enumerate(PAGES) if page.name == name), -1)


def headed() -> tuple[str, ...]:
    """The steps that count findings of their own, in order: Review's headings."""
    return tuple(page.name for page in PAGES if not page.summary)


def target_type(register: str) -> str:
    """The target type a finding or a page's ``select`` uses for a row of ``register``: "risk"."""
    return register.removesuffix("s")


def step_for_rows(register: str) -> str | None:
    """The NAME of the step that shows rows of ``register``, or None."""
    return next((page.name for page in PAGES if register in page.rows), None)


_maps: list = [None, {}, {}]  # the PAGES the maps below were made from, target type -> step, rule -> step


def _lookups() -> tuple[dict[str, str], dict[str, str]]:
    """Target type -> step and rule id -> step, made again only when the registration changes."""
    if _maps[0] is not PAGES:  # asked once per finding: a scan of every page took 30 ms for 16,000
        targets: dict[str, str] = {}
        rules: dict[str, str] = {}
        for page in PAGES:
            for register in page.rows:
                targets.setdefault(target_type(register), page.name)
            for rule_id in page.rules:
                rules.setdefault(rule_id, page.name)
        _maps[:] = [PAGES, targets, rules]
    return _maps[1], _maps[2]


def step_for_target(kind: str) -> str | None:
    """The NAME of the step that shows the row a finding of target type ``kind`` points at."""
    return _lookups()[0].get(kind)


def step_for_rule(rule_id: str) -> str | None:
    """The NAME of the step that answers the plan-wide rule ``rule_id``, or None."""
    return _lookups()[1].get(rule_id)
