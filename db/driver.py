"""Statements a save runs every time, compiled once and sent straight to the driver.

SQLAlchemy's execution of a statement (the execution context, its events, the
result object, and for an `insert()` built anew each call its cache key) costs
30 to 150 microseconds of CPU; SQLite runs most of a save's statements in a few.
A durable intake runs about a dozen of them, which made its CPU time 5.6 times
a raw sqlite3 save of the same rows (make bench, "save intake").

A `Prepared` statement is the Core statement the code would have executed,
compiled once per dialect: the same SQL text SQLAlchemy sends, the values put
through the same column types' bind processors, the rows through their result
processors, a driver error raised as SQLAlchemy's DBAPIError of the same kind
(IntegrityError, OperationalError, ...), and the engine's `before_cursor_execute`
listeners told of the statement, so callers, db.failures and whatever watches
the engine cannot tell the difference. It runs inside the caller's transaction,
on its connection.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

Processor = Callable[[Any], Any] | None

# psycopg parses a statement's %(name)s placeholders into PostgreSQL's $1, $2 at every
# execution unless the statement has at most this many (its own cache's limit). A chunk
# of clients bound one id per slot has up to 2,048: parsed once here instead, and sent
# with psycopg's RawCursor, which takes $n as written (6 to 10 ms saved per statement).
PSYCOPG_PARSE_CACHED = 50
_PLACEHOLDER = re.compile(r"%%|%\((\w+)\)s")


@dataclass(frozen=True)
class _Compiled:
    sql: str
    positional: tuple[str, ...] | None  # the bind names in order, for qmark or format styles
    binds: tuple[tuple[str, Processor], ...]
    processed: tuple[tuple[str, Callable[[Any], Any]], ...]  # the binds with a processor
    defaults: dict[str, Any]  # values written into the statement (a literal compared with)
    results: tuple[Processor, ...]
    # On psycopg, for a statement of many binds: its text with $n placeholders and the bind
    # names in their order (`sql` stays what SQLAlchemy sends, for listeners and errors).
    raw: tuple[str, tuple[str, ...]] | None = None


class Prepared:
    """One Core statement, compiled on first use for each dialect it runs on."""

    def __init__(self, statement: Any, column_keys: Sequence[str] | None = None) -> None:
        self._statement = statement
        self._column_keys = list(column_keys) if column_keys is not None else None
        self._compiled: dict[tuple[str, str], _Compiled] = {}

    def rows(self, conn: Connection, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """The rows a SELECT (or a statement with RETURNING) gives, converted by their types."""
        compiled, found = self._fetched(conn, params)
        if not compiled.results:
            return found
        processors = compiled.results
        return [
            tuple(
                v if p is None or v is None else p(v) for p, v in zip(processors, row, strict=True)
            )
            for row in found
        ]

    def _fetched(self, conn: Connection, params: Mapping[str, Any]) -> tuple[_Compiled, list[Any]]:
        """The statement as compiled for `conn`'s database, and the driver's raw rows."""
        compiled = self._for(conn)
        found = _run(
            conn,
            compiled,
            lambda cursor: _execute(cursor, compiled, params),
            lambda: (_values(compiled, params), False),
        )
        return compiled, found

    def execute(self, conn: Connection, params: Mapping[str, Any]) -> None:
        compiled = self._for(conn)
        _run(
            conn,
            compiled,
            lambda cursor: _execute(cursor, compiled, params),
            lambda: (_values(compiled, params), False),
        )

    def count(self, conn: Connection, params: Mapping[str, Any]) -> int:
        """Run an UPDATE or DELETE; how many rows it changed."""
        compiled = self._for(conn)
        changed: list[int] = []

        def counted(cursor: Any) -> list[Any]:
            cursor.execute(*_sent(compiled, _values(compiled, params)))
            changed.append(int(cursor.rowcount))
            return []

        _run(conn, compiled, counted, lambda: (_values(compiled, params), False))
        return changed[0]

    def execute_many(self, conn: Connection, params: Sequence[Mapping[str, Any]]) -> None:
        if not params:
            return
        compiled = self._for(conn)

        def many(cursor: Any) -> list[Any]:
            sent = [_sent(compiled, _values(compiled, p)) for p in params]
            cursor.executemany(sent[0][0], [values for _, values in sent])
            return []

        _run(conn, compiled, many, lambda: ([_values(compiled, p) for p in params], True))

    def _for(self, conn: Connection) -> _Compiled:
        dialect = conn.dialect
        key = (dialect.name, dialect.paramstyle)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = _compile(self._statement, self._column_keys, conn)
        return compiled


def _compile(statement: Any, column_keys: list[str] | None, conn: Connection) -> _Compiled:
    dialect = conn.dialect
    compiled: Any = statement.compile(dialect=dialect, column_keys=column_keys)
    if getattr(compiled, "insert_prefetch", None) or getattr(compiled, "update_prefetch", None):
        # A Python-side column default would be left out: the caller passes every value.
        raise ValueError("a prepared statement needs every column with a default given")
    if any(b.expanding for b in compiled.binds.values()):
        raise ValueError("a prepared statement cannot take an expanding IN list")
    binds = tuple(
        (name, bind.type.dialect_impl(dialect).bind_processor(dialect))
        for name, bind in compiled.binds.items()
    )
    defaults = {name: b.effective_value for name, b in compiled.binds.items() if not b.required}
    # A SELECT's columns, or what an INSERT ... RETURNING gives back (none otherwise).
    results = tuple(
        column.type.dialect_impl(dialect).result_processor(dialect, None)
        for column in statement.exported_columns
    )
    positional = compiled.positiontup
    many_binds = dialect.driver == "psycopg" and len(binds) > PSYCOPG_PARSE_CACHED
    return _Compiled(
        compiled.string,
        tuple(positional) if positional is not None else None,
        binds,
        tuple((name, p) for name, p in binds if p is not None),
        defaults,
        results if any(p is not None for p in results) else (),
        numbered_placeholders(compiled.string) if many_binds and positional is None else None,
    )


def numbered_placeholders(sql: str) -> tuple[str, tuple[str, ...]]:
    """`sql`'s %(name)s placeholders as $1, $2 (a name used twice keeps its number), its
    %% as %; and the names in their numbers' order."""
    names: dict[str, int] = {}

    def number(match: re.Match[str]) -> str:
        name = match.group(1)
        if name is None:
            return "%"
        return f"${names.setdefault(name, len(names) + 1)}"

    return _PLACEHOLDER.sub(number, sql), tuple(names)


