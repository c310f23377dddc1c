"""Assessments with their substance records, and the service episodes they open and close.

The save path is Core statements in one BEGIN IMMEDIATE transaction: one
look-up for the client and its episodes, then the inserts. A second
assessment on the same date is caught by the unique constraint rather than
by another query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import audit, codes, status_rows
from db.access import Actor, Permission
from db.episodes import EpisodeError, EpisodeRow, change_for
from db.models import Assessment, Client, Episode, SubstanceRecord

__all__ = ["EpisodeError"]

ASSESSMENT_COLUMNS = (
    "assessed_on",
    "kind",
    "contact_status",
    "last_use_on",
    "injecting_days_28",
    "shared_equipment",
    "offending_days_28",
    "work_days_28",
    "housing_problem",
    "psych_health",
    "physical_health",
    "quality_of_life",
    "medication",
    "medication_as_prescribed",
    "controlled_environment",
    *(f"barc10_{i}" for i in range(1, 11)),
    "goal",
    "self_identified_recovery",
    "prior_recovery_attempts",
)
SUBSTANCE_COLUMNS = (
    "substance_class",
    "primary",
    "criteria",
    "criteria_last_met_on",
    "use_days_28",
)


@dataclass(frozen=True)
class SaveContext:
    """What a save needs to know about the client, read in one statement."""

    client_id: int
    client_code: str
    birth_date: dt.date
    episodes: list[EpisodeRow]


def criteria_text(criteria: str | Iterable[str] | None) -> str:
    """Criteria codes as stored: joined with ';' in the order of the code list."""
    chosen = set(criteria.split(";")) if isinstance(criteria, str) else set(criteria or ())
    return ";".join(c for c in codes.CRITERIA if c in chosen)


def as_dict(assessment: Assessment) -> dict[str, Any]:
    return {key: getattr(assessment, key) for key in ASSESSMENT_COLUMNS}


# Built once: a statement object caches its compiled form and cache key.
_CONTEXT = (
    select(Client.client_code, Client.birth_date, Episode.id, Episode.opened_on, Episode.closed_on)
    .outerjoin(Episode, Episode.client_id == Client.id)
    .where(Client.id == bindparam("client_id"))
)
_LAST_COMPLETED = select(func.max(Assessment.assessed_on)).where(
    Assessment.client_id == bindparam("client_id"),
    Assessment.contact_status == "completed",
    Assessment.assessed_on < bindparam("day"),
)


def save_context(session: Session, client_id: int) -> SaveContext | None:
    rows = session.connection().execute(_CONTEXT, {"client_id": client_id}).all()
    if not rows:
        return None
    episodes = [EpisodeRow(r[2], r[3], r[4]) for r in rows if r[2] is not None]
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
    values: Mapping[str, Any],
    substances: Sequence[Mapping[str, Any]],
) -> int:
    """Store one assessment, its substances, its episode change and the audit row."""
    actor.require(Permission.ENTER_DATA)
    conn = session.connection()
    day: dt.date = values["assessed_on"]
    last_seen = _last_completed_before(session, context, values["kind"], day)
    change = change_for(context.episodes, values["kind"], day, last_seen)
    if change.close is not None:
        conn.execute(
            update(Episode).where(Episode.id == change.close[0]).values(closed_on=change.close[1])
        )
    episode_id = change.use_id
    if episode_id is None:
        episode_id = conn.execute(
            insert(Episode),
            {"client_id": context.client_id, "opened_on": day, "reentry": change.reentry},
        ).inserted_primary_key[0]  # type: ignore[index]
    row = {k: values.get(k) for k in ASSESSMENT_COLUMNS}
    assessment_id = _insert_assessment(session, context, episode_id, row)
    rows = [_substance_row(assessment_id, s) for s in substances]
    if rows:
        conn.execute(insert(SubstanceRecord), rows)
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
    session: Session, context: SaveContext, episode_id: int, row: dict[str, Any]
) -> int:
    now = dt.datetime.now(dt.UTC)
    params = {
        "client_id": context.client_id,
        "episode_id": episode_id,
        "created_at": now,
        "updated_at": now,
        "version": 1,
        **row,
    }
    try:
        # Parameters passed beside a plain insert() skip per-call statement building.
        result = session.connection().execute(insert(Assessment), params)
    except IntegrityError as exc:
        # The whole save is abandoned either way; the message names the field.
        if "assessed_on" in str(exc.orig):
            raise EpisodeError(
                "assessed_on",
                f"There is already an assessment for this client on {row['assessed_on']}",
            ) from None
        raise
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def _last_completed_before(
    session: Session, context: SaveContext, kind: str, day: dt.date
) -> dt.date | None:
    # Needed only to tell a re-entry, and only once the client has had an episode.
    if kind != "intake" or not context.episodes:
        return None
    return (
        session.connection()
        .execute(_LAST_COMPLETED, {"client_id": context.client_id, "day": day})
        .scalar()
    )


def _substance_row(assessment_id: int, values: Mapping[str, Any]) -> dict[str, Any]:
    row = {k: values.get(k) for k in SUBSTANCE_COLUMNS}
    row["criteria"] = criteria_text(row["criteria"])
    row["primary"] = bool(row["primary"])
    row["assessment_id"] = assessment_id
    return row
