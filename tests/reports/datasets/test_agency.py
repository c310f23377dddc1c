"""The whole-agency answers equal the rules applied to every client's full history."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import insert

from db import status_rows
from db.dates import Period
from db.demo import build_demo
from db.engine import Database
from db.models import Assessment, Client, Event, SubstanceRecord
from reports.datasets.agency import agency_harm, classify_agency, classify_agency_series
from reports.datasets.harm_summary import summarise_harm
from reports.datasets.histories import load_histories
from reports.datasets.trend_tally import trend_dates
from reports.rules import recovery as rules

TODAY = dt.date(2026, 11, 27)
D = dt.date.fromisoformat


def headline_fields(status: rules.ClassStatus) -> tuple[object, ...]:
    """What a whole-agency status promises: the status itself, not a walk's history detail."""
    return (
        status.dsm_status,
        status.remission_type,
        status.severity,
        status.controlled_environment,
        status.maintenance_therapy,
        status.sobriety,
        status.recovery_status,
        status.recovery_timeframe,
        status.deceased_on,
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    from db.startup import open_database

    db = open_database(str(tmp_path_factory.mktemp("agency") / "demo.sqlite3"))
    build_demo(db, 400, 5, today=TODAY)
    yield db
    db.dispose()


def naive(database: Database, as_of: dt.date) -> dict[int, rules.ClassStatus]:
    with database.reading() as session:
        return {
            h.client_id: rules.primary_status(h, as_of)
            for h in load_histories(session, until=as_of)
        }


@pytest.mark.parametrize("as_of", [D("2026-10-31"), D("2025-06-30"), D("2023-01-15")])
def test_every_demo_client_gets_the_status_of_its_full_history(
    demo: Database, as_of: dt.date
) -> None:
    expected = naive(demo, as_of)
    with demo.reading() as session:
        got = dict(classify_agency(session, as_of))
    assert list(got) == sorted(expected)  # every client, once, by id
    for client_id, status in got.items():
        assert headline_fields(status) == headline_fields(expected[client_id]), client_id
    # The demo has every kind of client at the date: the comparison covers them all.
    kinds = Counter(s.dsm_status for s in got.values())
    assert kinds[rules.UNKNOWN] and kinds[rules.DECEASED] and kinds[rules.EARLY_REMISSION]


def test_twelve_month_ends_in_one_pass_equal_each_date_alone(demo: Database) -> None:
    dates = trend_dates(D("2026-10-31"), 12)
    with demo.reading() as session:
        series = dict(classify_agency_series(session, dates))
        alone = [dict(classify_agency(session, d)) for d in dates]
    for client_id, statuses in series.items():
        for at_date, status in zip(alone, statuses, strict=True):
            assert headline_fields(status) == headline_fields(at_date[client_id])


def person_with_one_intake(session: Any, i: int, intake_on: str) -> None:
    """A client with one completed intake (opioids, three criteria)."""
    session.execute(
        insert(Client),
        [
            {
                "id": i,
                "client_code": f"A-{i}",
                "given_name": "A",
                "family_name": "B",
                "given_search": "a",
                "family_search": "b",
                "birth_date": D("1980-01-01"),
            }
        ],
    )
    session.execute(
        insert(Assessment),
        [
            {
                "id": 10 * i,
                "client_id": i,
                "assessed_on": D(intake_on),
                "kind": "intake",
                "contact_status": "completed",
            }
        ],
    )
    session.execute(
        insert(SubstanceRecord),
        [
            {
                "assessment_id": 10 * i,
                "substance_class": "opioid",
                "primary": True,
                "criteria": "craving;tolerance;withdrawal",
            }
        ],
    )


def test_deceased_and_unknown_without_reading_the_history(database: Database) -> None:
    with database.writing() as s:
        for i in (1, 2, 3):
            person_with_one_intake(s, i, "2024-01-10")
        s.execute(
            insert(Event),
            [{"client_id": 1, "occurred_on": D("2025-03-01"), "event": "death", "count": 1}],
        )
        s.execute(
            insert(Assessment),
            [
                {
                    "id": 21,
                    "client_id": 2,
                    "kind": "follow_up",
                    "assessed_on": D("2025-02-01"),
                    "contact_status": "deceased",
                }
            ],
        )
        # Rows written past the program's saves: store their status as a save does.
        status_rows.rebuild(s, [1, 2, 3])
    with database.reading() as session:
        before = dict(classify_agency(session, D("2025-01-31")))
        after = dict(classify_agency(session, D("2025-03-31")))
        recent = dict(classify_agency(session, D("2024-02-01")))
    assert [s.dsm_status for s in before.values()] == [rules.UNKNOWN] * 3
    assert [(s.dsm_status, s.deceased_on) for s in after.values()] == [
        (rules.DECEASED, D("2025-03-01")),
        (rules.DECEASED, D("2025-02-01")),
        (rules.UNKNOWN, None),
    ]
    assert after[1].recovery_status == rules.NOT_APPLICABLE
    # Within 183 days of the intake the history is walked: a status with its class.
    assert {(s.substance_class, s.dsm_status) for s in recent.values()} == {
        ("opioid", rules.ACTIVE)
    }


def test_agency_harm_equals_the_summary_of_full_histories(demo: Database) -> None:
    period = Period.twelve_months_ending(D("2026-10-31"))
    with demo.reading() as session:
        expected = summarise_harm(
            (
                h
                for h in load_histories(session, until=period.end)
                if any(
                    a.contact_status == "completed" and a.assessed_on in period
                    for a in h.assessments
                )
            ),
            period,
        )
        got = agency_harm(session, period)
    assert got == expected
    assert got.assessed > 50 and got.paired.pairs > 10
