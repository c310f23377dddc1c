"""Assessments with their substance records: the save path and the reads.

The save path is Core statements in one BEGIN IMMEDIATE transaction: one
look-up for the client and its episodes (forms/ applies the episode rule to
them, db.episodes writes the change), then the inserts. A second
assessment on the same date is caught by the unique constraint rather than
by another query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import audit, codes, status_rows
from db.access import Actor, Permission
from db.driver import Prepared
from db.episodes import StoredEpisode
from db.models import Assessment, Client, Episode, SubstanceRecord

# The answers are declared once, as the model's columns; every list of them (the
# save, the import, the histories the rules read, the demo) derives from these.
# Who entered a record and its void are bookkeeping too: corrections write them, not forms.
_BOOKKEEPING = frozenset(
    {"id", "client_id", "episode_id", "created_at", "updated_at", "version", "entered_by_id"}
    | {"voided_at", "voided_by", "void_reason", "void_note"}
)
ASSESSMENT_COLUMNS = tuple(c.key for c in Assessment.__table__.columns if c.key not in _BOOKKEEPING)
SUBSTANCE_COLUMNS = tuple(
    c.key for c in SubstanceRecord.__table__.columns if c.key not in ("id", "assessment_id")
)


class DuplicateDateError(ValueError):
    """The client already has an assessment on `day` (forms/ says it in the person's
    language from the day; the English sentence is the error's own text)."""

    field = "assessed_on"

    def __init__(self, day: dt.date) -> None:
        super().__init__(f"There is already an assessment for this client on {day}")
        self.day = day


@dataclass(frozen=True)
class SaveContext:
    """What a save needs to know about the client, read in one statement."""

    client_id: int
    client_code: str
    birth_date: dt.date
    episodes: list[StoredEpisode]


def criteria_text(criteria: str | Iterable[str] | None) -> str:
    """Criteria codes as stored: joined with ';' in the order of the code list."""
    chosen = set(criteria.split(";")) if isinstance(criteria, str) else set(criteria or ())
    return ";".join(c for c in codes.CRITERIA if c in chosen)


def as_dict(assessment: Assessment) -> dict[str, Any]:
    return {key: getattr(assessment, key) for key in ASSESSMENT_COLUMNS}


# The statements of every save, compiled once (db/driver.py says why).
_CONTEXT = Prepared(
    select(Client.client_code, Client.birth_date, Episode.id, Episode.opened_on, Episode.closed_on)
    .outerjoin(Episode, Episode.client_id == Client.id)
    .where(Client.id == bindparam("client_id"))
)
_BOOKKEEPING_GIVEN = ("client_id", "episode_id", "entered_by_id", "created_at", "updated_at")
_INSERT_ASSESSMENT = Prepared(
    insert(Assessment).returning(Assessment.id),
    [*_BOOKKEEPING_GIVEN, "version", *ASSESSMENT_COLUMNS],
)
_INSERT_SUBSTANCE = Prepared(insert(SubstanceRecord), ["assessment_id", *SUBSTANCE_COLUMNS])


def save_context(session: Session, client_id: int) -> SaveContext | None:
    rows = _CONTEXT.rows(session.connection(), {"client_id": client_id})
    if not rows:
        return None
    episodes = [StoredEpisode(r[2], r[3], r[4]) for r in rows if r[2] is not None]
    return SaveContext(client_id, rows[0][0], rows[0][1], episodes)


def for_client(session: Session, client_id: int) -> list[Assessment]:
    return list(
        session.scalars(
            select(Assessment)
            .where(Assessment.client_id == client_id)
            .order_by(Assessment.assessed_on)
        )
    )


def substances_of(session: Session, assessment_ids: Sequence[int]) -> list[SubstanceRecord]:
    if not assessment_ids:
        return []
    return list(
        session.scalars(
            select(SubstanceRecord)
            .where(SubstanceRecord.assessment_id.in_(list(assessment_ids)))
            .order_by(SubstanceRecord.assessment_id, SubstanceRecord.id)
        )
    )


def add(
    session: Session,
    actor: Actor,
    context: SaveContext,
    episode_id: int,
    values: Mapping[str, Any],
    substances: Sequence[Mapping[str, Any]],
) -> int:
    """Store one assessment in its episode, its substances and the audit row."""
    actor.require(Permission.ENTER_DATA)
    row = {k: values.get(k) for k in ASSESSMENT_COLUMNS}
    assessment_id = _insert_assessment(session, context, episode_id, row, actor.user_id)
    rows = [_substance_row(assessment_id, s) for s in substances]
    _INSERT_SUBSTANCE.execute_many(session.connection(), rows)
    status_rows.rebuild(session, [context.client_id])
    audit.record(
        session,
        actor,
        "create",
        "assessment",
        assessment_id,
        after={**row, "client_code": context.client_code, "substances": rows},
    )
    return int(assessment_id)


def _insert_assessment(
    session: Session,
    context: SaveContext,
    episode_id: int,
    row: dict[str, Any],
    entered_by_id: int | None,
) -> int:
    now = dt.datetime.now(dt.UTC)
    params = {
        "client_id": context.client_id,
        "episode_id": episode_id,
        "entered_by_id": entered_by_id,
        "created_at": now,
        "updated_at": now,
        "version": 1,
        **row,
    }
    try:
        ((assessment_id,),) = _INSERT_ASSESSMENT.rows(session.connection(), params)
    except IntegrityError as exc:
        # The whole save is abandoned either way; the message names the field.
        if "assessed_on" in str(exc.orig):
            raise DuplicateDateError(row["assessed_on"]) from None
        raise
    return int(assessment_id)


def _substance_row(assessment_id: int, values: Mapping[str, Any]) -> dict[str, Any]:
    row = {k: values.get(k) for k in SUBSTANCE_COLUMNS}
    row["criteria"] = criteria_text(row["criteria"])
    row["primary"] = bool(row["primary"])
    row["assessment_id"] = assessment_id
    return row
