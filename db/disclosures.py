"""The disclosure log: every identified disclosure, who made it, to whom, when, of whom.

42 CFR part 2 gives a client the right to a list of the disclosures of their
records; one row per disclosure names the recipient and what went, and one
link row per client named says whose records went.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from db.access import Actor
from db.models import Disclosure, DisclosureClient

LINK_BATCH = 5_000


@dataclass(frozen=True, slots=True)
class DisclosureEntry:
    """One disclosure as a client's list shows it."""

    at_utc: dt.datetime
    disclosed_on: dt.date
    username: str
    purpose: str
    recipient: str | None
    what: str
    file_name: str


def record(
    session: Session,
    actor: Actor,
    *,
    disclosed_on: dt.date,
    purpose: str,
    recipient: str | None,
    what: str,
    file_name: str,
    client_ids: Iterable[int],
    count: int,
) -> int:
    """Add a disclosure and its clients to the caller's transaction (with its audit row)."""
    disclosure_id = (
        session.connection()
        .execute(
            insert(Disclosure).returning(Disclosure.id),
            {
                "at_utc": dt.datetime.now(dt.UTC),
                "disclosed_on": disclosed_on,
                "user_id": actor.user_id,
                "username": actor.username,
                "purpose": purpose,
                "recipient": recipient,
                "what": what[:500],
                "file_name": file_name[-260:],
                "clients": count,
            },
        )
        .scalar_one()
    )
    ids = iter(client_ids)
    while batch := list(islice(ids, LINK_BATCH)):
        session.connection().execute(
            insert(DisclosureClient),
            [{"disclosure_id": disclosure_id, "client_id": cid} for cid in batch],
        )
    return int(disclosure_id)


def for_client(session: Session, client_id: int) -> list[DisclosureEntry]:
    """The disclosures that named this client, newest first."""
    query = (
        select(
            Disclosure.at_utc,
            Disclosure.disclosed_on,
            Disclosure.username,
            Disclosure.purpose,
            Disclosure.recipient,
            Disclosure.what,
            Disclosure.file_name,
        )
        .join(DisclosureClient, DisclosureClient.disclosure_id == Disclosure.id)
        .where(DisclosureClient.client_id == client_id)
        .order_by(Disclosure.at_utc.desc(), Disclosure.id.desc())
    )
    return [DisclosureEntry(*row) for row in session.execute(query)]


def move(session: Session, keep_id: int, drop_id: int) -> None:
    """A merge: disclosures of the duplicate are listed for the kept client (once each)."""
    both = select(DisclosureClient.disclosure_id).where(DisclosureClient.client_id == keep_id)
    session.execute(
        delete(DisclosureClient).where(
            DisclosureClient.client_id == drop_id, DisclosureClient.disclosure_id.in_(both)
        )
    )
    session.execute(
        update(DisclosureClient)
        .where(DisclosureClient.client_id == drop_id)
        .values(client_id=keep_id)
    )
