"""Corrections of saved records in SQL: change, void, restore; a whole client's erasure.

Who may correct what, and whether the new values are valid, is decided in
forms.corrections. Every change names the version the person saw, in the
UPDATE's WHERE, so a change saved meanwhile on another workstation is never
overwritten: the statement changes no row and `RecordConflict` carries what is
stored now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, bindparam, cast, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import notes as client_notes
from db.assessments import ASSESSMENT_COLUMNS, SUBSTANCE_COLUMNS, DuplicateDateError
from db.bulk import substance_row
from db.clients import ConflictError
from db.dates import add_months
from db.driver import Prepared
from db.events import ENCOUNTER_COLUMNS
from db.models import (
    Assessment,
    AuditEntry,
    Client,
    Consent,
    Correction,
    DisclosureClient,
    Encounter,
    Episode,
    Event,
    FollowUpAttempt,
    StatusAfterAssessment,
    SubstanceRecord,
)

KINDS = ("assessment", "event", "encounter", "followup_attempt")
MODELS: dict[str, Any] = {
    "assessment": Assessment,
    "event": Event,
    "encounter": Encounter,
    "followup_attempt": FollowUpAttempt,
}
DATE_COLUMN = {
    "assessment": "assessed_on",
    "event": "occurred_on",
    "encounter": "occurred_on",
    "followup_attempt": "attempted_on",
}
# What a correction may change, per kind (the entry form's fields).
VALUE_COLUMNS: dict[str, tuple[str, ...]] = {
    "assessment": ASSESSMENT_COLUMNS,
    "event": ("occurred_on", "event", "count"),
    "encounter": ENCOUNTER_COLUMNS,
    "followup_attempt": ("attempted_on", "method", "outcome", "note"),
}
VOID_COLUMNS = ("voided_at", "voided_by", "void_reason", "void_note")
NOT_VOIDED = dict.fromkeys(VOID_COLUMNS)


class RecordConflict(ConflictError):
    """The record changed since it was read; `current` is what is stored now (None: gone).
    `kind` names the record, for forms/ to say the refusal in the person's language."""

    def __init__(self, message: object, current: StoredRecord | None, kind: str) -> None:
        super().__init__(message)
        self.current = current
        self.kind = kind


@dataclass(frozen=True)
class StoredRecord:
    kind: str
    id: int
    client_id: int | None
    version: int
    entered_by_id: int | None
    entered_at: dt.datetime | None
    values: dict[str, Any]
    void: dict[str, Any]
    substances: list[dict[str, Any]] = field(default_factory=list)

    @property
    def record_on(self) -> dt.date:
        day: dt.date = self.values[DATE_COLUMN[self.kind]]
        return day

    @property
    def voided(self) -> bool:
        return self.void["voided_at"] is not None

    def audit_values(self) -> dict[str, Any]:
        """The record as an audit row's before or after shows it."""
        shown = {"client_id": self.client_id, **self.values, **self.void}
        if self.kind == "assessment":
            shown["substances"] = self.substances
        return shown


# A correction runs these every time: compiled once (db/driver.py says why). A record is
# read as its bookkeeping columns, then its values, then its void columns.
_BOOKKEEPING = ("id", "client_id", "version", "entered_by_id", "created_at")
_READ = {
    kind: Prepared(
        select(
            *(model.__table__.c[k] for k in (*_BOOKKEEPING, *VALUE_COLUMNS[kind], *VOID_COLUMNS))
        ).where(model.id == bindparam("record_id"))
    )
    for kind, model in MODELS.items()
}
_SUBSTANCES = Prepared(
    select(*(SubstanceRecord.__table__.c[k] for k in SUBSTANCE_COLUMNS))
    .where(SubstanceRecord.assessment_id == bindparam("assessment_id"))
    .order_by(SubstanceRecord.id)
)
_DELETE_SUBSTANCES = Prepared(
    delete(SubstanceRecord).where(SubstanceRecord.assessment_id == bindparam("assessment_id"))
)
_INSERT_SUBSTANCES = Prepared(insert(SubstanceRecord), ["assessment_id", *SUBSTANCE_COLUMNS])
_NOTE = Prepared(
    insert(Correction),
    ["entity", "entity_id", "client_id", "action", "record_on", "corrected_at"],
)
_CHANGES: dict[tuple[str, tuple[str, ...]], Prepared] = {}
_CLIENT = Prepared(
    select(Client.birth_date, Client.consent_contact).where(Client.id == bindparam("client_id"))
)


