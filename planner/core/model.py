"""The plan and what it holds: stakeholders, the division of risk, governance safeguards.

Every field is declared once here (see :mod:`planner.core.fields`): its kind of value, default,
label, whether it is personal data, and its JSON key and CSV column. Storage, interchange and
validation read these declarations, so a field added here is stored, exchanged and checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.core.choices import (  # noqa: F401 (the model's vocabulary, imported from here too)
    DEFAULT_SIDE, PLAIN_LABELS, Category, ConsentMethod, ContributionKind, DeliveryRole, Driver,
    LawfulBasis, Motive, PlanningRole, RiskCategory, SafeguardKind, Side, Stage, Stance, label,
)
from planner.core.compound_kinds import CellValue, ChoiceList, Links, TextList, YesNoMap
from planner.core.fields import Children, Nested, declared
from planner.core.kinds import Amount, Choice, Date, Flag, Key, Ref, Text, Whole
from planner.core.matrix import Cell
from planner.core.scale import HIGH_RISK_SCORE, SCALE, Score  # noqa: F401 (SCALE: imported from here too)
from planner.core.record import (  # noqa: F401 (the record's vocabulary, imported from here too)
    Action, ActionStatus, Engagement, EngagementKind, Outcome, Version,
)

_PERCENT = Whole(0, 100)


@dataclass
class Contribution:
    """A resource a stakeholder brings: time, money, premises, expertise..."""

    kind: ContributionKind = declared(Choice(ContributionKind), "Kind", ContributionKind.TIME)
    amount: float | None = declared(Amount(), "Amount", None)
    unit: str = declared(Text(), "Unit", "")
    note: str = declared(Text(), "Note", "", personal=True)


@dataclass
class Stakeholder:
    """A person or organisation with a part in the service."""

    key: str = declared(Key(), "Key")
    name: str = declared(Text(required=True), "Name", personal=True)
    organisation: str = declared(Text(), "Organisation", "", personal=True)
    category: Category = declared(Choice(Category), "Category", Category.SERVICE_USER)
    side_override: Side | None = declared(Choice(Side, optional=True), "Side", None, json="side", csv="side", column="side")
    planning_role: PlanningRole = declared(Choice(PlanningRole), "Part in planning", PlanningRole.NONE)
    delivery_role: DeliveryRole = declared(Choice(DeliveryRole), "Part in delivery", DeliveryRole.NONE)
    influence: int = declared(Score("influence"), "Influence", 3)
    interest: int = declared(Score("interest"), "Interest", 3)
    stance: Stance = declared(Choice(Stance), "Stance", Stance.NEUTRAL)
    motive: Motive | None = declared(Choice(Motive, optional=True), "Motive", None)
    personal: bool = declared(Flag(), "Private individual", False)
    contact: str = declared(Text(), "Contact", "", personal=True)
    notes: str = declared(Text(), "Notes", "", personal=True)
    # Schema version 2: what data protection asks of a private individual's record.
    lawful_basis: LawfulBasis | None = declared(Choice(LawfulBasis, optional=True), "Lawful basis", None, personal=True, since=2)
    consent_given_on: str | None = declared(Date(), "Consent given on", None, personal=True, since=2)
    consent_how: ConsentMethod | None = declared(Choice(ConsentMethod, optional=True), "Consent given by", None, personal=True, since=2)
    consent_covers: str = declared(Text(), "Consent covers", "", personal=True, since=2)
    consent_withdrawn_on: str | None = declared(Date(), "Consent withdrawn on", None, personal=True, since=2)
    retain_until: str | None = declared(Date(), "Keep details until", None, personal=True, since=2)
    communication_needs: str = declared(Text(), "Communication needs", "", personal=True, since=2)
    language: str = declared(Text(), "Language preference", "", personal=True, since=2)
    contributions: list[Contribution] = declared(Children(Contribution, "contributions"), "Contributions", [])

    @property
    def side(self) -> Side:
        """The side set by hand, else the one the category implies."""
        return self.side_override or DEFAULT_SIDE[self.category]

    @property
    def plans(self) -> bool:
        """True when this stakeholder takes a real part in planning (more than consultation)."""
        return self.planning_role in (PlanningRole.CO, PlanningRole.SOLE)

    @property
    def delivers(self) -> bool:
        """True when this stakeholder takes a part in delivery."""
        return self.delivery_role in (DeliveryRole.CO, DeliveryRole.SOLE)


@dataclass
class Shares:
    """Who carries a risk, in percent; they should add to 100 (the plan check says when not)."""

    users: int = declared(_PERCENT, "Users' share", 0)
    community: int = declared(_PERCENT, "Community's share", 0)
    professionals: int = declared(_PERCENT, "Professionals' share", 100)

    @property
    def total(self) -> int:
        return self.users + self.community + self.professionals

    def as_dict(self) -> dict[str, int]:
        return {"users": self.users, "community": self.community, "professionals": self.professionals}


@dataclass
class Risk:
    """One entry of the division of risk between users, community and professionals."""

    key: str = declared(Key(), "Key")
    title: str = declared(Text(required=True), "Title")
    description: str = declared(Text(), "Description", "")
    category: RiskCategory = declared(Choice(RiskCategory), "Category", RiskCategory.OTHER)
    likelihood: int = declared(Score("likelihood"), "Likelihood", 3)
    impact: int = declared(Score("impact"), "Impact", 3)
    # A side missing from a given shares object carries 0; no object at all is the default.
    shares: Shares = declared(Nested(Shares, "share_", missing=0), "Shares", Shares())
    owner: str | None = declared(Ref("stakeholders"), "Owner", None)
    trust_users: str = declared(Text(), "What users must trust", "", json="trust.users")
    trust_community: str = declared(Text(), "What the community must trust", "", json="trust.community")
    trust_professionals: str = declared(Text(), "What professionals must trust", "", json="trust.professionals")
    accepted_residual: bool = declared(Flag(), "Remaining risk accepted", False)
    residual_rationale: str = declared(Text(), "Why it is accepted", "")
    suggested: bool = declared(Flag(), "Suggested", False)  # from a guidance template, not yet edited

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def is_high(self) -> bool:
        return self.score >= HIGH_RISK_SCORE


@dataclass
class Safeguard:
    """A governance arrangement that answers one or more risks."""

    key: str = declared(Key(), "Key")
    title: str = declared(Text(required=True), "Title")
    description: str = declared(Text(), "Description", "")
    kind: SafeguardKind = declared(Choice(SafeguardKind), "Kind", SafeguardKind.OTHER)
    owner: str | None = declared(Ref("stakeholders"), "Owner", None)
    mitigates: list[str] = declared(Links("safeguard_risks", "risk"), "Risks it answers", [])
    review_date: str | None = declared(Date(), "Review date", None)  # YYYY-MM-DD
    suggested: bool = declared(Flag(), "Suggested", False)


@dataclass
class Plan:
    """A whole coproduction plan as the officer builds it."""

    title: str = declared(Text(required=True), "Title")
    organisation: str = declared(Text(), "Organisation", "")
    service_area: str = declared(Text(), "Service area", "")
    officer: str = declared(Text(), "Officer", "")
    summary: str = declared(Text(), "Summary", "")
    drivers: list[Driver] = declared(ChoiceList(Driver, "plan_drivers", "driver"), "Drivers", [])
    stages: list[Stage] = declared(ChoiceList(Stage, "plan_stages", "stage"), "Stages", [])
    current_cell: Cell | None = declared(CellValue(), "Current cell", None, column="current")
    target_cell: Cell | None = declared(CellValue(), "Target cell", None, column="target")
    created: str = declared(Text(), "Created", "")  # ISO 8601 UTC timestamps, set by storage
    modified: str = declared(Text(), "Modified", "")
    # Schema version 2: data protection for the plan, and what the meeting is asked to do.
    retention_months: int | None = declared(Whole(0, 1200, optional=True), "Keep personal details for (months after the plan ends)", None, since=2)
    dpia_screening: dict[str, bool] = declared(YesNoMap(), "DPIA screening answers", {}, since=2)
    dpia_reference: str = declared(Text(), "DPIA reference", "", since=2)
    decisions: list[str] = declared(TextList(), "The meeting is asked to", [], since=2)
    # Schema version 4: the officer's own text for each part of the easy-read summary ("" keeps
    # the app's draft from the plan; see planner.core.easy_read).
    easy_read_service: str = declared(Text(), "Easy read: what the service is", "", since=4)
    easy_read_people: str = declared(Text(), "Easy read: who is taking part", "", since=4)
    easy_read_change: str = declared(Text(), "Easy read: what will change", "", since=4)
    easy_read_safety: str = declared(
        Text(), "Easy read: what could go wrong and how we keep people safe", "", since=4)
    easy_read_say: str = declared(Text(), "Easy read: how to have a say", "", since=4)
    easy_read_contact: str = declared(Text(), "Easy read: who to contact", "", since=4)
    # Schema version 5: the status line the plan was last shared with (Review step, PDF footer).
    status_line: str = declared(Text(), "Status line", "", since=5)
    stakeholders: list[Stakeholder] = declared(Children(Stakeholder, "stakeholders"), "Stakeholders", [], json=None)
    risks: list[Risk] = declared(Children(Risk, "risks"), "Risks", [], json=None)
    safeguards: list[Safeguard] = declared(Children(Safeguard, "safeguards"), "Safeguards", [], json=None)
    # Schema version 3: the partnership's record (top-level lists in JSON, like the registers).
    engagements: list[Engagement] = declared(Children(Engagement, "engagements"), "Engagement log", [], json=None, since=3)
    actions: list[Action] = declared(Children(Action, "actions"), "Actions", [], json=None, since=3)
    versions: list[Version] = declared(Children(Version, "versions"), "Agreed versions", [], json=None, since=3)

    def stakeholder(self, key: str | None) -> Stakeholder | None:
        """The stakeholder with this key, or None."""
        return next((s for s in self.stakeholders if s.key == key), None)

    def risk(self, key: str | None) -> Risk | None:
        """The risk with this key, or None."""
        return next((r for r in self.risks if r.key == key), None)

    def safeguard(self, key: str | None) -> Safeguard | None:
        """The safeguard with this key, or None."""
        return next((g for g in self.safeguards if g.key == key), None)

    def version(self, label: str) -> Version | None:
        """The agreed version with this label, or None."""
        return next((v for v in self.versions if v.label == label), None)
