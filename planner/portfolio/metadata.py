"""Datasette metadata for a portfolio: plain titles and descriptions, labels, facets, queries."""

from __future__ import annotations

from planner.core.article import ARTICLE
from planner.core.scale import HIGH_RISK_SCORE, RANGE_SHORT
from planner.portfolio.queries import QUERIES
from planner.portfolio.tables import LOOKUPS

ABOUT = ARTICLE  # the one full citation of the source article

TABLES: dict[str, dict] = {
    "plans": {
        "title": "Plans",
        "description": "One row per coproduction plan published to the portfolio.",
        "label_column": "title", "sort": "title", "facets": ["target_cell", "current_cell"],
        "columns": {
            "source": "The plan's file, within the folder it was published to.",
            "current_cell": "The matrix cell the service is in today.",
            "target_cell": "The matrix cell the plan aims for.",
            "read_at": "When the portfolio last read this plan.",
            "stakeholders": "How many stakeholders the plan lists.",
            "must_fix": "How many errors the plan check found.",
        },
    },
    "stakeholders": {
        "title": "Stakeholders",
        "description": "Who takes part in each plan. Private individuals appear only as role "
                       "labels (\u201cService user 1\u201d), with their side and category.",
        "label_column": "name", "facets": ["side", "category", "private_individual"],
        "columns": {
            "name": "The group's or partner's name; a role label for a private individual.",
            "private_individual": "1 for a private individual (shown by role label only).",
            "side": "Which side of the relationship: user, community, provider or governance.",
            "planning_role": "Their part in planning the service.",
            "delivery_role": "Their part in delivering it.",
            "motive": "Why a member of the community takes part.",
        },
    },
    "contributions": {
        "title": "Contributions",
        "description": "What each stakeholder brings: time, money, premises, expertise.",
        "facets": ["kind"],
        "columns": {"amount": "How much, in the unit beside it.",
                    "note": "Left empty for private individuals."},
    },
    "risks": {
        "title": "Risks",
        "description": "The division of risk in each plan: who carries each risk, in percent.",
        "label_column": "title", "sort_desc": "score", "facets": ["category", "high"],
        "columns": {
            "score": f"Likelihood \u00d7 impact (each {RANGE_SHORT}); {HIGH_RISK_SCORE} or more is a high risk.",
            "high": f"1 when the score is {HIGH_RISK_SCORE} or more.",
            "share_users": "Percent of the risk carried by service users.",
            "share_community": "Percent carried by the community.",
            "share_professionals": "Percent carried by professionals.",
            "owner_id": "Who looks after the risk.",
        },
    },
    "safeguards": {
        "title": "Safeguards",
        "description": "Governance arrangements that answer the risks, with their review dates.",
        "label_column": "title", "sort": "review_date", "facets": ["kind"],
        "columns": {"review_date": "When the safeguard is next reviewed (YYYY-MM-DD).",
                    "owner_id": "Who looks after it."},
    },
    "safeguard_risks": {
        "title": "Which safeguard answers which risk",
        "description": "Links between safeguards and the risks they mitigate.",
    },
    "engagements": {
        "title": "Engagement log",
        "description": "What people raised with each plan's partnership, what was done in "
                       "response and, where the plan could not change, why (you said, we did).",
        "label_column": "title", "sort_desc": "date", "facets": ["outcome", "kind"],
        "columns": {"participants": "How many of the plan's stakeholders took part.",
                    "others": "How many others took part.",
                    "reason": "Why the plan was not changed, where it was not."},
    },
    "actions": {
        "title": "Actions",
        "description": "What each partnership promised to do, by whom and by when.",
        "label_column": "title", "sort": "due", "facets": ["status"],
        "columns": {"due": "When it is due (YYYY-MM-DD).", "owner_id": "Who does it."},
    },
    "findings": {
        "title": "Plan-check findings",
        "description": "What the plan check found in each plan when the portfolio read it. "
                       "Errors are must-fix.",
        "facets": ["severity", "rule"],
        "columns": {"must_fix": "1 for an error the plan must fix."},
    },
    "portfolio_info": {
        "title": "About this portfolio",
        "description": "When it was built and how many plans it holds.",
    },
    "sources": {"hidden": True},
}

LOOKUP_TITLES = {
    "cells": "Matrix cells (Table 1 of the article)", "sides": "Sides", "categories": "Categories",
    "planning_roles": "Planning roles", "delivery_roles": "Delivery roles", "motives": "Motives",
    "contribution_kinds": "Kinds of contribution", "risk_categories": "Risk categories",
    "safeguard_kinds": "Kinds of safeguard", "severities": "Severities of findings",
    "engagement_kinds": "Kinds of engagement", "outcomes": "Outcomes of engagement",
    "action_statuses": "Statuses of actions",
}


def metadata(database: str) -> dict:
    """Datasette's metadata for a portfolio served under the name ``database``."""
    tables = dict(TABLES)
    for name in LOOKUPS:
        tables[name] = {"title": LOOKUP_TITLES[name], "label_column": "label", "hidden": True,
                        "description": "Plain labels for the codes used in the other tables."}
    # The SQL stays one click away ("show"): readers come for the answer.
    queries = {name: {"title": title, "description": description, "sql": sql, "hide_sql": True}
               for name, (title, description, sql) in QUERIES.items()}
    return {
        "title": "Coproduction portfolio",
        "description": "The council's coproduction plans, read-only and with no personal data: "
                       "private individuals appear only as role labels.",
        "about": ABOUT,
        "databases": {database: {
            "title": "Coproduction portfolio",
            "description": "Plans, stakeholders, risks, safeguards and plan-check findings "
                           "from every plan published to the portfolio. Start with the "
                           "questions below.",
            "tables": tables,
            "queries": queries,
        }},
    }
