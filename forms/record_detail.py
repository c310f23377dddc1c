"""One saved record read back whole, for the read-only view the timeline opens: every
answer, the substance rows with their criteria, who entered it and when, whether it is
voided and why, and its history of changes from the audit trail."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from db import audit, users
from db import corrections as stored_records
from db.access import Actor, Permission
from db.engine import Database
from forms.corrections import KIND_LABELS, VOID_REASON_LABELS
from forms.fields import N_


@dataclass(frozen=True)
class Change:
    """One line of a record's history: when, who, what was done and which fields changed."""

    at: dt.datetime
    username: str
    what: str
    reason: str | None
    fields: tuple[tuple[str, object, object], ...] = ()  # (key, before, after)


@dataclass(frozen=True)
class RecordDetail:
    kind: str
    id: int
    client_id: int | None
    version: int
    values: dict[str, Any]
    substances: list[dict[str, Any]]
    entered_by: str | None
    entered_at: dt.datetime | None
    void: dict[str, Any]
    history: list[Change] = field(default_factory=list)

    @property
    def voided(self) -> bool:
        return self.void.get("voided_at") is not None

    @property
    def void_reason_label(self) -> str:
        return VOID_REASON_LABELS.get(str(self.void.get("void_reason")), "")

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def load_record(database: Database, actor: Actor, kind: str, record_id: int) -> RecordDetail | None:
    """The record as stored now; None when it no longer exists. Reading it is audited as a
    view of the client it belongs to."""
    actor.require(Permission.VIEW_CLIENTS)
    with database.writing() as session:
        record = stored_records.stored(session, kind, record_id)
        if record is None:
            return None
        user = users.by_id(session, record.entered_by_id) if record.entered_by_id else None
        rows = audit.history_of(session, kind, record_id)
        history = [_change(row) for row in rows]
        audit.record(session, actor, "view", kind, record_id)
    return RecordDetail(
        kind,
        record.id,
        record.client_id,
        record.version,
        record.values,
        record.substances,
        user.username if user else None,
        record.entered_at,
        record.void,
        history,
    )


_WHAT = {
    "create": N_("entered"),
    "edit": N_("corrected"),
    "void": N_("voided"),
    "restore": N_("restored"),
}


def _change(row: Any) -> Change:
    before = json.loads(row.before) if row.before else {}
    after = json.loads(row.after) if row.after else {}
    action = after.get("correction") or row.action
    skipped = {"correction", "reason", "client_code"}
    keys = sorted((set(before) | set(after)) - skipped) if before else []
    changed = tuple((k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k))
    at = row.at_utc if row.at_utc.tzinfo else row.at_utc.replace(tzinfo=dt.UTC)
    return Change(at, row.username or "", _WHAT.get(action, action), after.get("reason"), changed)
