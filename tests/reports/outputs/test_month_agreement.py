"""A month's figures are the same in its own report, in later reports' trends and in a
funder workbook covering it (DOMAIN.md §8: a window's last day belongs to it, and the
window has closed at the end of that day).

Each case is a client or two entered by hand, with the expected counts worked out
from the dates alone."""

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
OCTOBER = Period.month(2026, 10)
NOVEMBER = Period.month(2026, 11)


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


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """Intake 2026-05-31: the 3-month point is due 2026-08-31 and its window runs
    2026-07-31 to 2026-10-31, the last day of October. One client never comes back
    (missed), one comes back on the window's last day (completed)."""
    database = open_database(str(tmp_path_factory.mktemp("month") / "agency.sqlite3"))
    for code, back in (("MISSED-1", None), ("LASTDAY-1", "2026-10-31")):
        client = _client(database, code)
        records.add_assessment(
            database,
            actor_of(database),
            client,
            visit("2026-05-31", "intake"),
            substance("alcohol", "larger_longer;cut_down"),
            TODAY,
        )
        if back is not None:
            records.add_assessment(
                database,
                actor_of(database),
                client,
                visit(back, "follow_up"),
                substance("alcohol"),
                TODAY,
            )
    yield database
    database.dispose()


def _row(data: ReportData, key: str, label: str) -> tuple[object, ...]:
    return data.table(key).row(label).values


def _trend_row(data: ReportData, month_end: dt.date) -> tuple[object, ...]:
    index = data.trend_dates.index(month_end)
    return data.table("trend_followups").rows[index].values


def test_a_window_ending_on_the_reports_last_day_counts_in_that_report(agency: Database) -> None:
    october = build_report_data(agency, actor_of(agency), OCTOBER, internal=True)
    # Both 3-month windows closed on October 31: one met on that very day, one missed.
    assert _row(october, "followups", "Windows closed in the period") == (2, 0, 0, 2)
    assert _row(october, "followups", "Completed in the window") == (1, 0, 0, 1)
    assert _row(october, "followups", "Missed") == (1, 0, 0, 1)
    assert _row(october, "followups", "Follow-up rate") == (50.0, None, None, 50.0)
    # A closed window is not overdue any more.
    overdue = "Overdue at the end of the period (window open, not yet done)"
    assert _row(october, "followups", overdue) == (0, 0, 0, 0)


def test_the_month_prints_the_same_in_its_own_report_and_in_the_next_ones_trend(
    agency: Database,
) -> None:
    october = build_report_data(agency, actor_of(agency), OCTOBER, internal=True)
    november = build_report_data(agency, actor_of(agency), NOVEMBER, internal=True)
    own = _trend_row(october, OCTOBER.end)
    assert own == (2, 1, 1, 50.0)
    assert _trend_row(november, OCTOBER.end) == own


def test_a_funder_period_covering_the_month_counts_the_window(agency: Database) -> None:
    autumn = build_report_data(
        agency, actor_of(agency), Period(dt.date(2026, 9, 1), OCTOBER.end), internal=True
    )
    assert _row(autumn, "followups", "Windows closed in the period") == (2, 0, 0, 2)
    assert _row(autumn, "followups", "Missed") == (1, 0, 0, 1)
