"""Plan-check rules about the matrix: the target cell, the cell the roles describe, who coproduces."""

from __future__ import annotations

from planner.core.described import described_cell, role_differences
from planner.core.matrix import NA_CELL, Cell
from planner.core.model import Driver, Motive, Plan, Side, Stance
from planner.core.rules_base import (
    LAY_SIDES, Finding, Severity, counts_as_community, lay_role_in, names, professional_role_in,
    quoted,
)

_SIDE_WORDS = {Side.USER: "service users", Side.COMMUNITY: "the community", Side.PROVIDER: "the providers"}
_COMMUNITY_MOTIVES = (Motive.ALTRUISTIC, Motive.AFFECTED_BY_USER, Motive.FUTURE_USER)


def no_target_cell(plan: Plan) -> list[Finding]:
    """A plan must say which cell of Table 1 it aims for."""
    if plan.target_cell is not None:
        return []
    return [Finding(
        "no-target-cell", Severity.ERROR,
        "No target cell is chosen. Choose who should plan and who should deliver the service "
        "(a cell of the matrix) so the plan can be checked against it.")]


def na_cell(plan: Plan) -> list[Finding]:
    """Nothing in the plan may sit in the N/A cell (community plans, professionals alone deliver)."""
    findings = []
    for label, cell in (("target", plan.target_cell), ("current", plan.current_cell)):
        if cell == NA_CELL:
            findings.append(Finding(
                "na-cell", Severity.ERROR,
                f"The {label} cell has the community planning and professionals alone delivering: "
                "the matrix marks that N/A. Choose another cell."))
    if described_cell(plan.stakeholders) == NA_CELL:
        findings.append(Finding(
            "na-cell", Severity.ERROR,
            "The stakeholder roles describe the N/A cell: only users or community plan, but only "
            "professionals deliver. Give a professional a planning role of co, or a user or "
            "community member a delivery role."))
    return findings


def roles_differ_from_target(plan: Plan) -> list[Finding]:
    """The stakeholders' roles should describe the cell the plan aims for."""
    if plan.target_cell is None or plan.target_cell == NA_CELL or not plan.stakeholders:
        return []
    findings = []
    for difference in role_differences(plan.stakeholders, plan.target_cell):
        key = difference.stakeholder_keys[0] if difference.stakeholder_keys else None
        findings.append(Finding(
            "roles-differ-from-target", Severity.WARNING,
            f"{difference.message} (target: {plan.target_cell.name}.)",
            "stakeholder" if key else "plan", key))
    return findings


def _coproducing_sides(cell: Cell) -> list[Side]:
    sides = []
    if lay_role_in(cell):
        sides += list(LAY_SIDES)
    if professional_role_in(cell):
        sides.append(Side.PROVIDER)
    return sides


def coproducer_without_resources(plan: Plan) -> list[Finding]:
    """The article's definition: every coproducing party makes substantial resource contributions."""
    target = plan.target_cell
    if target is None or not lay_role_in(target):
        return []  # traditional professional provision is not coproduction
    findings = []
    for side in _coproducing_sides(target):
        active = [s for s in plan.stakeholders if s.side is side and (s.plans or s.delivers)]
        if active and not any(s.contributions for s in active):
            findings.append(Finding(
                "coproducer-without-resources", Severity.WARNING,
                f"Nobody from {_SIDE_WORDS[side]} who plans or delivers ({names(active)}) brings "
                "any resource. Coproduction means all parties make substantial contributions "
                "(time, money, premises, expertise): record what they bring, or ask whether "
                "this is coproduction at all.",
                "stakeholder", active[0].key))
    return findings


def community_motives_without_role(plan: Plan) -> list[Finding]:
    """Stakeholders beyond the direct user call for community coproduction beside user coproduction."""
    if plan.target_cell is None:
        return []
    motivated = [s for s in plan.stakeholders if s.motive in _COMMUNITY_MOTIVES]
    if not motivated:
        return []
    community_acts = any(
        counts_as_community(s) and (s.plans or s.delivers) for s in plan.stakeholders)
    if lay_role_in(plan.target_cell) and community_acts:
        return []
    why = ("the target leaves planning and delivery to professionals"
           if not lay_role_in(plan.target_cell)
           else "no community-side stakeholder has a planning or delivery role")
    return [Finding(
        "community-motives-without-role", Severity.WARNING,
        f"{quoted(s.name)} takes part for a community reason ({s.motive.value.replace('_', ' ')}), "
        f"but {why}. Where people beyond the direct user have a stake, give the community a "
        "role beside the users.",
        "stakeholder", s.key) for s in motivated]


def no_provider_champion(plan: Plan) -> list[Finding]:
    """Someone on the provider side should broker coproduction (a coproduction development officer)."""
    target = plan.target_cell
    if target is None or not lay_role_in(target) or not professional_role_in(target):
        return []
    if any(s.side is Side.PROVIDER and s.stance is Stance.CHAMPION for s in plan.stakeholders):
        return []
    return [Finding(
        "no-provider-champion", Severity.ADVICE,
        "No one on the provider side champions coproduction. Name someone (a coproduction "
        "development officer) to broker new roles between professionals, managers and "
        "councillors, and to help colleagues share power with users and communities.")]


# The axis of Table 1 each driver tends to move (the article, after Joshi and Moore; the
# guidance's drivers.toml says the same, and a test keeps the two in step).
DRIVER_AXES = {Driver.GOVERNANCE: "planning", Driver.LOGISTICAL: "delivery"}
_DRIVER_WORDS = {Driver.GOVERNANCE: "governance", Driver.LOGISTICAL: "logistical"}


def drivers_off_axis(plan: Plan) -> list[Finding]:
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
    return [Finding(
        "drivers-off-axis", Severity.ADVICE,
        f"The plan's drivers ({drivers}) tend to move the {' and '.join(sorted(expected))} axis, "
        f"but the target changes only {axis}. Check the drivers are the real reasons for the "
        "change, or whether the target should move the other axis too: governance drivers "
        "tend to bring users and communities into planning, design and management, logistical "
        "drivers into delivery.")]


RULES = [no_target_cell, na_cell, roles_differ_from_target, coproducer_without_resources,
         community_motives_without_role, no_provider_champion, drivers_off_axis]
