"""Automatic backups: once a day, before imports and restores, kept by the retention rule;
and a restore drill against a database another process is writing to."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from db import backups
from db.backups import Retention
from db.health import check_database
from db.startup import open_database


def stamp(day: dt.date, hour: int = 9) -> str:
    return dt.datetime.combine(day, dt.time(hour)).strftime("%Y%m%d-%H%M%S")


def test_the_retention_rule_keeps_7_daily_4_weekly_12_monthly_and_manual_ones(
    tmp_path: Path,
) -> None:
    day = dt.date(2025, 10, 1)
    while day <= dt.date(2026, 11, 27):
        (tmp_path / f"agency-daily-{stamp(day)}.sqlite3").write_bytes(b"x")
        day += dt.timedelta(days=1)
    (tmp_path / f"agency-before-import-{stamp(dt.date(2026, 11, 27), 8)}.sqlite3").write_bytes(b"x")
    (tmp_path / f"agency-backup-{stamp(dt.date(2025, 10, 5))}.sqlite3").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("not a backup")
    now = dt.datetime(2026, 11, 27, 10, 0)
    backups.prune(tmp_path, "agency", Retention(7, 4, 12), now)
    kept = sorted(p.name for p in tmp_path.iterdir())
    days = [dt.date(2026, 11, d) for d in range(21, 28)]  # the last 7 days
    weeks = [dt.date(2026, 11, 15), dt.date(2026, 11, 8)]  # Sundays of the 2 weeks before
    month_ends = [dt.date(2025, 12, 31)] + [
        dt.date(2026, m + 1, 1) - dt.timedelta(days=1) for m in range(1, 11)
    ]
    expected = sorted(
        [f"agency-daily-{stamp(d)}.sqlite3" for d in {*days, *weeks, *month_ends}]
        + [
            f"agency-before-import-{stamp(dt.date(2026, 11, 27), 8)}.sqlite3",  # today's
            f"agency-backup-{stamp(dt.date(2025, 10, 5))}.sqlite3",  # made by hand
            "notes.txt",
        ]
    )
    assert kept == expected
    assert len(kept) == 7 + 2 + 11 + 3


def test_the_daily_backup_is_taken_once_a_day_into_the_configured_folder(
    tmp_path: Path,
) -> None:
    from db import settings
    from tests.accounts import signed_in

    db = open_database(str(tmp_path / "agency.sqlite3"))
    admin = signed_in(db, "admin")
    second_disk = tmp_path / "second-disk" / "backups"
    with db.writing() as session:
        chosen = settings.load(session)
        settings.save(
            session,
            admin,
            settings.AgencySettings(**{**chosen.__dict__, "backup_folder": str(second_disk)}),
        )
    morning = dt.datetime(2026, 11, 27, 8, 0)
    first = backups.daily_backup(db, morning)
    assert first is not None and first.parent == second_disk
    assert backups.daily_backup(db, morning + dt.timedelta(hours=3)) is None
    assert backups.daily_backup(db, morning + dt.timedelta(days=1)) is not None
    assert len(list(second_disk.glob("agency-daily-*.sqlite3"))) == 2
    assert not (tmp_path / "backups").exists()
    db.dispose()


WRITER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
conn.execute("PRAGMA journal_mode = WAL")
print("ready", flush=True)
i = 0
while True:
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (f"w{i}", "x" * 300))
    conn.execute("COMMIT")
    i += 1
"""


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def test_restore_drill_backup_while_another_process_writes(tmp_path: Path) -> None:
    path = tmp_path / "agency.sqlite3"
    open_database(str(path)).dispose()
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        time.sleep(0.3)  # let it write for a while
        backup = backups.take(path, None, tmp_path / "backups", "drill", dt.datetime.now())
    finally:
        writer.kill()
        writer.wait()
        writer.stdout.close()  # type: ignore[union-attr]
    in_backup = counts(backup)
    assert in_backup["settings"] > 0
    assert counts(path)["settings"] > in_backup["settings"]  # the writer went on after it
    kept = backups.restore(path, backup, None, tmp_path / "backups")
    assert kept is not None and kept.exists()
    db = open_database(str(path))
    db.dispose()
    assert counts(path) == in_backup
    report = check_database(f"sqlite:///{path}")
    assert report.ok, report.lines
