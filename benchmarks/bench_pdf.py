"""PDF export timings on the synthetic plans, and the ratio to reportlab alone setting the same text."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from measure import Result, timed  # noqa: E402
from synthetic import make_plan  # noqa: E402

from planner.export import ExportOptions, write_pdf  # noqa: E402
from planner.export.outline import is_large  # noqa: E402

try:  # the export owner's baseline: the same text as plain Paragraphs in a SimpleDocTemplate
    from bench_export import baseline  # noqa: E402
except ImportError:  # pragma: no cover - the colleague's file is absent
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from planner.export.text import esc

    def baseline(plan, path: Path) -> None:
        texts = [plan.title, plan.summary]
        for s in plan.stakeholders:
            texts += [s.name, s.organisation, s.notes, *(c.note for c in s.contributions)]
        for r in plan.risks:
            texts += [r.title, r.description, r.residual_rationale]
        for g in plan.safeguards:
            texts += [g.title, g.description]
        style = getSampleStyleSheet()["BodyText"]
        SimpleDocTemplate(str(path)).build([Paragraph(esc(t), style) for t in texts if t])


def run(kind: str, runs: int) -> list[Result]:
    """Export the ``kind`` plan ``runs`` times, and reportlab alone as many times.

    The default export is the paper a meeting reads (a large plan is summarised); for a
    large plan the export with the full registers as an annex is timed beside it.
    """
    plan = make_plan(kind)
    results = []
    with tempfile.TemporaryDirectory() as folder:
        ours_path, base_path = Path(folder) / "ours.pdf", Path(folder) / "base.pdf"
        full_path = Path(folder) / "full.pdf"
        ours = timed(lambda: write_pdf(plan, ours_path, ExportOptions(invariant=True)), runs)
        base = timed(lambda: baseline(plan, base_path), runs)
        pages = ours_path.read_bytes().count(b"/Type /Page\n")
        results += [Result(f"PDF export ({kind}, {pages} pages)", ours),
                    Result(f"reportlab alone, same text ({kind})", base),
                    Result(f"PDF export / reportlab alone ({kind})",
                           [o / b for o, b in zip(ours, base)], unit="\u00d7")]
        if is_large(plan):
            full = timed(lambda: write_pdf(plan, full_path, ExportOptions(invariant=True,
                                                                           full=True)), runs)
            full_pages = full_path.read_bytes().count(b"/Type /Page\n")
            results += [Result(f"PDF export with full registers ({kind}, {full_pages} pages)", full),
                        Result(f"PDF export with full registers / reportlab alone ({kind})",
                               [f / b for f, b in zip(full, base)], unit="\u00d7")]
    return results


if __name__ == "__main__":
    for kind, runs in (("typical", 5), ("large", 3)):
        for r in run(kind, runs):
            print(f"{r.name:45} median {r.show(r.median):>10}  {r.spread()}")