@dataclass(frozen=True)
class ClientFacts:
    """What checking a corrected record needs of its client."""

    birth_date: dt.date
    consent_contact: bool


def client_facts(session: Session, client_id: int) -> ClientFacts | None:
    found = _CLIENT.rows(session.connection(), {"client_id": client_id})
    return ClientFacts(found[0][0], bool(found[0][1])) if found else None


def stored(session: Session, kind: str, record_id: int) -> StoredRecord | None:
    found = _READ[kind].rows(session.connection(), {"record_id": record_id})
    if not found:
        return None
    row = found[0]
    values_end = len(_BOOKKEEPING) + len(VALUE_COLUMNS[kind])
    substances = _substances(session, record_id) if kind == "assessment" else []
    return StoredRecord(
        kind,
        row[0],
        row[1],
        row[2],
        row[3],
        _aware(row[4]),
        dict(zip(VALUE_COLUMNS[kind], row[len(_BOOKKEEPING) : values_end], strict=True)),
        dict(zip(VOID_COLUMNS, row[values_end:], strict=True)),
        substances,
    )


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes for values stored in UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment


def _substances(session: Session, assessment_id: int) -> list[dict[str, Any]]:
    rows = _SUBSTANCES.rows(session.connection(), {"assessment_id": assessment_id})
    return [dict(zip(SUBSTANCE_COLUMNS, row, strict=True)) for row in rows]


def change(
    session: Session,
    record: StoredRecord,
    expected_version: int,
    values: Mapping[str, Any],
    now: dt.datetime,
) -> int:
    """Write `values` over the record if it is still at `expected_version`; the new version."""
    extra = {"updated_at": now} if record.kind == "assessment" else {}
    given = {**values, **extra}
    statement = _change_statement(record.kind, tuple(given))
    try:
        changed = statement.count(
            session.connection(),
            {**given, "record_id": record.id, "expected_version": expected_version},
        )
    except IntegrityError as exc:
        # The whole correction is abandoned either way; the message names the field.
        if record.kind == "assessment" and "assessed_on" in str(exc.orig):
            day = values.get("assessed_on") or record.record_on
            raise DuplicateDateError(day) from None
        raise
    if changed != 1:
        current = stored(session, record.kind, record.id)
        raise RecordConflict(conflict_message(record.kind), current, record.kind)
    return expected_version + 1


def _change_statement(kind: str, columns: tuple[str, ...]) -> Prepared:
    """The UPDATE of these columns of a record still at the version the person saw."""
    key = (kind, columns)
    if key not in _CHANGES:
        table = MODELS[kind].__table__
        _CHANGES[key] = Prepared(
            update(table)
            .where(
                table.c.id == bindparam("record_id"),
                table.c.version == bindparam("expected_version"),
            )
            .values({**{c: bindparam(c) for c in columns}, "version": table.c.version + 1})
        )
    return _CHANGES[key]


def conflict_message(kind: str) -> str:
    what = kind.replace("followup_attempt", "contact attempt")
    return (
        f"This {what} was changed on another workstation since you opened it. "
        f"Nothing was overwritten; reopen it to see what is stored now."
    )


