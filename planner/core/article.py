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
