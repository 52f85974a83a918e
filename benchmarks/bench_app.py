"""App start to first paint against a bare QMainWindow, and the app with the huge plan open.

Each start is a fresh process (app_probe.py, offscreen), timed from just before it is spawned
to the first Paint event of its main window; both the app and the bare window are measured
the same way. The huge plan opens on the Stakeholders step, its slowest page. Peak memory is the child's own high-water mark of resident memory (VmHWM).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Result  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def probe(*args: str) -> tuple[float, dict, float]:
    """Start app_probe.py; returns (seconds to first paint, its report, peak RSS in MB)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    started = time.time()
    proc = subprocess.Popen([sys.executable, str(HERE / "app_probe.py"), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env)
    out = proc.stdout.read()
    proc.stdout.close()
    proc.wait()
    if proc.returncode != 0 or not out.strip():
        raise RuntimeError(f"app_probe {args} failed with status {proc.returncode}")
    report = json.loads(out.strip().splitlines()[-1])
    return report["painted"] - started, report, report["peak_mb"]


def run_huge(huge: Path, runs: int) -> list[Result]:
    """The app on the huge plan's Stakeholders step, ``runs`` fresh starts."""
    huge_paint, huge_open, huge_gap, huge_rss, map_gap = [], [], [], [], []
    for _ in range(runs):
        # On the Stakeholders step, the page that is slowest to build for a big plan (a page
        # is only built when shown, so opening on the first step would hide it).
        painted, report, rss = probe("app", str(huge), "stakeholders")
        huge_paint.append(painted)
        huge_open.append(report["open_plan"])
        huge_gap.append(report["max_gap"])
        huge_rss.append(rss)
        # The officer's first look at the map tab, the moment the window is up.
        map_gap.append(probe("app", str(huge), "stakeholders", "map")[1]["max_gap"])
    return [
        Result("huge plan: open_plan in the app", huge_open),
        Result("huge plan: start to first paint", huge_paint),
        Result("huge plan: longest event-loop stall in the first second after paint", huge_gap),
        Result("huge plan: longest stall in that second with the map tab brought up at the paint", map_gap),
        Result("peak memory (resident high-water mark): app with the huge plan", huge_rss, unit="MB"),
    ]


def run(example: Path, huge: Path, runs: int) -> list[Result]:
    """Start-up ratio over ``runs`` alternating starts, then the huge plan ``runs // 2`` times (at least 2)."""
    bare, app = [], []
    for _ in range(runs):  # alternate, so drift in the machine's load hits both alike
        bare.append(probe("bare")[0])
        app.append(probe("app", str(example))[0])
    huge_results = run_huge(huge, max(2, runs // 2))
    bare_rss = [probe("bare")[2]]
    return [
        Result("start to first paint: bare QMainWindow", bare),
        Result("start to first paint: app with the example plan", app),
        Result("app start / bare window", [a / b for a, b in zip(app, bare)], unit="×"),
        *huge_results,
        Result("peak memory (resident high-water mark): bare QMainWindow", bare_rss, unit="MB"),
    ]


if __name__ == "__main__":
    # ``python benchmarks/bench_app.py`` measures everything; ``python benchmarks/bench_app.py
    # huge [RUNS]`` only the huge plan in the app (3 runs unless told).
    import tempfile

    from synthetic import write

    with tempfile.TemporaryDirectory() as folder:
        huge = write("huge", Path(folder) / "huge.coplan")
        if sys.argv[1:2] == ["huge"]:
            results = run_huge(huge, int(sys.argv[2]) if len(sys.argv) > 2 else 3)
        else:
            example = Path(folder) / "example.coplan"
            subprocess.run([sys.executable, "-m", "planner", "example", "porto-alegre", "-o", str(example)],
                           check=True, cwd=ROOT, capture_output=True)
            results = run(example, huge, 5)
        for r in results:
            print(f"{r.name:70} median {r.show(r.median):>10}  {r.spread()}")
