"""`recovery-desk check`: integrity, foreign keys and schema version, strictly read-only.

A SQLite file is read through db.sqlite_file, which never writes to the file nor
beside it: check may be run on a file nobody should touch yet.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, inspect, text
from sqlalchemy.pool import StaticPool

from db import audit_chain, migrate, sqlite_file
from db.backup import quick_check
from db.cipher import Passphrase, connect
from db.engine import Database
from db.failures import is_database_error
from db.location import sqlite_path


@dataclass
class HealthReport:
    ok: bool = True
    lines: list[str] = field(default_factory=list)

    def add(self, good: bool, line: str) -> None:
        self.ok = self.ok and good
        self.lines.append(("ok      " if good else "PROBLEM ") + line)

    def note(self, line: str) -> None:
        """Something to know that is not a fault of the data."""
        self.lines.append("note    " + line)


def check_database(url: str, key: Passphrase | None = None) -> HealthReport:
    """Check the database at `url`; `key` opens an encrypted SQLite file."""
    report = HealthReport()
    path = sqlite_path(url)
    if path is None:
        _check_server(url, report)
    elif not path.exists():
        report.add(False, f"no database at {path}")
    elif key is not None:
        _check_encrypted_file(path, key, report)
    else:
        _check_file(path, report)
    return report


def _check_encrypted_file(path: Path, key: Passphrase, report: HealthReport) -> None:
    """An encrypted file is read through SQLCipher, read-only; its pages' HMACs are
    checked as they are read, so damage shows as a database error."""
    problem = quick_check(path, key)
    report.add(problem is None, f"file {path} " + (problem or "opens (encrypted with SQLCipher)"))
    if problem:
        return
    conn = connect(path, key, read_only=True)
    try:
        _check_contents(conn, report)
    except Exception as exc:
        if not is_database_error(exc):
            raise
        report.add(False, f"file {path} is damaged ({exc})")
    finally:
        conn.close()


def _check_server(url: str, report: HealthReport) -> None:
    database = Database(url)
    try:
        with database.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            report.add(True, "server answers")
            current = migrate.current_revision(database.engine)
            _schema_version(current, report)
            if current is not None and "audit_chain" in inspect(conn).get_table_names():
                _check_audit_trail(conn, report)
    finally:
        database.dispose()


def _check_file(path: Path, report: HealthReport) -> None:
    problem = sqlite_file.file_problem(path)
    if problem is not None:
        report.add(False, f"file {path} {problem}")
        return
    try:
        with sqlite_file.read_only(path) as view:
            opened = f"file {path} opens"
            if view.rolled_back:
                opened += (
                    " after an interrupted write (a crash mid-save) is undone on a private copy;"
                    " the program undoes it in the file when it next opens it"
                )
            report.add(True, opened)
            _check_contents(view.conn, report)
    except sqlite3.DatabaseError as exc:
        report.add(False, f"file {path} is damaged ({exc})")
    wal_problem = sqlite_file.stray_wal(path, reads_damaged=not report.ok)
    if wal_problem is not None:
        report.add(
            False,
            f"{path.name}-wal does not belong to {path.name} ({wal_problem}); it may have been "
            "copied from another database. Move it out of the folder and check again.",
        )
    reason = sqlite_file.read_only_reason(path)
    if reason is not None:
        report.note(f"read-only: {reason}; the file can be checked and copied, not changed")


def _check_contents(conn: sqlite3.Connection | Any, report: HealthReport) -> None:
    problem = sqlite_file.integrity_problem(conn, full=True)
    report.add(problem is None, f"integrity check: {problem or 'ok'}")
    if problem is not None:
        return
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    report.add(not broken, f"foreign keys: {len(broken)} broken references")
    tables, revision = sqlite_file.tables_and_revision(conn)
    if tables and revision is None:
        report.add(False, "it holds tables that are not a Recovery Desk database")
        return
    _schema_version(revision, report)
    if "audit_chain" in tables:
        engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
        with engine.connect() as connection:
            _check_audit_trail(connection, report)
    elif tables:
        report.note("audit trail: not chained yet; the program chains it when it next opens it")


def _check_audit_trail(conn: Connection, report: HealthReport) -> None:
    verdict = audit_chain.verify(conn)
    if verdict.ok:
        report.add(
            True,
            f"audit trail: {verdict.rows:,} rows chained, the last row {verdict.last_seq} "
            f"with hash {verdict.last_hash}",
        )
    else:
        intact = {0: "no row before it", 1: "row 1 intact"}.get(
            verdict.rows, f"rows 1 to {verdict.rows:,} intact"
        )
        report.add(False, f"audit trail: {verdict.what} ({intact})")


def _schema_version(current: str | None, report: HealthReport) -> None:
    head = migrate.head_revision()
    report.add(current == head, f"schema version {current or 'none'} (program needs {head})")
