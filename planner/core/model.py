"""The plan and what it holds: stakeholders, the division of risk, governance safeguards."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from planner.core.matrix import Cell

SCALE = range(1, 6)  # influence, interest, likelihood and impact are all 1-5
HIGH_RISK_SCORE = 15  # likelihood x impact at or above this is a high risk


class Driver(str, Enum):
    """Why an organisation turns to coproduction (Joshi and Moore, as the article cites)."""

    GOVERNANCE = "governance"
    LOGISTICAL = "logistical"


class Stage(str, Enum):
    """Decision-making arenas of the value chain the plan covers."""

    PLANNING = "planning"
    DESIGN = "design"
    COMMISSIONING = "commissioning"
    MANAGING = "managing"
    DELIVERING = "delivering"
    MONITORING = "monitoring"
    EVALUATING = "evaluating"


class Side(str, Enum):
    """Which side of the coproduction relationship a stakeholder stands on."""

    USER = "user"
    COMMUNITY = "community"
    PROVIDER = "provider"
    GOVERNANCE = "governance"


class Category(str, Enum):
    """What kind of stakeholder this is."""

    SERVICE_USER = "service_user"
    CARER = "carer"
    VOLUNTEER = "volunteer"
    COMMUNITY_GROUP = "community_group"
    COMMUNITY_REPRESENTATIVE = "community_representative"
    CITIZEN = "citizen"
    PROFESSIONAL = "professional"
    MANAGER = "manager"
    ELECTED_MEMBER = "elected_member"
    PRIVATE_PARTNER = "private_partner"
    THIRD_SECTOR = "third_sector"
    FUNDER = "funder"
    REGULATOR = "regulator"


# Carers stand with users (the plan check counts a carer affected by the user's welfare as a
# community coproducer); volunteers, groups and residents with the community. Third-sector
# organisations stand with the providers: the article's coproduction is between
# "professionalized service providers (in any sector)" and users and communities, and a charity
# that employs professionals to deliver is one; set the side by hand for a volunteer-run one.
# Councillors, funders and regulators hold the service to account rather than plan or deliver it.
DEFAULT_SIDE: dict[Category, Side] = {
    Category.SERVICE_USER: Side.USER,
    Category.CARER: Side.USER,
    Category.VOLUNTEER: Side.COMMUNITY,
    Category.COMMUNITY_GROUP: Side.COMMUNITY,
    Category.COMMUNITY_REPRESENTATIVE: Side.COMMUNITY,
    Category.CITIZEN: Side.COMMUNITY,
    Category.THIRD_SECTOR: Side.PROVIDER,
    Category.PROFESSIONAL: Side.PROVIDER,
    Category.MANAGER: Side.PROVIDER,
    Category.PRIVATE_PARTNER: Side.PROVIDER,
    Category.ELECTED_MEMBER: Side.GOVERNANCE,
    Category.FUNDER: Side.GOVERNANCE,
    Category.REGULATOR: Side.GOVERNANCE,
}


class PlanningRole(str, Enum):
    """A stakeholder's part in planning; being consulted is not yet coplanning."""

    NONE = "none"
    CONSULTED = "consulted"
    CO = "co"
    SOLE = "sole"


class DeliveryRole(str, Enum):
    """A stakeholder's part in delivering the service."""

    NONE = "none"
    CO = "co"
    SOLE = "sole"


class Stance(str, Enum):
    """A stakeholder's attitude towards coproduction."""

    CHAMPION = "champion"
    SUPPORTIVE = "supportive"
    NEUTRAL = "neutral"
    SCEPTICAL = "sceptical"
    RESISTANT = "resistant"


class ContributionKind(str, Enum):
    """The kinds of resource a stakeholder brings."""

    TIME = "time"
    MONEY = "money"
    PREMISES = "premises"
    EXPERTISE = "expertise"
    EQUIPMENT = "equipment"
    OTHER = "other"


class Motive(str, Enum):
    """Why a member of the community takes part beside the users themselves."""

    DIRECT_USER = "direct_user"
    ALTRUISTIC = "altruistic"
    AFFECTED_BY_USER = "affected_by_user"
    FUTURE_USER = "future_user"


class RiskCategory(str, Enum):
    """The limitations and governance concerns the article raises."""

    CONFLICTING_VALUES = "conflicting_values"
    INCOMPATIBLE_INCENTIVES = "incompatible_incentives"
    UNCLEAR_ROLES = "unclear_roles"
    FREE_RIDERS = "free_riders"
    BURNOUT = "burnout"
    THIRD_SECTOR_CAPACITY = "third_sector_capacity"
    DILUTED_ACCOUNTABILITY = "diluted_accountability"
    UNEQUAL_PARTICIPATION = "unequal_participation"
    PROFESSIONAL_RESISTANCE = "professional_resistance"
    QUALITY_LEGAL = "quality_legal"
    POLITICAL_EXPOSURE = "political_exposure"
    OTHER = "other"


