"""The recovery and harm rules over the whole agency, against raw sqlite3 reading the same rows.

Classification is measured as `reports.datasets.agency` does it for every report:
every client of the agency gets a status, read from the status stored after each
completed assessment (`db.status_rows`): per date, the headline rows that hold
then and are within 183 days (DOMAIN.md §2), plus the clients and the death dates.
Its baseline is the bare sqlite3 module running those same statements and
fetching plain tuples, building nothing.

For reference, one more row walks every client's full history with the rules,
which no report needs now; its baseline is the four statements per chunk of
clients that `db.histories` runs. Harm still walks histories (DOMAIN.md §7): its
baseline is the same loading floor. Every walk runs with the cyclic garbage
collector paused, as the report's walk does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from db import report_queries as queries
from db.dates import Period, month_ends
from db.engine import Database
from db.histories import (
    ASSESSMENT_COLUMNS,
    CLIENT_COLUMNS,
    DEFAULT_CHUNK,
    EVENT_COLUMNS,
    SUBSTANCE_COLUMNS,
)
from db.jobs import collector_paused
from db.startup import open_database
from db.status_rows import STATUS_COLUMNS
from desktop.passphrase import for_command
from reports.datasets.agency import agency_harm, classify_agency, classify_agency_series
from reports.datasets.areas import pool_areas
from reports.datasets.histories import load_histories
from reports.rules.harm import DEATH_INDICATOR, EVENT_INDICATOR
from reports.rules.recovery import UNKNOWN_AFTER_DAYS, classify
from tests.bench.agency import TODAY, cached_agency, raw_connect
from tests.bench.measure import Figure, timed_figure, wall_and_cpu

# The last whole month before the demo's today: what a manager reports on.
AS_OF = dt.date(TODAY.year, TODAY.month, 1) - dt.timedelta(days=1)
MONTH = Period.month(AS_OF.year, AS_OF.month)
HARM_PERIOD = Period.twelve_months_ending(AS_OF)  # the report's harm period
TREND = month_ends(AS_OF, 12)
REPEAT = 3
SUBSTANCES = 2  # the third statement of a chunk
# The stored columns classification reads (deceased_on is not stored).
STORED = tuple(name for name in STATUS_COLUMNS if name != "deceased_on")
BUDGET_S = 15.0  # stop repeating a run this slow: one already shows the miss


def run(folder: Path, clients: int = 100_000) -> list[Figure]:
    path = cached_agency(clients)
    database = open_database(str(path), passphrase=for_command)
    try:
        with database.reading() as session:
            recent = queries.assessed_client_ids(session, _recent_from(AS_OF), AS_OF)
            trend = queries.assessed_client_ids(session, _recent_from(TREND[0]), AS_OF)
            assessed = queries.assessed_client_ids(session, HARM_PERIOD.start, HARM_PERIOD.end)
        why = "with a stored known status; baseline: raw sqlite3, the same statements"
        return [
            timed_figure(
                f"classify agency at {AS_OF}",
                wall_and_cpu(lambda: _classify(database, [AS_OF]), REPEAT, BUDGET_S),
                3.0,
                wall_and_cpu(lambda: _raw_stored(path, [AS_OF]), REPEAT),
                note=f"{clients:,} clients, {len(recent):,} {why}",
                max_ratio=1.5,
            ),
            timed_figure(
                "classify agency at 12 month-ends",
                wall_and_cpu(lambda: _classify(database, TREND), REPEAT, BUDGET_S),
                6.0,
                wall_and_cpu(lambda: _raw_stored(path, TREND), REPEAT),
                note=f"{clients:,} clients, {len(trend):,} {why}",
                max_ratio=1.5,
            ),
            timed_figure(
                f"reference: every history read and walked at {AS_OF}",
                wall_and_cpu(lambda: _walk_everyone(database), 1),
                None,
                wall_and_cpu(lambda: _raw_rows(path, None), 1),
                note=f"{clients:,} clients walked, as no report needs; baseline: raw sqlite3",
            ),
            timed_figure(
                f"harm summary, report of {AS_OF:%Y-%m}",
                wall_and_cpu(lambda: _harm_of_month(database), REPEAT, BUDGET_S),
                2.0,
                wall_and_cpu(lambda: _raw_rows(path, assessed, substances=False), REPEAT),
                note=f"{len(assessed):,} clients assessed in the 12 months; with the SQL tallies",
            ),
        ]
    finally:
        database.dispose()


def _recent_from(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=UNKNOWN_AFTER_DAYS)


def _classify(database: Database, dates: Sequence[dt.date]) -> int:
    """Every client's status at `dates`, as `reports.datasets.agency` gives it."""
    with database.reading() as session, collector_paused():
        if len(dates) == 1:
            return sum(1 for _ in classify_agency(session, dates[0]))
        return sum(len(s) for _, s in classify_agency_series(session, dates))


