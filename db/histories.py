"""Client histories for the recovery and harm rules, many clients per statement.

A whole agency is read in chunks of consecutive client ids, four statements
per chunk (clients, assessments, their substance records, events), each
ordered so that the caller can group rows in one pass. Rows come back as
plain tuples (db.chunk_rows) in the column order of the *_COLUMNS tuples below;
`reports.datasets.histories` turns them into the rules' dataclasses.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, bindparam, null, or_, select
from sqlalchemy.orm import Session

from db import assessments, codes
from db.chunk_rows import ManyRows, id_slots, id_values, slot_count
from db.driver import Prepared
from db.models import Assessment, Client, Event, SubstanceRecord

CLIENT_COLUMNS = (
    "id",
    "client_code",
    "birth_date",
    "postal_code",
    "sex_at_birth",
    "gender",
    "race",
    "ethnicity",
)
BARC10_COLUMNS = tuple(f"barc10_{i}" for i in range(1, 11))
# The stored answers in the order db.assessments keeps them, behind the keys to group by.
_KEYS = ("client_id", "id")
# Why a discharge happened is for the people reading the record; no rule reads it.
_NOT_FOR_RULES = ("discharge_reason", "discharge_note")
ASSESSMENT_COLUMNS = (
    *_KEYS,
    *(c for c in assessments.ASSESSMENT_COLUMNS if c not in _NOT_FOR_RULES),
)
SUBSTANCE_COLUMNS = ("assessment_id", *assessments.SUBSTANCE_COLUMNS)
EVENT_COLUMNS = ("client_id", "occurred_on", "event", "count")
DEFAULT_CHUNK = 2000

Row = Sequence[Any]


@dataclass(frozen=True, slots=True)
class HistoryRows:
    """The rows of one chunk of clients, each list ordered by client then date (or, read
    `by_column`, its columns: one tuple per column, the values in that order)."""

    clients: Sequence[Row]
    assessments: Sequence[Row]
    substances: Sequence[Row]
    events: Sequence[Row]


def _columns(model: Any, names: Sequence[str]) -> list[Any]:
    return [getattr(model, name) for name in names]


def active_client_ids(session: Session) -> list[int]:
    """Ids of clients not merged into another, ascending."""
    stmt = select(Client.id).where(Client.merged_into_id.is_(None)).order_by(Client.id)
    return list(session.scalars(stmt))


def _in_chunk(column: Any, slots: int | None, ranged: bool) -> ColumnElement[bool]:
    # A range (every client, or the one client a save rebuilds) uses the (client_id,
    # date) indexes by BETWEEN; other chunks bind one id per slot (db.chunk_rows).
    in_range = column.between(bindparam("first"), bindparam("last"))
    if slots is None:
        return in_range
    # PostgreSQL plans 2,000 ids alone as a scan of the whole table per chunk (150 ms
    # for a chunk's substance rows at 100,000 clients; 30-50 ms with the chunk's range
    # beside them). SQLite probes the index per id, and given the range it scans it
    # instead (20 -> 33 ms): there the ids go alone.
    return and_(in_range, id_slots(column, slots)) if ranged else id_slots(column, slots)


def _bound(
    ids: Sequence[int], slots: int | None, until: dt.date | None, events_from: dt.date | None
) -> dict[str, Any]:
    bound: dict[str, Any] = {
        "until": until,
        "events_from": events_from,
        "first": ids[0],
        "last": ids[-1],
    }
    if slots is not None:
        bound.update(id_values(ids, slots))
    return bound


def _assessment_columns(wanted: Collection[str] | None) -> list[Any]:
    """ASSESSMENT_COLUMNS in their order; a column not `wanted` reads as NULL, which
    costs neither reading nor converting and keeps every row the same shape."""
    return [
        getattr(Assessment, name)
        if wanted is None or name in wanted or name in _KEYS
        else null().label(name)
        for name in ASSESSMENT_COLUMNS
    ]


def _statements(
    slots: int | None,
    until: bool,
    wanted: frozenset[str] | None,
    events_from: bool,
    ranged: bool = False,
) -> tuple[Select[Any], ...]:
    """The four statements of a chunk; `until` and `events_from` are bound by those names
    when asked for, so a statement serves every date."""
    clients = select(*_columns(Client, CLIENT_COLUMNS)).where(
        _in_chunk(Client.id, slots, ranged), Client.merged_into_id.is_(None)
    )
    assessments = select(*_assessment_columns(wanted)).where(
        _in_chunk(Assessment.client_id, slots, ranged), Assessment.voided_at.is_(None)
    )
    substances = (
        select(*_columns(SubstanceRecord, SUBSTANCE_COLUMNS))
        .join(Assessment, Assessment.id == SubstanceRecord.assessment_id)
        .where(_in_chunk(Assessment.client_id, slots, ranged), Assessment.voided_at.is_(None))
    )
    events = select(*_columns(Event, EVENT_COLUMNS)).where(
        _in_chunk(Event.client_id, slots, ranged), Event.voided_at.is_(None)
    )
    if until:
        assessments = assessments.where(Assessment.assessed_on <= bindparam("until"))
        substances = substances.where(Assessment.assessed_on <= bindparam("until"))
        events = events.where(Event.occurred_on <= bindparam("until"))
    if events_from:
        events = events.where(
            or_(Event.occurred_on >= bindparam("events_from"), Event.event == codes.DEATH)
        )
    return (
        clients.order_by(Client.id),
        assessments.order_by(Assessment.client_id, Assessment.assessed_on),
        # Ordered like the assessments so the planner walks them by their
        # (client_id, assessed_on) index instead of scanning every substance row.
        substances.order_by(Assessment.client_id, Assessment.assessed_on, SubstanceRecord.id),
        events.order_by(Event.client_id, Event.occurred_on, Event.id),
    )


@functools.lru_cache(maxsize=64)
def _prepared(
    until: bool, wanted: frozenset[str] | None, events_from: bool
) -> tuple[Prepared, ...]:
    """The statements of one client's history (a save's rebuild), compiled once."""
    return tuple(Prepared(s) for s in _statements(None, until, wanted, events_from))


@functools.lru_cache(maxsize=64)
def _many(
    slots: int | None,
    until: bool,
    wanted: frozenset[str] | None,
    events_from: bool,
    ranged: bool,
) -> tuple[ManyRows, ...]:
    """The statements of a chunk of clients (a report), compiled once."""
    return tuple(ManyRows(s) for s in _statements(slots, until, wanted, events_from, ranged))


def _one_client(
    session: Session,
    client_id: int,
    until: dt.date | None,
    wanted: frozenset[str] | None,
    substances: bool,
    events_from: dt.date | None,
    by_column: bool,
) -> HistoryRows:
    statements = _prepared(until is not None, wanted, events_from is not None)
    clients, assessments, records, events = statements
    connection = session.connection()
    bound = _bound([client_id], None, until, events_from)
    found = HistoryRows(
        clients.rows(connection, bound),
        assessments.rows(connection, bound),
        records.rows(connection, bound) if substances else [],
        events.rows(connection, bound),
    )
    if not by_column:
        return found
    return HistoryRows(
        _transposed(found.clients, CLIENT_COLUMNS),
        _transposed(found.assessments, ASSESSMENT_COLUMNS),
        _transposed(found.substances, SUBSTANCE_COLUMNS),
        _transposed(found.events, EVENT_COLUMNS),
    )


def _transposed(rows: Sequence[Row], names: Sequence[str]) -> list[tuple[Any, ...]]:
    return list(zip(*rows, strict=True)) if rows else [() for _ in names]


def history_rows(
    session: Session,
    client_ids: Sequence[int] | None = None,
    *,
    until: dt.date | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    substances: bool = True,
    assessment_columns: Collection[str] | None = None,
    events_from: dt.date | None = None,
    by_column: bool = False,
) -> Iterator[HistoryRows]:
    """The histories of `client_ids` (default: every client not merged), chunk by chunk.

    `until` leaves out what happened after that date; a status at an as-of
    date never reads later rows. Assessments of every contact status are
    included: a `deceased` contact matters even though only `completed` ones
    carry answers. Voided records are not history: they are never read here.
    `substances=False` skips the substance records (an empty list);
    `assessment_columns` names the stored answers to read (the keys are always
    read; the others come back as None). `events_from` leaves out the events
    before that date, except a death. `by_column` gives each list a column at a
    time (a tuple per name of its *_COLUMNS, in that order) instead of rows.
    """
    ids = active_client_ids(session) if client_ids is None else sorted(set(client_ids))
    wanted = None if assessment_columns is None else frozenset(assessment_columns)
    ranged = session.get_bind().dialect.name == "postgresql"
    if client_ids is not None and len(ids) == 1:
        # Every save rebuilds its client's stored status from these four reads.
        yield _one_client(session, ids[0], until, wanted, substances, events_from, by_column)
        return
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start : start + chunk_size]
        contiguous = client_ids is None or chunk[-1] - chunk[0] == len(chunk) - 1
        slots = None if contiguous else slot_count(chunk)
        statements = _many(slots, until is not None, wanted, events_from is not None, ranged)
        clients, assessments, records, events = statements
        bound = _bound(chunk, slots, until, events_from)
        connection = session.connection()
        read = ManyRows.columns if by_column else ManyRows.rows
        no_records = _transposed([], SUBSTANCE_COLUMNS) if by_column else []
        yield HistoryRows(
            read(clients, connection, bound),
            read(assessments, connection, bound),
            read(records, connection, bound) if substances else no_records,
            read(events, connection, bound),
        )
