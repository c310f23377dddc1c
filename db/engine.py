"""Engines and sessions.

SQLite runs in WAL mode with synchronous=FULL so that an acknowledged save
survives a power cut; writes take the lock up front (BEGIN IMMEDIATE) so two
workstations never deadlock half-way through a save. Reads use a plain BEGIN
and so never block a writer.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError

# Session is also the type forms/ and reports/ give the handle that reading() and
# writing() hand out; only db/ runs statements on it (the import contracts).
from sqlalchemy.orm import Session, sessionmaker

from db import cipher, import_guard, write_queue
from db.cipher import Passphrase
from db.failures import BusyWithImportError, Failure, classify

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
# How long a save waits behind an import before it is told the database is busy with one.
IMPORT_WAIT_MS = 5_000
# Between two tries for the write lock.
_RETRY_S = 0.001
_IMMEDIATE = "recovery_desk_immediate"


def make_engine(url: str, key: Passphrase | None = None, **kwargs: Any) -> Engine:
    """An engine for `url`; with `key`, a SQLite file is opened through SQLCipher."""
    # Statement parameters are client data: they must never reach an error message or a log.
    kwargs.setdefault("hide_parameters", True)
    if key is not None:
        kwargs["module"] = cipher.driver()
    if url.startswith("postgresql"):
        # A server restart or a dropped network kills the pooled connections; test each
        # one before use so the next save after it reconnects instead of failing.
        kwargs.setdefault("pool_pre_ping", True)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, key)
    if key is not None:
        _KEYS[engine] = key
    return engine


# The key each encrypted engine opens its file with: a report's walk workers open the
# same file (db.walk_share), and get the key over their pipe, never argv or environment.
_KEYS: weakref.WeakKeyDictionary[Engine, Passphrase] = weakref.WeakKeyDictionary()


def key_of(engine: Engine) -> Passphrase | None:
    """The SQLCipher key `engine` was made with; None for a plain file or a server."""
    return _KEYS.get(engine)


def _configure_sqlite(engine: Engine, key: Passphrase | None) -> None:
    path = Path(engine.url.database or "")

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        if key is not None:  # before anything reads the file
            cipher.apply_key(dbapi_connection, key, path)
        # Let SQLAlchemy's "begin" event below issue BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def end_turn(_conn: Any) -> None:
        # Fired as the commit starts: the next writer queues for SQLite's lock while this
        # one's commit is written, and takes it the moment the commit is done.
        if (turn := _turn(engine)) is not None:
            write_queue.release(turn)

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(_IMMEDIATE, False):
            _begin_immediate(conn, engine)
        else:
            conn.exec_driver_sql("BEGIN")


def _begin_immediate(conn: Any, engine: Engine) -> None:
    """Take the write lock, trying again every millisecond while another writer has it.

    SQLite's own busy handler sleeps 25, 50, then 100 ms between tries: desks that
    save one after another took the lock back each time in the moment between two of
    a sleeper's tries, and one desk's save waited seconds (tests/drills/save_stall.py).
    A try costs microseconds, so a waiting writer takes the lock within about a
    millisecond of its release.

    An import writes the database in one short transaction at its end
    (db/import_stage.py), so a save made meanwhile waits for it and goes through. One
    still refused after IMPORT_WAIT_MS while an import holds the database (an --update
    import writes for longer) stops with BusyWithImportError rather than freezing its
    window for the whole BUSY_TIMEOUT_MS; any other writer waits that long."""
    began = time.monotonic()
    turn = _turn(engine)
    if turn is not None and not write_queue.holds(turn):
        write_queue.take(turn, IMPORT_WAIT_MS / 1000)  # released by Database.writing
    _driver_sql(conn, _NO_WAIT)
    try:
        while True:
            try:
                _driver_sql(conn, "BEGIN IMMEDIATE")
                return
            except OperationalError as exc:
                waited = time.monotonic() - began
                if classify(exc) is not Failure.LOCKED or waited >= BUSY_TIMEOUT_MS / 1000:
                    raise
                if waited >= IMPORT_WAIT_MS / 1000 and _behind_import(engine):
                    raise BusyWithImportError() from exc
            time.sleep(_RETRY_S)
    finally:
        _driver_sql(conn, _FULL_WAIT)


def _bounded_lock_waits(session: Session) -> None:
    """On a server, a save's wait for a lock ends after IMPORT_WAIT_MS: a code a desk typed
    that a running import has loaded, or a record it is changing, holds the save until the
    import commits, minutes maybe; the clinician is told instead (BusyWithImportError)."""
    session.connection().exec_driver_sql(f"SET LOCAL lock_timeout = {int(IMPORT_WAIT_MS)}")


def _turn(engine: Engine) -> Path | None:
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return write_queue.turn_path(database)


def _behind_import(engine: Engine) -> bool:
    return not import_guard.holds_import() and import_guard.import_running(engine)


_NO_WAIT = "PRAGMA busy_timeout = 0"
_FULL_WAIT = f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}"


def _driver_sql(conn: Any, sql: str) -> None:
    """`sql` on the driver's cursor: every save begins with these three statements, and
    SQLAlchemy's execution of each cost more CPU than SQLite's (see db/driver.py)."""
    dbapi = conn.dialect.loaded_dbapi
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql)
    except dbapi.Error as exc:
        raise DBAPIError.instance(sql, None, exc, dbapi.Error, hide_parameters=True) from exc
    finally:
        cursor.close()


class DatabaseUnusableError(RuntimeError):
    """The database cannot be used safely; the message tells the user what to do."""


class DatabaseReadOnlyError(DatabaseUnusableError):
    """The database may be read but not written: the program cannot work on it."""


class FileCheck:
    """A file check running in a thread; writes wait for its verdict."""

    def __init__(self, check: Callable[[], str | None]) -> None:
        self._done = threading.Event()
        self._problem: str | None = None
        self._thread = threading.Thread(
            target=self._run, args=(check,), daemon=True, name="database-file-check"
        )
        self._thread.start()

    def _run(self, check: Callable[[], str | None]) -> None:
        try:
            self._problem = check()
        except Exception as exc:  # a failing check must still release the writers
            self._problem = f"could not be checked ({exc})"
        finally:
            self._done.set()

    def result(self, timeout: float | None = None) -> str | None:
        """The problem found, or None for a healthy file; waits up to `timeout`."""
        if not self._done.wait(timeout):
            raise TimeoutError("the database check is still running")
        return self._problem

    @property
    def done(self) -> bool:
        return self._done.is_set()


class Database:
    """One database: an engine plus the two kinds of session the program uses."""

    def __init__(
        self, url: str, engine: Engine | None = None, key: Passphrase | None = None
    ) -> None:
        self.url = url
        self.key = key  # the SQLCipher key of an encrypted file; backups use it too
        self.engine = engine or make_engine(url, key)
        writer = self.engine.execution_options(**{_IMMEDIATE: True})
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(writer, expire_on_commit=False)
        self.file_check: FileCheck | None = None

    def check_file_in_background(
        self, check: Callable[[], str | None], damaged: Callable[[str], str]
    ) -> None:
        """Run `check` in a thread; until it passes, nothing is written (see `writing`).
        `damaged` turns the problem found into the message for the person."""
        self.file_check = FileCheck(check)
        self._damaged_message = damaged

    def require_healthy_file(self) -> None:
        """Wait for the background file check; raise if it found damage. Writers of the
        database and of reports call this, so neither comes from a damaged file."""
        if self.file_check is not None:
            self.file_check.result()
            if (message := self.file_problem()) is not None:
                raise DatabaseUnusableError(message)

    @contextmanager
    def explaining_damage(self) -> Iterator[None]:
        """Report any failure inside as the file's damage, when the check finds some:
        garbled data fails in many ways, and only the damage tells the person what to do."""
        try:
            yield
        except Exception:
            self.require_healthy_file()
            raise

    def file_problem(self) -> str | None:
        """The message for a damaged file once the background check has found one."""
        check = self.file_check
        if check is None or not check.done or check.result() is None:
            return None
        return self._damaged_message(check.result() or "")

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A short read-only unit of work; objects stay readable after it closes."""
        with self._read() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction: committed whole on success, rolled back whole on error.

        While an import runs (db/import_guard.py), a write from anywhere else goes
        through as usual; only one that waited in vain for a lock the import holds
        raises BusyWithImportError (on SQLite after IMPORT_WAIT_MS, see _begin_immediate;
        on a server a row lock waited for that long, see _bounded_lock_waits)."""
        self.require_healthy_file()
        own_import = import_guard.holds_import()
        turn = _turn(self.engine)
        # The writer's turn (db/write_queue.py), taken when it began, ends after its commit.
        own_turn = turn is not None and write_queue.holds(turn)
        try:
            with self._write() as session, session.begin():
                if not own_import and not self.is_sqlite:
                    _bounded_lock_waits(session)
                yield session
        except Exception as exc:
            if own_import or classify(exc) is not Failure.LOCKED:
                raise
            if not import_guard.import_running(self.engine):
                raise
            raise BusyWithImportError() from exc
        finally:
            if turn is not None and not own_turn:
                write_queue.release(turn)

    @contextmanager
    def importing(self) -> Iterator[None]:
        """Mark the database as held by an import in this thread (db/import_guard.py)."""
        with import_guard.importing(self.engine):
            yield

    def dispose(self) -> None:
        self.engine.dispose()
