"""The trend's recovery counts, counted by the database from the stored status, equal the
rules applied to every client's full history at each month-end: the 183-day edge, deaths
on a month-end and between two, a voided death, a merged client's rows left behind, on
SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import insert, update

from db import status_rows
from db.dates import Period
from db.engine import Database
from db.models import Assessment, Client, Event
from reports.datasets.histories import load_histories
from reports.datasets.monthly_dataset import monthly_dataset
from reports.datasets.recovery_tally import StatusCounts
from reports.datasets.trend_tally import trend_dates
from reports.rules import recovery as rules
from tests.reports.datasets.test_agency import demo, person_with_one_intake

__all__ = ["demo"]  # the module's 400-client agency, as test_agency builds it
D = dt.date.fromisoformat
OCTOBER_2026 = Period.month(2026, 10)
FOLLOWUP_MONTHS = (3, 6, 12)


def by_the_rules(database: Database, dates: tuple[dt.date, ...]) -> list[StatusCounts]:
    """The reference: each client's headline status at each date from its full history."""
    expected = []
    with database.reading() as session:
        histories = list(load_histories(session))
    for day in dates:
        known = [
            s
            for s in (rules.primary_status(h, day) for h in histories)
            if s.dsm_status not in (rules.UNKNOWN, rules.DECEASED)
        ]
        counts = StatusCounts()
        counts.groups.update(Counter(s.recovery_status for s in known))
        remission = Counter(s.remission_type for s in known)
        counts.remission.update({kind: remission[kind] for kind in counts.remission})
        expected.append(counts)
    return expected


def reported(database: Database, period: Period) -> list[StatusCounts]:
    with database.reading() as session:
        data = monthly_dataset(session, period, FOLLOWUP_MONTHS, pool_below=None)
    return data.trend.status


@pytest.mark.parametrize("period", [OCTOBER_2026, Period.month(2025, 6)])
def test_the_demo_agency_is_counted_as_the_rules_count_it(demo: Database, period: Period) -> None:
    dates = trend_dates(period.end, 12)
    got = reported(demo, period)
    assert got == by_the_rules(demo, dates)
    # Every date counts people in remission, and the demo's dead are among the walked.
    assert all(point.remission["full"] and point.remission["partial"] for point in got)
    with demo.reading() as session:
        dead = {h.client_id for h in load_histories(session) if rules.death_date(h)}
    assert len(dead) > 5


# (client, intake, death event or deceased contact and its date, voided) and the
# month-ends of the October 2026 trend at which the client's status is known.
CLIENTS: list[tuple[int, str, tuple[str, str, bool] | None]] = [
    (1, "2026-04-01", None),  # 182 days to 2026-09-30: known there, not on 10-31
    (2, "2025-12-29", None),  # 2026-06-30 is exactly 183 days on: still known
    (3, "2025-12-28", None),  # 184 days to 2026-06-30: unknown there
    (4, "2026-03-01", ("event", "2026-06-30", False)),  # dies on a month-end
    (5, "2026-05-01", ("contact", "2026-08-15", False)),  # a deceased contact
    (6, "2026-05-01", ("event", "2026-06-15", True)),  # a death entered in error
]
KNOWN_CLIENTS = {
    "2025-11-30": set(),
    "2025-12-31": {2, 3},
    "2026-01-31": {2, 3},
    "2026-02-28": {2, 3},
    "2026-03-31": {2, 3, 4},
    "2026-04-30": {1, 2, 3, 4},
    "2026-05-31": {1, 2, 3, 4, 5, 6},
    "2026-06-30": {1, 2, 5, 6},
    "2026-07-31": {1, 5, 6},
    "2026-08-31": {1, 6},
    "2026-09-30": {1, 6},
    "2026-10-31": {6},
}


def _death(session: Any, i: int, how: str, on: str, voided: bool) -> None:
    if how == "event":
        row = {"client_id": i, "occurred_on": D(on), "event": "death", "count": 1}
        if voided:
            row.update(voided_at=dt.datetime(2026, 7, 1, tzinfo=dt.UTC), void_reason="wrong_client")
        session.execute(insert(Event), [row])
    else:
        contact = {"id": 10 * i + 1, "client_id": i, "kind": "follow_up"}
        session.execute(
            insert(Assessment),
            [{**contact, "assessed_on": D(on), "contact_status": "deceased"}],
        )


def test_the_183rd_day_and_deaths_are_counted_as_the_rules_have_them(
    any_database: Database,
) -> None:
    with any_database.writing() as session:
        for i, intake_on, death in CLIENTS:
            person_with_one_intake(session, i, intake_on)
            if death is not None:
                _death(session, i, *death)
        # Rows written past the program's saves: store their status as a save does.
        status_rows.rebuild(session, [i for i, *_ in CLIENTS])
        # A client merged into another whose rows were left behind (a merge saved through
        # the program removes them): the walk never counted a merged client.
        person_with_one_intake(session, 7, "2026-05-01")
        status_rows.rebuild(session, [7])
        session.execute(update(Client).where(Client.id == 7).values(merged_into_id=1))
    got = reported(any_database, OCTOBER_2026)
    dates = trend_dates(OCTOBER_2026.end, 12)
    assert [d.isoformat() for d in dates] == list(KNOWN_CLIENTS)
    assert [sum(point.groups.values()) for point in got] == [len(k) for k in KNOWN_CLIENTS.values()]
    assert got == by_the_rules(any_database, dates)
