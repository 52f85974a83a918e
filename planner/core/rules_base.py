"""What a plan check returns (severities, findings) and how a rule declares itself.

A rule is declared once, with :func:`rule`: the id and severity of what it finds, the parts of
the plan it reads, and whether it judges the rows of a register one at a time (``each``) or
counts them (``tallies``). Its body returns :class:`Flag` s (what and where); the declaration
turns each into a :class:`Finding` with the rule's id and severity, so the two cannot differ.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, NamedTuple

from planner.core.matrix import Cell, Delivery, Planning
from planner.core.model import Category, Motive, Plan, Side, Stakeholder


class Severity(str, Enum):
    """How much a finding matters; errors make ``coplanner check`` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    ADVICE = "advice"


@dataclass(frozen=True)
class Finding:
    """One thing the plan check found, and the thing it points at."""

    rule: str
    severity: Severity
    message: str
    target_type: str = "plan"  # plan | stakeholder | risk | safeguard
    target_key: str | None = None

    def as_dict(self) -> dict:
        """The ``--json`` shape."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "target": {"type": self.target_type, "key": self.target_key},
        }


PARTS = ("plan", "stakeholders", "risks", "safeguards", "engagements", "actions", "versions")
REGISTERS = PARTS[1:]  # the parts that are lists of rows with a key


class UndeclaredRead(AttributeError):
    """A rule looked at a part of the plan (or today's date) it did not declare."""


class Flag(NamedTuple):
    """What a rule found and what it points at; the rule's declaration adds its id and severity."""

    message: str
    target_type: str = "plan"  # plan | stakeholder | risk | safeguard | action
    target_key: str | None = None


Judge = Callable[[Any], "Flag | None"]


class Rule:
    """A plan-check rule with its declaration; call it with a plan for its findings.

    Three shapes, by what the body returns: a whole rule's body ``(plan, ctx)`` returns its
    flags; a per-row rule (``each=PART``) returns a judge that gives one row's flag or None, so
    an edit of one row is judged again alone (with ``only``, a test of the row alone, the judge
    sees only the rows that pass it, so when another part it reads changes only those are
    judged again); a tally rule (``tallies=PART, tags=fn``) gets
    ``(plan, ctx, tally)``, the part's rows grouped by ``tags(row)``, so it counts without a
    pass over the rows and an edit of one row re-tags only that row.
    """

    def __init__(self, body: Callable, rule_id: str, severity: Severity, reads: Collection[str],
                 each: str | None, tallies: str | None, tags: Callable | None, today: bool,
                 only: Callable[[Any], bool] | None = None):
        parts = {*reads, *((each,) if each else ()), *((tallies,) if tallies else ())}
        unknown = parts - set(PARTS)
        if unknown or (tallies is None) != (tags is None) or (each and tallies) or (only and not each):
            raise ValueError(f"rule {rule_id}: bad declaration {sorted(unknown)}")
        self.body, self.id, self.severity = body, rule_id, severity
        self.reads = frozenset(parts)
        self.each, self.tallies, self.tags, self.uses_today = each, tallies, tags, today
        self.only = only
        # The rows that pass ``only``, as a tally's tags (one function, so tallies can be shared).
        self.candidates = None if only is None else (lambda row: ("only",) if only(row) else ())
        self.__name__ = body.__name__
        self.__doc__ = body.__doc__

    def __repr__(self) -> str:
        return f"<rule {self.id}>"

    def finding(self, flag: Flag) -> Finding:
        """The finding a flag becomes: the rule's own id and severity, never another's."""
        if type(flag) is not Flag:
            raise TypeError(f"rule {self.id} returned {flag!r}; a rule returns Flags and its "
                            "declaration gives the id and severity")
        return Finding(self.id, self.severity, flag.message, flag.target_type, flag.target_key)

    def __call__(self, plan: Plan, today: date | None = None) -> list[Finding]:
        """This rule's findings on ``plan`` (``today`` for rules that read the date)."""
        from planner.core.rule_run import Run  # the runner imports this module

        return Run(plan, today or date.today()).findings(self)


def rule(rule_id: str, severity: Severity, reads: str | Collection[str] = (), *,
         each: str | None = None, tallies: str | None = None, tags: Callable | None = None,
         today: bool = False, only: Callable[[Any], bool] | None = None) -> Callable[[Callable], Rule]:
    """Declare a rule: its id, severity, the parts of the plan it reads, and its shape.

    Args:
        rule_id: the id of every finding it makes (docs/plan-checks.md explains it).
        severity: the severity of every finding it makes.
        reads: the parts it reads ("plan" for the plan's own fields, or a register's name).
        each: a register whose rows it judges one at a time (read too).
        only: for a per-row rule, a test of the row alone that a row must pass to be judged.
        tallies: a register it counts through ``tags`` (read too).
        tags: for a tally rule, the tags a row counts under (an empty tuple for none).
        today: True when it compares dates with today.
    """
    reads = (reads,) if isinstance(reads, str) else tuple(reads)
    return lambda body: Rule(body, rule_id, severity, reads, each, tallies, tags, today, only)


def judging(context: Any) -> Callable[[Judge], Judge]:
    """Mark a per-row rule's judge as depending on nothing but the row and ``context``.

    When a part the rule reads besides its rows changes, the check makes the judge again and,
    if ``context`` compares equal to the last one, keeps the rows' findings instead of judging
    every row again (a safeguard edited without touching what answers resistance).
    """
    def mark(judge: Judge) -> Judge:
        judge.context = context  # type: ignore[attr-defined]
        return judge
    return mark


class Tally:
    """One register's rows grouped by the tags a rule gives each row, kept up to date by key."""

    def __init__(self, tags: Callable[[Any], tuple[Hashable, ...]]):
        self._tags = tags
        self.groups: dict[Hashable, dict[str, None]] = {}  # tag -> the keys of its rows
        self._of: dict[str, tuple[Hashable, ...]] = {}

    def fill(self, rows: Iterable[Any]) -> Tally:
        """Tag every row, forgetting any counted before."""
        self.groups, self._of = {}, {}
        for row in rows:
            self.put(row)
        return self

    def put(self, row: Any) -> None:
        """Count a row under its tags."""
        tags = tuple(self._tags(row))
        if tags:
            self._of[row.key] = tags
            for tag in tags:
                self.groups.setdefault(tag, {})[row.key] = None

    def drop(self, key: str) -> None:
        """Stop counting the row with this key."""
        for tag in self._of.pop(key, ()):
            keys = self.groups[tag]
            keys.pop(key, None)
            if not keys:
                del self.groups[tag]

    def count(self, tag: Hashable) -> int:
        """How many rows have this tag."""
        return len(self.groups.get(tag, ()))

    def keys(self, tag: Hashable) -> Collection[str]:
        """The keys of the rows with this tag, in no particular order."""
        return self.groups.get(tag, {}).keys()

    def has(self, test: Callable[[Hashable], bool]) -> bool:
        """Whether any row has a tag that passes ``test``."""
        return any(test(tag) for tag in self.groups)

LAY_SIDES = (Side.USER, Side.COMMUNITY)


def quoted(text: str) -> str:
    """Text in curly quotes, as findings name things."""
    return f"\u201c{text}\u201d"


def names(stakeholders: list[Stakeholder]) -> str:
    """Stakeholder names joined for a message."""
    return ", ".join(s.name for s in stakeholders)


# Stakeholders who are organisations rather than one person: their time is a group's time.
ORGANISATIONS = (Category.COMMUNITY_GROUP, Category.THIRD_SECTOR, Category.PRIVATE_PARTNER,
                 Category.FUNDER, Category.REGULATOR)


def counts_as_community(s: Stakeholder) -> bool:
    """On the community side, or a carer taking part because the user's welfare affects them.

    The article's reason for community coproduction is stakeholders "beyond the direct user",
    including people "directly affected by the user's welfare"; a carer with that motive is such
    a stakeholder even though carers stand with users by default. A side set by hand wins.
    """
    if s.side_override is None and s.category is Category.CARER:
        return s.motive is Motive.AFFECTED_BY_USER or s.side is Side.COMMUNITY
    return s.side is Side.COMMUNITY


def lay_role_in(cell: Cell) -> bool:
    """True when users or community plan or deliver in this cell."""
    return cell.planning is not Planning.PROFESSIONALS or cell.delivery is not Delivery.PROFESSIONALS


def professional_role_in(cell: Cell) -> bool:
    """True when professionals plan or deliver in this cell."""
    return cell.planning is not Planning.COMMUNITY or cell.delivery is not Delivery.COMMUNITY

