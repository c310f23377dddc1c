"""The plain and the encrypted bench runs side by side, from their JSON files:

make bench && make bench-encrypted && .venv/bin/python -m tests.bench.compare
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str) -> dict[str, dict[str, object]]:
    rows = json.loads((ROOT / name).read_text(encoding="utf-8"))
    return {str(row["name"]): row for row in rows}


def _show(row: dict[str, object] | None) -> str:
    if row is None:
        return ""
    value = float(row["seconds"])  # type: ignore[arg-type]
    if row.get("unit") == "MiB":
        return f"{value:.1f} MiB"
    return f"{value * 1000:.2f} ms" if value < 1 else f"{value:.2f} s"


def main() -> int:
    plain, encrypted = _load("bench-results.json"), _load("bench-results-encrypted.json")
    print("| benchmark | plain | encrypted | encrypted / plain | encrypted met target |")
    print("|---|---:|---:|---:|---|")
    for name, row in plain.items():
        other = encrypted.get(name)
        cost = ""
        if other is not None and float(row["seconds"]):  # type: ignore[arg-type]
            cost = f"{float(other['seconds']) / float(row['seconds']):.2f}×"  # type: ignore[arg-type]
        met = "" if other is None else ("yes" if other.get("ok") else "NO")
        print(f"| {name} | {_show(row)} | {_show(other)} | {cost} | {met} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
