"""The monthly dataset: every table of the hand-made agency, exact and suppressed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

import pytest

from db import settings as agency_settings
from db.access import PermissionDenied
from db.dates import Period
from db.demo import build_demo
from db.engine import Database
from db.jobs import Cancelled
from db.startup import open_database
from reports.outputs.monthly_data import build_report_data
from reports.tables.report_data import ReportData
from reports.tables.report_tables import Kind
from tests.accounts import actor_of
from tests.reports.hand_agency import REPORT_MONTH, REPORT_YEAR, build
from tests.reports.hand_expected import OCTOBER

TODAY = dt.date(2026, 11, 27)
OCTOBER_2026 = Period.month(REPORT_YEAR, REPORT_MONTH)
MARK = "<11"
STAR = "*"  # hidden only to protect a small count: a complement, or a value resting on one


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("hand") / "agency.sqlite3"))
    build(database, actor_of(database), TODAY)
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def exact(agency: Database) -> ReportData:
    return build_report_data(agency, actor_of(agency), OCTOBER_2026, internal=True)


@pytest.fixture(scope="module")
def suppressed(agency: Database) -> ReportData:
    return build_report_data(agency, actor_of(agency), OCTOBER_2026)


def printed(data: ReportData, key: str) -> list[tuple[str, tuple[object, ...]]]:
    return [(row.label, row.values) for row in data.table(key).rows]


@pytest.mark.parametrize("key", list(OCTOBER))
def test_every_table_of_the_internal_report_shows_the_hand_counted_numbers(
    exact: ReportData, key: str
) -> None:
    assert printed(exact, key) == OCTOBER[key]


def test_the_report_has_the_seven_parts_in_order(exact: ReportData) -> None:
    assert [s.title for s in exact.sections] == [
        "1. Caseload",
        "2. Follow-ups",
        "3. Recovery",
        "4. Harm",
        "5. Community",
        "Referrals",  # by type and month (the monthly PDF prints them in Stewardship)
    ]
    assert [t.key for t in exact.trends] == ["trend_recovery", "trend_followups", "trend_harm"]
    assert exact.trend_dates[0] == dt.date(2025, 11, 30)
    assert exact.trend_dates[-1] == dt.date(2026, 10, 31)
    assert exact.harm_period == Period(dt.date(2025, 11, 1), dt.date(2026, 10, 31))
    assert exact.definitions[0][0] == "Dates"


def _suppressed_by_hand(table_kinds: list[Kind], values: tuple[object, ...]) -> tuple[object, ...]:
    """In this small agency every non-zero count is under 11, so every count
    from 1 to 10 hides as <11 and every percentage or mean built on one as *;
    nothing is large enough for a complementary cell to matter."""
    shown: list[object] = []
    for kind, value in zip(table_kinds, values, strict=True):
        if value is None:
            shown.append(None)
        elif kind is Kind.COUNT:
            shown.append(MARK if value else 0)
        else:
            shown.append(STAR)
    return tuple(shown)


@pytest.mark.parametrize("key", [k for k in OCTOBER if not k.startswith("community")])
def test_the_default_report_shows_small_counts_as_under_11_and_what_rests_on_them_as_star(
    exact: ReportData, suppressed: ReportData, key: str
) -> None:
    table = exact.table(key)
    expected = [
        (
            row.label,
            _suppressed_by_hand(
                [table.kind_of(row, i) for i in range(len(row.values))], row.values
            ),
        )
        for row in table.rows
    ]
    assert printed(suppressed, key) == expected


def test_areas_with_too_few_people_pool_and_no_postal_code_is_printed(
    suppressed: ReportData,
) -> None:
    # 97203 (one client) and the dock (one anonymous encounter in October) hold
    # fewer than 11 people: both pool into "Other areas" (10 + 20 syringes out).
    assert printed(suppressed, "community_supplies") == [
        ("Other areas", (MARK, MARK, MARK, 30, 19, 0.63)),
        ("Area not recorded", (MARK, 0, 0, 0, 0, None)),
        ("All areas", (MARK, MARK, MARK, 30, 19, 0.63)),
    ]


def test_no_printed_equation_leaves_exactly_one_hidden_count(suppressed: ReportData) -> None:
    ledger = suppressed.ledger
    lines = list(ledger.lines())
    assert lines
    assert all(sum(ledger.is_hidden(c) for c in line) != 1 for line in lines)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("demo") / "demo.sqlite3"))
    build_demo(database, 600, 5, today=TODAY)
    yield database
    database.dispose()


def test_a_realistic_agency_prints_no_small_count_and_no_recoverable_cell(demo: Database) -> None:
    data = build_report_data(demo, actor_of(demo), OCTOBER_2026)
    ledger = data.ledger
    for line in ledger.lines():
        assert sum(ledger.is_hidden(c) for c in line) != 1, line
    for table in (*(t for s in data.sections for t in s.tables), *data.trends):
        for row in table.rows:
            for i, value in enumerate(row.values):
                if table.kind_of(row, i) is Kind.COUNT and isinstance(value, int):
                    assert not 1 <= value <= 10, (table.key, row.label)
    hidden = sum(ledger.is_hidden(c) for line in ledger.lines() for c in line)
    assert hidden and data.table("caseload").row("Harm-reduction encounters").values[0] != MARK


def test_the_totals_agree_across_tables_and_with_the_trend(exact: ReportData) -> None:
    known = exact.table("dsm_by_goal").row("Total").values[-1]
    assert exact.table("recovery_population").rows[0].values == (known,)
    assert exact.table("trend_recovery").rows[-1].values[0] == known
    closed = exact.table("followups").row("Windows closed in the period").values[-1]
    assert exact.table("trend_followups").rows[-1].values[0] == closed


def test_the_threshold_comes_from_the_settings(agency: Database) -> None:
    with agency.writing() as session:
        current = agency_settings.load(session)
        agency_settings.save(session, actor_of(agency), replace(current, suppression_threshold=3))
    try:
        data = build_report_data(agency, actor_of(agency), OCTOBER_2026)
    finally:
        with agency.writing() as session:
            agency_settings.save(session, actor_of(agency), current)
    # 3 known active clients print; the 1s and 2s of the row hide.
    assert data.table("dsm_by_goal").row("Active").values == ("<3", "<3", "<3", 0, 0, 0, 0, 3)


def test_a_front_desk_account_may_not_build_a_report(agency: Database) -> None:
    with pytest.raises(PermissionDenied, match="front desk may not make reports"):
        build_report_data(agency, actor_of(agency, "front_desk"), OCTOBER_2026)


def test_cancelling_stops_the_build(agency: Database) -> None:
    seen: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        build_report_data(
            agency,
            actor_of(agency),
            OCTOBER_2026,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: True,
        )
    assert seen == []


def test_progress_reaches_the_number_of_clients_walked(agency: Database) -> None:
    seen: list[tuple[int, int]] = []
    build_report_data(
        agency,
        actor_of(agency),
        OCTOBER_2026,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[-1][0] == seen[-1][1] == 8


def test_the_same_numbers_on_every_database(any_database: Database) -> None:
    build(any_database, actor_of(any_database), TODAY)
    data = build_report_data(any_database, actor_of(any_database), OCTOBER_2026, internal=True)
    for key in (
        "caseload",
        "followups",
        "recovery_population",
        "dsm_by_goal",
        "harm_clients",
        "community_supplies",
        "trend_recovery",
        "trend_harm",
    ):
        assert printed(data, key) == OCTOBER[key], key
