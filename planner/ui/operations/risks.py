"""Undoable edits of the risk register: add, suggest from guidance, edit, change shares."""

from __future__ import annotations

from dataclasses import replace

from planner.core.model import Risk, Shares
from planner.ui.document import Change, PlanDocument
from planner.ui.operations.base import DeleteCommand, PlanCommand, UpdateCommand, touched_by


class AddRisksCommand(PlanCommand):
    """Add one or more risks at the end of the register."""

    def __init__(self, document: PlanDocument, risks: list[Risk], text: str):
        super().__init__(document, text)
        self.risks = list(risks)

    @property
    def keys(self) -> list[str]:
        return [r.key for r in self.risks]

    def _apply(self) -> Change:
        added = []
        try:
            for risk in self.risks:
                self.document.store.add_risk(risk)
                added.append(risk.key)
        except BaseException:
            if added:  # all or nothing, as the officer sees one action
                self.document.store.delete(risks=added)
            raise
        return Change.of("risks", *self.keys)

    def _revert(self) -> Change:
        return touched_by(self.document.store.delete(risks=self.keys))


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


def fresh_keys(document: PlanDocument, prefix: str, count: int) -> list[str]:
    """``count`` keys not yet stored, e.g. r4, r5, r6."""
    first = int(document.store.new_key(prefix)[len(prefix):])
    return [f"{prefix}{first + i}" for i in range(count)]


def add_risk(document: PlanDocument, title: str) -> AddRisksCommand:
    return AddRisksCommand(document, [Risk(key=document.store.new_key("r"), title=title)], "add risk")


def duplicate_risks(document: PlanDocument, originals: list[Risk], suffix: str) -> AddRisksCommand:
    keys = fresh_keys(document, "r", len(originals))
    copies = [replace(r, key=k, title=f"{r.title} {suffix}", shares=replace(r.shares))
              for r, k in zip(originals, keys)]
    return AddRisksCommand(document, copies, "duplicate risk" if len(copies) == 1 else f"duplicate {len(copies)} risks")


def suggest_risks(document: PlanDocument, templates, owner: str | None = None) -> AddRisksCommand:
    """Risks from guidance templates (each ``to_risk(key)``), marked suggested, with an owner if given."""
    keys = fresh_keys(document, "r", len(templates))
    risks = [replace(t.to_risk(k), owner=owner) for t, k in zip(templates, keys)]
    n = len(risks)
    return AddRisksCommand(document, risks, "add suggested risk" if n == 1 else f"add {n} suggested risks")


def update_risk(document: PlanDocument, risk: Risk, text: str, **changes) -> UpdateCommand:
    """One edit of a risk; editing a suggested risk makes it the officer's own in the same step."""
    if risk.suggested and "suggested" not in changes:
        changes["suggested"] = False
    return UpdateCommand(document, "risks", risk.key, text, **changes)


def change_shares(document: PlanDocument, risk: Risk, shares: Shares) -> UpdateCommand:
    return update_risk(document, risk, "change risk shares", shares=shares)


def delete_risks(document: PlanDocument, keys: list[str]) -> DeleteCommand:
    n = len(keys)
    return DeleteCommand(document, "delete risk" if n == 1 else f"delete {n} risks", risks=keys)
