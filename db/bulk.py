"""Bulk loading for the workbook import: Core executemany inserts, keys assigned in bulk.

DESIGN.md measured ORM `add_all` at ~18x a raw bulk insert, so the importer
never builds ORM objects. Primary keys are taken here in blocks so that child
rows (substances of an assessment) know their parent without a round trip:
on SQLite from max(id) under the write lock of the import's transaction (in the
staging copy, db/import_stage.py, whose merge moves them past the live ids), on
PostgreSQL from the table's own sequence (safe while other workstations insert
too). Look-ups go a chunk of rows at a time, never
one query per row.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from db import settings
from db.assessments import ASSESSMENT_COLUMNS, SUBSTANCE_COLUMNS, criteria_text
from db.clients import CLIENT_COLUMNS, search_columns
from db.driver import driver_errors
from db.models import Assessment, Base, Client, ClientCodeCounter, SubstanceRecord

log = logging.getLogger(__name__)

LOOKUP_CHUNK = 500


def table(name: str) -> Table:
    return Base.metadata.tables[name]


class IdAllocator:
    """Hands out primary keys of one table in blocks for rows inserted with explicit ids."""

    def __init__(self, session: Session, name: str) -> None:
        self._session = session
        self._name = name
        self._postgres = session.get_bind().dialect.name == "postgresql"
        self.highest_before = int(
            session.scalar(select(func.coalesce(func.max(table(name).c.id), 0))) or 0
        )
        self._next = self.highest_before + 1

    def take(self, count: int) -> list[int]:
        if count <= 0:
            return []
        if self._postgres:
            rows = self._session.execute(
                text(
                    "SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"
                ),
                {"t": self._name, "n": count},
            )
            return sorted(int(r[0]) for r in rows)
        first = self._next
        self._next += count
        return list(range(first, first + count))


def insert_rows(session: Session, name: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """One executemany insert of complete rows (ids included), all with the same keys; on
    PostgreSQL a COPY, which loads them several times faster than executemany's statements
    (a 10,000-client workbook's 120,000 rows: about 9 s of the import's time)."""
    if not rows:
        return
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        _copy_rows(conn, table(name), rows)
    else:
        conn.execute(insert(table(name)), list(rows))


def _copy_rows(conn: Connection, target: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """The rows COPYed into `target`, with what an insert() adds to them: a column they
    leave out that has a default in the model takes it (evaluated for each row, as an
    executemany does). A driver error comes out as SQLAlchemy's error of the same kind."""
    keys = list(rows[0])
    left_out = [c for c in target.columns if c.name not in keys and c.default is not None]
    defaults = [c.default for c in left_out]
    names = [*keys, *(c.name for c in left_out)]
    quote = conn.dialect.identifier_preparer.quote
    sql = f"COPY {quote(target.name)} ({', '.join(map(quote, names))}) FROM STDIN"
    cursor = conn.connection.cursor()
    try:
        with driver_errors(conn, sql), cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row([*(row[k] for k in keys), *(_default(d) for d in defaults)])
    finally:
        cursor.close()


def _default(default: Any) -> Any:
    """A column default's value for one row: a constant, or a function's result (the
    model's defaults take no execution context)."""
    return default.arg(None) if default.is_callable else default.arg


@dataclass(frozen=True, slots=True)
class ClientRef:
    id: int
    birth_date: dt.date
    version: int
    merged: bool = False  # merged into another client: the code stays taken, unused


def clients_by_code(session: Session, codes: Iterable[str]) -> dict[str, ClientRef]:
    """The clients (merged ones included: their codes stay taken) with these codes."""
    wanted = sorted(set(codes))
    found: dict[str, ClientRef] = {}
    for start in range(0, len(wanted), LOOKUP_CHUNK):
        rows = session.execute(
            select(
                Client.client_code,
                Client.id,
                Client.birth_date,
                Client.version,
                Client.merged_into_id.is_not(None),
            ).where(Client.client_code.in_(wanted[start : start + LOOKUP_CHUNK]))
        )
        found.update({row[0]: ClientRef(*row[1:]) for row in rows})
    return found


def client_rows(
    values: Sequence[Mapping[str, Any]], ids: Sequence[int], now: dt.datetime
) -> list[dict[str, Any]]:
    """Validated client values as table rows, with their folded search names."""
    rows = []
    for cid, v in zip(ids, values, strict=True):
        row = {key: v.get(key) for key in CLIENT_COLUMNS}
        row.update(search_columns(v))
        row.update(
            id=cid,
            consent_contact=bool(v.get("consent_contact")),
            consent_share=False,  # a column kept for old data (see db.models.Client)
            created_at=now,
            updated_at=now,
            version=1,
            merged_into_id=None,
        )
        rows.append(row)
    return rows


def assessment_row(
    aid: int, client_id: int, values: Mapping[str, Any], now: dt.datetime
) -> dict[str, Any]:
    row = {key: values.get(key) for key in ASSESSMENT_COLUMNS}
    row.update(
        id=aid, client_id=client_id, episode_id=None, created_at=now, updated_at=now, version=1
    )
    return row


def substance_row(assessment_id: int, values: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "assessment_id": assessment_id,
        "substance_class": values["substance_class"],
        "primary": bool(values.get("primary")),
        "criteria": criteria_text(values.get("criteria")),
        "criteria_last_met_on": values.get("criteria_last_met_on"),
        "use_days_28": values.get("use_days_28"),
    }


