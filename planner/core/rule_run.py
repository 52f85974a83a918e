"""Running declared rules over a plan: what a rule may look up, and one whole check."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from datetime import date
from operator import attrgetter
from typing import Any

from planner.core.model import Plan
from planner.core.rules_base import Finding, Rule, Severity, Tally, UndeclaredRead

_KEY = attrgetter("key")
SEVERITY_ORDER = (Severity.ERROR, Severity.WARNING, Severity.ADVICE)


class Context:
    """What a rule may look up besides the plan: today, and rows by key, of what it declared."""

    __slots__ = ("_plan", "_today", "_rule", "_positions")

    def __init__(self, plan: Plan, today: date, rule: Rule, positions: Callable[[str], dict[str, int]]):
        self._plan, self._today, self._rule, self._positions = plan, today, rule, positions

    @property
    def today(self) -> date:
        """The date the check compares dates with (for rules declared with ``today=True``)."""
        if not self._rule.uses_today:
            raise UndeclaredRead(f"rule {self._rule.id} reads today's date without declaring it")
        return self._today

    def positions(self, part: str) -> dict[str, int]:
        """Each row's key in a register the rule reads, with its place in the register."""
        if part not in self._rule.reads:
            raise UndeclaredRead(f"rule {self._rule.id} reads {part} without declaring it")
        return self._positions(part)

    def row(self, part: str, key: str | None) -> Any:
        """The row with this key in a register the rule reads, or None."""
        at = self.positions(part).get(key)  # type: ignore[arg-type]
        return None if at is None else getattr(self._plan, part)[at]

    def in_order(self, part: str, keys: Iterable[str]) -> list[Any]:
        """The rows with these keys, in the register's order."""
        positions, rows = self.positions(part), getattr(self._plan, part)
        return [rows[at] for at in sorted(positions[key] for key in keys)]


class Run:
    """One check of one plan: positions and tallies worked out once and shared by the rules."""

    def __init__(self, plan: Plan, today: date):
        self.plan, self.today = plan, today
        self._positions: dict[str, dict[str, int]] = {}
        self._tallies: dict[tuple[str, Callable], Tally] = {}

    def positions(self, part: str) -> dict[str, int]:
        """Each row's key in a register with its place, worked out once (until forgotten)."""
        if part not in self._positions:
            rows = getattr(self.plan, part)
            self._positions[part] = dict(zip(map(_KEY, rows), range(len(rows))))
        return self._positions[part]

    def known_positions(self, part: str) -> dict[str, int] | None:
        """The positions worked out so far for a register, or None."""
        return self._positions.get(part)

    def forget_positions(self, part: str) -> None:
        """Work a register's positions out again when next asked (rows were added or removed)."""
        self._positions.pop(part, None)

    def tallies_over(self, part: str) -> list[Tally]:
        """The tallies kept so far over a register."""
        return [tally for (over, _), tally in self._tallies.items() if over == part]

    def context(self, rule: Rule) -> Context:
        return Context(self.plan, self.today, rule, self.positions)

    def tally(self, rule: Rule) -> Tally:
        """The rule's tally (shared by rules that tag the same register the same way)."""
        return self.tally_of(rule.tallies, rule.tags)  # type: ignore[arg-type]

    def tally_of(self, part: str, tags: Callable) -> Tally:
        """The rows of ``part`` grouped by ``tags``, worked out once."""
        if (part, tags) not in self._tallies:
            self._tallies[(part, tags)] = Tally(tags).fill(getattr(self.plan, part))
        return self._tallies[(part, tags)]

    def findings(self, rule: Rule) -> list[Finding]:
        """One rule's findings, in the order it makes them."""
        context = self.context(rule)
        if rule.each:
            judge, make, rows = rule.body(self.plan, context), rule.finding, getattr(self.plan, rule.each)
            if rule.only is not None:
                rows = filter(rule.only, rows)
            return [make(flag) for flag in map(judge, rows) if flag is not None]
        flags = (rule.body(self.plan, context, self.tally(rule)) if rule.tallies
                 else rule.body(self.plan, context))
        return [rule.finding(flag) for flag in flags]


def in_severity_order(found: Iterable[tuple[Rule, list[Finding]]]) -> list[Finding]:
    """Every rule's findings, errors first; rules keep their order within a severity.

    Each rule has one severity, so this is the stable sort by severity without a pass over
    the findings one by one.
    """
    by_severity: dict[Severity, list[Finding]] = {severity: [] for severity in SEVERITY_ORDER}
    for rule, findings in found:
        by_severity[rule.severity].extend(findings)
    return [*by_severity[Severity.ERROR], *by_severity[Severity.WARNING], *by_severity[Severity.ADVICE]]


def check(plan: Plan, rules: Collection[Rule], today: date) -> list[Finding]:
    """Run ``rules`` over ``plan`` once."""
    run = Run(plan, today)
    return in_severity_order((rule, run.findings(rule)) for rule in rules)
