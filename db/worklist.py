"""What the due follow-ups worklist reads: recent assessments and what happened since.

Only assessments from a start date on are read (the caller derives it from
today and the follow-up points: the intake whose last window closed a month
ago), in one range scan of the assessment-date index, so the list costs the
recent activity of the agency, not its whole history.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from db import codes
from db.models import Assessment, Client, Event, FollowUpAttempt

CHUNK = 500


@dataclass(frozen=True, slots=True)
class DueClient:
    client_id: int
    client_code: str
    given_name: str
    family_name: str
    preferred_name: str | None
    phone: str | None  # None without consent to contact
    consent_contact: bool


@dataclass(frozen=True, slots=True)
class AssessmentDate:
    assessed_on: dt.date
    kind: str
    contact_status: str


@dataclass(frozen=True, slots=True)
class Attempt:
    intake_on: dt.date
    point_months: int
    attempted_on: dt.date
    method: str
    outcome: str
    note: str | None


def assessments_since(session: Session, first: dt.date) -> dict[int, list[AssessmentDate]]:
    """Every assessment dated `first` or later, by client, in date order."""
    query = (
        select(
            Assessment.client_id, Assessment.assessed_on, Assessment.kind, Assessment.contact_status
        )
        .where(Assessment.voided_at.is_(None), Assessment.assessed_on >= first)
        .order_by(Assessment.client_id, Assessment.assessed_on)
    )
    found: dict[int, list[AssessmentDate]] = defaultdict(list)
    for client_id, day, kind, status in session.execute(query):
        found[client_id].append(AssessmentDate(day, kind, status))
    return found


def clients(session: Session, ids: Sequence[int]) -> list[DueClient]:
    """Names and contact details of these clients (those merged away are left out)."""
    found: list[DueClient] = []
    for start in range(0, len(ids), CHUNK):
        query = select(
            Client.id,
            Client.client_code,
            Client.given_name,
            Client.family_name,
            Client.preferred_name,
            # The phone of a client who did not consent to be contacted is not even read.
            case((Client.consent_contact.is_(True), Client.phone), else_=None),
            Client.consent_contact,
        ).where(Client.id.in_(list(ids[start : start + CHUNK])), Client.merged_into_id.is_(None))
        found.extend(DueClient(*row) for row in session.execute(query))
    return found


def deaths(session: Session) -> dict[int, dt.date]:
    """The earliest recorded death of each client who has one."""
    # No ORDER BY: SQLite would walk the date index over every event to honour it.
    query = select(Event.client_id, Event.occurred_on).where(
        Event.voided_at.is_(None), Event.event == codes.DEATH
    )
    found: dict[int, dt.date] = {}
    for client_id, day in session.execute(query):
        if client_id not in found or day < found[client_id]:
            found[client_id] = day
    return found


def attempts_since(session: Session, first: dt.date) -> dict[int, list[Attempt]]:
    """Contact attempts for the follow-ups of intakes from `first` on, oldest first."""
    query = (
        select(
            FollowUpAttempt.client_id,
            FollowUpAttempt.intake_on,
            FollowUpAttempt.point_months,
            FollowUpAttempt.attempted_on,
            FollowUpAttempt.method,
            FollowUpAttempt.outcome,
            FollowUpAttempt.note,
        )
        .where(FollowUpAttempt.voided_at.is_(None), FollowUpAttempt.intake_on >= first)
        .order_by(FollowUpAttempt.attempted_on, FollowUpAttempt.id)
    )
    found: dict[int, list[Attempt]] = defaultdict(list)
    for client_id, intake_on, months, day, method, outcome, note in session.execute(query):
        found[client_id].append(Attempt(intake_on, months, day, method, outcome, note))
    return found
