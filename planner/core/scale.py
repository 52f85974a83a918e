"""The plan's 1–5 scale: influence and interest of a stakeholder, likelihood and impact of a risk.

Its range, what each point means for each measure, and where "high" begins are defined here
once; the model declares its fields with it (so storage, JSON, CSV and validation keep to the
range), the forms' spin boxes and tooltips, the PDF's and the Word document's legends, the
portfolio and the guidance library all read it from here.
"""

from __future__ import annotations

from planner.core.kinds import Whole

LOW, HIGH = 1, 5
SCALE = range(LOW, HIGH + 1)
RANGE = f"{LOW} to {HIGH}"  # in a sentence: "scored 1 to 5"
RANGE_SHORT = f"{LOW}\u2013{HIGH}"  # in a label: "Influence (1–5)"
HIGH_FROM = 4  # a score of 4 or 5 is high: the power/interest map's quadrants
HIGH_RISK_SCORE = 15  # likelihood x impact at or above this is a high risk
RISK_RANGE = f"{LOW * LOW} to {HIGH * HIGH}"  # a risk's score: likelihood x impact

# What each point of the scale means, 1 to 5, for each measure (as a risk register says it).
WORDS: dict[str, tuple[str, str, str, str, str]] = {
    "influence": ("Very low", "Low", "Medium", "High", "Very high"),
    "interest": ("Very low", "Low", "Medium", "High", "Very high"),
    "likelihood": ("Rare", "Unlikely", "Possible", "Likely", "Almost certain"),
    "impact": ("Negligible", "Minor", "Moderate", "Major", "Severe"),
}


def word(measure: str, score: int) -> str:
    """What a score means: word('likelihood', 5) -> 'Almost certain'."""
    return WORDS[measure][min(HIGH, max(LOW, score)) - LOW]


def legend(measure: str) -> str:
    """The ends of the scale for a measure: '1 (rare) to 5 (almost certain)'."""
    return f"{LOW} ({word(measure, LOW).lower()}) to {HIGH} ({word(measure, HIGH).lower()})"


def points(measure: str) -> str:
    """Every point of the scale in words: '1 rare, 2 unlikely, 3 possible, 4 likely, 5 almost certain'."""
    return ", ".join(f"{score} {word(measure, score).lower()}" for score in SCALE)


def legends(*measures: str) -> str:
    """One sentence of legends: 'Likelihood runs from 1 (rare) to 5 (almost certain); impact …'."""
    parts = [f"{m} from {legend(m)}" for m in measures]
    return (parts[0][0].upper() + parts[0][1:] + "".join(f"; {part}" for part in parts[1:])
            ).replace(" from ", " runs from ", 1) + "."


class Score(Whole):
    """A field on the 1–5 scale: a whole number in its range, and the measure it scores."""

    def __init__(self, measure: str):
        super().__init__(LOW, HIGH)
        self.measure = measure
