"""Small timing helpers shared by the benchmarks: runs, medians, spreads and percentiles."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Result:
    """Samples of one measurement, in seconds (or bytes for memory), with how to show them."""

    name: str
    samples: list[float]
    unit: str = "s"
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]

    def show(self, value: float) -> str:
        if self.unit == "s":
            return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
        if self.unit == "MB":
            return f"{value:.0f} MB"
        return f"{value:.2f}{self.unit}"

    def spread(self) -> str:
        if len(self.samples) == 1:
            return "1 run"
        return f"{self.show(min(self.samples))} – {self.show(max(self.samples))} ({len(self.samples)} runs)"


def timed(action: Callable[[], object], runs: int, warmup: int = 1) -> list[float]:
    """Wall-clock seconds of each of ``runs`` calls, after ``warmup`` untimed ones."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples
