"""The stored status of every client after each completed assessment (`status_after_assessment`).

The rows are computed by the recovery rules' own walk, which lives above this
layer; the reports layer hands that computation in once (`set_rebuilder`), and
every save that changes what the walk reads calls `rebuild` for its clients
inside its own transaction. Without a rebuilder a save fails rather than leave
the stored status behind the record.

Reading is a date comparison: the row that holds at `as_of` is the one with
`assessed_on <= as_of < next_on`, and it is a known status only when
`assessed_on` is within 183 days of `as_of` (`since` below).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, bindparam, delete, func, insert, null, or_, select
from sqlalchemy.orm import Session

from db import codes
from db.chunk_rows import ManyRows, id_slots, id_values, slot_count
from db.driver import Prepared
from db.engine import Database
from db.models import Assessment, Base, Client, Event, SubstanceRecord
from db.models import StatusAfterAssessment as Status

# (session, client ids or None for every client) -> None
Rebuilder = Callable[[Session, "Sequence[int] | None"], None]
_rebuilder: list[Rebuilder] = []

# In the order of reports.rules.recovery.ClassStatus's fields; deceased_on is never
# stored (a death is read from the record at the as-of date) and reads as NULL.
STATUS_COLUMNS = (
    "substance_class",
    "is_primary",
    "dsm_status",
    "remission_type",
    "severity",
    "controlled_environment",
    "maintenance_therapy",
    "sobriety",
    "recovery_status",
    "recovery_timeframe",
    "remission_episodes",
    "recurrences",
    "recovery_attempts",
    "assessed_on",
    "a_on",
    "b_on",
    "last_use_on",
    "deceased_on",
    "goal",
    "self_identified_recovery",
)
_INSERT_CHUNK = 5000
_TABLE = Base.metadata.tables[Status.__tablename__]
_DELETE = delete(_TABLE).where(_TABLE.c.client_id.in_(bindparam("ids", expanding=True)))
# One client (every save): compiled once and sent to the driver (db/driver.py).
_DELETE_ONE = Prepared(delete(_TABLE).where(_TABLE.c.client_id == bindparam("id")))
_INSERT = Prepared(insert(_TABLE), [c.key for c in _TABLE.columns])
log = logging.getLogger(__name__)


def set_rebuilder(rebuilder: Rebuilder) -> None:
    """Name the computation that rewrites clients' rows (reports.datasets.status_store)."""
    _rebuilder[:] = [rebuilder]


def rebuild(session: Session, client_ids: Sequence[int] | None) -> None:
    """Rewrite the rows of `client_ids` (None: every client) in the caller's transaction."""
    if not _rebuilder:
        raise RuntimeError("the stored status cannot be rebuilt: reports are not loaded")
    if client_ids is None or client_ids:
        _rebuilder[0](session, client_ids)


def replace(session: Session, client_ids: Sequence[int], rows: Sequence[Mapping[str, Any]]) -> None:
    """Delete the rows of `client_ids` and insert `rows` (theirs, as dicts of the columns)."""
    # Statements built once, not the ORM's bulk insert: that splits the rows into
    # a statement per pattern of NULLs, three times slower here; a save runs these.
    connection = session.connection()
    ids = list(client_ids)
    if len(ids) == 1:
        _DELETE_ONE.execute(connection, {"id": ids[0]})
        ids = []
    for start in range(0, len(ids), _INSERT_CHUNK):
        connection.execute(_DELETE, {"ids": ids[start : start + _INSERT_CHUNK]})
    for start in range(0, len(rows), _INSERT_CHUNK):
        _INSERT.execute_many(connection, rows[start : start + _INSERT_CHUNK])


def delete_all(session: Session) -> None:
    session.execute(delete(Status))


def _columns() -> list[Any]:
    return [
        null().label(name) if name == "deceased_on" else getattr(Status, name)
        for name in STATUS_COLUMNS
    ]


def holding(as_of: dt.date | ColumnElement[Any]) -> Any:
    """The condition of the row that holds at `as_of` (known or not); `as_of` a date or a
    bound parameter."""
    return (Status.assessed_on <= as_of) & or_(Status.next_on.is_(None), Status.next_on > as_of)


@functools.cache
def _headlines() -> ManyRows:
    # Read at the driver's speed (db/chunk_rows.py): classifying the agency at twelve
    # month-ends reads some 280,000 of these rows at 100,000 clients.
    return ManyRows(
        select(Status.client_id, *_columns())
        .where(
            Status.position == 0,
            Status.assessed_on >= bindparam("since", type_=Status.assessed_on.type),
            holding(bindparam("as_of", type_=Status.assessed_on.type)),
        )
        .order_by(Status.client_id)
    )


def headlines_at(session: Session, as_of: dt.date, since: dt.date) -> list[tuple[Any, ...]]:
    """The headline rows of every client at `as_of` whose d_last is on or after `since`,
    by client id, a column at a time: client_id, then STATUS_COLUMNS."""
    return _headlines().columns(session.connection(), {"as_of": as_of, "since": since})


def headline_counts(session: Session, as_of: dt.date, since: dt.date) -> list[tuple[Any, ...]]:
    """(dsm_status, recovery_status, remission_type, clients) of the headline rows that
    hold at `as_of` with d_last on or after `since`: every client counted as if alive (a
    death is read from the record at the date, by the caller). Read from the headline
    index alone, which holds these columns."""
    stmt = (
        select(Status.dsm_status, Status.recovery_status, Status.remission_type, func.count())
        .where(Status.position == 0, Status.assessed_on >= since, holding(as_of))
        .group_by(Status.dsm_status, Status.recovery_status, Status.remission_type)
    )
    return [tuple(row) for row in session.execute(stmt)]


def client_state_at(session: Session, client_id: int, as_of: dt.date) -> list[Any]:
    """The rows (STATUS_COLUMNS) of one client that hold at `as_of`, headline first."""
    stmt = (
        select(*_columns())
        .where(Status.client_id == client_id, holding(as_of))
        .order_by(Status.position)
    )
    return list(session.execute(stmt))


def stored_rows(session: Session, client_ids: Sequence[int]) -> list[Any]:
    """Every stored row of `client_ids` (client_id, assessed_on, position, next_on,
    *STATUS_COLUMNS), in key order: what the check compares with a fresh walk."""
    stmt = (
        select(Status.client_id, Status.assessed_on, Status.position, Status.next_on, *_columns())
        .where(Status.client_id.in_(list(client_ids)))
        .order_by(Status.client_id, Status.assessed_on, Status.position)
    )
    return list(session.execute(stmt))


def merged_with_rows(session: Session) -> list[int]:
    """Clients merged into another that still have stored rows (a rebuild removes them)."""
    stmt = (
        select(Status.client_id)
        .join(Client, Client.id == Status.client_id)
        .where(Client.merged_into_id.is_not(None))
        .distinct()
    )
    return list(session.scalars(stmt))


def merged_client_ids(session: Session) -> list[int]:
    """Every client merged into another (a merge leaves it no stored rows, but a count
    over the rows must not trust that)."""
    return list(session.scalars(select(Client.id).where(Client.merged_into_id.is_not(None))))


def fill_if_missing(database: Database) -> bool:
    """Store every client's status if nothing is stored while substance records exist:
    a database from before the stored status (migration 0008). Returns whether it did."""
    with database.reading() as session:
        stored = session.scalar(select(Status.client_id).limit(1))
        recorded = session.scalar(select(SubstanceRecord.id).limit(1))
    if stored is not None or recorded is None:
        return False
    log.info("storing every client's status after each assessment (once)")
    with database.writing() as session:
        rebuild(session, None)
    return True


def death_of(session: Session, client_id: int) -> dt.date | None:
    """The client's death by the rules' definition: the earliest death event or deceased
    contact (DOMAIN.md §8), whichever is first."""
    event = session.scalar(
        select(func.min(Event.occurred_on)).where(
            Event.client_id == client_id, Event.event == codes.DEATH
        )
    )
    contact = session.scalar(
        select(func.min(Assessment.assessed_on)).where(
            Assessment.client_id == client_id, Assessment.contact_status == "deceased"
        )
    )
    return min((d for d in (event, contact) if d is not None), default=None)


def rows_between(
    session: Session,
    client_ids: Sequence[int],
    first: dt.date,
    last: dt.date,
    *,
    headlines: bool = False,
) -> list[tuple[Any, ...]]:
    """(client_id, next_on, *STATUS_COLUMNS) of the rows of `client_ids` (a chunk of a few
    thousand) that hold at some date from `first` to `last`, by client, date and
    position; with `headlines`, only each client's headline class (position 0)."""
    ids = list(client_ids)
    if not ids:
        return []
    slots = slot_count(ids)
    bound = {**id_values(ids, slots), "first": first, "last": last}
    return _between(slots, headlines).rows(session.connection(), bound)


@functools.lru_cache(maxsize=32)
def _between(slots: int, headlines: bool) -> ManyRows:
    stmt = select(Status.client_id, Status.next_on, *_columns()).where(
        id_slots(Status.client_id, slots),
        Status.assessed_on <= bindparam("last"),
        or_(Status.next_on.is_(None), Status.next_on > bindparam("first")),
    )
    if headlines:
        # Not `position = 0`: SQLite would then walk the headline index over every
        # client's rows instead of the primary key over the chunk's (+ 0 hides it).
        stmt = stmt.where(Status.position + 0 == 0)
    return ManyRows(stmt.order_by(Status.client_id, Status.assessed_on, Status.position))