def _walk_everyone(database: Database) -> int:
    """The rules over every client's full history, needed or not."""
    classes = 0
    with database.reading() as session, collector_paused():
        for history in load_histories(session, until=AS_OF):
            classes += len(classify(history, AS_OF))
    return classes


def _harm_of_month(database: Database) -> object:
    """What the monthly report's harm section computes: the rules over the histories of the
    clients assessed in its 12 months, SQL counts for everyone else and the month's areas."""
    start, end = HARM_PERIOD.start, HARM_PERIOD.end
    with database.reading() as session:
        summary = agency_harm(session, HARM_PERIOD)
        deaths = queries.death_dates_with_contacts(session, end)
        others = (
            queries.unassessed_with_events(
                session, start, end, EVENT_INDICATOR, deaths, DEATH_INDICATOR
            ),
            queries.event_totals(session, start, end),
        )
        tallies = pool_areas(
            queries.programme_tallies(session, MONTH.start, MONTH.end),
            queries.encounter_people(session, MONTH.start, MONTH.end),
            queries.known_deaths_by_area(session, MONTH.start, MONTH.end, deaths),
            threshold=11,
        )
    return summary, others, tallies


def _raw_stored(path: Path, dates: Sequence[dt.date]) -> int:
    """The statements `classify_agency_series` runs, as plain tuples: the clients, the two
    kinds of death record, and per date the stored headline rows that hold then."""
    columns = ", ".join(f'"{name}"' for name in ("client_id", *STORED))
    conn = raw_connect(path, read_only=True)
    try:
        end = max(dates).isoformat()
        rows = len(
            conn.execute(
                "SELECT id FROM clients WHERE merged_into_id IS NULL ORDER BY id"
            ).fetchall()
        )
        rows += len(
            conn.execute(
                "SELECT client_id, min(occurred_on) FROM events WHERE event = 'death' "
                "AND occurred_on <= ? GROUP BY client_id",
                [end],
            ).fetchall()
        )
        rows += len(
            conn.execute(
                "SELECT client_id, min(assessed_on) FROM assessments "
                "WHERE contact_status = 'deceased' AND assessed_on <= ? GROUP BY client_id",
                [end],
            ).fetchall()
        )
        for day in dates:
            since, on = _recent_from(day).isoformat(), day.isoformat()
            rows += len(
                conn.execute(
                    f"SELECT {columns} FROM status_after_assessment WHERE position = 0 "
                    "AND assessed_on >= ? AND assessed_on <= ? "
                    "AND (next_on IS NULL OR next_on > ?) ORDER BY client_id",
                    [since, on, on],
                ).fetchall()
            )
        return rows
    finally:
        conn.close()


def _raw_rows(path: Path, client_ids: Sequence[int] | None, substances: bool = True) -> int:
    """The rows load_histories reads (up to AS_OF), chunk by chunk, as plain tuples."""
    conn = raw_connect(path, read_only=True)
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
            for index, (sql, args) in enumerate(_chunk_sql(chunk, client_ids is None)):
                if index != SUBSTANCES or substances:
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
