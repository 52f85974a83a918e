"""Plan-check rules about the matrix: the target cell, the cell the roles describe, who coproduces."""

from __future__ import annotations

from planner.core.described import cell_where, differing_axes, role_differences, role_of
from planner.core.matrix import NA_CELL, Cell
from planner.core.model import Driver, Motive, Plan, Side, Stakeholder, Stance
from planner.core.rules_base import (
    LAY_SIDES, Flag, Severity, Tally, counts_as_community, lay_role_in, names, professional_role_in,
    quoted, rule,
)

_SIDE_WORDS = {Side.USER: "service users", Side.COMMUNITY: "the community", Side.PROVIDER: "the providers"}
_COMMUNITY_MOTIVES = (Motive.ALTRUISTIC, Motive.AFFECTED_BY_USER, Motive.FUTURE_USER)


def roles(s: Stakeholder) -> tuple:
    """A stakeholder's tag for the described cell: where they stand and what part they take."""
    return (role_of(s),)


def described(tally: Tally) -> Cell | None:
    """The cell the roles describe, from a tally of ``roles``."""
    return cell_where(tally.has)


@rule("no-target-cell", Severity.ERROR, "plan")
def no_target_cell(plan: Plan, ctx) -> list[Flag]:
    """A plan must say which cell of Table 1 it aims for."""
    if plan.target_cell is not None:
        return []
    return [Flag(
        "No target cell is chosen. Choose who should plan and who should deliver the service "
        "(a cell of the matrix) so the plan can be checked against it.")]


@rule("na-cell", Severity.ERROR, "plan", tallies="stakeholders", tags=roles)
def na_cell(plan: Plan, ctx, tally: Tally) -> list[Flag]:
    """Nothing in the plan may sit in the N/A cell (community plans, professionals alone deliver)."""
    flags = []
    for label, cell in (("target", plan.target_cell), ("current", plan.current_cell)):
        if cell == NA_CELL:
            flags.append(Flag(
                f"The {label} cell has the community planning and professionals alone delivering: "
                "the matrix marks that N/A. Choose another cell."))
    if described(tally) == NA_CELL:
        flags.append(Flag(
            "The stakeholder roles describe the N/A cell: only users or community plan, but only "
            "professionals deliver. Give a professional a planning role of co, or a user or "
            "community member a delivery role."))
    return flags


@rule("roles-differ-from-target", Severity.WARNING, "plan", tallies="stakeholders", tags=roles)
def roles_differ_from_target(plan: Plan, ctx, tally: Tally) -> list[Flag]:
    """The stakeholders' roles should describe the cell the plan aims for."""
    target = plan.target_cell
    if target is None or target == NA_CELL or not plan.stakeholders:
        return []
    if not differing_axes(tally.has, target):
        return []  # the common case, told from the tally without a pass over the stakeholders
    flags = []
    for difference in role_differences(plan.stakeholders, target):
        key = difference.stakeholder_keys[0] if difference.stakeholder_keys else None
        flags.append(Flag(
            f"{difference.message} (target: {target.name}.)",
            "stakeholder" if key else "plan", key))
    return flags


def _coproducing_sides(cell: Cell) -> list[Side]:
    sides = []
    if lay_role_in(cell):
        sides += list(LAY_SIDES)
    if professional_role_in(cell):
        sides.append(Side.PROVIDER)
    return sides


def _active_resources(s: Stakeholder) -> tuple:
    """Planners and deliverers by side, and whether they bring anything."""
    return ((s.side, bool(s.contributions)),) if (s.plans or s.delivers) else ()


@rule("coproducer-without-resources", Severity.WARNING, "plan", tallies="stakeholders",
      tags=_active_resources)
