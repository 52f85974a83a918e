"""Run every benchmark and write the results table into docs/performance.md (``make bench``).

The table goes between the ``results`` markers of docs/performance.md; the prose around it
(what the numbers mean, what holds a target back) is kept as written.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_app  # noqa: E402
import bench_check  # noqa: E402
import bench_pdf  # noqa: E402
import bench_storage  # noqa: E402
from measure import Result  # noqa: E402
from synthetic import SIZES, write  # noqa: E402

DOC = ROOT / "docs" / "performance.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"


def machine() -> list[tuple[str, str]]:
    """What the numbers were measured on."""
    import PySide6
    import reportlab
    from PySide6.QtCore import qVersion

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    memory = "unknown"
    try:
        kb = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    return [("CPU", cpu), ("Cores", str(os.cpu_count())), ("Memory", memory),
            # Kernel major.minor only: the full release string names the build host's setup.
            ("OS", f"{platform.system()} {'.'.join(platform.release().split('.')[:2])}"),
            ("Python", platform.python_version()), ("SQLite", sqlite3.sqlite_version),
            ("Qt", f"{qVersion()} (PySide6 {PySide6.__version__}, offscreen platform)"),
            ("reportlab", reportlab.Version)]


def row(r: Result) -> str:
    p95 = r.show(r.percentile(95)) if len(r.samples) >= 20 else ""
    return f"| {r.name} | {r.show(r.median)} | {p95} | {r.spread()} |"


def targets(results: dict[str, Result]) -> list[str]:
    """Each target, the measured value and whether it holds."""
    lines = ["| Target | Measured | Holds |", "|---|---|---|"]

    def add(label: str, value: str, ok: bool) -> None:
        lines.append(f"| {label} | {value} | {'yes' if ok else '**no**'} |")

    for kind in ("typical", "large"):
        r = results[f"one edit's commit ({kind}, {bench_storage.EDITS:,} edits)"]
        add(f"one edit's commit p95 under 10 ms ({kind})", f"p95 {r.show(r.percentile(95))} (p50 {r.show(r.percentile(50))})",
            r.percentile(95) < 0.010)
    for kind, most in (("large", 0.003), ("huge", 0.003)):
        r = results[f"plan check, incremental after one stakeholder edited ({kind})"]
        cpu = results[f"plan check, incremental after one stakeholder edited ({kind}), CPU time"]
        add(f"plan check after a one-stakeholder edit p95 under {most * 1000:.0f} ms ({kind})",
            f"p95 {r.show(r.percentile(95))}, CPU p95 {cpu.show(cpu.percentile(95))} (full check "
            f"{results[f'plan check, full ({kind})'].show(results[f'plan check, full ({kind})'].median)})",
            r.percentile(95) <= most)
    r = results["app start / bare window"]
    add("app start within 1.5× a bare QMainWindow", f"{r.median:.2f}×", r.median <= 1.5)
    opened = results["huge plan: open_plan in the app"]
    stall = results["huge plan: longest event-loop stall in the first second after paint"]
    add(f"huge plan ({SIZES['huge'][0]:,} stakeholders) opens in the app under 2 s", opened.show(opened.median), opened.median < 2)
    add("…and stays responsive (event loop never stalls over 50 ms after paint)", stall.show(max(stall.samples)), max(stall.samples) <= 0.05)
    shown = results.get("huge plan: longest stall in that second with the map tab brought up at the paint")
    if shown is not None:
        add("…also with its power/interest map brought up at the paint", shown.show(max(shown.samples)),
            max(shown.samples) <= 0.05)
    for kind in ("typical", "large"):
        r = results[f"PDF export / reportlab alone ({kind})"]
        paper = "summary-first paper" if kind == "large" else "paper"
        add(f"PDF export ({paper}) within 2× reportlab alone ({kind})", f"{r.median:.2f}×",
            r.median <= 2)
    full = results.get("PDF export with full registers / reportlab alone (large)")
    if full is not None:  # no target: kept beside the default for comparison
        lines.append(f"| (for comparison) the large plan with its full registers as an annex | "
                     f"{full.median:.2f}× | – |")
    return lines


def bench_ui() -> str | None:
    """The UI colleague's 5,000-stakeholder scroll/edit benchmark, if it is there."""
    script = HERE / "bench_ui.py"
    if not script.exists():
        return None
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=600)
    return proc.stdout.strip() if proc.returncode == 0 else f"bench_ui.py failed:\n{proc.stderr.strip()[-2000:]}"


