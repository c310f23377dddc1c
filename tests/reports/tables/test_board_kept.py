"""The summary page compares with a closed month as that month's report printed it, not
as today's records would recount it (DOMAIN.md §9a). Worked out by hand on the hand-made
agency (tests/reports/hand_agency.py; tests/reports/tables/test_board_summary.py has the
figures): September 2026 handed out 9 naloxone kits (the Dock's encounter of 09-30),
October 2025 none. Both months are closed; then the September encounter is corrected to
4 kits and an encounter of 5 kits is added in October 2025. October 2026's summary must
still say 9 and 0, and its changes 3 - 9 = -6 and 3 - 0 = 3."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from db.dates import Period
from db.engine import Database
from db.models import Encounter
from db.startup import open_database
from forms import closing, corrections, records
from reports.outputs.closed_reports import closing_reports
from reports.outputs.monthly_data import build_report_data
from reports.tables.report_data import ReportData
from tests.accounts import actor_of
from tests.reports.hand_agency import DOCK, REPORT_MONTH, REPORT_YEAR, build

TODAY = dt.date(2026, 11, 27)
OCTOBER_2026 = Period.month(REPORT_YEAR, REPORT_MONTH)
KITS = "Naloxone kits handed out"
SERVED = "People served"


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("kept") / "agency.sqlite3"))
    build(database, actor_of(database), TODAY)
    yield database
    database.dispose()


def summary_rows(agency: Database, internal: bool) -> dict[str, tuple[object, ...]]:
    data: ReportData = build_report_data(
        agency, actor_of(agency), OCTOBER_2026, internal=internal, summary=True
    )
    assert data.summary is not None
    return {str(r.label): r.values for r in data.summary.rows}


def test_closed_months_compare_as_printed_after_a_correction(agency: Database) -> None:
    manager, admin = actor_of(agency, "manager"), actor_of(agency, "admin")
    # As printed before anything is closed: October 2026, September 2026, change,
    # October 2025, change.
    assert summary_rows(agency, internal=True)[KITS] == (3, 9, -6, 0, 3)
    for month in ("2026-09", "2025-10"):
        closing.close_month(agency, manager, TODAY, month, closing_reports)
    with agency.reading() as session:
        dock = session.scalars(
            select(Encounter).where(Encounter.occurred_on == dt.date(2026, 9, 30))
        ).one()
        dock_id, version = dock.id, dock.version
    raw = {"occurred_on": "2026-09-30", "area": DOCK, "naloxone_kits": "4"}
    corrections.edit_encounter(agency, admin, TODAY, dock_id, version, raw)
    year_ago = {"occurred_on": "2025-10-15", "area": DOCK, "naloxone_kits": "5"}
    records.add_encounter(agency, admin, None, year_ago, TODAY)

    exact = summary_rows(agency, internal=True)
    assert exact[KITS] == (3, 9, -6, 0, 3)
    assert exact[SERVED] == (5, 1, 4, 2, 3)
    # Suppressed: the kept 9 and this month's 3 are small, a change with them; 0 prints.
    assert summary_rows(agency, internal=False)[KITS] == ("<11", "<11", "*", 0, "*")


def test_a_reopened_month_compares_as_its_records_say_again(agency: Database) -> None:
    admin = actor_of(agency, "admin")
    closing.reopen_month(agency, admin, TODAY, "2026-09", "kits miscounted on paper")
    # September's corrected 4 kits now; October 2025 is still closed: 0 as printed.
    assert summary_rows(agency, internal=True)[KITS] == (3, 4, -1, 0, 3)
