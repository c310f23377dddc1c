"""Drill: a child saving intakes in a loop is killed with SIGKILL at random moments, 200
times. After each kill the database opens, integrity_check is ok, and every save the child
acknowledged (printed after its commit) is there and whole: client, intake, substance."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import sys
import time
from pathlib import Path

from db.startup import open_database
from tests.accounts import signed_in
from tests.drills import child_saver

KILLS = int(os.environ.get("RECOVERY_DESK_DRILL_KILLS", "200"))


def saved_whole(conn: sqlite3.Connection, code: str) -> bool:
    row = conn.execute(
        "SELECT count(DISTINCT a.id), count(s.id) FROM clients c "
        "JOIN assessments a ON a.client_id = c.id "
        "JOIN substance_records s ON s.assessment_id = a.id WHERE c.client_code = ?",
        (code,),
    ).fetchone()
    return row == (1, 1)


def run_and_kill(path: Path, run: int, rng: random.Random) -> list[str]:
    """Fork a saver (this process has imported everything, so a child starts in
    milliseconds), let it save for a random moment, SIGKILL it, read what it acknowledged."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: save until killed
        try:
            os.close(read_end)
            sys.stdout = os.fdopen(write_end, "w")
            child_saver.main(str(path), str(run))
        finally:
            os._exit(1)
    os.close(write_end)
    with os.fdopen(read_end) as out:
        assert out.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))  # a random moment inside the save loop
        os.kill(pid, signal.SIGKILL)
        printed = out.read().split()
    os.waitpid(pid, 0)
    return printed


def test_no_acknowledged_save_is_lost_or_half_written_under_kill_9(tmp_path: Path) -> None:
    path = tmp_path / "drill.sqlite3"
    database = open_database(str(path))
    signed_in(database, "admin")  # the account each saver signs in with
    database.dispose()
    rng = random.Random(14)
    acknowledged: list[str] = []
    for run in range(KILLS):
        acknowledged += run_and_kill(path, run, rng)
        open_database(str(path)).dispose()  # opens (and recovers the -wal) after each kill
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",), run
            lost = [code for code in acknowledged if not saved_whole(conn, code)]
            assert lost == [], f"after kill {run}: {lost}"
            half = conn.execute(
                "SELECT count(*) FROM assessments a WHERE NOT EXISTS "
                "(SELECT 1 FROM substance_records s WHERE s.assessment_id = a.id)"
            ).fetchone()[0]
            assert half == 0, f"after kill {run}: an intake without its substance"
        finally:
            conn.close()
    assert len(acknowledged) > KILLS  # the kills did land in the middle of saving
    print(f"{KILLS} kills, {len(acknowledged)} acknowledged saves, none lost or half-written")
