"""The append-only audit trail: who signed in, viewed, searched, created, changed,
exported or merged what, and when.

`record` adds a row to the caller's transaction; the rows wait in the session and
are chained onto the trail (db/audit_chain.py) just before the transaction
commits, so the chain's lock is held for the commit only, and the change and its
audit rows commit or fail together. A transaction with thousands of rows (an
import with --update) chains them every `CHAIN_EVERY` rows instead of holding
them all; on PostgreSQL other workstations' audit rows would then wait for its
commit, so an import there keeps its rows until its commit instead
(`hold_chain_until_commit`: memory for the rows, about 1 KB each).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from db import audit_chain
from db.access import Actor, PermissionDenied
from db.models import AuditEntry

_PENDING = "recovery_desk_audit_rows"
_HOLD = "recovery_desk_audit_hold"
CHAIN_EVERY = 1000


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
    _add(session, actor.user_id, actor.username, action, entity, entity_id, before, after)


def record_refused_sign_in(
    session: Session, username: str, user_id: int | None, workstation: str, reason: str
) -> None:
    """A sign-in that failed: the name typed (cut to the column's size), where, and why."""
    after = {"workstation": workstation, "reason": reason}
    _add(session, user_id, username[:60], "sign_in_failed", "user", user_id, None, after)


def _add(
    session: Session,
    user_id: int | None,
    username: str,
    action: str,
    entity: str,
    entity_id: object,
    before: Mapping[str, object] | None,
    after: Mapping[str, object] | None,
) -> None:
    pending: list[dict[str, Any]] = session.info.setdefault(_PENDING, [])
    pending.append(
        {
            "at_utc": dt.datetime.now(dt.UTC),
            "user_id": user_id,
            "username": username,
            "action": action,
            "entity": entity,
            "entity_id": None if entity_id is None else str(entity_id),
            "before": _json(before),
            "after": _json(after),
        }
    )
    if len(pending) >= CHAIN_EVERY and not session.info.get(_HOLD):
        _chain_pending_rows(session)


def hold_chain_until_commit(session: Session) -> None:
    """Chain the session's audit rows only as it commits, however many: the chain's head
    stays free for every other workstation until then (a long import on a server)."""
    session.info[_HOLD] = True


def take_held_rows(session: Session) -> list[dict[str, Any]]:
    """The audit rows `session` holds (`hold_chain_until_commit`), taken off it unchained:
    a staged import writes them into the database it merges into (db/import_changes.py)."""
    rows: list[dict[str, Any]] = session.info.pop(_PENDING, None) or []
    return rows


def add_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Rows taken with `take_held_rows`, chained when `session` commits, like its own."""
    session.info.setdefault(_PENDING, []).extend(rows)
    session.info[_HOLD] = True


@event.listens_for(Session, "before_commit")
def _chain_pending_rows(session: Session) -> None:
    rows: list[dict[str, Any]] | None = session.info.pop(_PENDING, None)
    if rows:
        audit_chain.append(session.connection(), rows)


@event.listens_for(Session, "after_rollback")
def _drop_pending_rows(session: Session) -> None:
    session.info.pop(_PENDING, None)


def entries(session: Session, entity: str | None = None, limit: int = 200) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(limit)
    if entity is not None:
        query = query.where(AuditEntry.entity == entity)
    return list(session.scalars(query))


def history_of(session: Session, entity: str, entity_id: object) -> list[AuditEntry]:
    """The audit rows that created or changed one record, oldest first (views left out)."""
    query = (
        select(AuditEntry)
        .where(
            AuditEntry.entity == entity,
            AuditEntry.entity_id == str(entity_id),
            AuditEntry.action.in_(("create", "update", "delete")),
        )
        .order_by(AuditEntry.seq)
    )
    return list(session.scalars(query))
