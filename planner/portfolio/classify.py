"""What of a plan the portfolio may publish: every field classed, an unclassed one refused.

The portfolio starts from the one redaction (``planner.core.redaction.redact``: private
individuals as role labels, their names and contacts scrubbed from all free text) and withholds
more, because a portfolio is read across the council: nobody's stance, notes or power/interest
scores (the officer's working judgements about named partners) are published.
"""

from __future__ import annotations

from dataclasses import MISSING, fields, replace

from planner.core.checks import Finding
from planner.core.model import Action, Contribution, Engagement, Plan, Risk, Safeguard, Stakeholder
from planner.core.redaction import for_circulation

PUBLISH = "publish"    # keys, coded values, numbers, dates, and free text after the redaction
WITHHOLD = "withhold"  # never published: reset to the field's default in the published copy
NESTED = "nested"      # entities inside, each classed by its own table below

FIELDS: dict[type, dict[str, str]] = {
    Plan: {
        "title": PUBLISH, "organisation": PUBLISH, "service_area": PUBLISH, "officer": PUBLISH,
        "summary": PUBLISH, "drivers": PUBLISH, "stages": PUBLISH, "current_cell": PUBLISH,
        "target_cell": PUBLISH, "created": PUBLISH, "modified": PUBLISH,
        "retention_months": PUBLISH, "dpia_screening": PUBLISH, "dpia_reference": PUBLISH,
        "decisions": PUBLISH,
        # The easy-read summary is written to be shared widely; the redaction has run over it.
        "easy_read_service": PUBLISH, "easy_read_people": PUBLISH, "easy_read_change": PUBLISH,
        "easy_read_safety": PUBLISH, "easy_read_say": PUBLISH, "easy_read_contact": PUBLISH,
        "status_line": PUBLISH,  # e.g. "Draft for the partnership board": printed on every page
        "stakeholders": NESTED, "risks": NESTED, "safeguards": NESTED,
        "engagements": NESTED, "actions": NESTED,
        # An agreed version's snapshot is the whole plan, unredacted: never published.
        "versions": WITHHOLD,
    },
    Stakeholder: {
        "key": PUBLISH, "name": PUBLISH, "organisation": PUBLISH, "category": PUBLISH,
        "side_override": PUBLISH, "planning_role": PUBLISH, "delivery_role": PUBLISH,
        "influence": WITHHOLD, "interest": WITHHOLD, "stance": WITHHOLD,
        "contributions": NESTED, "motive": PUBLISH, "personal": PUBLISH,
        "contact": WITHHOLD, "notes": WITHHOLD,
        # A private individual's data-protection record is about them: never published.
        "lawful_basis": WITHHOLD, "consent_given_on": WITHHOLD, "consent_how": WITHHOLD,
        "consent_covers": WITHHOLD, "consent_withdrawn_on": WITHHOLD, "retain_until": WITHHOLD,
        "communication_needs": WITHHOLD, "language": WITHHOLD,
    },
    Contribution: {"kind": PUBLISH, "amount": PUBLISH, "unit": PUBLISH, "note": PUBLISH},
    Risk: {
        "key": PUBLISH, "title": PUBLISH, "description": PUBLISH, "category": PUBLISH,
        "likelihood": PUBLISH, "impact": PUBLISH, "shares": PUBLISH, "owner": PUBLISH,
        "trust_users": PUBLISH, "trust_community": PUBLISH, "trust_professionals": PUBLISH,
        "accepted_residual": PUBLISH, "residual_rationale": PUBLISH, "suggested": PUBLISH,
    },
    Safeguard: {
        "key": PUBLISH, "title": PUBLISH, "description": PUBLISH, "kind": PUBLISH,
        "owner": PUBLISH, "mitigates": PUBLISH, "review_date": PUBLISH, "suggested": PUBLISH,
    },
    # The record's free text (what was raised, the response, reasons) is published after the
    # redaction has replaced private individuals' names and contacts.
    Engagement: {
        "key": PUBLISH, "title": PUBLISH, "date": PUBLISH, "kind": PUBLISH, "participants": PUBLISH,
        "others": PUBLISH, "raised": PUBLISH, "response": PUBLISH, "outcome": PUBLISH,
        "reason": PUBLISH, "risks": PUBLISH, "safeguards": PUBLISH,
    },
    Action: {
        "key": PUBLISH, "title": PUBLISH, "owner": PUBLISH, "due": PUBLISH, "status": PUBLISH,
        "reason": PUBLISH, "risk": PUBLISH, "safeguard": PUBLISH, "engagement": PUBLISH,
    },
}

# Plan-check rules that read what the portfolio withholds (stance, influence): their messages
# describe a named partner's stance, and on a published copy they would report what is not so.
WITHHELD_RULES = frozenset({"professional-resistance", "no-provider-champion"})


class Unclassified(Exception):
    """A field or column nobody classed: nothing holding it may be published."""


def class_of(entity: type, name: str) -> str:
    """How the portfolio treats ``entity.name``.

    A field declared with ``metadata={"personal": True}`` (the model's personal-data flag) is
    withheld; one declared ``personal: False`` is published after the redaction; any other
    field must be listed in FIELDS.

    Raises:
        Unclassified: the field is in neither.
    """
    listed = next((FIELDS[cls][name] for cls in entity.__mro__ if name in FIELDS.get(cls, {})), None)
    if listed:
        return listed
    item = next((f for f in fields(entity) if f.name == name), None)
    if item is not None and "personal" in item.metadata:
        return WITHHOLD if item.metadata["personal"] else PUBLISH
    raise Unclassified(f"{entity.__name__}.{name} is not classed for the portfolio, so nothing "
                       "was published. Class it in planner/portfolio/classify.py.")


def check_classified() -> None:
    """Raise Unclassified if any field of the plan model has no class."""
    for entity in (Plan, Stakeholder, Contribution, Risk, Safeguard, Engagement, Action):
        for item in fields(entity):
            class_of(entity, item.name)


def _default(item):
    return item.default_factory() if item.default_factory is not MISSING else item.default


def _withhold(obj):
    """A copy of ``obj`` with its withheld fields reset and its nested entities treated alike."""
    changes = {}
    for item in fields(obj):
        kind = class_of(type(obj), item.name)
        if kind == WITHHOLD:
            changes[item.name] = _default(item)
        elif kind == NESTED:
            changes[item.name] = [_withhold(element) for element in getattr(obj, item.name)]
    return replace(obj, **changes)


def published(plan: Plan) -> tuple[Plan, list[Finding]]:
    """The plan and its plan-check findings as the portfolio may hold them.

    Raises:
        Unclassified: a field of the model has no class.
    """
    check_classified()
    safe, findings = for_circulation(plan, include_personal=False)
    return _withhold(safe), [f for f in findings if f.rule not in WITHHELD_RULES]
