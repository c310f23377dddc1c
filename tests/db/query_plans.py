"""What a piece of the program sends to the database, and how the database plans it:
for tests that a statement reads through an index rather than the whole table."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from db.engine import Database


@contextmanager
def statements_sent(database: Database) -> Iterator[list[tuple[str, Any]]]:
    """Every (statement, parameters) sent through the engine inside the block."""
    sent: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        sent.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(database.engine, "before_cursor_execute", record)


def plan_of(database: Database, statement: str, parameters: Any) -> list[str]:
    """The plan of `statement` with its parameters (an executemany's: its first row)."""
    if isinstance(parameters, list):
        parameters = parameters[0]
    with database.engine.connect() as conn:
        if database.is_sqlite:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            return [str(row[3]) for row in rows]
        # A test's tables fit in a page or two, which the planner would rightly read
        # whole; with sequential scans priced out it scans only when no index serves.
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        return [str(row[0]) for row in conn.exec_driver_sql(f"EXPLAIN {statement}", parameters)]