def _sent(compiled: _Compiled, values: Any) -> tuple[str, Any]:
    """The text and the values the driver is given."""
    if compiled.raw is None:
        return compiled.sql, values
    sql, names = compiled.raw
    return sql, [values[name] for name in names]


def _values(compiled: _Compiled, params: Mapping[str, Any]) -> Any:
    given = {**compiled.defaults, **params} if compiled.defaults else params
    values = {name: given[name] for name, _ in compiled.binds}
    for name, processor in compiled.processed:
        value = values[name]
        if value is not None:
            values[name] = processor(value)
    if compiled.positional is None:
        return values
    return tuple(values[name] for name in compiled.positional)


def _execute(cursor: Any, compiled: _Compiled, params: Mapping[str, Any]) -> list[Any]:
    cursor.execute(*_sent(compiled, _values(compiled, params)))
    return cursor.fetchall() if cursor.description is not None else []


def _run(
    conn: Connection,
    compiled: _Compiled,
    work: Callable[[Any], list[Any]],
    sent: Callable[[], tuple[Any, bool]],
) -> list[Any]:
    """`work` on a cursor of the connection's driver connection, in its transaction;
    `sent` gives the values and whether they are many, for the engine's listeners."""
    cursor = _raw_cursor(conn) if compiled.raw is not None else conn.connection.cursor()
    try:
        with driver_errors(conn, compiled.sql):
            if conn.dispatch.before_cursor_execute:  # only a test or a counter listens
                _tell_listeners(conn, cursor, compiled.sql, *sent())
            return work(cursor)
    finally:
        cursor.close()


@contextmanager
def driver_errors(conn: Connection, sql: str) -> Iterator[None]:
    """A driver's error raised inside as SQLAlchemy's DBAPIError of the same kind
    (IntegrityError, OperationalError, ...), as SQLAlchemy reports one elsewhere: with
    `sql`, the values never in the text."""
    dbapi = conn.dialect.loaded_dbapi
    try:
        yield
    except dbapi.Error as exc:
        raise DBAPIError.instance(sql, None, exc, dbapi.Error, hide_parameters=True) from exc


def _tell_listeners(conn: Connection, cursor: Any, sql: str, values: Any, many: bool) -> None:
    # As SQLAlchemy does before it sends a statement (a test reading query plans, a
    # statement counter); the context is None: no execution context was built.
    for listener in conn.dispatch.before_cursor_execute:
        listener(conn, cursor, sql, values, None, many)


def _raw_cursor(conn: Connection) -> Any:
    import psycopg  # loaded already: the connection is psycopg's

    driver: Any = conn.connection.dbapi_connection
    return psycopg.RawCursor(driver)
