"""Which risks and stakeholders a summary names first, by a rule the paper states."""

from __future__ import annotations

from planner.core.model import Risk, Stakeholder

TOP_RISKS = 3


def highest_risks(risks: list[Risk], n: int = TOP_RISKS) -> tuple[list[Risk], str]:
    """The n highest-scoring risks and a sentence saying how they were chosen.

    Highest score (likelihood x impact) first; risks with equal scores keep their order in
    the register. The sentence says how many other risks share the lowest score shown, so
    a reader knows when the cut fell inside a tie.
    """
    ranked = sorted(risks, key=lambda r: -r.score)  # stable: register order within a score
    chosen = ranked[:n]
    if not chosen:
        return [], ""
    rule = (f"The {len(chosen)} highest-scoring risks" if len(chosen) > 1
            else "The highest-scoring risk")
    rule += " by likelihood \u00d7 impact; equal scores are shown in register order."
    floor = chosen[-1].score
    tied = sum(1 for r in ranked[n:] if r.score == floor)
    if tied == 1:
        rule += f" 1 other risk also scores {floor} and is not shown here."
    elif tied:
        rule += f" {tied} other risks also score {floor} and are not shown here."
    return chosen, rule


def most_influential(people: list[Stakeholder], n: int) -> tuple[list[Stakeholder], str]:
    """The n stakeholders with the most influence (then interest), and a sentence saying how
    they were chosen, as ``highest_risks`` does for risks.

    Ties keep plan order; the sentence counts the stakeholders not shown whose influence and
    interest equal the last one shown.
    """
    ranked = sorted(people, key=lambda x: (-x.influence, -x.interest))
    chosen = ranked[:n]
    if not chosen:
        return [], ""
    last = (chosen[-1].influence, chosen[-1].interest)
    ties = sum(1 for x in ranked[n:] if (x.influence, x.interest) == last)
    rule = (f"The {len(chosen)} stakeholders with the most influence, then the most interest; "
            "equal scores are in plan order. Numbers are as on the map and in the register.")
    if ties:
        rule += (f" {ties} other stakeholder{'s' if ties != 1 else ''} "
                 f"{'have' if ties != 1 else 'has'} the same scores as the last one shown.")
    return chosen, rule
