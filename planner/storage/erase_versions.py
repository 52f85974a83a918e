"""Erase and anonymise reach the agreed versions: the person is taken out of every snapshot.

A snapshot is a whole plan document kept inside the file. Replacing text in it is not enough:
the person's own entry (name, contact, notes, consent), their contributions, the owner links and
log-entry participant lists that name them are removed (or, to anonymise, reduced to the role
label), and their identifiers are scrubbed from every free text of the snapshot, as the person
was then and as they are now. The snapshot is then written back as a plan document.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Callable

from planner.core.model import Plan
from planner.core.redaction import Scrubber, anonymise_person, scrub_texts

def snapshots(conn: sqlite3.Connection) -> list[tuple[str, Plan]]:
    """Every agreed version's key with the plan its snapshot holds."""
    from planner.storage.json_format import plan_from_document

    return [(key, plan_from_document(json.loads(text)))
            for key, text in conn.execute("SELECT key, snapshot FROM versions ORDER BY position").fetchall()]


def variants(current: Plan, found: list[tuple[str, Plan]], key: str) -> list[Plan]:
    """Plans to build scrubbers from: the person as they are now and as each snapshot had them,
    each placed among today's stakeholders so that the role label is the same everywhere."""
    people = [p for _, snap in found for p in snap.stakeholders if p.key == key]
    now = current.stakeholder(key)
    result = []
    for person in ([now] if now else []) + people:
        others = [s for s in current.stakeholders if s.key != key]
        at = next((i for i, s in enumerate(current.stakeholders) if s.key == key), len(others))
        result.append(dataclasses.replace(current, stakeholders=others[:at] + [person] + others[at:]))
    return result


def scrubber(plans: list[Plan], key: str) -> Callable[[str], str]:
    """One function replacing every known spelling of the person's identifiers."""
    scrubs = [Scrubber(plan, only={key}) for plan in plans]

    def scrub(text: str) -> str:
        for one in scrubs:
            text = one(text)
        return text
    return scrub


def forget_in_snapshot(plan: Plan, key: str, anonymise: bool, label: str, scrub: Callable[[str], str]) -> None:
    """Take the person out of one snapshot's plan (or reduce them to ``label``), then scrub its texts."""
    if anonymise:
        for person in plan.stakeholders:
            if person.key == key:
                anonymise_person(person, label)
    else:
        plan.stakeholders = [s for s in plan.stakeholders if s.key != key]
        for item in [*plan.risks, *plan.safeguards, *plan.actions]:
            if item.owner == key:
                item.owner = None
        for entry in plan.engagements:
            entry.participants = [k for k in entry.participants if k != key]
    scrub_texts(plan, scrub)


def forget_in_versions(conn: sqlite3.Connection, found: list[tuple[str, Plan]], key: str, anonymise: bool,
                       label: str, scrub: Callable[[str], str]) -> int:
    """Rewrite every snapshot without the person; returns how many snapshots held them or their text."""
    from planner.storage.json_format import snapshot_document

    changed = 0
    for version_key, plan in found:
        before = snapshot_document(plan)
        forget_in_snapshot(plan, key, anonymise, label, scrub)
        after = snapshot_document(plan)
        if after != before:
            changed += 1
            conn.execute("UPDATE versions SET snapshot = ? WHERE key = ?",
                         [json.dumps(after, ensure_ascii=False, sort_keys=True), version_key])
    return changed
