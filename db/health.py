"""`recovery-desk check`: integrity, foreign keys and schema version, read-only."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text

from db import migrate
from db.backup import quick_check
from db.cipher import Passphrase
from db.engine import Database
from db.location import sqlite_path


@dataclass
class HealthReport:
    ok: bool = True
    lines: list[str] = field(default_factory=list)

    def add(self, good: bool, line: str) -> None:
        self.ok = self.ok and good
        self.lines.append(("ok      " if good else "PROBLEM ") + line)


def check_database(url: str, key: Passphrase | None = None) -> HealthReport:
    """Check the database at `url`; `key` opens an encrypted SQLite file."""
    report = HealthReport()
    path = sqlite_path(url)
    if path is not None:
        if not path.exists():
            report.add(False, f"no database at {path}")
            return report
        problem = quick_check(path, key)
        opens = "opens" + (" (encrypted with SQLCipher)" if key is not None else "")
        report.add(problem is None, f"file {path} " + (problem or opens))
        if problem:
            return report
    database = Database(url, key=key)
    try:
        _check_contents(database, report)
    finally:
        database.dispose()
    return report


def _check_contents(database: Database, report: HealthReport) -> None:
    with database.engine.connect() as conn:
        if database.is_sqlite:
            result = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
            report.add(result == "ok", f"integrity check: {result}")
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            report.add(not broken, f"foreign keys: {len(broken)} broken references")
        else:
            conn.execute(text("SELECT 1"))
            report.add(True, "server answers")
    current, head = migrate.current_revision(database.engine), migrate.head_revision()
    report.add(current == head, f"schema version {current or 'none'} (program needs {head})")
