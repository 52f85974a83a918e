"""Deterministic synthetic plans for the benchmarks: typical, large and huge.

``python benchmarks/synthetic.py KIND OUT.coplan`` writes one (KIND: typical, large, huge).
The same seed always gives the same plan, so runs on different days compare like with like.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from planner.core.matrix import Cell  # noqa: E402
from planner.core.model import (  # noqa: E402
    Category, Contribution, ContributionKind, DeliveryRole, Driver, Motive, Plan, PlanningRole,
    Risk, RiskCategory, Safeguard, SafeguardKind, Shares, Stage, Stakeholder, Stance,
)

# stakeholders, risks, safeguards
SIZES = {"typical": (40, 20, 20), "large": (2_000, 500, 500), "huge": (20_000, 500, 500)}

WORDS = (
    "the library trust volunteers rota council budget forum carers youth club hall safeguarding "
    "training review partners community members session Tŷ Gwyn Gŵyl residents meeting weekly "
    "funding grant manager service users accessible evening transport cover insurance premises "
    "agreement board report minutes officer contact leaflet survey feedback pilot spring autumn "
    "schools parents volunteers' coordinator café rooms keyholder DBS checks policy"
).split()
FIRST = "Siân Gareth Aisha Tomasz Olu Mererid Fatima Dafydd Chen Ioana Rhys Amira Kwame Eleri".split()
LAST = "Powell Jones Khan Nowak Adeyemi Ŵyn Hussain Evans Li Popescu Williams Haddad Mensah Price".split()


def _sentences(rnd: random.Random, low: int, high: int) -> str:
    """Between ``low`` and ``high`` sentences of 6-20 words: notes of a realistic length."""
    out = []
    for _ in range(rnd.randint(low, high)):
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(6, 20))]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def make_plan(kind: str, seed: int = 2026) -> Plan:
    """The synthetic plan of ``kind``; every field varied, owners and links consistent."""
    people, risk_count, guard_count = SIZES[kind]
    rnd = random.Random(f"{kind}-{seed}")
    stakeholders = []
    for i in range(1, people + 1):
        personal = rnd.random() < 0.3
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}" if personal else f"{rnd.choice(WORDS).title()} group {i}"
        contributions = [
            Contribution(rnd.choice(list(ContributionKind)), rnd.choice([None, rnd.randint(1, 40) * 5]),
                         rnd.choice(["hours/week", "GBP/year", "days", ""]), _sentences(rnd, 0, 1))
            for _ in range(rnd.randint(0, 3))]
        stakeholders.append(Stakeholder(
            f"s{i}", name, organisation=f"{rnd.choice(WORDS).title()} {rnd.choice(['Trust', 'Council', 'Forum', ''])}".strip(),
            category=rnd.choice(list(Category)), planning_role=rnd.choice(list(PlanningRole)),
            delivery_role=rnd.choice(list(DeliveryRole)), influence=rnd.randint(1, 5),
            interest=rnd.randint(1, 5), stance=rnd.choice(list(Stance)), contributions=contributions,
            motive=rnd.choice([None, *Motive]), personal=personal,
            contact=f"person{i}@example.org" if personal else "", notes=_sentences(rnd, 0, 6)))
    risks = []
    for i in range(1, risk_count + 1):
        users = rnd.randint(0, 60)
        community = rnd.randint(0, 100 - users)
        risks.append(Risk(
            f"r{i}", _sentences(rnd, 1, 1)[:80], description=_sentences(rnd, 1, 5),
            category=rnd.choice(list(RiskCategory)), likelihood=rnd.randint(1, 5),
            impact=rnd.randint(1, 5), shares=Shares(users, community, 100 - users - community),
            owner=f"s{rnd.randint(1, people)}", trust_users=_sentences(rnd, 0, 1),
            trust_community=_sentences(rnd, 0, 1), trust_professionals=_sentences(rnd, 0, 1),
            accepted_residual=rnd.random() < 0.2, residual_rationale=_sentences(rnd, 0, 2)))
    safeguards = [
        Safeguard(f"g{i}", _sentences(rnd, 1, 1)[:80], description=_sentences(rnd, 1, 4),
                  kind=rnd.choice(list(SafeguardKind)), owner=f"s{rnd.randint(1, people)}",
                  mitigates=sorted({f"r{rnd.randint(1, risk_count)}" for _ in range(rnd.randint(1, 3))}),
                  review_date=f"2027-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}")
        for i in range(1, guard_count + 1)]
    return Plan(
        f"Synthetic {kind} plan", organisation="Caerwyn County Council", service_area="Libraries",
        officer="Benchmark officer", summary=_sentences(rnd, 3, 8), drivers=[Driver.LOGISTICAL],
        stages=[Stage.PLANNING, Stage.DELIVERING], current_cell=Cell.of("professionals", "professionals"),
        target_cell=Cell.of("co", "co"), stakeholders=stakeholders, risks=risks, safeguards=safeguards)


def write(kind: str, path: Path | str) -> Path:
    """Write the ``kind`` plan to ``path`` (which must not exist) with PlanStore.create_from."""
    from planner.storage import PlanStore

    PlanStore.create_from(path, make_plan(kind)).close()
    return Path(path)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in SIZES:
        sys.exit(f"usage: synthetic.py {{{','.join(SIZES)}}} OUT.coplan")
    write(sys.argv[1], sys.argv[2])
