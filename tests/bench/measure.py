"""Timing and memory helpers for `make bench`; no pytest, no assertions, just figures."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass
class Figure:
    name: str
    seconds: float
    target_seconds: float | None
    baseline_seconds: float | None = None
    max_ratio: float | None = None  # the target as a ratio to the baseline, where there is one
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if not self.baseline_seconds:
            return None
        return self.seconds / self.baseline_seconds

    @property
    def ok(self) -> bool:
        within_time = self.target_seconds is None or self.seconds <= self.target_seconds
        within_ratio = self.max_ratio is None or (self.ratio or 0) <= self.max_ratio
        return within_time and within_ratio

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data.update(ratio=self.ratio, ok=self.ok)
        return data


def median_seconds(work: Callable[[], object], repeat: int = 5) -> float:
    return statistics.median(timed(work) for _ in range(repeat))


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def child_run(code: str, *args: str) -> tuple[float, int, str]:
    """Run Python `code` in a fresh process: (seconds, peak resident KiB, stdout)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise RuntimeError(f"benchmark child failed ({proc.returncode}): {code[:200]}")
    return seconds, usage.ru_maxrss, out


def print_table(figures: list[Figure]) -> None:
    header = f"{'benchmark':<52} {'time':>9} {'baseline':>9} {'ratio':>6} {'target':>16}  ok"
    print(header)
    print("-" * len(header))
    for f in figures:
        base = f"{f.baseline_seconds:9.4f}" if f.baseline_seconds else f"{'':>9}"
        ratio = f"{f.ratio:6.2f}" if f.ratio is not None else f"{'':>6}"
        target = _target_text(f)
        print(
            f"{f.name:<52} {f.seconds:9.4f} {base} {ratio} {target:>16}  "
            f"{'yes' if f.ok else 'NO'}{('  ' + f.note) if f.note else ''}"
        )


def _target_text(f: Figure) -> str:
    parts = []
    if f.target_seconds is not None:
        parts.append(f"<{f.target_seconds:g}s")
    if f.max_ratio is not None:
        parts.append(f"<={f.max_ratio:g}x")
    return " ".join(parts)


def write_json(figures: list[Figure], path: Path) -> None:
    payload = [f.as_json() for f in figures]
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