def assessment_dates(
    session: Session, client_ids: Sequence[int], voided: bool = False
) -> dict[tuple[int, dt.date], int]:
    """{(client id, date): assessment id} of the live assessments stored for these clients
    (`voided=True`: of the voided ones; a date may have several, the latest is kept)."""
    wanted = sorted(set(client_ids))
    found: dict[tuple[int, dt.date], int] = {}
    live = Assessment.voided_at.is_not(None) if voided else Assessment.voided_at.is_(None)
    for start in range(0, len(wanted), LOOKUP_CHUNK):
        rows = session.execute(
            select(Assessment.client_id, Assessment.assessed_on, Assessment.id)
            .where(Assessment.client_id.in_(wanted[start : start + LOOKUP_CHUNK]), live)
            .order_by(Assessment.id)
        )
        found.update({(cid, day): aid for cid, day, aid in rows})
    return found


def highest_id(session: Session, name: str) -> int:
    return int(session.scalar(select(func.coalesce(func.max(table(name).c.id), 0))) or 0)


def substances_of(session: Session, assessment_ids: Sequence[int]) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = {}
    rows = session.execute(
        select(SubstanceRecord)
        .where(SubstanceRecord.assessment_id.in_(list(assessment_ids)))
        .order_by(SubstanceRecord.id)
    )
    for (record,) in rows:
        found.setdefault(record.assessment_id, []).append(record)
    return found


# --- for --update: what is stored for clients that were there before the import -----------


def stored_assessment(
    session: Session, assessment_id: int
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """An assessment's values and its substance rows, as stored."""
    values = dict(
        session.execute(
            select(*(Assessment.__table__.c[k] for k in ASSESSMENT_COLUMNS)).where(
                Assessment.id == assessment_id
            )
        )
        .one()
        ._mapping
    )
    substances = [
        dict(row._mapping)
        for row in session.execute(
            select(*(SubstanceRecord.__table__.c[k] for k in SUBSTANCE_COLUMNS))
            .where(SubstanceRecord.assessment_id == assessment_id)
            .order_by(SubstanceRecord.id)
        )
    ]
    return values, substances


def update_assessment(
    session: Session,
    assessment_id: int,
    values: Mapping[str, Any],
    substances: Sequence[Mapping[str, Any]],
    now: dt.datetime,
) -> None:
    """Replace an assessment's values and substance rows (the audit row is the caller's)."""
    session.execute(
        update(Assessment)
        .where(Assessment.id == assessment_id)
        .values(
            **{k: values.get(k) for k in ASSESSMENT_COLUMNS},
            updated_at=now,
            version=Assessment.version + 1,
        )
    )
    session.execute(delete(SubstanceRecord).where(SubstanceRecord.assessment_id == assessment_id))
    insert_rows(session, "substance_records", [substance_row(assessment_id, s) for s in substances])


def stored_rows(
    session: Session,
    name: str,
    keys: Sequence[str],
    client_ids: Sequence[int],
    anonymous_on: Sequence[dt.date],
    before_id: int,
) -> list[tuple[int, tuple[Any, ...]]]:
    """(id, values of `keys`) of the events or encounters stored before the import
    (id <= before_id) for these clients, and anonymous ones on these dates."""
    t = table(name)
    columns = [t.c[k] for k in keys]
    found: list[tuple[int, tuple[Any, ...]]] = []
    ids, days = sorted(set(client_ids)), sorted(set(anonymous_on))
    for start in range(0, max(len(ids), len(days)), LOOKUP_CHUNK):
        part_ids, part_days = ids[start : start + LOOKUP_CHUNK], days[start : start + LOOKUP_CHUNK]
        condition: ColumnElement[bool] = t.c.client_id.in_(part_ids)
        if part_days:
            condition = condition | (t.c.client_id.is_(None) & t.c.occurred_on.in_(part_days))
        rows = session.execute(select(t.c.id, *columns).where(t.c.id <= before_id, condition))
        found.extend((row[0], tuple(row[1:])) for row in rows)
    return found


def reserve_client_codes(session: Session, codes: Iterable[str]) -> int:
    """Move the agency's automatic-code counter past the highest of `codes` under its
    prefix, so no desk is handed a code an import is loading; the highest number (0: none
    had the prefix). Run in a short transaction of its own: the counter's row stays
    locked until it commits, and a desk taking a code waits for that, not for the import."""
    prefix = settings.load(session).client_code_prefix
    numbers = [int(code[len(prefix) :]) for code in codes if _numbered(code, prefix)]
    if not numbers:
        return 0
    highest = max(numbers)
    counter = table(ClientCodeCounter.__tablename__)
    dialect = sqlite_insert if session.get_bind().dialect.name == "sqlite" else pg_insert
    upsert = dialect(counter).values(prefix=prefix, last_number=highest)
    session.execute(
        upsert.on_conflict_do_update(
            index_elements=[counter.c.prefix],
            set_={"last_number": highest},
            where=counter.c.last_number < highest,
        )
    )
    return highest


def _numbered(code: str, prefix: str) -> bool:
    tail = code[len(prefix) :]
    # Nine digits at most: the counter is a 32-bit integer on PostgreSQL.
    return code.startswith(prefix) and tail.isascii() and tail.isdigit() and len(tail) <= 9
