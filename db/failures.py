"""What went wrong in the database, as a kind a person can be told.

Never the driver's own text: SQLAlchemy's message carries the statement and
its parameters, and PostgreSQL's DETAIL line repeats the offending values
("Key (client_code)=(...) already exists") — client data that must not reach
a dialog or a log file.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from enum import StrEnum

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

# What a failed statement raises, for the layers that do not name SQLAlchemy.
DatabaseError = SQLAlchemyError


class BusyWithImportError(SQLAlchemyError):
    """A write refused because an import holds the database (db/import_guard.py)."""

    def __init__(self) -> None:
        super().__init__("the database is busy with an import")


class Failure(StrEnum):
    LOCKED = "locked"
    IMPORT_BUSY = "import_busy"
    FULL = "full"
    READ_ONLY = "read_only"
    DUPLICATE = "duplicate"
    RULE = "rule"
    DAMAGED = "damaged"
    DISK = "disk"
    UNREACHABLE = "unreachable"
    OTHER = "other"


# Checked in order against SQLite's error name, else its (parameter-free) message.
_SQLITE_NAMES = (
    ("SQLITE_BUSY", Failure.LOCKED),
    ("SQLITE_LOCKED", Failure.LOCKED),
    ("SQLITE_FULL", Failure.FULL),
    ("SQLITE_READONLY", Failure.READ_ONLY),
    ("SQLITE_CONSTRAINT_UNIQUE", Failure.DUPLICATE),
    ("SQLITE_CONSTRAINT_PRIMARYKEY", Failure.DUPLICATE),
    ("SQLITE_CONSTRAINT", Failure.RULE),
    ("SQLITE_CORRUPT", Failure.DAMAGED),
    ("SQLITE_NOTADB", Failure.DAMAGED),
    ("SQLITE_IOERR", Failure.DISK),
    ("SQLITE_CANTOPEN", Failure.DISK),
)
_SQLITE_WORDS = (
    ("locked", Failure.LOCKED),
    ("is full", Failure.FULL),
    ("readonly", Failure.READ_ONLY),
    ("UNIQUE constraint", Failure.DUPLICATE),
    ("constraint failed", Failure.RULE),
    ("not a database", Failure.DAMAGED),
    ("malformed", Failure.DAMAGED),
    ("disk I/O", Failure.DISK),
    ("unable to open", Failure.DISK),
)
_PG_STATES = (
    ("23505", Failure.DUPLICATE),
    ("23", Failure.RULE),
    ("53100", Failure.FULL),
    ("40P01", Failure.LOCKED),
    ("55P03", Failure.LOCKED),
    ("25006", Failure.READ_ONLY),
    ("08", Failure.UNREACHABLE),
    ("57P", Failure.UNREACHABLE),
    ("XX00", Failure.DAMAGED),
)


def _psycopg_link_errors() -> tuple[type[BaseException], ...]:
    # Asked only about an error psycopg raised, so psycopg is loaded by then. Importing it
    # here instead would add a tenth of a second to every start on SQLite (and to each
    # report walk worker's).
    psycopg = sys.modules.get("psycopg")
    return () if psycopg is None else (psycopg.OperationalError, psycopg.InterfaceError)


def is_database_error(exc: BaseException) -> bool:
    return isinstance(exc, SQLAlchemyError | sqlite3.Error) or _is_driver_error(exc)


def classify(exc: BaseException) -> Failure | None:
    """The kind of database failure `exc` is, or None when it is not a database error."""
    if not is_database_error(exc):
        return None
    if isinstance(exc, BusyWithImportError):
        return Failure.IMPORT_BUSY
    driver: BaseException = exc.orig if isinstance(exc, DBAPIError) and exc.orig else exc
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return Failure.UNREACHABLE  # the driver saw the connection drop
    state = getattr(driver, "sqlstate", None)
    if isinstance(state, str):
        return _first(_PG_STATES, state.startswith)
    if type(driver).__module__.startswith("psycopg") and isinstance(driver, _psycopg_link_errors()):
        # No SQLSTATE: libpq itself failed (refused, reset, lost), the server said nothing.
        return Failure.UNREACHABLE
    name = getattr(driver, "sqlite_errorname", None)
    if isinstance(name, str):
        return _first(_SQLITE_NAMES, name.startswith)
    if _is_driver_error(driver) or isinstance(driver, sqlite3.Error):
        # SQLite's own messages name a constraint or a column, never a value.
        text = str(driver)
        return _first(_SQLITE_WORDS, text.__contains__)
    return Failure.OTHER


def _first(table: tuple[tuple[str, Failure], ...], matches: Callable[[str], bool]) -> Failure:
    return next((kind for key, kind in table if matches(key)), Failure.OTHER)


def error_type(exc: BaseException) -> str:
    """The exception's type, and the driver's beneath it: safe to log, says what happened."""
    driver = exc.orig if isinstance(exc, DBAPIError) else None
    inner = f" ({type(driver).__module__}.{type(driver).__name__})" if driver is not None else ""
    return f"{type(exc).__name__}{inner}"


def _is_driver_error(exc: BaseException) -> bool:
    # sqlcipher3 and psycopg raise their own DB-API classes, not sqlite3's.
    module = type(exc).__module__
    return module.startswith(("sqlcipher3", "psycopg")) and isinstance(exc, Exception)