def replace_substances(
    session: Session, assessment_id: int, rows: Sequence[Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Put these substance rows in place of the assessment's; the rows as stored."""
    conn = session.connection()
    _DELETE_SUBSTANCES.execute(conn, {"assessment_id": assessment_id})
    stored_rows = [substance_row(assessment_id, s) for s in rows]
    _INSERT_SUBSTANCES.execute_many(conn, stored_rows)
    return [{k: r[k] for k in SUBSTANCE_COLUMNS} for r in stored_rows]


def note(session: Session, record: StoredRecord, action: str, days: Iterable[dt.date]) -> None:
    """One row per date the correction touched (the old date and, if it moved, the new)."""
    now = dt.datetime.now(dt.UTC)
    rows = [
        {
            "entity": record.kind,
            "entity_id": record.id,
            "client_id": record.client_id,
            "action": action,
            "record_on": day,
            "corrected_at": now,
        }
        for day in sorted(set(days))
    ]
    _NOTE.execute_many(session.connection(), rows)


def corrections_between(
    session: Session, first: dt.date, last: dt.date, after: dt.datetime
) -> list[Correction]:
    """Corrections made after `after` to records dated from `first` to `last`."""
    return list(
        session.scalars(
            select(Correction)
            .where(Correction.record_on.between(first, last), Correction.corrected_at > after)
            .order_by(Correction.record_on, Correction.id)
        )
    )


def revisions_of_reported_months(session: Session, before: dt.date) -> list[tuple[str, int]]:
    """("YYYY-MM", n) for each month before `before` whose monthly report was made (its
    first `export` of `monthly_report` in the audit trail) and n records of which were
    corrected after that report; months with none are left out."""
    reported = session.execute(
        select(AuditEntry.entity_id, func.min(AuditEntry.at_utc))
        .where(
            AuditEntry.action == "export",
            AuditEntry.entity == "monthly_report",
            AuditEntry.entity_id < f"{before:%Y-%m}",
        )
        .group_by(AuditEntry.entity_id)
        .order_by(AuditEntry.entity_id)
    ).all()
    found = []
    for month, made_at in reported:
        first = dt.date.fromisoformat(f"{month}-01")
        last = add_months(first, 1) - dt.timedelta(days=1)
        count = session.scalar(
            select(
                func.count(
                    func.distinct(Correction.entity + ":" + cast(Correction.entity_id, String))
                )
            ).where(Correction.record_on.between(first, last), Correction.corrected_at > made_at)
        )
        if count:
            found.append((str(month), int(count)))
    return found


def _merged_into(session: Session, client_id: int) -> list[int]:
    """The client and every client merged into it (the same person), at any depth."""
    found, todo = [client_id], [client_id]
    while todo:
        more = list(session.scalars(select(Client.id).where(Client.merged_into_id.in_(todo))))
        found.extend(more)
        todo = more
    return found


def erase_client(session: Session, client_id: int) -> dict[str, int]:
    """Delete a client and everything recorded about them; how many rows of each kind.

    Their encounters stay as anonymous ones (a programme's tallies are not about a
    person); clients merged into this one are the same person and go too.
    """
    ids = _merged_into(session, client_id)
    assessment_ids = select(Assessment.id).where(Assessment.client_id.in_(ids))
    counts = {
        "substance_records": _delete(
            session, SubstanceRecord, SubstanceRecord.assessment_id.in_(assessment_ids)
        )
    }
    counts["client_notes"], counts["client_note_revisions"] = client_notes.erase(session, ids)
    session.execute(update(Assessment).where(Assessment.client_id.in_(ids)).values(episode_id=None))
    for name, model in (
        ("assessments", Assessment),
        ("episodes", Episode),
        ("events", Event),
        ("followup_attempts", FollowUpAttempt),
        ("consents", Consent),
        ("disclosure_clients", DisclosureClient),
        ("corrections", Correction),
        ("status_after_assessment", StatusAfterAssessment),
    ):
        counts[name] = _delete(session, model, model.client_id.in_(ids))
    counts["encounters_made_anonymous"] = _rowcount(
        session.execute(
            update(Encounter).where(Encounter.client_id.in_(ids)).values(client_id=None)
        )
    )
    session.execute(update(Client).where(Client.id.in_(ids)).values(merged_into_id=None))
    counts["clients"] = _delete(session, Client, Client.id.in_(ids))
    return counts


def _delete(session: Session, model: Any, condition: Any) -> int:
    return _rowcount(
        session.execute(delete(model).where(condition).execution_options(synchronize_session=False))
    )


def _rowcount(result: Any) -> int:
    return int(result.rowcount)
