"""Dated events and anonymous-or-linked encounters.

A client's page reads them as plain rows through `db.chunk_rows.ManyRows` (the driver's
rows, dates converted a column at a time): a client of ten years has some 520 weekly
encounters, and building them as ORM objects took a third of the page's opening time."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from db import audit, codes, status_rows
from db.access import Actor, Permission
from db.chunk_rows import ManyRows
from db.models import Encounter, Event

ENCOUNTER_COLUMNS = ("occurred_on", "area", *codes.ENCOUNTER_TALLIES, *codes.REFERRAL_COLUMNS)
# A stored row's id and how it was voided (all None when it stands), after its values.
VOID_COLUMNS = ("id", "voided_at", "void_reason", "void_note")
# The columns of `client_events` and `client_encounters` rows, in their order.
EVENT_ROW_COLUMNS = ("occurred_on", "event", "count", *VOID_COLUMNS)
ENCOUNTER_ROW_COLUMNS = ("occurred_on", "area", *codes.ENCOUNTER_TALLIES, *VOID_COLUMNS)


def _client_rows(model: Any, columns: tuple[str, ...]) -> ManyRows:
    return ManyRows(
        select(*(getattr(model, c) for c in columns))
        .where(model.client_id == bindparam("client_id"))
        .order_by(model.occurred_on, model.id)
    )


_CLIENT_EVENTS = _client_rows(Event, EVENT_ROW_COLUMNS)
_CLIENT_ENCOUNTERS = _client_rows(Encounter, ENCOUNTER_ROW_COLUMNS)


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


def client_events(session: Session, client_id: int) -> list[tuple[Any, ...]]:
    """A client's events (voided ones too) by date, as EVENT_ROW_COLUMNS tuples."""
    return _CLIENT_EVENTS.rows(session.connection(), {"client_id": client_id})


def client_encounters(session: Session, client_id: int) -> list[tuple[Any, ...]]:
    """A client's encounters (voided ones too) by date, as ENCOUNTER_ROW_COLUMNS tuples."""
    return _CLIENT_ENCOUNTERS.rows(session.connection(), {"client_id": client_id})
