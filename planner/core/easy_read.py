"""The easy-read summary "What we are planning together": its sections and their first draft.

Each section is a short list of points, one a line, each printed beside a picture. The officer
owns the text: ``draft`` writes a first version from the plan in plain words, and the officer's
own text for a section (stored in the plan) replaces it. Nothing here names a private
individual: people are counted by kind, and only organisations are named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.core.matrix import Cell
from planner.core.model import Category, Plan

TITLE = "What we are planning together"


@dataclass(frozen=True)
class EasySection:
    """One section: its key (stored), heading (printed) and the picture its points default to."""

    key: str
    heading: str
    picture: str


SECTIONS = (
    EasySection("service", "What the service is", "house"),
    EasySection("people", "Who is taking part", "people"),
    EasySection("change", "What will change", "change"),
    EasySection("safety", "What could go wrong and how we keep people safe", "shield"),
    EasySection("say", "How to have a say", "speech"),
    EasySection("contact", "Who to contact", "phone"),
)
SECTION_KEYS = tuple(s.key for s in SECTIONS)
PICTURES = ("people", "meeting", "house", "change", "warning", "shield", "speech", "phone",
            "email", "group", "calendar")

# A point's picture follows what it is about; the first word stem found wins, else the
# section's own picture. Checked in this order.
PICTURE_WORDS = (
    ("warning", ("wrong", "risk", "danger", "worr", "problem", "harm")),
    ("shield", ("safe", "protect", "check")),
    ("phone", ("phone", "call", "ring")),
    ("email", ("email", "e-mail", "write", "letter")),
    ("meeting", ("meet", "meeting")),
    ("speech", ("say", "tell", "think", "idea", "views", "ask")),
    ("change", ("change", "future", "will ", "new ")),
    ("calendar", ("date", "day", "week", "month", "year", "when")),
    ("people", ("people", "person", "carer", "volunteer", "staff", "resident", "manager", "councillor",
                "inspector")),
    ("group", ("group", "charit", "council", "organisation", "business", "government",
               "scheme", "programme", "trust")),
    ("house", ("home", "house", "live", "service")),
)

# Who takes part, counted by kind, in plain words: (one, many).
KIND_WORDS = {
    Category.SERVICE_USER: ("person who uses the service", "people who use the service"),
    Category.CARER: ("carer", "carers"),
    Category.VOLUNTEER: ("volunteer", "volunteers"),
    Category.COMMUNITY_GROUP: ("community group", "community groups"),
    Category.COMMUNITY_REPRESENTATIVE: ("person who speaks for the community",
                                        "people who speak for the community"),
    Category.CITIZEN: ("local person", "local people"),
    Category.PROFESSIONAL: ("member of staff", "staff"),
    Category.MANAGER: ("manager", "managers"),
    Category.ELECTED_MEMBER: ("councillor", "councillors"),
    Category.PRIVATE_PARTNER: ("business", "businesses"),
    Category.THIRD_SECTOR: ("charity", "charities"),
    Category.FUNDER: ("group that pays for the service", "groups that pay for the service"),
    Category.REGULATOR: ("inspector", "inspectors"),
}
NAMED_GROUPS = 4  # groups named in the draft; the rest are counted

PLANS_NOW = {"professionals": "Staff plan the service.",
             "co": "People who use the service plan it with staff.",
             "community": "People who use the service plan it themselves."}
RUNS_NOW = {"professionals": "Staff run the service.",
            "co": "People who use the service help staff run it.",
            "community": "People who use the service run it themselves."}
PLANS_NEXT = {"professionals": "Staff will plan the service.",
              "co": "People who use the service will plan it with staff.",
              "community": "People who use the service will plan it themselves."}
RUNS_NEXT = {"professionals": "Staff will run the service.",
             "co": "People who use the service will help staff run it.",
             "community": "People who use the service will run it themselves."}
RISKS_IN_DRAFT = 3


def _line(text: str) -> str:
    return " ".join(str(text).split())


def _sentence(text: str) -> str:
    text = _line(text).rstrip(".")
    return f"{text}." if text else ""


def _service(plan: Plan) -> list[str]:
    what = _line(plan.service_area) or _line(plan.title) or "a local service"
    lines = [f"The service: {_sentence(what)}"]
    if _line(plan.organisation):
        # The plan's organisation is who leads the plan, not who runs the service today.
        lines.append(f"{_line(plan.organisation)} is leading this plan.")
    lines.append("We want to plan it with the people who use it.")
    return lines


def _people(plan: Plan) -> list[str]:
    if not plan.stakeholders:
        return ["We are still finding people to take part."]
    # Private individuals are counted by kind ("2 carers take part"); everyone else is a group
    # or an organisation, named as such ("Local residents", "The district council"), never
    # counted as one person.
    counts: dict[Category, int] = {}
    for person in plan.stakeholders:
        if person.personal:
            counts[person.category] = counts.get(person.category, 0) + 1
    lines = [f"{n} {KIND_WORDS[kind][0]} takes part." if n == 1 else
             f"{n} {KIND_WORDS[kind][1]} take part." for kind, n in counts.items()]
    groups = [_line(p.name) for p in plan.stakeholders if not p.personal and _line(p.name)]
    lines += [f"Taking part: {name}." for name in groups[:NAMED_GROUPS]]
    if len(groups) > NAMED_GROUPS:
        lines.append(f"{len(groups) - NAMED_GROUPS} more groups are taking part.")
    return lines


def _change(plan: Plan) -> list[str]:
    now, target = plan.current_cell, plan.target_cell
    if target is None:
        return ["We have not decided yet what will change."]
    lines = []
    if now is not None:
        lines += [f"Now: {PLANS_NOW[now.planning.value]}", f"Now: {RUNS_NOW[now.delivery.value]}"]
    if now == target:
        return [*lines, "This will stay the same."]
    return [*lines, f"In future: {PLANS_NEXT[target.planning.value]}",
            f"In future: {RUNS_NEXT[target.delivery.value]}"]


def _safety(plan: Plan) -> list[str]:
    if not plan.risks:
        return ["We are still thinking about what could go wrong."]
    lines = []
    for risk in sorted(plan.risks, key=lambda r: -r.score)[:RISKS_IN_DRAFT]:
        lines.append(f"Something could go wrong: {_sentence(risk.title)}")
        guards = [g for g in plan.safeguards if risk.key in g.mitigates]
        if guards:
            lines += [f"To keep people safe: {_sentence(g.title)}" for g in guards[:2]]
        else:
            lines.append("We are still working out how to keep people safe from this.")
    return lines


def _say(plan: Plan) -> list[str]:
    lines = ["You can tell us what you think.", "You can come to our meetings."]
    target = plan.target_cell
    if target is not None and target.planning.value != "professionals":
        lines.append("You can help us plan the service.")
    if target is not None and target.delivery.value != "professionals":
        lines.append("You can help us run the service.")
    return lines


def _contact(plan: Plan) -> list[str]:
    lines = []
    if _line(plan.officer):
        lines.append(f"Ask for {_line(plan.officer)}.")
    if _line(plan.organisation):
        lines.append(f"Phone or email {_line(plan.organisation)}.")
    return lines or ["Ask at your local council office."]


_DRAFTS = {"service": _service, "people": _people, "change": _change, "safety": _safety,
           "say": _say, "contact": _contact}


def draft(plan: Plan, key: str) -> str:
    """A first version of one section in plain words, one point a line, for the officer to edit."""
    return "\n".join(line for line in _DRAFTS[key](plan) if line)


def field_name(key: str) -> str:
    """The plan field that stores the officer's own text for a section."""
    return f"easy_read_{key}"


def own_text(plan: Plan, key: str) -> str:
    """The officer's stored text for a section, or "" when they have not written one."""
    return str(getattr(plan, field_name(key), "") or "")


def texts(plan: Plan) -> dict[str, str]:
    """Each section's text: the officer's own where stored and not blank, else the draft."""
    return {key: own_text(plan, key) if own_text(plan, key).strip() else draft(plan, key)
            for key in SECTION_KEYS}


def points(text: str) -> list[str]:
    """The points of a section: its non-blank lines."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def picture_for(point: str, default: str) -> str:
    """The picture beside a point: what its words are about, else the section's picture."""
    lowered = f" {point.lower()} "
    for picture, stems in PICTURE_WORDS:
        if any(re.search(r"\b" + re.escape(stem), lowered) for stem in stems):
            return picture
    return default


def cell_words(cell: Cell | None) -> str:
    """Who plans and who runs the service in a cell, in plain words (for the panel's hints)."""
    if cell is None:
        return "Not chosen yet."
    return f"{PLANS_NOW[cell.planning.value]} {RUNS_NOW[cell.delivery.value]}"
