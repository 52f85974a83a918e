"""Undoable edits of the stakeholder list: add, duplicate, import, move on the map."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from planner.core.model import Stakeholder
from planner.core.privacy import default_retain_until, private_by_default
from planner.ui.document import PlanDocument
from planner.ui.operations.base import AddCommand, DeleteCommand, UpdateCommand


def add_stakeholder(document: PlanDocument, name: str) -> AddCommand:
    """A new stakeholder with default fields, named ``name``."""
    (key,) = document.store.new_keys("stakeholders")
    # Safe by default: a new stakeholder is a service user, so a private individual, with the
    # keep-until date the plan's retention period gives (the officer can change both).
    person = Stakeholder(key=key, name=name)
    person.personal = private_by_default(person.category)
    if person.personal:
        person.retain_until = default_retain_until(document.plan, date.today())
    return AddCommand(document, "stakeholders", [person], "add stakeholder")


def private_flag_for(document: PlanDocument, person: Stakeholder, category) -> dict:
    """The private-individual flag follows the category unless the officer set it by hand.

    A flag that still matches the old category's default (a new stakeholder is a service user,
    so private) takes the new category's: a community group is not a private individual, a
    carer is. Returns the extra changes for the same edit (none when the flag was set by hand).
    """
    if person.personal != private_by_default(person.category):
        return {}
    personal = private_by_default(category)
    if personal == person.personal:
        return {}
    changes: dict = {"personal": personal}
    if personal and not person.retain_until:
        changes["retain_until"] = default_retain_until(document.plan, date.today())
    return changes


def duplicate_stakeholders(document: PlanDocument, originals: list[Stakeholder],
                           suffix: str) -> AddCommand:
    """Copies of ``originals`` with fresh keys, named "<name> <suffix>"."""
    copies = []
    for original, key in zip(originals, document.store.new_keys("stakeholders", len(originals))):
        copies.append(replace(original, key=key, name=f"{original.name} {suffix}",
                              contributions=[replace(c) for c in original.contributions]))
    text = "duplicate stakeholder" if len(copies) == 1 else f"duplicate {len(copies)} stakeholders"
    return AddCommand(document, "stakeholders", copies, text)


def import_stakeholders(document: PlanDocument, stakeholders: list[Stakeholder]) -> AddCommand:
    """All accepted rows of a CSV file, added and undone as one step."""
    n = len(stakeholders)
    return AddCommand(document, "stakeholders", stakeholders,
                      f"import {n} stakeholder{'s' if n != 1 else ''} from CSV")


def update_stakeholder(document: PlanDocument, key: str, text: str, **changes) -> UpdateCommand:
    return UpdateCommand(document, "stakeholders", key, text, **changes)


def move_stakeholder(document: PlanDocument, key: str, influence: int, interest: int) -> UpdateCommand:
    """A marker dragged (or moved with the arrow keys) on the power/interest map."""
    return UpdateCommand(document, "stakeholders", key, "move stakeholder on the map",
                         influence=influence, interest=interest)


def delete_stakeholders(document: PlanDocument, keys: list[str]) -> DeleteCommand:
    n = len(keys)
    text = "delete stakeholder" if n == 1 else f"delete {n} stakeholders"
    return DeleteCommand(document, text, stakeholders=keys)
