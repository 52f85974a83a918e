"""The plan file's schema and its migrations; tables a person can read with any SQLite tool."""

from __future__ import annotations

APPLICATION_ID = 0x436F506C  # "CoPl": marks a SQLite file as a Coproduction Planner plan
SCHEMA_VERSION = 1

# Every later change to the schema appends a script here; MIGRATIONS[n] takes a file from
# user_version n to n + 1. Version 0 is a file with no schema yet.
MIGRATIONS: dict[int, str] = {
    0: """
CREATE TABLE plan (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    title TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    service_area TEXT NOT NULL DEFAULT '',
    officer TEXT NOT NULL DEFAULT '',
    summary TEXT NOT NULL DEFAULT '',
    current_planning TEXT, current_delivery TEXT,
    target_planning TEXT, target_delivery TEXT,
    created TEXT NOT NULL, modified TEXT NOT NULL,
    CHECK (NOT (current_planning = 'community' AND current_delivery = 'professionals')),
    CHECK (NOT (target_planning = 'community' AND target_delivery = 'professionals'))
);
CREATE TABLE plan_drivers (driver TEXT PRIMARY KEY, position INTEGER NOT NULL);
CREATE TABLE plan_stages (stage TEXT PRIMARY KEY, position INTEGER NOT NULL);
CREATE TABLE stakeholders (
    key TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL,
    side TEXT,
    planning_role TEXT NOT NULL,
    delivery_role TEXT NOT NULL,
    influence INTEGER NOT NULL CHECK (influence BETWEEN 1 AND 5),
    interest INTEGER NOT NULL CHECK (interest BETWEEN 1 AND 5),
    stance TEXT NOT NULL,
    motive TEXT,
    personal INTEGER NOT NULL DEFAULT 0,
    contact TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT ''
);
CREATE TABLE contributions (
    id INTEGER PRIMARY KEY,
    stakeholder TEXT NOT NULL REFERENCES stakeholders(key) ON DELETE CASCADE ON UPDATE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    amount NUMERIC,
    unit TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contributions_stakeholder ON contributions(stakeholder);
CREATE TABLE risks (
    key TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL,
    likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    share_users INTEGER NOT NULL CHECK (share_users BETWEEN 0 AND 100),
    share_community INTEGER NOT NULL CHECK (share_community BETWEEN 0 AND 100),
    share_professionals INTEGER NOT NULL CHECK (share_professionals BETWEEN 0 AND 100),
    owner TEXT REFERENCES stakeholders(key) ON DELETE SET NULL ON UPDATE CASCADE,
    trust_users TEXT NOT NULL DEFAULT '',
    trust_community TEXT NOT NULL DEFAULT '',
    trust_professionals TEXT NOT NULL DEFAULT '',
    accepted_residual INTEGER NOT NULL DEFAULT 0,
    residual_rationale TEXT NOT NULL DEFAULT '',
    suggested INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX risks_owner ON risks(owner);
CREATE TABLE safeguards (
    key TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    owner TEXT REFERENCES stakeholders(key) ON DELETE SET NULL ON UPDATE CASCADE,
    review_date TEXT,
    suggested INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX safeguards_owner ON safeguards(owner);
CREATE TABLE safeguard_risks (
    safeguard TEXT NOT NULL REFERENCES safeguards(key) ON DELETE CASCADE ON UPDATE CASCADE,
    risk TEXT NOT NULL REFERENCES risks(key) ON DELETE CASCADE ON UPDATE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (safeguard, risk)
);
CREATE INDEX safeguard_risks_risk ON safeguard_risks(risk);
""",
}

EXPECTED_TABLES = {
    "plan", "plan_drivers", "plan_stages", "stakeholders", "contributions", "risks",
    "safeguards", "safeguard_risks",
}
