"""One plan as rows of the portfolio's tables, made from its redacted copy only."""

from __future__ import annotations

from planner.core.checks import Severity
from planner.core.model import Plan
from planner.core.redaction import Scrubber
from planner.portfolio.classify import published
from planner.portfolio.tables import BY_NAME


def _row_id(plan_id: int, key: str) -> str:
    return f"{plan_id}-{key}"


def plan_rows(plan: Plan, plan_id: int, source: str, read_at: str) -> dict[str, list[dict]]:
    """Every row ``plan`` contributes, by table name; each row declared-column checked.

    Args:
        plan: the plan as read from its file (it is redacted here before anything is taken).
        plan_id: the plan's id in the portfolio.
        source: the file's name within the folder it was found in (scrubbed here too).
        read_at: when the file was read (ISO timestamp).

    Raises:
        Unclassified: a field or column has no class, so nothing may be written.
    """
    scrub = Scrubber(plan)
    safe, findings = published(plan)
    people = {s.key for s in safe.stakeholders}
    risks = {r.key for r in safe.risks}

    def owner(key: str | None) -> str | None:
        return _row_id(plan_id, key) if key in people else None

    tables: dict[str, list[dict]] = {name: [] for name in BY_NAME}
    tables["plans"].append({
        "id": plan_id, "source": scrub(source), "title": safe.title,
        "organisation": safe.organisation, "service_area": safe.service_area,
        "officer": safe.officer, "summary": safe.summary,
        "drivers": ", ".join(d.value for d in safe.drivers),
        "stages": ", ".join(s.value for s in safe.stages),
        "current_cell": safe.current_cell.code if safe.current_cell else None,
        "target_cell": safe.target_cell.code if safe.target_cell else None,
        "created": safe.created, "modified": safe.modified, "read_at": read_at,
        "stakeholders": len(safe.stakeholders), "risks": len(safe.risks),
        "safeguards": len(safe.safeguards),
        "must_fix": sum(f.severity is Severity.ERROR for f in findings),
    })
    for s in safe.stakeholders:
        sid = _row_id(plan_id, s.key)
        tables["stakeholders"].append({
            "id": sid, "plan_id": plan_id, "key": s.key, "name": s.name,
            "private_individual": int(s.personal), "organisation": s.organisation,
            "category": s.category.value, "side": s.side.value,
            "planning_role": s.planning_role.value, "delivery_role": s.delivery_role.value,
            "motive": s.motive.value if s.motive else None,
        })
        for n, c in enumerate(s.contributions, start=1):
            tables["contributions"].append({
                "id": f"{sid}-{n}", "plan_id": plan_id, "stakeholder_id": sid, "kind": c.kind.value,
                "amount": c.amount, "unit": c.unit, "note": c.note,
            })
    for r in safe.risks:
        tables["risks"].append({
            "id": _row_id(plan_id, r.key), "plan_id": plan_id, "key": r.key, "title": r.title,
            "description": r.description, "category": r.category.value,
            "likelihood": r.likelihood, "impact": r.impact, "score": r.score, "high": int(r.is_high),
            "share_users": r.shares.users, "share_community": r.shares.community,
            "share_professionals": r.shares.professionals, "owner_id": owner(r.owner),
            "trust_users": r.trust_users, "trust_community": r.trust_community,
            "trust_professionals": r.trust_professionals,
            "accepted_residual": int(r.accepted_residual),
            "residual_rationale": r.residual_rationale, "suggested": int(r.suggested),
        })
    for g in safe.safeguards:
        gid = _row_id(plan_id, g.key)
        tables["safeguards"].append({
            "id": gid, "plan_id": plan_id, "key": g.key, "title": g.title,
            "description": g.description, "kind": g.kind.value, "owner_id": owner(g.owner),
            "review_date": g.review_date, "suggested": int(g.suggested),
        })
        for key in dict.fromkeys(g.mitigates):
            if key in risks:
                tables["safeguard_risks"].append({
                    "id": f"{gid}-{key}", "plan_id": plan_id, "safeguard_id": gid,
                    "risk_id": _row_id(plan_id, key)})
    guards = {g.key for g in safe.safeguards}
    entries = {e.key for e in safe.engagements}

    def ref(key: str | None, known: set[str]) -> str | None:
        return _row_id(plan_id, key) if key in known else None

    for e in safe.engagements:
        tables["engagements"].append({
            "id": _row_id(plan_id, e.key), "plan_id": plan_id, "key": e.key, "title": e.title,
            "date": e.date, "kind": e.kind.value, "participants": len(e.participants),
            "others": e.others, "raised": e.raised, "response": e.response,
            "outcome": e.outcome.value, "reason": e.reason,
        })
    for a in safe.actions:
        tables["actions"].append({
            "id": _row_id(plan_id, a.key), "plan_id": plan_id, "key": a.key, "title": a.title,
            "owner_id": owner(a.owner), "due": a.due, "status": a.status.value, "reason": a.reason,
            "risk_id": ref(a.risk, risks), "safeguard_id": ref(a.safeguard, guards),
            "engagement_id": ref(a.engagement, entries),
        })
    for n, f in enumerate(findings, start=1):
        tables["findings"].append({
            "id": f"{plan_id}-{n}", "plan_id": plan_id, "rule": f.rule,
            "severity": f.severity.value, "must_fix": int(f.severity is Severity.ERROR),
            "message": f.message, "target_type": f.target_type, "target_key": f.target_key,
        })
    return {name: [BY_NAME[name].check(row) for row in rows] for name, rows in tables.items()}
