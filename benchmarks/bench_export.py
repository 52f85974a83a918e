"""Time the PDF export against reportlab setting the same text as plain paragraphs.

Run as ``python benchmarks/bench_export.py`` (wall-clock) or with ``--cpu`` (CPU time).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

from planner.core.matrix import Cell  # noqa: E402
from planner.core.model import (  # noqa: E402
    Category, Contribution, ContributionKind, DeliveryRole, Plan, PlanningRole, Risk,
    RiskCategory, Safeguard, SafeguardKind, Shares, Stakeholder, Stance,
)
from planner.export import ExportOptions, write_pdf  # noqa: E402
from planner.export.styles import make_styles  # noqa: E402
from planner.export.text import esc  # noqa: E402

SIZES = [(40, 20, 20, 7), (2000, 500, 500, 3)]  # stakeholders, risks, safeguards, runs


def synthetic_plan(people: int, risks: int, guards: int, seed: int = 1) -> Plan:
    """A plan of the given size with varied, realistic-length text."""
    rnd = random.Random(seed)
    words = ("gwasanaeth cymuned volunteers rota hall youth club safeguarding budget forum "
             "partners trust council carers Tŷ Ŵyn Gŵyl session training review").split()

    def sentence(n: int) -> str:
        return " ".join(rnd.choice(words) for _ in range(n)).capitalize() + "."

    stakeholders = [
        Stakeholder(f"s{i}", f"Stakeholder {i} {rnd.choice(words)}",
                    organisation=f"Organisation {i % 25}", category=rnd.choice(list(Category)),
                    planning_role=rnd.choice(list(PlanningRole)),
                    delivery_role=rnd.choice(list(DeliveryRole)),
                    influence=rnd.randint(1, 5), interest=rnd.randint(1, 5),
                    stance=rnd.choice(list(Stance)), personal=rnd.random() < 0.3,
                    contact=f"person{i}@example.org", notes=sentence(rnd.randint(0, 30)),
                    contributions=[Contribution(ContributionKind.TIME, rnd.randint(1, 9), "hours",
                                                sentence(4))])
        for i in range(1, people + 1)
    ]
    risk_list = []
    for i in range(1, risks + 1):
        users = rnd.randint(0, 60)
        community = rnd.randint(0, 100 - users)
        risk_list.append(Risk(
            f"r{i}", sentence(rnd.randint(3, 9)), description=sentence(rnd.randint(5, 40)),
            category=rnd.choice(list(RiskCategory)), likelihood=rnd.randint(1, 5),
            impact=rnd.randint(1, 5), shares=Shares(users, community, 100 - users - community),
            owner=f"s{rnd.randint(1, people)}", accepted_residual=rnd.random() < 0.2,
            residual_rationale=sentence(12)))
    safeguards = [
        Safeguard(f"g{i}", sentence(rnd.randint(3, 8)), description=sentence(rnd.randint(5, 30)),
                  kind=rnd.choice(list(SafeguardKind)), owner=f"s{rnd.randint(1, people)}",
                  mitigates=sorted({f"r{rnd.randint(1, risks)}" for _ in range(rnd.randint(1, 3))}),
                  review_date="2025-09-30")
        for i in range(1, guards + 1)
    ]
    return Plan(f"Synthetic plan {people}/{risks}/{guards}", organisation="Example Council",
                service_area="Benchmarks", officer="Benchmark", modified="2025-01-01T00:00:00Z",
                current_cell=Cell.of("professionals", "professionals"),
                target_cell=Cell.of("co", "co"), stakeholders=stakeholders, risks=risk_list,
                safeguards=safeguards)


def plan_texts(plan: Plan) -> list[str]:
    """Every piece of user text the export sets, for the plain-reportlab baseline."""
    texts = [plan.title, plan.organisation, plan.service_area, plan.officer, plan.summary]
    for s in plan.stakeholders:
        texts += [s.name, s.organisation, s.notes, *(c.note for c in s.contributions)]
    for r in plan.risks:
        texts += [r.title, r.description, r.residual_rationale]
    for g in plan.safeguards:
        texts += [g.title, g.description]
    return [t for t in texts if t]


def baseline(plan: Plan, path: Path) -> None:
    """reportlab alone: the same text, one plain Paragraph each, in a SimpleDocTemplate."""
    style = make_styles().body
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1)
    doc.build([Paragraph(esc(t), style) for t in plan_texts(plan)])


def timed(action, runs: int, clock=time.perf_counter) -> list[float]:
    """Seconds of each run by clock (wall-clock unless told), after one warm-up."""
    action()
    times = []
    for _ in range(runs):
        start = clock()
        action()
        times.append(clock() - start)
    return times


def main() -> None:
    """Print median and spread for our export and the baseline, and their ratio.

    With --cpu the times are this process's CPU seconds rather than wall-clock: on a shared
    machine other work stretches wall-clock times unevenly, while CPU time stays comparable.
    """
    clock = time.process_time if "--cpu" in sys.argv[1:] else time.perf_counter
    print("CPU seconds" if clock is time.process_time else "Wall-clock seconds")
    print(f"{'plan (s/r/g)':<16}{'runs':>5}{'ours median':>13}{'spread':>9}"
          f"{'reportlab':>11}{'spread':>9}{'ratio':>7}{'pages':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for people, risks, guards, runs in SIZES:
            plan = synthetic_plan(people, risks, guards)
            ours_path, base_path = Path(folder) / "ours.pdf", Path(folder) / "base.pdf"
            ours = timed(lambda: write_pdf(plan, ours_path, ExportOptions(invariant=True)), runs,
                         clock)
            base = timed(lambda: baseline(plan, base_path), runs, clock)
            pages = ours_path.read_bytes().count(b"/Type /Page\n")
            m_ours, m_base = statistics.median(ours), statistics.median(base)
            print(f"{f'{people}/{risks}/{guards}':<16}{runs:>5}{m_ours:>12.2f}s"
                  f"{max(ours) - min(ours):>8.2f}s{m_base:>10.2f}s{max(base) - min(base):>8.2f}s"
                  f"{m_ours / m_base:>6.2f}x{pages:>7}")


if __name__ == "__main__":
    main()
