"""Undoable edits of the governance safeguards: add, suggest from guidance, edit, link to risks."""

from __future__ import annotations

from dataclasses import replace

from planner.core.model import Safeguard
from planner.ui.document import PlanDocument
from planner.ui.operations.base import AddCommand, DeleteCommand, UpdateCommand, update_row


def add_safeguard(document: PlanDocument, title: str, mitigates: list[str] = ()) -> AddCommand:
    safeguard = Safeguard(key=document.store.new_keys("safeguards")[0], title=title, mitigates=list(mitigates))
    return AddCommand(document, "safeguards", [safeguard], "add safeguard")


def duplicate_safeguards(document: PlanDocument, originals: list[Safeguard], suffix: str) -> AddCommand:
    keys = document.store.new_keys("safeguards", len(originals))
    copies = [replace(g, key=k, title=f"{g.title} {suffix}", mitigates=list(g.mitigates))
              for g, k in zip(originals, keys)]
    n = len(copies)
    return AddCommand(document, "safeguards", copies, "duplicate safeguard" if n == 1 else f"duplicate {n} safeguards")


def suggest_safeguards(document: PlanDocument, suggestions, owner: str | None = None) -> AddCommand:
    """Safeguards from guidance suggestions (each a ``template`` and the risks it ``mitigates``)."""
    keys = document.store.new_keys("safeguards", len(suggestions))
    safeguards = [replace(s.template.to_safeguard(k, mitigates=list(s.mitigates)), owner=owner)
                  for s, k in zip(suggestions, keys)]
    n = len(safeguards)
    return AddCommand(document, "safeguards", safeguards,
                      "add suggested safeguard" if n == 1 else f"add {n} suggested safeguards")


def update_safeguard(document: PlanDocument, safeguard: Safeguard, text: str, **changes) -> UpdateCommand:
    """One edit of a safeguard; editing a suggested one makes it the officer's own."""
    return update_row(document, "safeguards", safeguard, text, **changes)


def delete_safeguards(document: PlanDocument, keys: list[str]) -> DeleteCommand:
    n = len(keys)
    return DeleteCommand(document, "delete safeguard" if n == 1 else f"delete {n} safeguards", safeguards=keys)
