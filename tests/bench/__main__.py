"""`make bench`: the performance targets of DESIGN.md, each beside the raw tool doing the
same work. Prints one table, writes bench-results.json, exits non-zero if a target is missed."""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
import tempfile
import traceback
from pathlib import Path

from tests.bench.agency import use_encryption
from tests.bench.measure import Figure, print_table, write_json

ROOT = Path(__file__).resolve().parents[2]
# Each module has run(folder) -> list[Figure]; the ones needing the big agency take it too.
# "postgres" runs the save, correction, search and report targets again on PostgreSQL.
SUITES = ("save", "search", "rules", "reports", "exchange", "import_lock", "gui", "postgres")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__)
    parser.add_argument("--only", nargs="*", choices=SUITES, default=list(SUITES))
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument(
        "--encrypted",
        action="store_true",
        help="run on SQLCipher-encrypted copies; writes bench-results-encrypted.json "
        "(python -m tests.bench.compare prints it beside the plain run)",
    )
    args = parser.parse_args(argv)
    if args.encrypted:
        use_encryption()
    figures: list[Figure] = []
    kind = "encrypted (SQLCipher 4)" if args.encrypted else "plain SQLite"
    print(f"machine: {_machine()}, Python {platform.python_version()}, {kind}", flush=True)
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="recovery-desk-bench-") as folder:
        for suite in args.only:
            print(f"running {suite} ...", file=sys.stderr, flush=True)
            try:
                figures.extend(_run(suite, Path(folder), args.clients))
            except Exception:  # one broken bench must not throw away the others' figures
                traceback.print_exc()
                failed.append(suite)
    print_table(figures)
    if failed:
        print(f"these benchmarks failed and are not in the table: {', '.join(failed)}")
    write_json(
        figures, ROOT / ("bench-results-encrypted.json" if args.encrypted else "bench-results.json")
    )
    return 0 if all(f.ok for f in figures) and not failed else 1


def _run(suite: str, folder: Path, clients: int) -> list[Figure]:
    module = importlib.import_module(f"tests.bench.bench_{suite}")
    if "clients" in module.run.__code__.co_varnames:
        return list(module.run(folder, clients=clients))
    return list(module.run(folder))


def _machine() -> str:
    """CPU model, cores and memory, as far as the system tells them."""
    import os

    model = platform.processor() or platform.machine()
    memory = ""
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        model = next(
            line.split(":", 1)[1].strip()
            for line in cpuinfo.splitlines()
            if line.startswith("model name")
        )
        meminfo = Path("/proc/meminfo").read_text(encoding="utf-8").split()
        memory = f", {int(meminfo[meminfo.index('MemTotal:') + 1]) / 1024**2:.0f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        pass
    return f"{model}, {os.cpu_count() or 1} cores{memory}, {platform.system()}"


if __name__ == "__main__":
    sys.exit(main())
