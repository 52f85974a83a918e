"""The source article: one full citation for every screen, file and paper, and its section headings."""

from __future__ import annotations

ARTICLE = (
    "Bovaird, T. (2007) \u201cBeyond Engagement and Participation: User and Community Coproduction "
    "of Public Services.\u201d Public Administration Review 67(5): 846\u2013860."
)

# The headings of the article's sections, as printed, and its table and figure: the only places
# a piece of guidance may cite.
SECTIONS = (
    "Beyond Engagement and Participation: The Emerging Paradigm of Coproduction",
    "Forms of User and Community Relationships with Professionalized Public Services",
    "Table 1",
    "Case Studies of Professional-User-Community Coproduction",
    "Figure 1",
    "Participatory Budgeting in Pôrto Alegre",
    "Sure Start Initiative in Gateshead",
    "Caterham Barracks Community Trust",
    "Beacon Community Regeneration Partnership",
    "Villa Family Project",
    "Tackley Village Shop",
    "Emerging Lessons",
    "Limitations",
    "Coproduction within Complex Adaptive Systems",
    "Conclusion",
)

PRACTICE_NOTE = "Practice note"  # how guidance that is ours, not the article's, begins

CITED = "Bovaird (2007)"  # the article named in running text; ARTICLE is the full reference
NOT_FROM_ARTICLE = "Not from the article: our own advice."
_NUMBERED = ("Table 1", "Figure 1")  # cited by their number, not as a section


def citation(section: str) -> str:
    """'Bovaird (2007), section “Limitations”' or 'Bovaird (2007), Table 1' (no full stop)."""
    if section in _NUMBERED:
        return f"{CITED}, {section}"
    return f"{CITED}, section “{section}”"


def cite(section: str) -> str:
    """The source line of a piece of guidance: 'Source: <citation>.', or that a practice note is ours."""
    return f"Source: {citation(section)}." if section else NOT_FROM_ARTICLE
