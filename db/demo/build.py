"""The synthetic demo agency: `recovery-desk demo --clients N --seed S`.

Deterministic for a seed and `today` (no global random, no clock), realistic
enough for a manager to recognise the caseload, and fast: clients are built
in chunks, each chunk's rows go in with Core executemany inserts in one
transaction, and primary keys are assigned here so that child rows need no
round trip. Memory stays flat whatever the number of clients.

Nothing here is a real person's data (see `db.demo.people`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, select, text

from db.demo.harm import anonymous_encounters
from db.demo.rows import CODE_PREFIX, TABLES, Ids, Rows, add_client
from db.engine import Database
from db.jobs import IsCancelled, Progress
from db.models import Base

log = logging.getLogger(__name__)

AGENCY_NAME = "Riverside Harm Reduction (demo)"
# Setting keys and their JSON values (the settings table stores JSON text).
DEMO_SETTINGS = {"agency_name": AGENCY_NAME, "client_code_prefix": CODE_PREFIX}
CHUNK_CLIENTS = 2_000
# Participants who want no record, per registered client of a chunk.
ANONYMOUS_PER_CLIENT = 2.5


@dataclass(frozen=True)
class DemoSummary:
    """How many rows the build wrote; `cancelled` when it stopped at the user's request."""

    clients: int = 0
    consents: int = 0
    episodes: int = 0
    assessments: int = 0
    substance_records: int = 0
    events: int = 0
    encounters: int = 0
    cancelled: bool = False


def build_demo(
    database: Database,
    clients: int,
    seed: int,
    *,
    today: dt.date,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> DemoSummary:
    """Add `clients` synthetic clients, with their whole story, to an existing database.

    Every chunk of clients is committed on its own: when `cancelled()` turns
    true the build stops between chunks and what was committed stays.
    """
    if clients < 0:
        raise ValueError("the number of clients cannot be negative")
    with database.writing() as session:
        _write_settings(session.connection())
    counts = dict.fromkeys(TABLES, 0)
    done = 0
    if progress:
        progress(0, clients)
    while done < clients:
        if cancelled and cancelled():
            log.info("demo build cancelled after %d of %d clients", done, clients)
            return _summary(counts, cancelled=True)
        size = min(CHUNK_CLIENTS, clients - done)
        for name, added in _build_chunk(database, seed, done, size, today).items():
            counts[name] += added
        done += size
        if progress:
            progress(done, clients)
    return _summary(counts, cancelled=False)


def _summary(counts: dict[str, int], cancelled: bool) -> DemoSummary:
    return DemoSummary(
        clients=counts["clients"],
        consents=counts["consents"],
        episodes=counts["episodes"],
        assessments=counts["assessments"],
        substance_records=counts["substance_records"],
        events=counts["events"],
        encounters=counts["encounters"],
        cancelled=cancelled,
    )


def _chunk(seed: int, first: int, size: int, today: dt.date, ids: Ids) -> Rows:
    rows = Rows()
    for index in range(first, first + size):
        add_client(seed, index, today, ids, rows)
    # Seeded by the chunk's first client so a chunk is the same in every build.
    rng = random.Random(seed * 3_000_017 + first * 13 + 7)
    for day, area, tally in anonymous_encounters(rng, round(size * ANONYMOUS_PER_CLIENT), today):
        row = {"id": ids.take("encounters"), "occurred_on": day, "client_id": None}
        rows.add("encounters", {**row, "area": area, **tally})
    return rows


def _build_chunk(
    database: Database, seed: int, first: int, size: int, today: dt.date
) -> dict[str, int]:
    """Generate and insert one chunk in one transaction; returns the rows added per table."""
    with database.writing() as session:
        connection = session.connection()
        postgres = connection.dialect.name == "postgresql"
        if postgres:
            # Keys are taken from max(id): keep other workstations' inserts out
            # until the sequences have moved past this chunk. SQLite's BEGIN
            # IMMEDIATE already holds the write lock.
            connection.execute(text(f"LOCK TABLE {', '.join(TABLES)} IN EXCLUSIVE MODE"))
        ids = Ids({name: _max_id(connection, name) for name in TABLES})
        rows = _chunk(seed, first, size, today, ids)
        for name in TABLES:  # parents before children, for the foreign keys
            if rows.tables[name]:
                connection.execute(insert(Base.metadata.tables[name]), rows.tables[name])
        if postgres:
            _advance_sequences(connection, ids)
    return {name: len(rows.tables[name]) for name in TABLES}


def _max_id(connection: Connection, name: str) -> int:
    table = Base.metadata.tables[name]
    return int(connection.scalar(select(func.coalesce(func.max(table.c.id), 0))) or 0)


def _advance_sequences(connection: Connection, ids: Ids) -> None:
    # Keys were given explicitly, which PostgreSQL sequences do not notice; move
    # them on so that the program's own inserts do not collide with demo rows.
    for name in TABLES:
        if ids.last[name] > 0:
            connection.execute(
                text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :value)"),
                {"table": name, "value": ids.last[name]},
            )


def _write_settings(connection: Connection) -> None:
    table = Base.metadata.tables["settings"]
    connection.execute(delete(table).where(table.c.key.in_(DEMO_SETTINGS)))
    connection.execute(
        insert(table),
        [{"key": key, "value": json.dumps(value)} for key, value in DEMO_SETTINGS.items()],
    )