class SafeguardKind(str, Enum):
    """Kinds of governance safeguard."""

    ACCOUNTABILITY_LINE = "accountability_line"
    RESERVE_POWER = "reserve_power"
    TRUST_BOARD = "trust_board"
    MAJORITY_RULE = "majority_rule"
    TRAINING = "training"
    ROLE_AGREEMENT = "role_agreement"
    MONITORING = "monitoring"
    CONFLICT_RESOLUTION = "conflict_resolution"
    CAPACITY = "capacity"
    INCLUSION = "inclusion"
    DATA_PROTECTION = "data_protection"
    OTHER = "other"


# Roles read as what the stakeholder does; the bare values ("co", "sole") are jargon. Keyed by
# enum class and value, because str enums of different classes with equal values are equal.
PLAIN_LABELS: dict[tuple[type, str], str] = {
    (PlanningRole, "none"): "No part",
    (PlanningRole, "consulted"): "Consulted only",
    (PlanningRole, "co"): "Plans with others",
    (PlanningRole, "sole"): "Plans alone",
    (DeliveryRole, "none"): "No part",
    (DeliveryRole, "co"): "Delivers with others",
    (DeliveryRole, "sole"): "Delivers alone",
}


def label(value: Enum) -> str:
    """A plain-words label for an enum value: ``service_user`` -> ``Service user``."""
    plain = PLAIN_LABELS.get((type(value), value.value))
    if plain:
        return plain
    text = value.value.replace("_", " ")
    return text[:1].upper() + text[1:]


@dataclass
class Contribution:
    """A resource a stakeholder brings: time, money, premises, expertise..."""

    kind: ContributionKind = ContributionKind.TIME
    amount: float | None = None
    unit: str = ""
    note: str = ""


@dataclass
class Stakeholder:
    """A person or organisation with a part in the service."""

    key: str
    name: str
    organisation: str = ""
    category: Category = Category.SERVICE_USER
    side_override: Side | None = None
    planning_role: PlanningRole = PlanningRole.NONE
    delivery_role: DeliveryRole = DeliveryRole.NONE
    influence: int = 3
    interest: int = 3
    stance: Stance = Stance.NEUTRAL
    contributions: list[Contribution] = field(default_factory=list)
    motive: Motive | None = None
    personal: bool = False
    contact: str = ""
    notes: str = ""

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

    users: int = 0
    community: int = 0
    professionals: int = 100

    @property
    def total(self) -> int:
        return self.users + self.community + self.professionals

    def as_dict(self) -> dict[str, int]:
        return {"users": self.users, "community": self.community, "professionals": self.professionals}


@dataclass
class Risk:
    """One entry of the division of risk between users, community and professionals."""

    key: str
    title: str
    description: str = ""
    category: RiskCategory = RiskCategory.OTHER
    likelihood: int = 3
    impact: int = 3
    shares: Shares = field(default_factory=Shares)
    owner: str | None = None
    trust_users: str = ""  # what users must trust of the other sides
    trust_community: str = ""
    trust_professionals: str = ""
    accepted_residual: bool = False
    residual_rationale: str = ""
    suggested: bool = False  # added from a guidance template and not yet edited

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def is_high(self) -> bool:
        return self.score >= HIGH_RISK_SCORE


@dataclass
class Safeguard:
    """A governance arrangement that answers one or more risks."""

    key: str
    title: str
    description: str = ""
    kind: SafeguardKind = SafeguardKind.OTHER
    owner: str | None = None
    mitigates: list[str] = field(default_factory=list)
    review_date: str | None = None  # ISO date, YYYY-MM-DD
    suggested: bool = False


@dataclass
class Plan:
    """A whole coproduction plan as the officer builds it."""

    title: str
    organisation: str = ""
    service_area: str = ""
    officer: str = ""
    summary: str = ""
    drivers: list[Driver] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)
    current_cell: Cell | None = None
    target_cell: Cell | None = None
    created: str = ""  # ISO 8601 UTC timestamps, set by storage
    modified: str = ""
    stakeholders: list[Stakeholder] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    safeguards: list[Safeguard] = field(default_factory=list)

    def stakeholder(self, key: str | None) -> Stakeholder | None:
        """The stakeholder with this key, or None."""
        return next((s for s in self.stakeholders if s.key == key), None)

    def risk(self, key: str | None) -> Risk | None:
        """The risk with this key, or None."""
        return next((r for r in self.risks if r.key == key), None)
