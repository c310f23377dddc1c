"""The append-only audit trail: who created, changed, viewed, exported or merged what."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from db.access import Actor, PermissionDenied
from db.models import AuditEntry


def _json(values: Mapping[str, object] | None) -> str | None:
    if values is None:
        return None
    return json.dumps(values, default=_plain, sort_keys=True, ensure_ascii=False)


def _plain(value: object) -> object:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value)
    return str(value)


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object = None,
    before: Mapping[str, object] | None = None,
    after: Mapping[str, object] | None = None,
) -> None:
    """Add an audit row to the caller's transaction, so it commits or fails with the change."""
    if not actor.verified:
        # Every row names a person who signed in; a made-up actor writes nothing.
        raise PermissionDenied(f"{actor.username} is not signed in; sign in first")
    _insert(
        session,
        actor.user_id,
        actor.username,
        action,
        entity,
        entity_id,
        _json(before),
        _json(after),
    )


def record_refused_sign_in(
    session: Session, username: str, user_id: int | None, workstation: str, reason: str
) -> None:
    """A sign-in that failed: the name typed (cut to the column's size), where, and why."""
    after = _json({"workstation": workstation, "reason": reason})
    _insert(session, user_id, username[:60], "sign_in_failed", "user", user_id, None, after)


def _insert(
    session: Session,
    user_id: int | None,
    username: str,
    action: str,
    entity: str,
    entity_id: object,
    before: str | None,
    after: str | None,
) -> None:
    session.connection().execute(
        insert(AuditEntry),
        {
            "at_utc": dt.datetime.now(dt.UTC),
            "user_id": user_id,
            "username": username,
            "action": action,
            "entity": entity,
            "entity_id": None if entity_id is None else str(entity_id),
            "before": before,
            "after": after,
        },
    )


def entries(session: Session, entity: str | None = None, limit: int = 200) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
    if entity is not None:
        query = query.where(AuditEntry.entity == entity)
    return list(session.scalars(query))