def coproducer_without_resources(plan: Plan, ctx, tally: Tally) -> list[Flag]:
    """The article's definition: every coproducing party makes substantial resource contributions."""
    target = plan.target_cell
    if target is None or not lay_role_in(target):
        return []  # traditional professional provision is not coproduction
    flags = []
    for side in _coproducing_sides(target):
        if tally.count((side, True)) or not tally.count((side, False)):
            continue
        active = ctx.in_order("stakeholders", tally.keys((side, False)))
        flags.append(Flag(
            f"Nobody from {_SIDE_WORDS[side]} who plans or delivers ({names(active)}) brings "
            "any resource. Coproduction means all parties make substantial contributions "
            "(time, money, premises, expertise): record what they bring, or ask whether "
            "this is coproduction at all.",
            "stakeholder", active[0].key))
    return flags


def _community_stake(s: Stakeholder) -> tuple:
    """Taking part for a community reason; a community-side stakeholder who plans or delivers."""
    tags = ("motivated",) if s.motive in _COMMUNITY_MOTIVES else ()
    if (s.plans or s.delivers) and counts_as_community(s):
        tags += ("acts",)
    return tags


@rule("community-motives-without-role", Severity.WARNING, "plan", tallies="stakeholders",
      tags=_community_stake)
def community_motives_without_role(plan: Plan, ctx, tally: Tally) -> list[Flag]:
    """Stakeholders beyond the direct user call for community coproduction beside user coproduction."""
    if plan.target_cell is None or not tally.count("motivated"):
        return []
    if lay_role_in(plan.target_cell) and tally.count("acts"):
        return []
    why = ("the target leaves planning and delivery to professionals"
           if not lay_role_in(plan.target_cell)
           else "no community-side stakeholder has a planning or delivery role")
    return [Flag(
        f"{quoted(s.name)} takes part for a community reason ({s.motive.value.replace('_', ' ')}), "
        f"but {why}. Where people beyond the direct user have a stake, give the community a "
        "role beside the users.",
        "stakeholder", s.key) for s in ctx.in_order("stakeholders", tally.keys("motivated"))]


def _champion(s: Stakeholder) -> tuple:
    return ("champion",) if s.stance is Stance.CHAMPION and s.side is Side.PROVIDER else ()


@rule("no-provider-champion", Severity.ADVICE, "plan", tallies="stakeholders", tags=_champion)
def no_provider_champion(plan: Plan, ctx, tally: Tally) -> list[Flag]:
    """Someone on the provider side should broker coproduction (a coproduction development officer)."""
    target = plan.target_cell
    if target is None or not lay_role_in(target) or not professional_role_in(target):
        return []
    if tally.count("champion"):
        return []
    return [Flag(
        "No one on the provider side champions coproduction. Name someone (a coproduction "
        "development officer) to broker new roles between professionals, managers and "
        "councillors, and to help colleagues share power with users and communities.")]


# The axis of Table 1 each driver tends to move (the article, after Joshi and Moore; the
# guidance's drivers.toml says the same, and a test keeps the two in step).
DRIVER_AXES = {Driver.GOVERNANCE: "planning", Driver.LOGISTICAL: "delivery"}
_DRIVER_WORDS = {Driver.GOVERNANCE: "governance", Driver.LOGISTICAL: "logistical"}


@rule("drivers-off-axis", Severity.ADVICE, "plan")
def drivers_off_axis(plan: Plan, ctx) -> list[Flag]:
    """The move from today's cell to the target should be on the axis the plan's drivers tend to move."""
    current, target = plan.current_cell, plan.target_cell
    if current is None or target is None or not plan.drivers:
        return []
    moved = {axis for axis in ("planning", "delivery")
             if getattr(current, axis).value != getattr(target, axis).value}
    expected = {DRIVER_AXES[d] for d in plan.drivers}
    if not moved or moved & expected:
        return []
    drivers = " and ".join(_DRIVER_WORDS[d] for d in plan.drivers)
    axis = next(iter(moved))
    return [Flag(
        f"The plan's drivers ({drivers}) tend to move the {' and '.join(sorted(expected))} axis, "
        f"but the target changes only {axis}. Check the drivers are the real reasons for the "
        "change, or whether the target should move the other axis too: governance drivers "
        "tend to bring users and communities into planning, design and management, logistical "
        "drivers into delivery.")]


RULES = [no_target_cell, na_cell, roles_differ_from_target, coproducer_without_resources,
         community_motives_without_role, no_provider_champion, drivers_off_axis]
