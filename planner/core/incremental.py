"""The plan check kept up to date edit by edit: only the rules, and rows, an edit can affect run again.

The app calls :meth:`IncrementalCheck.touch` with what each edit touched (a part of the plan and
the keys of its rows, or None for the whole part) and :meth:`IncrementalCheck.findings` when it
needs the findings. Each rule declares what it reads (:func:`planner.core.rules_base.rule`):

- a rule that reads nothing touched keeps its findings;
- a per-row rule whose own register alone was touched judges only the touched rows again,
  keeping the other rows' findings; if another part it reads was touched it runs whole;
- a tally rule's tally re-tags only the touched rows, then the rule runs over the tally;
- a rule that compares dates with today runs again when the date differs.

The result is always what ``check_plan(plan)`` gives (a property test holds it to that).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import date
from typing import Any

from planner.core.checks import RULES
from planner.core.model import Plan
from planner.core.rule_run import Run, in_severity_order
from planner.core.rules_base import PARTS, Finding, Judge, Rule

# What a set of edits touched: each part, with the keys of the rows touched (None: all of it).
Touched = dict[str, "set[str] | None"]


class _Rows:
    """One per-row rule's findings, in register order, with the key of the row each came from."""

    __slots__ = ("by_key", "keys", "found")

    def __init__(self) -> None:
        self.by_key: dict[str, Finding] = {}
        self.keys: list[str] = []  # the keys of the rows with a finding, in register order
        self.found: list[Finding] = []  # their findings, in the same order

    def fill(self, rows: Iterable[Any], judge: Judge, rule: Rule) -> None:
        """Judge the rows given, in register order."""
        make = rule.finding
        self.by_key, self.keys, self.found = {}, [], []
        for row in rows:
            flag = judge(row)
            if flag is not None:
                finding = make(flag)
                self.by_key[row.key] = finding
                self.keys.append(row.key)
                self.found.append(finding)

    def drop(self, key: str) -> None:
        """Forget the finding of the row with this key, if it had one."""
        if self.by_key.pop(key, None) is not None:
            at = self.keys.index(key)
            del self.keys[at], self.found[at]

    def put(self, key: str, finding: Finding, positions: dict[str, int]) -> None:
        """Give the row with this key (which has none) a finding, in its place in the register.

        Rows added or removed elsewhere move positions but not the order of the others, so the
        place is found by bisection on the rows' current positions.
        """
        at = bisect_left(self.keys, positions[key], key=positions.__getitem__)
        self.by_key[key] = finding
        self.keys.insert(at, key)
        self.found.insert(at, finding)


