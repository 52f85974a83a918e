"""PDF export at the scale limits: the full registers of 20,000 stakeholders, and enormous texts.

``python benchmarks/bench_pdf_scale.py`` prints the times recorded in docs/performance.md. The
note cases pass the plan straight to the exporter, so the 1 MB note (five times what a plan
file keeps) shows that one text can no longer stall the layout.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from measure import Result, timed  # noqa: E402
from synthetic import make_plan  # noqa: E402

from planner.core.kinds import MAX_TEXT  # noqa: E402
from planner.core.model import Plan, Stakeholder  # noqa: E402
from planner.export import ExportOptions, write_pdf  # noqa: E402

WORDS = "the library trust volunteers rota council budget forum carers youth club hall".split()


def long_text(characters: int) -> str:
    """Ordinary words, ``characters`` long."""
    return " ".join(WORDS[i % len(WORDS)] for i in range(characters // 5))[:characters]


def one_text(field: str, characters: int) -> Plan:
    """A small plan with one enormous text in ``field`` (a stakeholder's notes, or the title)."""
    if field == "notes":
        return Plan(title="Long note", stakeholders=[Stakeholder("s1", "Amira", notes=long_text(characters))])
    return Plan(title=long_text(characters))


def run(runs: int = 1) -> list[Result]:
    """Time each case ``runs`` times; pages are counted from the file."""
    cases = [
        (f"one note of {MAX_TEXT:,} characters (the most a plan keeps)", one_text("notes", MAX_TEXT)),
        ("one note of 1,000,000 characters (1 MB)", one_text("notes", 1_000_000)),
        ("a title of 21,000 characters", one_text("title", 21_000)),
        ("huge plan, full registers (20,000 stakeholders)", make_plan("huge")),
    ]
    results = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "scale.pdf"
        for name, plan in cases:
            options = ExportOptions(invariant=True, full=True, include_personal=True)
            times = timed(lambda plan=plan: write_pdf(plan, out, options), runs, warmup=0)
            pages = out.read_bytes().count(b"/Type /Page\n")
            results.append(Result(f"PDF export: {name}, {pages} pages", times))
            print(results[-1].name + ":", results[-1].show(results[-1].median), flush=True)
    return results


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
