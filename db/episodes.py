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
    episode_id: int | None = None  # the episode it is stored in now


@dataclass(frozen=True, slots=True)
class StoredEpisodeRow:
    """A stored episode as the rule builds one."""

    id: int
    client_id: int
    opened_on: dt.date
    closed_on: dt.date | None
    reentry: bool


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


_TIMELINE_COLUMNS = (
    Assessment.id,
    Assessment.client_id,
    Assessment.assessed_on,
    Assessment.kind,
    Assessment.contact_status,
    Assessment.episode_id,
)
# A correction rebuilds one client: its statements compiled once (db/driver.py).
_ONE_TIMELINE = Prepared(
    select(*_TIMELINE_COLUMNS, Assessment.voided_at.is_not(None))
    .where(Assessment.client_id == bindparam("client_id"))
    .order_by(Assessment.assessed_on)
)
_ONE_CLIENTS_EPISODES = Prepared(
    select(Episode.id, Episode.client_id, Episode.opened_on, Episode.closed_on, Episode.reentry)
    .where(Episode.client_id == bindparam("client_id"))
    .order_by(Episode.opened_on, Episode.id)
)


def timelines(session: Session, client_ids: Sequence[int]) -> list[TimelineRow]:
    """The live (not voided) assessments of these clients, by client and date."""
    return [row for row, voided in every_assessment(session, client_ids) if not voided]


def every_assessment(session: Session, client_ids: Sequence[int]) -> list[tuple[TimelineRow, bool]]:
    """Every assessment of these clients by client and date, with whether it is voided."""
    rows: Sequence[Any]
    if len(client_ids) == 1:
        rows = _ONE_TIMELINE.rows(session.connection(), {"client_id": client_ids[0]})
    else:
        rows = session.execute(
            select(*_TIMELINE_COLUMNS, Assessment.voided_at.is_not(None))
            .where(Assessment.client_id.in_(list(client_ids)))
            .order_by(Assessment.client_id, Assessment.assessed_on)
        ).all()
    return [(TimelineRow(*row[:-1]), bool(row[-1])) for row in rows]


def stored_episodes(session: Session, client_ids: Sequence[int]) -> list[StoredEpisodeRow]:
    """These clients' episodes as stored, by client and opening date."""
    if len(client_ids) == 1:
        rows = _ONE_CLIENTS_EPISODES.rows(session.connection(), {"client_id": client_ids[0]})
        return [StoredEpisodeRow(*row) for row in rows]
    found = session.execute(
        select(Episode.id, Episode.client_id, Episode.opened_on, Episode.closed_on, Episode.reentry)
        .where(Episode.client_id.in_(list(client_ids)))
        .order_by(Episode.client_id, Episode.opened_on, Episode.id)
    )
    return [StoredEpisodeRow(*row) for row in found]


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
