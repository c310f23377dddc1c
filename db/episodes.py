"""Reading and writing service episodes; the rule that decides them is
`reports.rules.episodes`, which forms/ applies inside the saving transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from db.driver import Prepared
from db.models import Assessment, Base, Episode


@dataclass(frozen=True, slots=True)
class StoredEpisode:
    id: int
    opened_on: dt.date
    closed_on: dt.date | None


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """What the episode rule reads of one stored assessment."""

    id: int
    client_id: int
    assessed_on: dt.date
    kind: str
    contact_status: str


# Built once: a statement object caches its compiled form and cache key.
_LAST_COMPLETED = select(func.max(Assessment.assessed_on)).where(
    Assessment.client_id == bindparam("client_id"),
    Assessment.contact_status == "completed",
    Assessment.assessed_on < bindparam("day"),
    Assessment.voided_at.is_(None),
)


def last_completed_before(session: Session, client_id: int, day: dt.date) -> dt.date | None:
    """The date of the client's last completed assessment before `day`."""
    return (
        session.connection().execute(_LAST_COMPLETED, {"client_id": client_id, "day": day}).scalar()
    )


def close(session: Session, episode_id: int, closed_on: dt.date) -> None:
    session.connection().execute(
        update(Episode).where(Episode.id == episode_id).values(closed_on=closed_on)
    )


# Every intake of a new client runs it: compiled once (db/driver.py).
_OPEN = Prepared(insert(Episode).returning(Episode.id), ["client_id", "opened_on", "reentry"])


def open_episode(session: Session, client_id: int, opened_on: dt.date, reentry: bool) -> int:
    params = {"client_id": client_id, "opened_on": opened_on, "reentry": reentry}
    ((episode_id,),) = _OPEN.rows(session.connection(), params)
    return int(episode_id)


def timelines(session: Session, client_ids: Sequence[int]) -> list[TimelineRow]:
    """The live (not voided) assessments of these clients, by client and date."""
    rows = session.execute(
        select(
            Assessment.id,
            Assessment.client_id,
            Assessment.assessed_on,
            Assessment.kind,
            Assessment.contact_status,
        )
        .where(Assessment.client_id.in_(list(client_ids)), Assessment.voided_at.is_(None))
        .order_by(Assessment.client_id, Assessment.assessed_on)
    )
    return [TimelineRow(*row) for row in rows]


def delete_episodes(session: Session, client_ids: Sequence[int]) -> None:
    """Forget these clients' episodes (their assessments first), to build them again."""
    if not client_ids:
        return
    session.execute(
        update(Assessment).where(Assessment.client_id.in_(list(client_ids))).values(episode_id=None)
    )
    session.execute(delete(Episode).where(Episode.client_id.in_(list(client_ids))))


def insert_episodes(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """One executemany insert of complete episode rows (ids included)."""
    if rows:
        session.connection().execute(insert(Episode), list(rows))


def assign_episodes(session: Session, assignments: Sequence[tuple[int, int]]) -> None:
    """Set `episode_id` for (assessment id, episode id) pairs, in one executemany."""
    if not assignments:
        return
    table = Base.metadata.tables["assessments"]
    statement = (
        update(table).where(table.c.id == bindparam("aid")).values(episode_id=bindparam("eid"))
    )
    session.connection().execute(statement, [{"aid": a, "eid": e} for a, e in assignments])
