"""Trying an agency's PostgreSQL server before the program is pointed at it for good."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import inspect, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from db import users
from db.engine import make_engine
from db.location import DatabaseLocationError, check_url
from db.models import User

CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True)
class ServerProbe:
    problem: str | None  # one line saying why the server cannot be used; None when it can
    version: str = ""
    accounts: int | None = None  # None: the database has no tables of ours yet


def probe_server(url: str) -> ServerProbe:
    """Connect once, read the server's version and how many accounts its database has."""
    if not url.startswith("postgresql"):
        return ServerProbe("not a PostgreSQL address (postgresql+psycopg://user@server/agency)")
    try:
        check_url(url)
    except DatabaseLocationError as exc:  # the driver is missing, or the URL is malformed
        return ServerProbe(str(exc).removeprefix(f"--db {url}: "))
    engine = make_engine(
        url, poolclass=NullPool, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
    )
    try:
        with engine.connect() as connection:
            version = str(connection.execute(text("SHOW server_version")).scalar())
            if not inspect(connection).has_table(User.__tablename__):
                return ServerProbe(None, version, None)
            with Session(bind=connection) as session:
                return ServerProbe(None, version, users.count(session))
    except SQLAlchemyError as exc:
        # The driver's words about a connection (refused, no such host, wrong password)
        # carry no client data and tell the person what to fix.
        cause = getattr(exc, "orig", None) or exc
        lines = [line for line in str(cause).splitlines() if line.strip()]
        return ServerProbe(lines[0].strip() if lines else type(cause).__name__)
    finally:
        engine.dispose()
