"""Queries and writes about clients."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, select, union, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db import audit, consents, disclosures, status_rows
from db.access import Actor, Permission
from db.models import Assessment, Client, ClientCodeCounter, Encounter, Event, FollowUpAttempt
from db.textfold import fold_name

CLIENT_COLUMNS = (
    "client_code",
    "given_name",
    "family_name",
    "preferred_name",
    "birth_date",
    "sex_at_birth",
    "gender",
    "race",
    "ethnicity",
    "postal_code",
    "phone",
    "consent_contact",
)


class ConflictError(RuntimeError):
    """Someone else saved this record since it was opened; nothing was overwritten."""


class DuplicateCodeError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(f"Client code {code} is already used by another client")
        self.code = code


def search_columns(values: Mapping[str, Any]) -> dict[str, Any]:
    preferred = values.get("preferred_name")
    return {
        "given_search": fold_name(str(values["given_name"])),
        "family_search": fold_name(str(values["family_name"])),
        "preferred_search": fold_name(str(preferred)) if preferred else None,
    }


def as_dict(client: Client) -> dict[str, Any]:
    return {key: getattr(client, key) for key in CLIENT_COLUMNS}


def get(session: Session, client_id: int) -> Client | None:
    return session.get(Client, client_id)


def code_exists(session: Session, code: str, except_id: int | None = None) -> bool:
    query = select(Client.id).where(Client.client_code == code)
    if except_id is not None:
        query = query.where(Client.id != except_id)
    return session.scalar(query) is not None


def next_client_code(session: Session, prefix: str) -> str:
    """The agency prefix and the next number of its counter that no client uses yet.

    The counter's row stays locked by this transaction until it commits, so a second
    workstation taking a code at the same moment waits a few milliseconds and gets the
    next number (see docs/development.md, "Automatic client codes")."""
    while True:
        code = f"{prefix}{_take_number(session, prefix):06d}"
        if not code_exists(session, code):
            return code
        # Typed by hand or imported past the counter: jump to the highest code stored.
        highest = _highest_number(session, prefix)
        session.execute(
            update(ClientCodeCounter)
            .where(ClientCodeCounter.prefix == prefix, ClientCodeCounter.last_number < highest)
            .values(last_number=highest)
        )


def _take_number(session: Session, prefix: str) -> int:
    taken = session.scalar(_increment(prefix))
    if taken is None:  # the prefix's first automatic code: start after the highest stored
        start = {"prefix": prefix, "last_number": _highest_number(session, prefix)}
        dialect = sqlite_insert if session.get_bind().dialect.name == "sqlite" else pg_insert
        # Two first codes at once: the second insert waits for the first and does nothing.
        session.execute(dialect(ClientCodeCounter).values(start).on_conflict_do_nothing())
        taken = session.scalar(_increment(prefix))
    return int(taken)


def _increment(prefix: str) -> Any:
    return (
        update(ClientCodeCounter)
        .where(ClientCodeCounter.prefix == prefix)
        .values(last_number=ClientCodeCounter.last_number + 1)
        .returning(ClientCodeCounter.last_number)
    )


def _highest_number(session: Session, prefix: str) -> int:
    """The highest number after `prefix` among the stored codes (0 when none has one)."""
    codes = session.scalars(select(Client.client_code).where(Client.client_code.like(f"{prefix}%")))
    highest = 0
    for code in codes:
        tail = code[len(prefix) :]
        if re.fullmatch(r"\d+", tail):
            highest = max(highest, int(tail))
    return highest


def create(session: Session, actor: Actor, values: Mapping[str, Any]) -> Client:
    actor.require(Permission.ENTER_DATA)
    if code_exists(session, values["client_code"]):
        raise DuplicateCodeError(values["client_code"])
    client = Client(**{k: values.get(k) for k in CLIENT_COLUMNS}, **search_columns(values))
    client.consent_contact = bool(values.get("consent_contact"))
    session.add(client)
    session.flush()
    audit.record(session, actor, "create", "client", client.id, after=as_dict(client))
    return client


def update_client(
    session: Session,
    actor: Actor,
    client_id: int,
    expected_version: int,
    values: Mapping[str, Any],
    reason: str | None = None,
) -> Client:
    """Change a client only if nobody else saved it since `expected_version` was read;
    `reason` (a correction's) goes into the audit row."""
    actor.require(Permission.ENTER_DATA)
    if code_exists(session, values["client_code"], except_id=client_id):
        raise DuplicateCodeError(values["client_code"])
    client = session.get(Client, client_id)
    if client is None or client.version != expected_version:
        raise ConflictError(
            "This client was changed on another workstation since you opened "
            "it. Your changes were not saved; reopen the client and enter them "
            "again."
        )
    before = as_dict(client)
    for key in CLIENT_COLUMNS:
        setattr(client, key, values.get(key))
    for key, value in search_columns(values).items():
        setattr(client, key, value)
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError(
            "This client was changed on another workstation while you saved. "
            "Nothing was overwritten; reopen it and try again."
        ) from exc
    after = as_dict(client) if reason is None else {**as_dict(client), "reason": reason}
    audit.record(session, actor, "update", "client", client.id, before=before, after=after)
    return client


# Sorts after every character a code or a folded name holds, to close a prefix range.
_AFTER_ALL = "\U0010ffff"


def _like(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _code_ranges(text: str) -> list[tuple[str, str]]:
    # Codes keep the case they were typed in; try the text as typed, upper and lower.
    spellings = sorted({text, text.upper(), text.lower()})
    return [(variant, variant + _AFTER_ALL) for variant in spellings]


def prefix_ids(session: Session, folded: str, typed: str, limit: int) -> list[int]:
    """Ids of clients whose folded name or code starts with the text, in name order.

    `folded` is the query through db.textfold.fold_name (for the name columns),
    `typed` the query as typed (for the client code). Each column is looked up
    on its own index and capped at `limit`: an OR of LIKEs, or of ranges under
    a LIMIT, makes SQLite scan every client (over 100 ms at 100,000). The name
    columns' collation (NOCASE on SQLite, "C" on PostgreSQL; see SearchText in
    db/models.py) is what lets either database read a LIKE prefix as a range.
    """
    pattern = _like(folded)
    parts = [
        select(Client.id).where(column.like(pattern, escape="\\")).order_by(column).limit(limit)
        for column in (Client.family_search, Client.given_search, Client.preferred_search)
    ]
    parts += [
        select(Client.id)
        .where(Client.client_code.between(low, high))
        .order_by(Client.client_code)
        .limit(limit)
        for low, high in _code_ranges(typed)
    ]
    found = union(*(part.subquery().select() for part in parts)).subquery()
    query = (
        select(Client.id)
        .where(Client.id.in_(select(found.c.id)), Client.merged_into_id.is_(None))
        .order_by(Client.family_search, Client.given_search, Client.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def born_on(session: Session, birth_date: dt.date, limit: int = 200) -> list[int]:
    query = (
        select(Client.id)
        .where(Client.birth_date == birth_date)
        .where(Client.merged_into_id.is_(None))
        .limit(limit)
    )
    return list(session.scalars(query))


def with_codes(session: Session, codes: list[str]) -> list[int]:
    """Ids of the (unmerged) clients with one of these exact codes: an index lookup."""
    query = (
        select(Client.id)
        .where(Client.client_code.in_(codes))
        .where(Client.merged_into_id.is_(None))
        .order_by(Client.client_code)
    )
    return list(session.scalars(query))


def name_index_rows(session: Session, after_id: int = 0) -> list[tuple[Any, ...]]:
    """(id, given, family, preferred, birth date) folded, for the in-memory fuzzy index;
    only clients added after `after_id` when it is given."""
    query = (
        select(
            Client.id,
            Client.given_search,
            Client.family_search,
            Client.preferred_search,
            Client.birth_date,
        )
        .where(Client.id > after_id, Client.merged_into_id.is_(None))
        .order_by(Client.id)
    )
    return [tuple(row) for row in session.execute(query)]


def summaries(session: Session, ids: Sequence[int]) -> list[Client]:
    """The clients with these ids, in the order given."""
    if not ids:
        return []
    found = {c.id: c for c in session.scalars(select(Client).where(Client.id.in_(list(ids))))}
    return [found[i] for i in ids if i in found]


def count(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(Client).where(Client.merged_into_id.is_(None))
        )
        or 0
    )


def page(session: Session, offset: int, limit: int) -> list[Client]:
    """One page of clients in name order, for the paged table."""
    query = (
        select(Client)
        .where(Client.merged_into_id.is_(None))
        .order_by(Client.family_search, Client.given_search, Client.id)
        .offset(offset)
        .limit(limit)
    )
    return list(session.scalars(query))


def merge(session: Session, actor: Actor, keep_id: int, drop_id: int) -> None:
    """Move everything recorded for `drop_id` to `keep_id` and mark it merged."""
    actor.require(Permission.MERGE_CLIENTS)
    keep, drop = session.get(Client, keep_id), session.get(Client, drop_id)
    if keep is None or drop is None or keep_id == drop_id:
        raise ValueError("Choose two different clients to merge")
    clash = session.scalar(
        select(func.count())
        .select_from(Assessment)
        .where(
            Assessment.client_id == drop_id,
            Assessment.voided_at.is_(None),
            Assessment.assessed_on.in_(
                select(Assessment.assessed_on).where(
                    Assessment.client_id == keep_id, Assessment.voided_at.is_(None)
                )
            ),
        )
    )
    if clash:
        raise ValueError("Both clients have an assessment on the same date; remove one first")
    for model in (Assessment, Event, Encounter, FollowUpAttempt):
        session.execute(update(model).where(model.client_id == drop_id).values(client_id=keep_id))
    _move_episodes(session, keep_id, drop_id)
    consents.move(session, keep_id, drop_id)
    disclosures.move(session, keep_id, drop_id)
    _move_notes(session, keep_id, drop_id)
    drop.merged_into_id = keep_id
    session.flush()
    status_rows.rebuild(session, [keep_id, drop_id])
    audit.record(
        session,
        actor,
        "merge",
        "client",
        keep_id,
        before={"merged": as_dict(drop), "merged_id": drop_id},
        after=as_dict(keep),
    )


def _move_notes(session: Session, keep_id: int, drop_id: int) -> None:
    from db import notes  # db.notes names its conflict after this module's ConflictError

    notes.move(session, keep_id, drop_id)


def _move_episodes(session: Session, keep_id: int, drop_id: int) -> None:
    from db.models import Episode

    session.execute(update(Episode).where(Episode.client_id == drop_id).values(client_id=keep_id))
