"""Undoable edits of the governance safeguards: add, suggest from guidance, edit, link to risks."""

from __future__ import annotations

from dataclasses import replace

from planner.core.model import Safeguard
from planner.ui.document import Change, PlanDocument
from planner.ui.operations.base import DeleteCommand, PlanCommand, UpdateCommand, touched_by
from planner.ui.operations.risks import fresh_keys


class AddSafeguardsCommand(PlanCommand):
    """Add one or more safeguards (with their links to risks) at the end of the list."""

    def __init__(self, document: PlanDocument, safeguards: list[Safeguard], text: str):
        super().__init__(document, text)
        self.safeguards = list(safeguards)

    @property
    def keys(self) -> list[str]:
        return [g.key for g in self.safeguards]

    def _apply(self) -> Change:
        added = []
        try:
            for safeguard in self.safeguards:
                self.document.store.add_safeguard(safeguard)
                added.append(safeguard.key)
        except BaseException:
            if added:
                self.document.store.delete(safeguards=added)
            raise
        return Change.of("safeguards", *self.keys)

    def _revert(self) -> Change:
        return touched_by(self.document.store.delete(safeguards=self.keys))


def add_safeguard(document: PlanDocument, title: str, mitigates: list[str] = ()) -> AddSafeguardsCommand:
    safeguard = Safeguard(key=document.store.new_key("g"), title=title, mitigates=list(mitigates))
    return AddSafeguardsCommand(document, [safeguard], "add safeguard")


def duplicate_safeguards(document: PlanDocument, originals: list[Safeguard], suffix: str) -> AddSafeguardsCommand:
    keys = fresh_keys(document, "g", len(originals))
    copies = [replace(g, key=k, title=f"{g.title} {suffix}", mitigates=list(g.mitigates))
              for g, k in zip(originals, keys)]
    n = len(copies)
    return AddSafeguardsCommand(document, copies, "duplicate safeguard" if n == 1 else f"duplicate {n} safeguards")


def suggest_safeguards(document: PlanDocument, safeguards: list[Safeguard]) -> AddSafeguardsCommand:
    n = len(safeguards)
    return AddSafeguardsCommand(document, safeguards,
                                "add suggested safeguard" if n == 1 else f"add {n} suggested safeguards")


def update_safeguard(document: PlanDocument, safeguard: Safeguard, text: str, **changes) -> UpdateCommand:
    """One edit of a safeguard; editing a suggested one makes it the officer's own."""
    if safeguard.suggested and "suggested" not in changes:
        changes["suggested"] = False
    return UpdateCommand(document, "safeguards", safeguard.key, text, **changes)


def delete_safeguards(document: PlanDocument, keys: list[str]) -> DeleteCommand:
    n = len(keys)
    return DeleteCommand(document, "delete safeguard" if n == 1 else f"delete {n} safeguards", safeguards=keys)
