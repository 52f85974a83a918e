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


def described_axes(stakeholders: list[Stakeholder]) -> tuple[Planning | None, Delivery | None]:
    """Who plans and who delivers according to the roles; None where nobody has that role."""
    delivery = _axis(
        any(s.delivers and s.side is Side.PROVIDER for s in stakeholders),
        any(s.delivers and s.side in _LAY_SIDES for s in stakeholders),
    )
    consultation_counts = delivery == "professionals"
    planning = _axis(
        any(s.plans and s.side is Side.PROVIDER for s in stakeholders),
        any(_lay_plans(s, consultation_counts) for s in stakeholders),
    )
    return (
        Planning(planning) if planning else None,
        Delivery(delivery) if delivery else None,
    )


def described_cell(stakeholders: list[Stakeholder]) -> Cell | None:
    """The cell the roles describe, or None while either axis has nobody on it.

    The result may be the N/A cell (community plans, professionals alone deliver): the plan
    check reports that as an inconsistency rather than hiding it.
    """
    planning, delivery = described_axes(stakeholders)
    if planning is None or delivery is None:
        return None
    return Cell(planning, delivery)


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
    _, delivery = described_axes(stakeholders)
    # Consultation counts only toward the cell where professionals alone deliver.
    consultation_counts = delivery is Delivery.PROFESSIONALS and target.delivery is Delivery.PROFESSIONALS
    planned = _axis(any(s.plans and s.side is Side.PROVIDER for s in stakeholders),
                    any(_lay_plans(s, consultation_counts) for s in stakeholders))
    planning = Planning(planned) if planned else None
    differences = []
    for axis, described, wanted, takes_part in (
        ("planning", planning, target.planning,
         lambda s: s.plans or _lay_plans(s, consultation_counts)),
        ("delivery", delivery, target.delivery, lambda s: s.delivers),
    ):
        if described is not None and described.value == wanted.value:
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
