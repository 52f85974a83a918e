"""The portfolio database's tables, declared once: every column, its type and what it may hold.

A row with a column that is not declared here is refused (``Unclassified``): nothing reaches
the portfolio that nobody decided may be published. Column classes:

- ``key``: ids, keys and foreign keys;
- ``coded``: a value from a fixed list (labelled in a lookup table);
- ``number``, ``date``, ``flag``: counts, scores, amounts, ISO dates, yes/no;
- ``text``: free text that has passed the redaction (planner.core.redaction).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.core.checks import Severity
from planner.core.matrix import all_cells
from planner.core.model import (
    ActionStatus, Category, EngagementKind, Outcome, ContributionKind, DeliveryRole, Motive, PlanningRole, RiskCategory, SafeguardKind,
    Side, label,
)
from planner.portfolio.classify import Unclassified

TYPES = {"key": str, "coded": str, "number": float, "date": str, "flag": int, "text": str}


@dataclass(frozen=True)
class Table:
    """One table: its columns (name -> class), primary key, foreign keys and search."""

    name: str
    columns: dict[str, str]
    pk: str = "id"
    foreign_keys: list[tuple[str, str, str]] = field(default_factory=list)  # column, table, column
    search: tuple[str, ...] = ()
    integer: tuple[str, ...] = ()  # number columns that hold whole numbers

    def check(self, row: dict) -> dict:
        """The row, or Unclassified if it holds a column this table does not declare."""
        unknown = set(row) - set(self.columns)
        if unknown:
            raise Unclassified(f"The portfolio's {self.name} table has no column "
                               f"{sorted(unknown)[0]!r}: nothing was written.")
        return row

    def column_types(self) -> dict[str, type]:
        whole = set(self.integer) | {"plan_id"} | ({"id"} if self.name == "plans" else set())
        return {name: int if name in whole else TYPES[kind] for name, kind in self.columns.items()}


LOOKUPS: dict[str, list[dict]] = {
    "sides": [{"code": v.value, "label": label(v)} for v in Side],
    "categories": [{"code": v.value, "label": label(v)} for v in Category],
    "planning_roles": [{"code": v.value, "label": label(v)} for v in PlanningRole],
    "delivery_roles": [{"code": v.value, "label": label(v)} for v in DeliveryRole],
    "motives": [{"code": v.value, "label": label(v)} for v in Motive],
    "contribution_kinds": [{"code": v.value, "label": label(v)} for v in ContributionKind],
    "risk_categories": [{"code": v.value, "label": label(v)} for v in RiskCategory],
    "safeguard_kinds": [{"code": v.value, "label": label(v)} for v in SafeguardKind],
    "engagement_kinds": [{"code": v.value, "label": label(v)} for v in EngagementKind],
    "outcomes": [{"code": v.value, "label": label(v)} for v in Outcome],
    "action_statuses": [{"code": v.value, "label": label(v)} for v in ActionStatus],
    "severities": [{"code": v.value, "label": label(v), "must_fix": int(v is Severity.ERROR)}
                   for v in Severity],
    "cells": [{"code": c.code, "label": c.name, "planning": c.planning.value,
               "delivery": c.delivery.value, "available": int(c.is_available)} for c in all_cells()],
}


def _fk(column: str, lookup: str) -> tuple[str, str, str]:
    return (column, lookup, "code")


PLANS = Table("plans", {
    "id": "key", "source": "text", "title": "text", "organisation": "text",
    "service_area": "text", "officer": "text", "summary": "text", "drivers": "coded",
    "stages": "coded", "current_cell": "coded", "target_cell": "coded", "created": "date",
    "modified": "date", "read_at": "date", "stakeholders": "number", "risks": "number",
    "safeguards": "number", "must_fix": "number",
}, foreign_keys=[_fk("current_cell", "cells"), _fk("target_cell", "cells")],
    search=("title", "summary"), integer=("stakeholders", "risks", "safeguards", "must_fix"))

STAKEHOLDERS = Table("stakeholders", {
    "id": "key", "plan_id": "key", "key": "key", "name": "text", "private_individual": "flag",
    "organisation": "text", "category": "coded", "side": "coded", "planning_role": "coded",
    "delivery_role": "coded", "motive": "coded",
}, foreign_keys=[("plan_id", "plans", "id"), _fk("category", "categories"), _fk("side", "sides"),
                 _fk("planning_role", "planning_roles"), _fk("delivery_role", "delivery_roles"),
                 _fk("motive", "motives")])

CONTRIBUTIONS = Table("contributions", {
    "id": "key", "plan_id": "key", "stakeholder_id": "key", "kind": "coded", "amount": "number",
    "unit": "text", "note": "text",
}, foreign_keys=[("plan_id", "plans", "id"), ("stakeholder_id", "stakeholders", "id"),
                 _fk("kind", "contribution_kinds")])

RISKS = Table("risks", {
    "id": "key", "plan_id": "key", "key": "key", "title": "text", "description": "text",
    "category": "coded", "likelihood": "number", "impact": "number", "score": "number",
    "high": "flag", "share_users": "number", "share_community": "number",
    "share_professionals": "number", "owner_id": "key", "trust_users": "text",
    "trust_community": "text", "trust_professionals": "text", "accepted_residual": "flag",
    "residual_rationale": "text", "suggested": "flag",
}, foreign_keys=[("plan_id", "plans", "id"), _fk("category", "risk_categories"),
                 ("owner_id", "stakeholders", "id")],
    search=("title", "description"),
    integer=("likelihood", "impact", "score", "share_users", "share_community", "share_professionals"))

SAFEGUARDS = Table("safeguards", {
    "id": "key", "plan_id": "key", "key": "key", "title": "text", "description": "text",
    "kind": "coded", "owner_id": "key", "review_date": "date", "suggested": "flag",
}, foreign_keys=[("plan_id", "plans", "id"), _fk("kind", "safeguard_kinds"),
                 ("owner_id", "stakeholders", "id")],
    search=("title", "description"))

SAFEGUARD_RISKS = Table("safeguard_risks", {
    "id": "key", "plan_id": "key", "safeguard_id": "key", "risk_id": "key",
}, foreign_keys=[("plan_id", "plans", "id"), ("safeguard_id", "safeguards", "id"),
                 ("risk_id", "risks", "id")])

ENGAGEMENTS = Table("engagements", {
    "id": "key", "plan_id": "key", "key": "key", "title": "text", "date": "date", "kind": "coded",
    "participants": "number", "others": "number", "raised": "text", "response": "text",
    "outcome": "coded", "reason": "text",
}, foreign_keys=[("plan_id", "plans", "id"), _fk("kind", "engagement_kinds"), _fk("outcome", "outcomes")],
    search=("title", "raised", "response", "reason"), integer=("participants", "others"))

ACTIONS = Table("actions", {
    "id": "key", "plan_id": "key", "key": "key", "title": "text", "owner_id": "key", "due": "date",
    "status": "coded", "reason": "text", "risk_id": "key", "safeguard_id": "key", "engagement_id": "key",
}, foreign_keys=[("plan_id", "plans", "id"), ("owner_id", "stakeholders", "id"), _fk("status", "action_statuses"),
                 ("risk_id", "risks", "id"), ("safeguard_id", "safeguards", "id"),
                 ("engagement_id", "engagements", "id")],
    search=("title",))

FINDINGS = Table("findings", {
    "id": "key", "plan_id": "key", "rule": "coded", "severity": "coded", "must_fix": "flag",
    "message": "text", "target_type": "coded", "target_key": "key",
}, foreign_keys=[("plan_id", "plans", "id"), _fk("severity", "severities")])

# In the order rows are written (a table after those its foreign keys name).
TABLES: list[Table] = [PLANS, STAKEHOLDERS, CONTRIBUTIONS, RISKS, SAFEGUARDS, SAFEGUARD_RISKS,
                       ENGAGEMENTS, ACTIONS, FINDINGS]
BY_NAME = {t.name: t for t in TABLES}
