"""Consent records of clients: adding, revoking, reading (one client's, or a page's)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db import audit
from db.access import Actor
from db.models import Client, Consent

LOOKUP_CHUNK = 500
# The columns a consent carries in the exchange workbook and into the rules, in order.
FACT_COLUMNS = ("scope", "recipient", "signed_on", "expires_on", "revoked_on", "note")


def as_dict(consent: Consent) -> dict[str, Any]:
    return {"client_id": consent.client_id, **{k: getattr(consent, k) for k in FACT_COLUMNS}}


def add(session: Session, actor: Actor, client_id: int, values: Mapping[str, Any]) -> Consent:
    consent = Consent(
        client_id=client_id,
        **{k: values.get(k) for k in FACT_COLUMNS},
        recorded_by_id=actor.user_id,
        recorded_by=actor.username,
    )
    session.add(consent)
    session.flush()
    audit.record(session, actor, "create", "consent", consent.id, after=as_dict(consent))
    return consent


def get(session: Session, consent_id: int) -> Consent | None:
    return session.get(Consent, consent_id)


def revoke(session: Session, actor: Actor, consent: Consent, revoked_on: dt.date) -> None:
    before = as_dict(consent)
    consent.revoked_on = revoked_on
    consent.revoked_by = actor.username
    session.flush()
    audit.record(
        session, actor, "update", "consent", consent.id, before=before, after=as_dict(consent)
    )


def for_client(session: Session, client_id: int) -> list[Consent]:
    """A client's consents in the order they were signed."""
    query = (
        select(Consent)
        .where(Consent.client_id == client_id)
        .order_by(Consent.signed_on, Consent.id)
    )
    return list(session.scalars(query))


def facts_of(session: Session, client_ids: Sequence[int]) -> dict[int, list[tuple[Any, ...]]]:
    """The consents of these clients as FACT_COLUMNS tuples, by client, in signing order."""
    found: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    columns = [getattr(Consent, k) for k in FACT_COLUMNS]
    for start in range(0, len(client_ids), LOOKUP_CHUNK):
        query = (
            select(Consent.client_id, *columns)
            .where(Consent.client_id.in_(list(client_ids[start : start + LOOKUP_CHUNK])))
            .order_by(Consent.client_id, Consent.signed_on, Consent.id)
        )
        for client_id, *values in session.execute(query):
            found[client_id].append(tuple(values))
    return found


def stored_of(session: Session, client_ids: Sequence[int]) -> dict[int, list[Consent]]:
    """The stored consents of these clients, by client (for an import with --update)."""
    found: dict[int, list[Consent]] = defaultdict(list)
    for start in range(0, len(client_ids), LOOKUP_CHUNK):
        query = select(Consent).where(
            Consent.client_id.in_(list(client_ids[start : start + LOOKUP_CHUNK]))
        )
        for consent in session.scalars(query.order_by(Consent.id)):
            found[consent.client_id].append(consent)
    return found


def audit_added(session: Session, actor: Actor, row: Mapping[str, Any]) -> None:
    """The audit row of a consent an import adds to a client stored before it."""
    audit.record(
        session,
        actor,
        "create",
        "consent",
        None,
        after={"client_id": row["client_id"], **{k: row.get(k) for k in FACT_COLUMNS}},
    )


def update_from_import(
    session: Session, actor: Actor, consent: Consent, values: Mapping[str, Any]
) -> bool:
    """Bring a stored consent's expiry, revocation and note in line; False when equal."""
    changed = {
        k: values.get(k)
        for k in ("expires_on", "revoked_on", "note")
        if getattr(consent, k) != values.get(k)
    }
    if not changed:
        return False
    before = as_dict(consent)
    for key, value in changed.items():
        setattr(consent, key, value)
    if "revoked_on" in changed:
        consent.revoked_by = actor.username
    session.flush()
    audit.record(
        session, actor, "update", "consent", consent.id, before=before, after=as_dict(consent)
    )
    return True


def clients_with_consents(session: Session, client_ids: Sequence[int]) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(client_ids), LOOKUP_CHUNK):
        chunk = list(client_ids[start : start + LOOKUP_CHUNK])
        found.update(session.scalars(select(Consent.client_id).where(Consent.client_id.in_(chunk))))
    return found


def entered_on(session: Session, client_ids: Sequence[int]) -> dict[int, dt.date]:
    """The day each of these clients was entered (created_at, UTC), by id."""
    found: dict[int, dt.date] = {}
    for start in range(0, len(client_ids), LOOKUP_CHUNK):
        chunk = list(client_ids[start : start + LOOKUP_CHUNK])
        query = select(Client.id, Client.created_at).where(Client.id.in_(chunk))
        found.update({cid: created.date() for cid, created in session.execute(query)})
    return found


def move(session: Session, keep_id: int, drop_id: int) -> None:
    """A merge: the duplicate's consents become the kept client's."""
    session.execute(update(Consent).where(Consent.client_id == drop_id).values(client_id=keep_id))
