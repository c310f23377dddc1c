"""A report's raw reads: the statements it runs, run again by the bare driver.

The baseline of a report end to end is the database reading what the report reads,
with nothing built from the rows. So the report is run once with its statements
recorded (with the walk in this one process: walk workers read through engines of
their own, which this process cannot listen on), and the recorded reads are then run
by the bare driver, sqlite3 or psycopg, fetching plain tuples. The writes (the export's
audit row) are left out: they are not reads, and a replay must not write.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import event

from db.driver import PSYCOPG_PARSE_CACHED, numbered_placeholders
from db.engine import Database
from reports.datasets.walk_split import WORKERS_VARIABLE
from tests.bench import postgres as pg
from tests.bench.agency import raw_connect

_READS = ("SELECT", "WITH")


@dataclass(frozen=True)
class Statement:
    sql: str
    values: Any  # as the driver was given them: a tuple (sqlite3) or a mapping (psycopg)


def recorded_reads(database: Database, work: Callable[[], object]) -> list[Statement]:
    """The reads `work` sends through `database`, in order, with their values."""
    found: list[Statement] = []

    def record(_conn: Any, _cursor: Any, sql: str, values: Any, _context: Any, many: bool) -> None:
        if not many and sql.lstrip()[:6].upper().startswith(_READS):
            found.append(Statement(sql, values))

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        with _walk_in_one_process():
            work()
    finally:
        event.remove(database.engine, "before_cursor_execute", record)
    if not found:
        raise RuntimeError("the report read nothing through the engine: nothing to replay")
    return found


@contextmanager
def _walk_in_one_process() -> Iterator[None]:
    before = os.environ.get(WORKERS_VARIABLE)
    os.environ[WORKERS_VARIABLE] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ[WORKERS_VARIABLE]
        else:
            os.environ[WORKERS_VARIABLE] = before


def replay_sqlite(path: Path, statements: list[Statement]) -> int:
    """The statements run by bare sqlite3 in one read transaction; the rows fetched."""
    conn = raw_connect(path, read_only=True)
    try:
        conn.execute("BEGIN")
        rows = sum(len(conn.execute(s.sql, s.values or ()).fetchall()) for s in statements)
        conn.rollback()
        return rows
    finally:
        conn.close()


def replay_postgres(url: str, statements: list[Statement]) -> int:
    """The statements run by bare psycopg in one repeatable-read transaction. A statement
    of many binds is numbered once and sent through a RawCursor, as the program sends it
    (db/driver.py): psycopg would parse it again at every execution."""
    numbered: dict[str, tuple[str, tuple[str, ...]]] = {}
    with pg.raw_connect(url) as conn, conn.cursor() as cursor, psycopg.RawCursor(conn) as raw:
        conn.autocommit = False  # one transaction, as the report reads in
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        rows = 0
        for s in statements:
            if isinstance(s.values, dict) and len(s.values) > PSYCOPG_PARSE_CACHED:
                if s.sql not in numbered:
                    numbered[s.sql] = numbered_placeholders(s.sql)
                sql, names = numbered[s.sql]
                raw.execute(sql, [s.values[name] for name in names])
                rows += len(raw.fetchall())
            else:
                cursor.execute(s.sql, s.values or None)
                rows += len(cursor.fetchall())
        conn.rollback()
        return rows
