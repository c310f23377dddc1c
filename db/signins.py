"""Failed sign-ins and locked user names, as stored; the rules are in forms/accounts.py.

Names are kept folded to lower case, as the accounts' user names are compared.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from db.models import SignInFailure, SignInLock

NAME_WIDTH = 60  # the column's size; a longer name typed is cut to it


def _key(username: str) -> str:
    return username.strip().lower()[:NAME_WIDTH]


def failure_times(session: Session, username: str) -> list[dt.datetime]:
    """When each failure since the last sign-in or unlock happened, oldest first (UTC)."""
    rows = session.scalars(
        select(SignInFailure.failed_at)
        .where(SignInFailure.username == _key(username))
        .order_by(SignInFailure.failed_at)
    )
    return [_utc(t) for t in rows]


def add_failure(session: Session, username: str, at: dt.datetime, workstation: str) -> None:
    session.add(SignInFailure(username=_key(username), failed_at=at, workstation=workstation))
    session.flush()


def clear_failures(session: Session, username: str) -> None:
    session.execute(delete(SignInFailure).where(SignInFailure.username == _key(username)))


def lock(session: Session, username: str, at: dt.datetime, failures: int) -> None:
    if session.get(SignInLock, _key(username)) is None:
        session.add(SignInLock(username=_key(username), locked_at=at, failures=failures))
        session.flush()


def locked_since(session: Session, username: str) -> dt.datetime | None:
    found = session.get(SignInLock, _key(username))
    return None if found is None else _utc(found.locked_at)


def unlock(session: Session, username: str) -> bool:
    """Lift the lock and forget the failures; whether the name was locked."""
    result = session.execute(delete(SignInLock).where(SignInLock.username == _key(username)))
    clear_failures(session, username)
    return bool(getattr(result, "rowcount", 0))


def locked_names(session: Session) -> dict[str, dt.datetime]:
    return {row.username: _utc(row.locked_at) for row in session.scalars(select(SignInLock))}


def failure_count(session: Session, username: str) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(SignInFailure)
            .where(SignInFailure.username == _key(username))
        )
        or 0
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; they were stored in UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
