"""Which plan-check findings belong to which step, and how many each step has to look at.

The plan check is the one source: a step's count is the number of its findings that must be
fixed or looked at, the page lists those findings (and its advice) at its top, and Review lists
them all under the same step headings, so the step list, the page and Review always agree. The
step list counts pages not built yet through the same functions. Which step a finding belongs
to, and the order of the headings, come from the steps' registration (``registry``). No Qt here.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from planner.core.checks import Finding, Severity
from planner.core.model import DeliveryRole, Plan, PlanningRole, Risk, Safeguard, Stakeholder
from planner.ui.list_diff import common_ends
from planner.ui.steps import registry

CONTEXT_TEXT_FIELDS = ("organisation", "service_area", "officer", "summary")
COUNTED = (Severity.ERROR, Severity.WARNING)  # advice is listed, for the officer to weigh

# The kinds of change (Change.scope) after which a step's count may differ: any, since rules
# read across steps (a stakeholder's role moves the matrix's findings).
_ANY = frozenset({"plan", "stakeholders", "risks", "safeguards", "engagements", "actions", "rows", "all"})


def scopes(name: str) -> frozenset[str]:
    """The kinds of change after which the step called ``name`` is counted again."""
    return _ANY


def step_for(finding: Finding) -> str:
    """The NAME of the step where the officer fixes what a finding points at (see the registry)."""
    return (registry.step_for_target(finding.target_type) or registry.step_for_rule(finding.rule)
            or "stakeholders")


def findings_for(name: str, findings: Sequence[Finding]) -> list[Finding]:
    """The findings a step shows at its top, in the plan check's order (Review: all of them)."""
    return list(by_step(findings).of(name))


def _summary(name: str) -> bool:
    """Whether the step called ``name`` lists every finding (Review) rather than its own."""
    return any(page.summary for page in registry.PAGES if page.name == name)


class StepFindings:
    """The plan check's findings sorted by step: each step's list, count and places in ``all``.

    Made once per list of findings (``by_step``), however many steps, pages and Review ask. Made
    from the findings sorted before (``before``), only the findings between the two lists' common
    ends are sorted, and a step none of them belongs to keeps its very list (so its page, seeing
    the same list, has nothing to compare).
    """

    # Findings changed at once above which every finding is sorted again.
    FOLLOW_UP_TO = 2000

    def __init__(self, findings: Sequence[Finding], before: StepFindings | None = None):
        self.all = findings if isinstance(findings, list) else list(findings)
        if before is None or not self._follow(before):
            self._sort()

    def _sort(self) -> None:
        self.lists: dict[str, list[Finding]] = {name: [] for name in registry.headed()}
        self.places: dict[str, list[int]] = {name: [] for name in registry.headed()}  # each one's place in ``all``
        steps: dict[tuple[str, str], str] = {}  # (target type, rule) -> step: asked once each
        for place, finding in enumerate(self.all):
            name = steps.get((finding.target_type, finding.rule))
            if name is None:
                name = steps[finding.target_type, finding.rule] = step_for(finding)
            self.lists.setdefault(name, []).append(finding)
            self.places.setdefault(name, []).append(place)
        self.counts = {name: review_count(mine) for name, mine in self.lists.items()}

    def _follow(self, before: StepFindings) -> bool:
        """Sort only what differs from ``before``; False (nothing done) if that is most of it."""
        start, end_old, end_new = common_ends(before.all, self.all)
        if (end_old - start) + (end_new - start) > self.FOLLOW_UP_TO:
            return False
        middle = StepFindings(self.all[start:end_new])
        shift = end_new - end_old
        self.lists, self.places, self.counts = {}, {}, {}
        for name in before.lists.keys() | middle.lists.keys():
            mine, places = before.lists.get(name, []), before.places.get(name, [])
            first, last = bisect_left(places, start), bisect_left(places, end_old)
            come = middle.lists.get(name, [])
            if first == last and not come:  # nothing of this step changed: the same list
                self.lists[name], self.counts[name] = mine, before.counts.get(name, 0)
                self.places[name] = places if not shift else places[:first] + [p + shift for p in places[last:]]
                continue
            self.lists[name] = mine[:first] + come + mine[last:]
            self.places[name] = (places[:first] + [start + p for p in middle.places.get(name, [])]
                                 + [p + shift for p in places[last:]])
            self.counts[name] = (before.counts.get(name, 0) - review_count(mine[first:last])
                                 + middle.counts.get(name, 0))
        return True

    def of(self, name: str) -> Sequence[Finding]:
        """The findings step ``name`` lists, in the plan check's order (Review: all of them)."""
        if _summary(name):
            return self.all
        if name not in self.lists:
            raise KeyError(name)
        return self.lists[name]

    def count(self, name: str) -> int:
        """What step ``name`` counts: its findings to fix or look at (Review: every step's)."""
        if _summary(name):
            return sum(self.counts.values())
        if name not in self.counts:
            raise KeyError(name)
        return self.counts[name]


_last: list = [None, None]  # the findings sorted last, and their StepFindings


def forget() -> None:
    """Drop the findings kept for the plan that was open: their messages name its people."""
    _last[:] = [None, None]


def by_step(findings: Sequence[Finding]) -> StepFindings:
    """``findings`` sorted by step, worked out once for the same list and from the list sorted
    before (the document makes a new list after each change, so one kept list is enough)."""
    if _last[0] is not findings:
        _last[:] = [findings, StepFindings(findings, before=_last[1])]
    return _last[1]


def context_gaps(plan: Plan) -> list[str]:
    """What the Service and context step still needs: empty field names, "drivers", "stages"."""
    gaps = [name for name in CONTEXT_TEXT_FIELDS if not getattr(plan, name).strip()]
    if not plan.drivers:
        gaps.append("drivers")
    if not plan.stages:
        gaps.append("stages")
    return gaps


def needs_role(s: Stakeholder) -> bool:
    """A stakeholder with neither a planning nor a delivery role."""
    return s.planning_role is PlanningRole.NONE and s.delivery_role is DeliveryRole.NONE


def bare_risks(risks: Iterable[Risk], safeguards: Iterable[Safeguard]) -> list[Risk]:
    """The risks no safeguard answers, in register order."""
    answered = {key for g in safeguards for key in g.mitigates}
    return [r for r in risks if r.key not in answered]


def review_count(findings: Iterable[Finding]) -> int:
    """What must be fixed and what to look at; advice is for the officer to weigh."""
    return sum(1 for f in findings if f.severity in COUNTED)


def count(name: str, plan: Plan, findings: Sequence[Finding]) -> int:
    """The count the step called ``name`` shows: its findings to fix or look at."""
    if registry.row_of(name) < 0:
        raise KeyError(name)
    return by_step(findings).count(name)
