"""Contact attempts for due follow-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit
from db.access import Actor, Permission
from db.models import FollowUpAttempt


def add_attempt(
    session: Session,
    actor: Actor,
    client_id: int,
    intake_on: dt.date,
    point_months: int,
    values: Mapping[str, Any],
) -> FollowUpAttempt:
    actor.require(Permission.ENTER_DATA)
    attempt = FollowUpAttempt(
        client_id=client_id,
        intake_on=intake_on,
        point_months=point_months,
        user_id=actor.user_id,
        entered_by_id=actor.user_id,
        **values,
    )
    session.add(attempt)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "followup_attempt",
        attempt.id,
        after={
            "client_id": client_id,
            "intake_on": intake_on,
            "point_months": point_months,
            **dict(values),
        },
    )
    return attempt


def attempts_for(session: Session, client_id: int) -> list[FollowUpAttempt]:
    return list(
        session.scalars(
            select(FollowUpAttempt)
            .where(FollowUpAttempt.client_id == client_id)
            .order_by(FollowUpAttempt.attempted_on)
        )
    )