class IncrementalCheck:
    """The plan check of one plan in memory, brought up to date with only the work edits need."""

    def __init__(self, rules: Iterable[Rule] | None = None):
        self.rules: list[Rule] = list(RULES if rules is None else rules)
        self._plan: Plan | None = None
        self._pending: Touched = {}
        self._run: Run | None = None
        self._judges: dict[Rule, Judge] = {}
        self._rows: dict[Rule, _Rows] = {}
        self._found: dict[Rule, list[Finding]] = {}
        self._result: list[Finding] = []

    def touch(self, part: str, keys: Iterable[str] | None = None) -> None:
        """Note that an edit touched ``part`` ("all" for everything): the rows with ``keys``, or all of it."""
        if part == "all":
            self._pending = dict.fromkeys(PARTS)
            return
        if part not in PARTS:
            raise ValueError(f"no part of the plan is called {part!r}")
        if keys is None or (part in self._pending and self._pending[part] is None):
            self._pending[part] = None
        else:
            self._pending.setdefault(part, set()).update(keys)  # type: ignore[union-attr]

    def findings(self, plan: Plan, today: date | None = None) -> list[Finding]:
        """The plan check's findings for ``plan`` as it is now, exactly as ``check_plan`` gives them."""
        today = today or date.today()
        if plan is not self._plan or self._run is None or (
                len(self._pending) == len(PARTS) and all(v is None for v in self._pending.values())):
            self._start(plan, today)
        elif self._pending or today != self._run.today:
            self._update(today)
        return list(self._result)

    def _start(self, plan: Plan, today: date) -> None:
        self._plan, self._pending = plan, {}
        self._run = run = Run(plan, today)
        self._judges, self._rows, self._found = {}, {}, {}
        for rule in self.rules:
            if rule.each:
                self._judge_all(rule)
            else:
                self._found[rule] = run.findings(rule)
        self._assemble()

    def _judge_all(self, rule: Rule, judge: Judge | None = None) -> None:
        run = self._run
        judge = self._judges[rule] = judge or rule.body(run.plan, run.context(rule))
        positions = run.positions(rule.each)  # kept from now on, for the rows' places
        rows = getattr(run.plan, rule.each)
        if rule.only is not None:  # only the rows that pass the rule's own test of a row, kept in a tally
            candidates = run.tally_of(rule.each, rule.candidates).keys("only")
            rows = [rows[at] for at in sorted(positions[key] for key in candidates)]
        self._rows.setdefault(rule, _Rows()).fill(rows, judge, rule)

    def _update(self, today: date) -> None:
        run, pending = self._run, self._pending
        self._pending = {}
        new_day = today != run.today
        run.today = today
        moved = {part for part, keys in pending.items() if part != "plan" and not self._still_in_place(part, keys)}
        for part in moved:
            run.forget_positions(part)
        for part, keys in pending.items():
            if part != "plan":
                self._retag(part, keys)
        touched = set(pending)
        for rule in self.rules:
            dated = rule.uses_today and new_day
            if not rule.each:
                if dated or rule.reads & touched:
                    self._found[rule] = run.findings(rule)
            elif dated or (rule.each in pending and pending[rule.each] is None):
                self._judge_all(rule)
            elif (rule.reads - {rule.each}) & touched and not self._same_judge(rule):
                self._judge_all(rule, self._judges[rule])
            elif rule.each in pending:
                self._judge_rows(rule, pending[rule.each])  # type: ignore[arg-type]
        self._assemble()

    def _same_judge(self, rule: Rule) -> bool:
        """Make the rule's judge again; True if it judges as before (the same ``context``, see
        :func:`planner.core.rules_base.judging`), so the other rows' findings stand."""
        old = self._judges[rule]
        new = self._judges[rule] = rule.body(self._plan, self._run.context(rule))
        return hasattr(new, "context") and hasattr(old, "context") and new.context == old.context

    def _still_in_place(self, part: str, keys: set[str] | None) -> bool:
        """Whether every row of ``part`` is where it was: only rows changed, none added or removed."""
        known = self._run.known_positions(part)
        if known is None:
            return True  # nothing was placed yet: nothing to move
        rows = getattr(self._plan, part)
        if keys is None or len(rows) != len(known):
            return False
        return all(key in known and rows[known[key]].key == key for key in keys)

    def _retag(self, part: str, keys: set[str] | None) -> None:
        run = self._run
        for tally in run.tallies_over(part):
            if keys is None:
                tally.fill(getattr(self._plan, part))
                continue
            for key in keys:
                tally.drop(key)
                row = run.positions(part).get(key)
                if row is not None:
                    tally.put(getattr(self._plan, part)[row])

    def _judge_rows(self, rule: Rule, keys: set[str]) -> None:
        judge, rows, state = self._judges[rule], getattr(self._plan, rule.each), self._rows[rule]
        positions = self._run.positions(rule.each)
        for key in keys:  # first every touched row's old finding out, so the rest are all in place
            state.drop(key)
        for key in keys:
            at = positions.get(key)
            row = None if at is None else rows[at]
            if row is None or (rule.only is not None and not rule.only(row)):
                continue
            flag = judge(row)
            if flag is not None:
                state.put(key, rule.finding(flag), positions)

    def _assemble(self) -> None:
        self._result = in_severity_order(
            (rule, self._rows[rule].found if rule.each else self._found[rule]) for rule in self.rules)
