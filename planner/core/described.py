"""The cell of Table 1 that the stakeholders' planning and delivery roles describe today.

The rule, also written up in docs/described-cell.md: on each axis, look at who takes a real
part (planning role ``co`` or ``sole``; delivery role ``co`` or ``sole``). Where professionals
alone deliver, a user or community member who is ``consulted`` on planning counts as a
coplanner too: Table 1's "professional provision with users and communities involved in
planning and design" is exactly where the article puts consultation committees. Provider-side
stakeholders count as professionals; user- and community-side stakeholders count as users and
community; governance-side stakeholders (councillors, funders, regulators) hold the service to
account and count on neither side. Professionals alone -> ``professionals``; both ->
``co``; users/community alone -> ``community``; nobody -> the axis cannot be told yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from planner.core.matrix import Cell, Delivery, Planning
from planner.core.model import PlanningRole, Side, Stakeholder

_LAY_SIDES = (Side.USER, Side.COMMUNITY)


def _axis(professionals: bool, lay: bool) -> str | None:
    if professionals and lay:
        return "co"
    if professionals:
        return "professionals"
    if lay:
        return "community"
    return None


def _lay_plans(s: Stakeholder, consultation_counts: bool) -> bool:
    return s.side in _LAY_SIDES and (
        s.plans or (consultation_counts and s.planning_role is PlanningRole.CONSULTED))


# What of a stakeholder the described cell depends on: where they stand ("provider", "lay" or
# None for governance) and whether they plan, deliver, or are consulted on planning.
Role = tuple[str | None, bool, bool, bool]
# Whether any stakeholder's role passes a test: a scan of the list, or a plan check's tally.
Has = Callable[[Callable[[Role], bool]], bool]


def role_of(s: Stakeholder) -> Role:
    """The part of a stakeholder the described cell depends on."""
    side = s.side
    where = "provider" if side is Side.PROVIDER else "lay" if side in _LAY_SIDES else None
    return (where, s.plans, s.delivers, s.planning_role is PlanningRole.CONSULTED)


def _has_in(stakeholders: Iterable[Stakeholder]) -> Has:
    return lambda test: any(test(role_of(s)) for s in stakeholders)


def _planners(has: Has, consultation_counts: bool) -> str | None:
    return _axis(has(lambda r: r[0] == "provider" and r[1]),
                 has(lambda r: r[0] == "lay" and (r[1] or (consultation_counts and r[3]))))


def axes_where(has: Has) -> tuple[Planning | None, Delivery | None]:
    """Who plans and who delivers, from whether any stakeholder's role passes each test."""
    delivery = _axis(has(lambda r: r[0] == "provider" and r[2]), has(lambda r: r[0] == "lay" and r[2]))
    planning = _planners(has, delivery == "professionals")
    return (
        Planning(planning) if planning else None,
        Delivery(delivery) if delivery else None,
    )


def cell_where(has: Has) -> Cell | None:
    """The described cell from whether any stakeholder's role passes each test (see described_cell)."""
    planning, delivery = axes_where(has)
    if planning is None or delivery is None:
        return None
    return Cell(planning, delivery)


def described_axes(stakeholders: list[Stakeholder]) -> tuple[Planning | None, Delivery | None]:
    """Who plans and who delivers according to the roles; None where nobody has that role."""
    return axes_where(_has_in(stakeholders))


def described_cell(stakeholders: list[Stakeholder]) -> Cell | None:
    """The cell the roles describe, or None while either axis has nobody on it.

    The result may be the N/A cell (community plans, professionals alone deliver): the plan
    check reports that as an inconsistency rather than hiding it.
    """
    return cell_where(_has_in(stakeholders))


def _consultation_counts(has: Has, target: Cell) -> bool:
    # Consultation counts only toward the cell where professionals alone deliver.
    _, delivery = axes_where(has)
    return delivery is Delivery.PROFESSIONALS and target.delivery is Delivery.PROFESSIONALS


def differing_axes(has: Has, target: Cell) -> list[str]:
    """The axes ("planning", "delivery") on which the roles describe another cell than the target."""
    described_delivery = axes_where(has)[1]
    planned = _planners(has, _consultation_counts(has, target))
    described = {"planning": Planning(planned) if planned else None, "delivery": described_delivery}
    return [axis for axis in ("planning", "delivery")
            if described[axis] is None or described[axis].value != getattr(target, axis).value]


@dataclass
class RoleDifference:
    """Why the roles describe another cell than the target on one axis."""

    axis: str  # "planning" or "delivery"
    message: str
    stakeholder_keys: list[str] = field(default_factory=list)


def _names(stakeholders: list[Stakeholder]) -> str:
    return ", ".join(s.name for s in stakeholders)


def role_differences(stakeholders: list[Stakeholder], target: Cell) -> list[RoleDifference]:
    """Say, axis by axis, which stakeholders' roles keep the plan away from the target cell."""
    has = _has_in(stakeholders)
    consultation_counts = _consultation_counts(has, target)
    differing = differing_axes(has, target)
    differences = []
    for axis, wanted, takes_part in (
        ("planning", target.planning,
         lambda s: s.plans or _lay_plans(s, consultation_counts)),
        ("delivery", target.delivery, lambda s: s.delivers),
    ):
        if axis not in differing:
            continue
        professionals = [s for s in stakeholders if takes_part(s) and s.side is Side.PROVIDER]
        lay = [s for s in stakeholders if takes_part(s) and s.side in _LAY_SIDES]
        verb = "plans" if axis == "planning" else "delivers"
        role = f"{axis} role"
        if wanted.value == "professionals":
            if lay:
                message = (
                    f"The target has professionals alone in {axis}, but users or community "
                    f"have a {role}: {_names(lay)}."
                )
            else:
                message = f"No professional {verb} yet: give one a {role}."
            culprits = lay
        elif wanted.value == "community":
            if professionals:
                message = (
                    f"The target leaves professionals out of {axis}, but these professionals "
                    f"have a {role}: {_names(professionals)}."
                )
                culprits = professionals
            else:
                message = f"Nobody from the users or community {verb} yet: give one a {role}."
                culprits = []
        else:  # wanted co: both sides must take part
            missing = []
            if not professionals:
                missing.append("no professional")
            if not lay:
                missing.append("no user or community member")
            how = f"give one a {role} of co"
            if axis == "planning" and target.delivery is Delivery.PROFESSIONALS and not lay:
                how += " or consult them on planning and design"
            message = (
                f"The target shares {axis} between professionals and users or community, but "
                f"{' and '.join(missing)} {verb} yet: {how}."
            )
            culprits = professionals or lay
        differences.append(RoleDifference(axis, message, [s.key for s in culprits]))
    return differences
