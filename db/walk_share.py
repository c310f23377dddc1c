"""One moment of the database shared by a report's walk workers (reports.datasets.walk_split).

Each worker process opens its own connection to the parent's database and must read
exactly what the parent reads:

- PostgreSQL: the parent's REPEATABLE READ transaction exports its snapshot
  (pg_export_snapshot) and every worker's REPEATABLE READ transaction imports it
  (SET TRANSACTION SNAPSHOT), so all of them see one state, whatever commits meanwhile.
- SQLite (WAL) cannot share a snapshot. Every write of this program appends an audit
  row with an increasing id in its own transaction (db.audit), so a reader whose newest
  audit id is the parent's reads the parent's state; a worker that finds another id says
  so (`joined` returns False) and its part is walked again in the parent.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, func, make_url, select, text
from sqlalchemy.orm import Session

from db import cipher
from db.cipher import Passphrase
from db.engine import Database, key_of, make_engine
from db.models import AuditEntry

_SNAPSHOT_ID = re.compile(r"^[0-9A-Fa-f-]+$")


@dataclass(frozen=True)
class Opening:
    """What a worker needs to open the parent's database: sent over the worker's pipe only
    (the URL may hold a server password, the key opens an encrypted file)."""

    url: str
    key: Passphrase | None

    def __repr__(self) -> str:
        return "Opening(<hidden>)"


def worker_database(opening: Opening) -> Database:
    """The database as a worker opens it. A SQLite file is opened read-only: a connection
    that may write checkpoints the WAL and deletes the -wal and -shm when it closes as the
    last user of the file, and it judges that by POSIX locks, which a process loses on
    every one of its file's locks when it closes any handle of the file (the start-up
    checks read its header with plain file calls). A worker would then take the files
    from under the program still using them; a read-only connection never does."""
    url = make_url(opening.url)
    if url.get_backend_name() != "sqlite":
        return Database(opening.url)
    module: Any = cipher.driver() if opening.key is not None else sqlite3
    target = f"file:{quote(str(Path(url.database or '').absolute()))}?mode=ro"

    def connect() -> Any:
        return module.connect(target, uri=True, check_same_thread=False)

    engine = make_engine(opening.url, opening.key, creator=connect)
    return Database(opening.url, engine=engine, key=opening.key)


def opening_of(session: Session) -> Opening | None:
    """How another process opens `session`'s database; None when it cannot (in memory)."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    url = engine.url
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        return None
    return Opening(url.render_as_string(hide_password=False), key_of(engine))


def read_at_one_moment(session: Session) -> None:
    """Make `session`'s read one state of the database: on PostgreSQL a REPEATABLE READ
    transaction (the first statement of it); SQLite's read transaction already is one."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))


def moment_of(session: Session) -> str:
    """The moment `session` reads, for `joined`: its exported snapshot on PostgreSQL, the
    newest audit row (seq) on SQLite. Call it inside the read transaction the workers share."""
    if session.get_bind().dialect.name == "postgresql":
        return str(session.execute(text("SELECT pg_export_snapshot()")).scalar_one())
    return str(_newest_audit(session))


def joined(session: Session, moment: str) -> bool:
    """Begin `session`'s read at `moment`; False (SQLite) when the database has moved on
    since, so this session would read another state than the parent."""
    if session.get_bind().dialect.name == "postgresql":
        if not _SNAPSHOT_ID.match(moment):
            raise ValueError("not a snapshot id")
        session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
        # A utility statement takes no bound parameter: the id is checked above.
        session.execute(text(f"SET TRANSACTION SNAPSHOT '{moment}'"))
        return True
    return str(_newest_audit(session)) == moment


def _newest_audit(session: Session) -> int:
    return int(session.execute(select(func.coalesce(func.max(AuditEntry.seq), 0))).scalar_one())
