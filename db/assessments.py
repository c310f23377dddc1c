"""Assessments with their substance records, and the service episodes they open and close."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db import audit, codes
from db.access import Actor, Permission
from db.models import Assessment, Client, Episode, SubstanceRecord

REENTRY_GAP_DAYS = 90
ASSESSMENT_COLUMNS = (
    "assessed_on", "kind", "contact_status", "last_use_on", "injecting_days_28",
    "shared_equipment", "offending_days_28", "work_days_28", "housing_problem", "psych_health",
    "physical_health", "quality_of_life", "medication", "medication_as_prescribed",
    "controlled_environment", *(f"barc10_{i}" for i in range(1, 11)), "goal",
    "self_identified_recovery", "prior_recovery_attempts",
)
SUBSTANCE_COLUMNS = ("substance_class", "primary", "criteria", "criteria_last_met_on",
                     "use_days_28")


class EpisodeError(ValueError):
    """The assessment does not fit the client's episodes; `field` names the field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def criteria_text(criteria: object) -> str:
    """Criteria codes as stored: joined with ';' in the order of the code list."""
    chosen = set(criteria.split(";")) if isinstance(criteria, str) else set(criteria or ())  # type: ignore[call-overload]
    return ";".join(c for c in codes.CRITERIA if c in chosen)


def as_dict(assessment: Assessment) -> dict[str, Any]:
    return {key: getattr(assessment, key) for key in ASSESSMENT_COLUMNS}


def on_date(session: Session, client_id: int, day: dt.date) -> Assessment | None:
    return session.scalar(select(Assessment).where(
        Assessment.client_id == client_id, Assessment.assessed_on == day))


def for_client(session: Session, client_id: int) -> list[Assessment]:
    return list(session.scalars(select(Assessment).where(Assessment.client_id == client_id)
                                .order_by(Assessment.assessed_on)))


def substances_of(session: Session, assessment_ids: Sequence[int]) -> list[SubstanceRecord]:
    if not assessment_ids:
        return []
    return list(session.scalars(select(SubstanceRecord).where(
        SubstanceRecord.assessment_id.in_(list(assessment_ids)))
        .order_by(SubstanceRecord.assessment_id, SubstanceRecord.id)))


def add(
    session: Session, actor: Actor, client: Client, values: Mapping[str, Any],
    substances: Sequence[Mapping[str, Any]],
) -> Assessment:
    """Store one assessment, its substances, its episode change and the audit row."""
    actor.require(Permission.ENTER_DATA)
    day: dt.date = values["assessed_on"]
    if on_date(session, client.id, day) is not None:
        raise EpisodeError("assessed_on", f"There is already an assessment for this client on "
                                          f"{day.isoformat()}")
    episode = _episode_for(session, client.id, values["kind"], day)
    assessment = Assessment(client_id=client.id, episode_id=episode.id,
                            **{k: values.get(k) for k in ASSESSMENT_COLUMNS})
    session.add(assessment)
    session.flush()
    rows = [_substance_row(assessment.id, s) for s in substances]
    if rows:
        session.execute(SubstanceRecord.__table__.insert(), rows)
    audit.record(session, actor, "create", "assessment", assessment.id,
                 after={**as_dict(assessment), "client_code": client.client_code,
                        "substances": rows})
    return assessment


def _substance_row(assessment_id: int, values: Mapping[str, Any]) -> dict[str, Any]:
    row = {k: values.get(k) for k in SUBSTANCE_COLUMNS}
    row["criteria"] = criteria_text(row["criteria"])
    row["primary"] = bool(row["primary"])
    row["assessment_id"] = assessment_id
    return row


def _episode_for(session: Session, client_id: int, kind: str, day: dt.date) -> Episode:
    latest = session.scalar(select(Episode).where(
        Episode.client_id == client_id, Episode.opened_on <= day)
        .order_by(Episode.opened_on.desc()).limit(1))
    if kind == "intake":
        return _open_episode(session, client_id, day, latest)
    if latest is None:
        raise EpisodeError("kind", "Record an intake before a follow-up or discharge")
    if latest.closed_on is not None and latest.closed_on < day:
        raise EpisodeError("kind", f"The episode was closed by a discharge on "
                                   f"{latest.closed_on.isoformat()}; record a new intake")
    if kind == "discharge":
        latest.closed_on = day
    return latest


def _open_episode(session: Session, client_id: int, day: dt.date,
                  latest: Episode | None) -> Episode:
    reentry = False
    if latest is not None:
        last_seen = session.scalar(select(Assessment.assessed_on).where(
            Assessment.client_id == client_id, Assessment.contact_status == "completed",
            Assessment.assessed_on < day).order_by(Assessment.assessed_on.desc()).limit(1))
        gap = (day - last_seen).days if last_seen else REENTRY_GAP_DAYS + 1
        reentry = latest.closed_on is not None or gap > REENTRY_GAP_DAYS
        if latest.closed_on is None:
            latest.closed_on = last_seen or latest.opened_on
    episode = Episode(client_id=client_id, opened_on=day, reentry=reentry)
    session.add(episode)
    session.flush()
    return episode


def replace_substances(session: Session, assessment_id: int,
                       substances: Sequence[Mapping[str, Any]]) -> None:
    session.execute(delete(SubstanceRecord).where(SubstanceRecord.assessment_id == assessment_id))
    rows = [_substance_row(assessment_id, s) for s in substances]
    if rows:
        session.execute(SubstanceRecord.__table__.insert(), rows)
