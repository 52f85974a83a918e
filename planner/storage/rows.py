"""Rows of the plan file <-> core dataclasses, and checks that values fit before they are written."""

from __future__ import annotations

from dataclasses import fields
from enum import Enum
from typing import Any

from planner.core.matrix import Cell
from planner.core.model import (
    SCALE, Category, Contribution, ContributionKind, DeliveryRole, Motive, PlanningRole, Risk,
    RiskCategory, Safeguard, SafeguardKind, Shares, Side, Stakeholder, Stance,
)


def _value(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def cell_columns(prefix: str, cell: Cell | None) -> dict[str, str | None]:
    """The two columns that store a cell, e.g. target_planning and target_delivery."""
    if cell is None:
        return {f"{prefix}_planning": None, f"{prefix}_delivery": None}
    if not cell.is_available:
        raise ValueError("The N/A cell (community planning, professional delivery) cannot be chosen.")
    return {f"{prefix}_planning": cell.planning.value, f"{prefix}_delivery": cell.delivery.value}


def cell_from(row: dict, prefix: str) -> Cell | None:
    planning, delivery = row[f"{prefix}_planning"], row[f"{prefix}_delivery"]
    return None if planning is None or delivery is None else Cell.of(planning, delivery)


def _check_scale(name: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
        raise ValueError(f"{name.capitalize()} must be a whole number from 1 to 5, not {value!r}.")


def _check_text(name: str, value: Any, required: bool = False) -> None:
    if not isinstance(value, str):
        raise ValueError(f"{name.capitalize()} must be text.")
    if required and not value.strip():
        raise ValueError(f"{name.capitalize()} must not be empty.")


def validate_stakeholder(s: Stakeholder) -> None:
    """Raise ValueError with a plain sentence when a field is out of range."""
    _check_text("key", s.key, required=True)
    _check_text("name", s.name, required=True)
    _check_scale("influence", s.influence)
    _check_scale("interest", s.interest)
    for contribution in s.contributions:
        amount = contribution.amount
        if amount is not None and (isinstance(amount, bool) or not isinstance(amount, (int, float)) or amount < 0):
            raise ValueError("A contribution's amount must be a number of zero or more.")


def validate_risk(r: Risk) -> None:
    """Raise ValueError with a plain sentence when a field is out of range."""
    _check_text("key", r.key, required=True)
    _check_text("title", r.title, required=True)
    _check_scale("likelihood", r.likelihood)
    _check_scale("impact", r.impact)
    for side, share in r.shares.as_dict().items():
        if isinstance(share, bool) or not isinstance(share, int) or not 0 <= share <= 100:
            raise ValueError(f"The share carried by {side} must be a whole number from 0 to 100.")


def validate_safeguard(g: Safeguard) -> None:
    """Raise ValueError with a plain sentence when a field is out of range."""
    _check_text("key", g.key, required=True)
    _check_text("title", g.title, required=True)
    if len(set(g.mitigates)) != len(g.mitigates):
        raise ValueError("A safeguard lists the same risk twice.")


def stakeholder_row(s: Stakeholder, position: int) -> dict[str, Any]:
    return {
        "key": s.key, "position": position, "name": s.name, "organisation": s.organisation,
        "category": _value(s.category), "side": _value(s.side_override),
        "planning_role": _value(s.planning_role), "delivery_role": _value(s.delivery_role),
        "influence": s.influence, "interest": s.interest, "stance": _value(s.stance),
        "motive": _value(s.motive), "personal": int(s.personal), "contact": s.contact,
        "notes": s.notes,
    }


def stakeholder_from(row: dict, contributions: list[Contribution]) -> Stakeholder:
    return Stakeholder(
        key=row["key"], name=row["name"], organisation=row["organisation"],
        category=Category(row["category"]),
        side_override=Side(row["side"]) if row["side"] else None,
        planning_role=PlanningRole(row["planning_role"]),
        delivery_role=DeliveryRole(row["delivery_role"]),
        influence=row["influence"], interest=row["interest"], stance=Stance(row["stance"]),
        contributions=contributions, motive=Motive(row["motive"]) if row["motive"] else None,
        personal=bool(row["personal"]), contact=row["contact"], notes=row["notes"],
    )


def contribution_from(row: dict) -> Contribution:
    return Contribution(ContributionKind(row["kind"]), row["amount"], row["unit"], row["note"])


def risk_row(r: Risk, position: int) -> dict[str, Any]:
    return {
        "key": r.key, "position": position, "title": r.title, "description": r.description,
        "category": _value(r.category), "likelihood": r.likelihood, "impact": r.impact,
        "share_users": r.shares.users, "share_community": r.shares.community,
        "share_professionals": r.shares.professionals, "owner": r.owner,
        "trust_users": r.trust_users, "trust_community": r.trust_community,
        "trust_professionals": r.trust_professionals,
        "accepted_residual": int(r.accepted_residual),
        "residual_rationale": r.residual_rationale, "suggested": int(r.suggested),
    }


def risk_from(row: dict) -> Risk:
    return Risk(
        key=row["key"], title=row["title"], description=row["description"],
        category=RiskCategory(row["category"]), likelihood=row["likelihood"],
        impact=row["impact"],
        shares=Shares(row["share_users"], row["share_community"], row["share_professionals"]),
        owner=row["owner"], trust_users=row["trust_users"],
        trust_community=row["trust_community"], trust_professionals=row["trust_professionals"],
        accepted_residual=bool(row["accepted_residual"]),
        residual_rationale=row["residual_rationale"], suggested=bool(row["suggested"]),
    )


def safeguard_row(g: Safeguard, position: int) -> dict[str, Any]:
    return {
        "key": g.key, "position": position, "title": g.title, "description": g.description,
        "kind": _value(g.kind), "owner": g.owner, "review_date": g.review_date,
        "suggested": int(g.suggested),
    }


def safeguard_from(row: dict, mitigates: list[str]) -> Safeguard:
    return Safeguard(
        key=row["key"], title=row["title"], description=row["description"],
        kind=SafeguardKind(row["kind"]), owner=row["owner"], mitigates=mitigates,
        review_date=row["review_date"], suggested=bool(row["suggested"]),
    )


def field_names(cls: type) -> set[str]:
    """The dataclass fields an update may name."""
    return {f.name for f in fields(cls)}
