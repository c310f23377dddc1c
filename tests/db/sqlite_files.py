"""SQLite files in the states the drills left them in: intact, with a stray -wal of another
database, in rollback-journal mode, with a hot journal from a killed write, damaged."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from db.startup import open_database


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in `folder` with its digest: what a read-only check must leave as it was."""
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def intact(path: Path, rows: int = 300) -> Path:
    """A Recovery Desk database with some settings rows, closed cleanly (no -wal left)."""
    db = open_database(str(path))
    with db.writing() as session:
        for i in range(rows):
            session.execute(
                text("INSERT INTO settings (key, value) VALUES (:k, :v)"),
                {"k": f"key{i}", "v": "x" * 200},
            )
    db.dispose()
    assert not Path(f"{path}-wal").exists()
    return path


def with_stray_wal(path: Path, other: Path) -> Path:
    """`path` intact, beside it the -wal of another Recovery Desk database (`other`)."""
    intact(path)
    open_database(str(other)).dispose()  # (or reopened, when the test made it bigger)
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO settings (key, value) VALUES (?, ?)",
        [(f"other{i}", "y" * 300) for i in range(50)],
    )
    conn.execute("COMMIT")
    shutil.copy(f"{other}-wal", f"{path}-wal")
    conn.close()
    return path


def rollback_mode(path: Path, rows: int = 300) -> Path:
    """An intact database in rollback-journal mode, as a restored backup is."""
    intact(path, rows)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path


def damage_inside(path: Path) -> Path:
    """Overwrite part of a data page near the end, leaving the header and schema readable."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:
        f.seek(page_size * (pages - 3) + 8)
        f.write(b"\xff" * 64)
    return path


_KILLED_WRITE = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 5")  # spill changed pages into the file before COMMIT
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE settings SET value = 'half-written ' || value")
print("ready", flush=True)
time.sleep(60)
"""


def hot_journal(path: Path) -> Path:
    """A rollback-mode database whose writer was killed mid-transaction: the file holds
    half-written pages and its -journal the pages to put back."""
    rollback_mode(path, rows=2000)
    writer = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITE, str(path)], stdout=subprocess.PIPE, text=True
    )
    with writer:
        try:
            assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
        finally:
            writer.kill()
    assert Path(f"{path}-journal").stat().st_size > 0
    return path
