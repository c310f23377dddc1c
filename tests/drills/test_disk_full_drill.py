"""Drill: a save into a full disk fails with one line and leaves nothing half-written.

The database sits on a small tmpfs filled to the brim (a real ENOSPC) when this
process may mount one (root, as in CI); elsewhere SQLite's max_page_count stands
in for the full disk (the same SQLITE_FULL error, reached from inside SQLite).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import event

from db.access import Actor
from db.startup import open_database
from forms import records
from forms.failures import failure_line
from tests.accounts import signed_in
from tests.drills.child_saver import INTAKE, SUBSTANCES

TODAY = dt.date(2026, 11, 27)


@contextlib.contextmanager
def small_disk(folder: Path) -> Iterator[bool]:
    """A 2 MiB tmpfs at `folder`; yields False (and nothing is mounted) when not allowed."""
    folder.mkdir()
    mounted = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(folder)],
            capture_output=True,
        ).returncode
        == 0
    )
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave: int) -> Path:
    filler = folder / "filler"
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with open(filler, "wb") as f:
        f.write(b"\0" * max(0, free - leave))
    return filler


def counts(path: Path) -> tuple[int, int, int, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM clients), (SELECT count(*) FROM assessments), "
            "(SELECT count(*) FROM substance_records), (SELECT count(*) FROM audit_log)"
        ).fetchone()
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return row
    finally:
        conn.close()


def save_one(database, actor: Actor, i: int) -> None:  # type: ignore[no-untyped-def]
    client = records.create_client(
        database,
        actor,
        {
            "client_code": f"F-{i}",
            "given_name": "Full",
            "family_name": "Disk " + "x" * 60,
            "birth_date": "1980-01-01",
        },
        TODAY,
    )
    records.add_assessment(database, actor, client, INTAKE, SUBSTANCES, TODAY)


def test_a_save_into_a_full_disk_fails_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as real:
        path = tmp_path / "disk" / "agency.sqlite3"
        database = open_database(str(path))
        actor = signed_in(database, "admin")  # before the disk fills: then nothing fits
        if real:
            fill(path.parent, leave=400 * 1024)
        else:
            limit = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0] + 12

            @event.listens_for(database.engine, "connect")
            def _small(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
                dbapi_connection.execute(f"PRAGMA max_page_count = {limit}")

            database.engine.dispose()
        saved, failure = 0, None
        for i in range(5000):
            before = counts(path)
            try:
                save_one(database, actor, i)
            except Exception as exc:
                failure = exc
                break
            saved += 1
        assert failure is not None, "the disk never filled"
        line = failure_line("Saving the intake", failure)
        assert line == "Saving the intake failed: the disk holding the database is full"
        database.dispose()
        after = counts(path)
        # The failing save wrote nothing. Its client is a save of its own: it is there whole
        # (with its audit row) or not at all; the intake that failed left no row anywhere.
        assert after[1] == after[2] == saved
        assert after[0] in (saved, saved + 1)
        if after[0] == before[0]:
            assert after == before
        print(f"{'tmpfs' if real else 'max_page_count'}: {saved} saves, then: {line}")
        reopened = open_database(str(path))
        reopened.dispose()
        assert counts(path)[1] == saved
