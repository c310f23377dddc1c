"""The recovery and harm rules over the whole agency, against raw sqlite3 reading the same rows.

The baseline is the loading floor: the four statements per chunk of clients
that `db.histories` runs, through the bare sqlite3 module, fetching plain
tuples and building nothing. What the program adds on top of it is turning
rows into histories and running the rules.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from db import report_queries as queries
from db.engine import Database
from db.histories import (
    ASSESSMENT_COLUMNS,
    CLIENT_COLUMNS,
    DEFAULT_CHUNK,
    EVENT_COLUMNS,
    SUBSTANCE_COLUMNS,
)
from db.startup import open_database
from reports.dates import Period, month_ends
from reports.harm import EVENT_INDICATOR
from reports.harm_summary import area_tallies, summarise_harm
from reports.histories import load_histories
from reports.recovery import classify, classify_series
from tests.bench.agency import TODAY, cached_agency
from tests.bench.measure import Figure, Timing, wall_and_cpu

# The last whole month before the demo's today: what a manager reports on.
AS_OF = dt.date(TODAY.year, TODAY.month, 1) - dt.timedelta(days=1)
MONTH = Period.month(AS_OF.year, AS_OF.month)
HARM_PERIOD = Period.twelve_months_ending(AS_OF)  # the report's harm period
TREND = month_ends(AS_OF, 12)
REPEAT = 3
BUDGET_S = 20.0  # stop repeating a run this slow: one already shows the miss


def run(folder: Path, clients: int = 100_000) -> list[Figure]:
    path = cached_agency(clients)
    database = open_database(str(path))
    try:
        floor = wall_and_cpu(lambda: _raw_rows(path, None), REPEAT)
        one = wall_and_cpu(lambda: _classify_all(database), REPEAT, BUDGET_S)
        twelve = wall_and_cpu(lambda: _classify_twelve(database), REPEAT, BUDGET_S)
        with database.reading() as session:
            assessed = queries.assessed_client_ids(session, HARM_PERIOD.start, HARM_PERIOD.end)
        harm_floor = wall_and_cpu(lambda: _raw_rows(path, assessed), REPEAT)
        harm = wall_and_cpu(lambda: _harm_of_month(database), REPEAT, BUDGET_S)
    finally:
        database.dispose()
    whole = f"{clients:,} clients; baseline: raw sqlite3 reading their rows"
    return [
        _figure(f"classify agency at {AS_OF}", one, 3.0, floor, whole),
        _figure("classify agency at 12 month-ends, one pass", twelve, 6.0, floor, whole),
        _figure(
            f"harm summary, report of {AS_OF:%Y-%m}",
            harm,
            2.0,
            harm_floor,
            f"{len(assessed):,} clients assessed in the 12 months; with the SQL tallies",
        ),
    ]


def _figure(name: str, t: Timing, target: float, floor: Timing, note: str) -> Figure:
    return Figure(
        name,
        t.wall,
        target,
        floor.wall,
        note=f"{note}; median of {t.runs}",
        cpu_seconds=t.cpu,
        baseline_cpu_seconds=floor.cpu,
    )


def _classify_all(database: Database) -> int:
    classes = 0
    with database.reading() as session:
        for history in load_histories(session, until=AS_OF):
            classes += len(classify(history, AS_OF))
    return classes


def _classify_twelve(database: Database) -> int:
    classes = 0
    with database.reading() as session:
        for history in load_histories(session, until=AS_OF):
            classes += len(classify_series(history, TREND)[-1])
    return classes


def _harm_of_month(database: Database) -> object:
    """What the monthly report's harm section computes: the rules over the histories of the
    clients assessed in its 12 months, SQL counts for everyone else and the month's areas."""
    start, end = HARM_PERIOD.start, HARM_PERIOD.end
    with database.reading() as session:
        ids = queries.assessed_client_ids(session, start, end)
        summary = summarise_harm(load_histories(session, ids, until=AS_OF), HARM_PERIOD)
        others = (
            queries.unassessed_with_events(session, start, end, EVENT_INDICATOR),
            queries.event_totals(session, start, end),
        )
        tallies = area_tallies(
            queries.programme_tallies(session, MONTH.start, MONTH.end),
            queries.known_deaths_by_area(session, MONTH.start, MONTH.end),
        )
    return summary, others, tallies


def _raw_rows(path: Path, client_ids: Sequence[int] | None) -> int:
    """The rows load_histories reads (up to AS_OF), chunk by chunk, as plain tuples."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if client_ids is None:
            ids = [
                i
                for (i,) in conn.execute(
                    "SELECT id FROM clients WHERE merged_into_id IS NULL ORDER BY id"
                )
            ]
        else:
            ids = sorted(client_ids)
        rows = 0
        for start in range(0, len(ids), DEFAULT_CHUNK):
            chunk = ids[start : start + DEFAULT_CHUNK]
            for sql, args in _chunk_sql(chunk, client_ids is None):
                rows += len(conn.execute(sql, args).fetchall())
        return rows
    finally:
        conn.close()


def _chunk_sql(chunk: list[int], contiguous: bool) -> list[tuple[str, list[object]]]:
    ids: list[object] = [chunk[0], chunk[-1]] if contiguous else list(chunk)
    where = "BETWEEN ? AND ?" if contiguous else f"IN ({', '.join('?' * len(chunk))})"
    day = AS_OF.isoformat()

    def cols(prefix: str, names: Sequence[str]) -> str:
        return ", ".join(f'{prefix}"{name}"' for name in names)

    return [
        (
            f"SELECT {cols('', CLIENT_COLUMNS)} FROM clients WHERE id {where} "
            "AND merged_into_id IS NULL ORDER BY id",
            ids,
        ),
        (
            f"SELECT {cols('', ASSESSMENT_COLUMNS)} FROM assessments WHERE client_id {where} "
            "AND assessed_on <= ? ORDER BY client_id, assessed_on",
            [*ids, day],
        ),
        (
            f"SELECT {cols('s.', SUBSTANCE_COLUMNS)} FROM substance_records s JOIN assessments a "
            f"ON a.id = s.assessment_id WHERE a.client_id {where} AND a.assessed_on <= ? "
            "ORDER BY s.assessment_id, s.id",
            [*ids, day],
        ),
        (
            f"SELECT {cols('', EVENT_COLUMNS)} FROM events WHERE client_id {where} "
            "AND occurred_on <= ? ORDER BY client_id, occurred_on, id",
            [*ids, day],
        ),
    ]
