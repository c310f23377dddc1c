"""Dated events and anonymous-or-linked encounters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit, codes, status_rows
from db.access import Actor, Permission
from db.models import Encounter, Event

ENCOUNTER_COLUMNS = ("occurred_on", "area", *codes.ENCOUNTER_TALLIES, *codes.REFERRAL_COLUMNS)


def add_event(session: Session, actor: Actor, client_id: int, values: Mapping[str, Any]) -> Event:
    actor.require(Permission.ENTER_DATA)
    event = Event(
        client_id=client_id,
        occurred_on=values["occurred_on"],
        event=values["event"],
        count=values.get("count") or 1,
        entered_by_id=actor.user_id,
    )
    session.add(event)
    session.flush()
    # An arrest changes citizenship at d_last (DOMAIN.md §5); the stored status follows.
    status_rows.rebuild(session, [client_id])
    audit.record(
        session, actor, "create", "event", event.id, after={"client_id": client_id, **dict(values)}
    )
    return event


def add_encounter(
    session: Session, actor: Actor, client_id: int | None, values: Mapping[str, Any]
) -> Encounter:
    actor.require(Permission.ENTER_DATA)
    encounter = Encounter(
        client_id=client_id,
        entered_by_id=actor.user_id,
        **{k: values.get(k) for k in ENCOUNTER_COLUMNS},
    )
    for key in (*codes.ENCOUNTER_TALLIES, *codes.REFERRAL_COLUMNS):
        setattr(encounter, key, values.get(key) or 0)
    session.add(encounter)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "encounter",
        encounter.id,
        after={"client_id": client_id, **dict(values)},
    )
    return encounter


def events_of(session: Session, client_id: int) -> list[Event]:
    return list(
        session.scalars(
            select(Event).where(Event.client_id == client_id).order_by(Event.occurred_on, Event.id)
        )
    )


def encounters_of(session: Session, client_id: int) -> list[Encounter]:
    return list(
        session.scalars(
            select(Encounter)
            .where(Encounter.client_id == client_id)
            .order_by(Encounter.occurred_on, Encounter.id)
        )
    )
