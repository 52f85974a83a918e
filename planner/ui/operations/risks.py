"""Undoable edits of the risk register: add, suggest from guidance, edit, change shares."""

from __future__ import annotations

from dataclasses import replace

from planner.core.model import Risk, Shares
from planner.ui.document import PlanDocument
from planner.ui.operations.base import AddCommand, DeleteCommand, UpdateCommand, update_row


def guidance_library():
    """The guidance library, or None when it cannot be read (the "Suggest" buttons then explain)."""
    try:
        from planner.guidance import GuidanceError, load_library
    except ImportError:
        return None
    try:
        return load_library()
    except (GuidanceError, OSError):
        return None


def add_risk(document: PlanDocument, title: str) -> AddCommand:
    return AddCommand(document, "risks", [Risk(key=document.store.new_keys("risks")[0], title=title)], "add risk")


def duplicate_risks(document: PlanDocument, originals: list[Risk], suffix: str) -> AddCommand:
    keys = document.store.new_keys("risks", len(originals))
    copies = [replace(r, key=k, title=f"{r.title} {suffix}", shares=replace(r.shares))
              for r, k in zip(originals, keys)]
    return AddCommand(document, "risks", copies, "duplicate risk" if len(copies) == 1 else f"duplicate {len(copies)} risks")


def suggest_risks(document: PlanDocument, suggestions, owner: str | None = None) -> AddCommand:
    """Risks from guidance suggestions (each a ``template`` with ``to_risk(key)``), marked suggested."""
    keys = document.store.new_keys("risks", len(suggestions))
    risks = [replace(s.template.to_risk(k), owner=owner) for s, k in zip(suggestions, keys)]
    n = len(risks)
    return AddCommand(document, "risks", risks, "add suggested risk" if n == 1 else f"add {n} suggested risks")


def update_risk(document: PlanDocument, risk: Risk, text: str, **changes) -> UpdateCommand:
    """One edit of a risk; editing a suggested risk makes it the officer's own in the same step."""
    return update_row(document, "risks", risk, text, **changes)


def change_shares(document: PlanDocument, risk: Risk, shares: Shares) -> UpdateCommand:
    return update_risk(document, risk, "change risk shares", shares=shares)


def delete_risks(document: PlanDocument, keys: list[str]) -> DeleteCommand:
    n = len(keys)
    return DeleteCommand(document, "delete risk" if n == 1 else f"delete {n} risks", risks=keys)
