"""Four desks registering clients at once on one SQLite file (tests/drills/save_stall.py):
every save goes through. The waits are printed (`make drills` shows them), never asserted."""

from __future__ import annotations

from pathlib import Path

from tests.drills import save_stall

DESKS = 4
CLIENTS = 100  # per desk


def test_four_desks_registering_at_once_all_save(tmp_path: Path) -> None:
    figures = save_stall.run(f"sqlite:///{tmp_path / 'stall.sqlite3'}", DESKS, CLIENTS)

    print(
        f"\n{DESKS} desks x {CLIENTS} new clients on SQLite: p50 {figures['p50_ms']:.0f} ms, "
        f"p99 {figures['p99_ms']:.0f} ms, worst {figures['worst_ms']:.0f} ms; "
        f"lock wait p99 {figures['lock_wait_p99_ms']:.0f} ms"
    )
    assert figures["errors"] == []
    assert figures["saves"] == DESKS * CLIENTS