def bench_edits() -> str | None:
    """One form edit to every view and count updated, in the app, on the large and huge plans."""
    script = HERE / "bench_edits.py"
    proc = subprocess.run([sys.executable, str(script), "large", "huge"], capture_output=True, text=True,
                          cwd=ROOT, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=1200)
    return proc.stdout.strip() if proc.returncode == 0 else f"bench_edits.py failed:\n{proc.stderr.strip()[-2000:]}"


def bench_map() -> str | None:
    """The power/interest map on its own: its first showing and its share of one edit, huge plan."""
    script = HERE / "bench_map.py"
    proc = subprocess.run([sys.executable, str(script), "huge"], capture_output=True, text=True,
                          cwd=ROOT, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=600)
    return proc.stdout.strip() if proc.returncode == 0 else f"bench_map.py failed:\n{proc.stderr.strip()[-2000:]}"


def main() -> int:
    started = time.perf_counter()
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        for kind, runs in (("typical", 7), ("large", 5), ("huge", 3)):
            print(f"storage, {kind} plan...", flush=True)
            results += bench_storage.run(kind, Path(folder), runs)
        for kind in bench_check.KINDS:
            print(f"plan check, {kind} plan...", flush=True)
            results += bench_check.run(kind)
        for kind, runs in (("typical", 5), ("large", 3)):
            print(f"PDF export, {kind} plan...", flush=True)
            results += bench_pdf.run(kind, runs)
        print("app start and the huge plan in the app...", flush=True)
        example = Path(folder) / "example.coplan"
        subprocess.run([sys.executable, "-m", "planner", "example", "porto-alegre", "-o", str(example)],
                       check=True, cwd=ROOT, capture_output=True)
        huge = Path(folder) / "huge.coplan"
        if not huge.exists():
            write("huge", huge)
        results += bench_app.run(example, huge, 7)
    print("UI benchmark (bench_ui.py)...", flush=True)
    ui = bench_ui()
    print("edits in the app (bench_edits.py)...", flush=True)
    edits = bench_edits()
    print("the power/interest map (bench_map.py)...", flush=True)
    power_map = bench_map()
    by_name = {r.name: r for r in results}
    elapsed = time.perf_counter() - started

    people = ", ".join(f"{k} {s:,}/{r:,}/{g:,}" for k, (s, r, g) in SIZES.items())
    block = [START, "",
             f"Measured {datetime.now(timezone.utc):%d %B %Y %H:%M} UTC by `make bench` "
             f"({elapsed / 60:.1f} minutes). Plans (stakeholders/risks/safeguards): {people}.", "",
             "| Machine | |", "|---|---|", *[f"| {k} | {v} |" for k, v in machine()], "",
             "### Targets", "", *targets(by_name), "",
             "### All measurements", "",
             "| Measurement | Median | p95 | Spread (min – max) |", "|---|---|---|---|",
             *[row(r) for r in results], ""]
    if ui is not None:
        block += ["### Stakeholders step with 5,000 stakeholders (benchmarks/bench_ui.py)", "",
                  "```", ui, "```", ""]
    block += ["### One edit in the app, large and huge plans (benchmarks/bench_edits.py)", "",
              "Targets: edit to every view and count updated p95 ≤ 16 ms (large), ≤ 50 ms (huge); "
              "one edit's commit p95 ≤ 2 ms.", "", "```", edits or "", "```", ""]
    block += ["### The power/interest map, huge plan (benchmarks/bench_map.py)", "",
              "Target: the map's share of one edit ≤ 5 ms.", "", "```", power_map or "", "```", ""]
    block.append(END)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else f"# Performance\n\n{START}\n{END}\n"
    if START not in text:
        text = text.rstrip() + f"\n\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    DOC.write_text(head + "\n".join(block) + tail, encoding="utf-8")
    print("\n".join(targets(by_name)))
    print(f"Wrote {DOC.relative_to(ROOT)} in {elapsed:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
