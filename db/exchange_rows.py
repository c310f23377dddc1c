"""The rows of the full exchange export, read a page of clients at a time.

Columns are asked for by their exchange-workbook key, which is the column
name of the table (`client_code` comes from the client). Rows come in a
stable order that an import preserves (clients by id, their records by date
then id), so exporting, importing and exporting again gives the same rows.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from db.models import Assessment, Client, Encounter, Event, SubstanceRecord

log = logging.getLogger(__name__)

STREAM_ROWS = 5_000


def use_snapshot(session: Session) -> None:
    """Let the rest of this read see the database at one moment, as a whole export must.

    SQLite's read transaction already does; PostgreSQL's default shows each
    statement the latest commits, so a save between two pages could split.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))


def _rows(session: Session, query: Any) -> Any:
    """Run a select of columns on the session's connection, in its transaction: the ORM's
    result loading adds nothing to plain columns but time (a third of the export's own
    work besides writing cells, measured at 10,000 clients)."""
    return session.connection().execute(query)


_CURRENT = Client.merged_into_id.is_(None)  # clients not merged into another


def client_count(session: Session) -> int:
    """Clients an export walks (every client not merged away); consent decides who is named."""
    return session.scalar(select(func.count()).select_from(Client).where(_CURRENT)) or 0


def _columns(model: Any, keys: Sequence[str]) -> list[Any]:
    return [Client.client_code if key == "client_code" else getattr(model, key) for key in keys]


def client_pages(
    session: Session, keys: Sequence[str], page: int
) -> Iterator[list[tuple[Any, ...]]]:
    """Pages of (id, *keys) client rows by id; keyset paging keeps each query short."""
    after = 0
    query = select(Client.id, *_columns(Client, keys)).where(_CURRENT)
    while True:
        rows = [
            tuple(r)
            for r in _rows(session, query.where(Client.id > after).order_by(Client.id).limit(page))
        ]
        if not rows:
            return
        yield rows
        after = rows[-1][0]


def assessments_of(
    session: Session, client_ids: Sequence[int], keys: Sequence[str]
) -> list[tuple[Any, ...]]:
    """(client id, *keys) of these clients' assessments, by client and date."""
    query = (
        select(Assessment.client_id, *_columns(Assessment, keys))
        .join(Client, Client.id == Assessment.client_id)
        .where(Assessment.client_id.in_(list(client_ids)), Assessment.voided_at.is_(None))
        .order_by(Assessment.client_id, Assessment.assessed_on)
    )
    return [tuple(r) for r in _rows(session, query)]


def substances_of(
    session: Session, client_ids: Sequence[int], keys: Sequence[str]
) -> list[tuple[Any, ...]]:
    """(client id, *keys) of the substance rows of these clients' assessments, in order."""
    columns = [
        Assessment.assessed_on
        if key == "assessed_on"
        else Client.client_code
        if key == "client_code"
        else getattr(SubstanceRecord, key)
        for key in keys
    ]
    query = (
        select(Assessment.client_id, *columns)
        .join(Assessment, Assessment.id == SubstanceRecord.assessment_id)
        .join(Client, Client.id == Assessment.client_id)
        .where(Assessment.client_id.in_(list(client_ids)), Assessment.voided_at.is_(None))
        .order_by(Assessment.client_id, Assessment.assessed_on, SubstanceRecord.id)
    )
    return [tuple(r) for r in _rows(session, query)]


def events_of(
    session: Session, client_ids: Sequence[int], keys: Sequence[str]
) -> list[tuple[Any, ...]]:
    query = (
        select(Event.client_id, *_columns(Event, keys))
        .join(Client, Client.id == Event.client_id)
        .where(Event.client_id.in_(list(client_ids)), Event.voided_at.is_(None))
        .order_by(Event.client_id, Event.occurred_on, Event.id)
    )
    return [tuple(r) for r in _rows(session, query)]


def encounters(session: Session, keys: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    """(client id, *keys) of every encounter by date, streamed; the client id and code are
    empty for an anonymous encounter (the caller blanks the code of a client it leaves out)."""
    columns = [
        Client.client_code if key == "client_code" else getattr(Encounter, key) for key in keys
    ]
    query = (
        select(Encounter.client_id, *columns)
        .outerjoin(Client, Client.id == Encounter.client_id)
        .where(Encounter.voided_at.is_(None))
        .order_by(Encounter.occurred_on, Encounter.id)
    )
    # yield_per streams (a server-side cursor on PostgreSQL); partitions fetch a batch at
    # a time rather than a row per call.
    for batch in _rows(session, query.execution_options(yield_per=STREAM_ROWS)).partitions():
        yield from map(tuple, batch)
