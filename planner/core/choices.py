"""The enumerations a plan's fields choose from, and their plain-words labels."""

from __future__ import annotations

from enum import Enum

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
    """Why a stakeholder takes part, and so what they gain: the article's motives for community
    coproduction beside the direct user's, plus being paid for the work and being required to
    take part (Alford's involuntary "clients", such as offenders), whose willingness cannot be
    assumed."""

    DIRECT_USER = "direct_user"
    ALTRUISTIC = "altruistic"
    AFFECTED_BY_USER = "affected_by_user"
    FUTURE_USER = "future_user"
    PAID = "paid"
    REQUIRED = "required"


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


class LawfulBasis(str, Enum):
    """The UK GDPR article 6 basis on which a private individual's details are held."""

    PUBLIC_TASK = "public_task"
    CONSENT = "consent"
    LEGITIMATE_INTERESTS = "legitimate_interests"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    CONTRACT = "contract"


class ConsentMethod(str, Enum):
    """How a person gave their consent."""

    FORM = "form"
    EMAIL = "email"
    VERBAL_WITNESSED = "verbal_witnessed"
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
    (ConsentMethod, "verbal_witnessed"): "Verbal, with a witness",
    # The sides read as one set of names in the app, the PDF and the Word document.
    (Side, "user"): "Users and carers",
    (Side, "community"): "Community",
    (Side, "provider"): "Providers",
    (Side, "governance"): "Governance",
    (Motive, "direct_user"): "Uses the service",
    (Motive, "altruistic"): "Altruistic",
    (Motive, "affected_by_user"): "Affected by the user's welfare",
    (Motive, "future_user"): "Wants the service for their own future use",
    (Motive, "paid"): "Paid for the work",
    (Motive, "required"): "Required to take part (not by choice)",
}


def label(value: Enum) -> str:
    """A plain-words label for an enum value: ``service_user`` -> ``Service user``."""
    plain = PLAIN_LABELS.get((type(value), value.value))
    if plain:
        return plain
    text = value.value.replace("_", " ")
    return text[:1].upper() + text[1:]
