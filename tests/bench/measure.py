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
    # This process's CPU time for the same work: on a machine shared with other work it
    # tells what the wall time would be on a quiet one (for single-threaded work).
    cpu_seconds: float | None = None
    baseline_cpu_seconds: float | None = None
    unit: str = "s"  # "MiB" for a memory figure: then `seconds` and the baseline are MiB

    @property
    def ratio(self) -> float | None:
        if not self.baseline_seconds:
            return None
        return self.seconds / self.baseline_seconds

    @property
    def cpu_ratio(self) -> float | None:
        if not self.cpu_seconds or not self.baseline_cpu_seconds:
            return None
        return self.cpu_seconds / self.baseline_cpu_seconds

    @property
    def ok(self) -> bool:
        within_time = self.target_seconds is None or self.seconds <= self.target_seconds
        within_ratio = self.max_ratio is None or (self.ratio or 0) <= self.max_ratio
        return within_time and within_ratio

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data.update(ratio=self.ratio, cpu_ratio=self.cpu_ratio, ok=self.ok)
        return data


def median_seconds(work: Callable[[], object], repeat: int = 5) -> float:
    return statistics.median(timed(work) for _ in range(repeat))


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


@dataclass(frozen=True)
class Timing:
    wall: float  # median seconds
    cpu: float  # median CPU seconds of this process
    runs: int


def wall_and_cpu(
    work: Callable[[], object], repeat: int = 3, budget_s: float | None = None
) -> Timing:
    """Medians over `repeat` runs, or fewer once the runs so far took `budget_s` together
    (a figure far over its target needs no second run to show it, and the whole
    `make bench` must stay within minutes)."""
    walls: list[float] = []
    cpus: list[float] = []
    while len(walls) < repeat and (budget_s is None or sum(walls) < budget_s):
        cpu = time.process_time()
        walls.append(timed(work))
        cpus.append(time.process_time() - cpu)
    return Timing(statistics.median(walls), statistics.median(cpus), len(walls))


def timed_figure(
    name: str,
    t: Timing,
    target: float | None,
    base: Timing | None = None,
    max_ratio: float | None = None,
    note: str = "",
) -> Figure:
    """A figure of median timings: `t`, against `base` when it has a baseline; the note
    says how many runs the medians are of."""
    return Figure(
        name,
        t.wall,
        target,
        None if base is None else base.wall,
        max_ratio,
        note=f"{note}; median of {t.runs}",
        cpu_seconds=t.cpu,
        baseline_cpu_seconds=None if base is None else base.cpu,
    )


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# Appended to a child's code: its own peak resident memory. Linux counts the memory a
# forked child shared with its parent before exec in ru_maxrss, so a child started from a
# large benchmark process would report the parent's size; VmHWM is the child's alone.
_PEAK_MARK = "peak-resident-kib:"
_PEAK_REPORT = f"""
try:
    with open("/proc/self/status", encoding="ascii") as _status:
        print("{_PEAK_MARK}", next(int(line.split()[1]) for line in _status
                                    if line.startswith("VmHWM:")), flush=True)
except (OSError, StopIteration):
    pass
"""


def child_run(code: str, *args: str, env: dict[str, str] | None = None) -> tuple[float, int, str]:
    """Run Python `code` in a fresh process: (seconds, peak resident KiB, stdout).

    The peak is the child's own where the system tells it (see _PEAK_REPORT), else
    ru_maxrss; a child that ends with os._exit skips the report and gets ru_maxrss."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code + _PEAK_REPORT, *args],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise RuntimeError(f"benchmark child failed ({proc.returncode}): {code[:200]}")
    lines = out.splitlines()
    if lines and lines[-1].startswith(_PEAK_MARK):
        return seconds, int(lines[-1].split()[1]), "\n".join(lines[:-1]) + "\n"
    return seconds, usage.ru_maxrss, out


def print_table(figures: list[Figure]) -> None:
    header = (
        f"{'benchmark':<48} {'time s':>9} {'cpu s':>9} {'baseline s':>10} {'ratio':>7} "
        f"{'cpu ratio':>9} {'target':>14}  ok"
    )
    print(header)
    print("-" * len(header))
    for f in figures:
        cpu = _seconds(f.cpu_seconds, 9)
        base = _seconds(f.baseline_seconds, 10)
        ratio = f"{f.ratio:7.2f}" if f.ratio is not None else f"{'':>7}"
        cpu_ratio = f"{f.cpu_ratio:9.2f}" if f.cpu_ratio is not None else f"{'':>9}"
        target = _target_text(f)
        print(
            f"{f.name:<48} {_seconds(f.seconds, 9)} {cpu} {base} {ratio} {cpu_ratio} "
            f"{target:>14}  "
            f"{'yes' if f.ok else 'NO'}{('  ' + f.note) if f.note else ''}"
        )
    sys.stdout.flush()


def _seconds(value: float | None, width: int) -> str:
    if value is None:
        return " " * width
    # Four significant digits, so a 0.1 ms baseline and a 200 s export both read plainly.
    return f"{value:{width}.4f}" if value >= 0.1 else f"{value:{width}.6f}"


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
