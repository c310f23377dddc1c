"""Who the recovery tables count, and who they leave out and why (DOMAIN.md §2, §8):
a client not assessed for 183 days has an unknown status; the report tells apart those
the agency still follows (a follow-up task) from those it no longer follows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from db.dates import Period
from db.engine import Database
from db.startup import open_database
from forms import records
from reports.outputs.monthly_data import build_report_data
from tests.accounts import actor_of
from tests.reports.hand_agency import substance, visit

TODAY = dt.date(2027, 3, 1)
OCTOBER = Period.month(2026, 10)
CRITERIA = "larger_longer;cut_down"


def _client(database: Database, code: str) -> int:
    return records.create_client(
        database,
        actor_of(database),
        {
            "client_code": code,
            "given_name": "Wren",
            "family_name": code,
            "birth_date": "1980-01-01",
        },
        TODAY,
    )


def _visit(database: Database, client: int, on: str, kind: str) -> None:
    records.add_assessment(
        database, actor_of(database), client, visit(on, kind), substance("opioid", CRITERIA), TODAY
    )


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """On 2026-10-31, with follow-ups at 3, 6 and 12 months (the last window closes 14
    months after intake):
    - KNOWN: intake 2026-09-01: assessed within 183 days;
    - DUE: intake 2026-03-01, never back: 244 days, still inside its schedule;
    - DUE2: intake 2025-09-10, follow-up 2026-01-05: 299 days, schedule ends 2026-11-10;
    - DISCHARGED: intake 2024-01-10, discharged 2024-03-01;
    - ENDED: intake 2024-06-01, follow-up 2024-09-01, not seen since: schedule over;
    - DEAD: intake 2025-01-10, a death event 2025-12-01."""
    database = open_database(str(tmp_path_factory.mktemp("population") / "agency.sqlite3"))
    plan = {
        "KNOWN": [("2026-09-01", "intake")],
        "DUE": [("2026-03-01", "intake")],
        "DUE2": [("2025-09-10", "intake"), ("2026-01-05", "follow_up")],
        "DISCHARGED": [("2024-01-10", "intake"), ("2024-03-01", "discharge")],
        "ENDED": [("2024-06-01", "intake"), ("2024-09-01", "follow_up")],
        "DEAD": [("2025-01-10", "intake")],
    }
    for code, visits in plan.items():
        client = _client(database, code)
        for on, kind in visits:
            _visit(database, client, on, kind)
        if code == "DEAD":
            records.add_event(
                database,
                actor_of(database),
                client,
                {"occurred_on": "2025-12-01", "event": "death"},
                TODAY,
            )
    yield database
    database.dispose()


def test_the_unknown_are_told_apart_by_whether_the_agency_still_follows_them(
    agency: Database,
) -> None:
    data = build_report_data(agency, actor_of(agency), OCTOBER, internal=True)
    rows = [(row.label, row.values) for row in data.table("recovery_population").rows]
    assert rows == [
        ("Known status (in the tables below)", (1,)),
        ("Status unknown, still followed: not assessed in 183 days, a follow-up is due", (2,)),
        ("No longer followed: discharged, or past the last follow-up window", (2,)),
        ("Deceased (left out of status and recovery)", (1,)),
    ]
