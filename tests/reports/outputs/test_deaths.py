"""One definition of a death in every table (DOMAIN.md §8): a death event or a deceased
contact, dated by whichever was recorded first, counted once per client."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from db.dates import Period
from db.engine import Database
from db.startup import open_database
from forms import records
from reports.outputs.monthly_data import build_report_data
from reports.tables.report_data import ReportData
from tests.accounts import actor_of
from tests.reports.hand_agency import substance, visit

TODAY = dt.date(2027, 3, 1)
YEAR = Period(dt.date(2025, 11, 1), dt.date(2026, 10, 31))


def _client(database: Database, code: str, postal: str) -> int:
    return records.create_client(
        database,
        actor_of(database),
        {
            "client_code": code,
            "given_name": "Wren",
            "family_name": code,
            "birth_date": "1980-01-01",
            "postal_code": postal,
        },
        TODAY,
    )


def _intake(database: Database, client: int, on: str) -> None:
    records.add_assessment(
        database,
        actor_of(database),
        client,
        visit(on, "intake"),
        substance("opioid", "larger_longer;cut_down"),
        TODAY,
    )


def _contact(database: Database, client: int, on: str, status: str) -> None:
    records.add_assessment(
        database,
        actor_of(database),
        client,
        {"assessed_on": on, "kind": "follow_up", "contact_status": status},
        [],
        TODAY,
    )


def _event(database: Database, client: int, on: str, count: int = 1) -> None:
    records.add_event(
        database,
        actor_of(database),
        client,
        {"occurred_on": on, "event": "death", "count": count},
        TODAY,
    )


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """Five clients, three deaths in the year:
    - by a death event (entered with count 2 by mistake: still one death);
    - by a deceased contact only;
    - by a deceased contact in the year, then a death event entered later (one death);
    - a death before the year (a contact in 2025-06, an event in the year): not in it;
    - alive, assessed in the year."""
    database = open_database(str(tmp_path_factory.mktemp("deaths") / "agency.sqlite3"))
    ids = [_client(database, f"D{i}", "97201") for i in range(5)]
    for client in ids:
        _intake(database, client, "2025-03-01")
    _event(database, ids[0], "2026-02-10", count=2)
    _contact(database, ids[1], "2026-04-01", "deceased")
    _contact(database, ids[2], "2026-05-01", "deceased")
    _event(database, ids[2], "2026-06-15")
    _contact(database, ids[3], "2025-06-01", "deceased")
    _event(database, ids[3], "2026-01-05")
    records.add_assessment(
        database,
        actor_of(database),
        ids[4],
        visit("2026-09-01", "follow_up"),
        substance("opioid"),
        TODAY,
    )
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def year(agency: Database) -> ReportData:
    return build_report_data(agency, actor_of(agency), YEAR, internal=True)


def test_every_table_counts_the_three_deaths_of_the_year(year: ReportData) -> None:
    events = year.table("event_totals")
    assert events.row("Death (clients; a death event or a deceased contact)").values == (3,)
    flagged = year.table("harm_self").row("Death").values
    assert flagged[0] == 3  # all clients counted in harm
    community = year.community
    deaths = community.columns.index("Known deaths")
    assert community.row("All areas").values[deaths] == 3


def test_the_dead_are_counted_in_harm_even_without_an_assessment(year: ReportData) -> None:
    # The four with a record in the year: the three deaths and the living client's
    # follow-up (the death before the year is not in it).
    assert year.table("harm_clients").row(
        "Clients with an event, a death or a completed assessment"
    ).values == (4,)
