"""The summary page of the hand-made agency's October 2026 report, worked out by hand
from the notes in tests/reports/hand_agency.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.dates import Period
from db.engine import Database
from db.startup import open_database
from forms import records
from reports.datasets.board_summary import month_followups, year_before
from reports.outputs.monthly_data import build_report_data
from reports.tables.report_data import ReportData
from tests.accounts import actor_of
from tests.reports.hand_agency import REPORT_MONTH, REPORT_YEAR, build, substance, visit

TODAY = dt.date(2026, 11, 27)
OCTOBER_2026 = Period.month(REPORT_YEAR, REPORT_MONTH)

# Columns: October 2026, September 2026, change, October 2025, change.
EXACT = [
    # October: A, F, G, H assessed, E's encounter. September: B's follow-up only.
    # October 2025: the intakes of E and G.
    ("People served", (5, 1, 4, 2, 3)),
    # Oct 31: A sustained and F early full remission. Sep 30: A's last assessment
    # (2025-12-15) is over 183 days old: unknown; nobody else in remission.
    # Oct 31 2025: A is three weeks after her intake, active.
    ("In full remission: no criterion but craving for 3 months or more", (2, 0, 2, 0, 2)),
    ("In partial remission: fewer criteria, never the disorder again", (0, 0, 0, 0, 0)),
    ("In full recovery: remission, health and citizenship", (1, 0, 1, 0, 1)),
    # The Dock encounter of 10-09; the September one handed out 9 kits only.
    ("Overdoses reversed with naloxone", (1, 0, 1, 0, 1)),
    ("Naloxone kits handed out", (3, 9, -6, 0, 3)),
    ("Sterile syringes handed out", (30, 0, 30, 0, 30)),
    ("Drug-checking test strips handed out", (5, 0, 5, 0, 5)),
    # October: C's 3-month window closed unmet. No window closed in September 2026 or
    # in October 2025 (no intake 5, 8 or 14 months before): no rate, no change.
    ("Follow-up rate", (0.0, None, None, None, None)),
]


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("hand") / "agency.sqlite3"))
    build(database, actor_of(database), TODAY)
    yield database
    database.dispose()


def summary(agency: Database, internal: bool) -> ReportData:
    return build_report_data(
        agency, actor_of(agency), OCTOBER_2026, internal=internal, summary=True
    )


def rows(data: ReportData) -> list[tuple[str, tuple[object, ...]]]:
    assert data.summary is not None
    return [(r.label, r.values) for r in data.summary.rows]


def test_the_summary_compares_october_with_september_and_a_year_before(
    agency: Database,
) -> None:
    data = summary(agency, internal=True)
    assert data.summary is not None
    assert data.summary.columns == ("This month", "Sep 2026", "Change", "Oct 2025", "Change")
    assert rows(data) == EXACT


def test_a_change_is_hidden_with_either_of_its_counts(agency: Database) -> None:
    printed = dict(rows(summary(agency, internal=False)))
    assert printed["People served"] == ("<11", "<11", "*", "<11", "*")
    # A zero prints, so a change between two zeros prints too.
    assert printed["In partial remission: fewer criteria, never the disorder again"] == (
        0,
        0,
        0,
        0,
        0,
    )
    assert printed["Sterile syringes handed out"] == (30, 0, 30, 0, 30)
    assert printed["Naloxone kits handed out"] == ("<11", "<11", "*", 0, "*")


def test_a_months_windows_are_counted_as_its_own_report_counted_them(
    agency: Database,
) -> None:
    with agency.reading() as session:
        october = month_followups(session, OCTOBER_2026, (3, 6, 12))
    # C's 3-month window closed on 2026-10-25 unmet; D's 6-month one was dropped (died).
    assert (october.grid.get("missed", 3), october.grid.get("completed", 3)) == (1, 0)
    assert sum(october.grid.get("missed", m) for m in (6, 12)) == 0


def test_the_same_month_a_year_before() -> None:
    assert year_before(Period.month(2024, 2)) == Period(dt.date(2023, 2, 1), dt.date(2023, 2, 28))


def test_without_the_summary_the_report_has_none(agency: Database) -> None:
    assert build_report_data(agency, actor_of(agency), OCTOBER_2026).summary is None


# Outcome change over 2025-11-01..2026-10-31. Pairs: A intake 2025-09-10 -> follow-up
# 2026-10-05 (abstinence); B 2026-06-15 -> 2026-09-20 (reduction); F 2026-07-10 ->
# discharge 2026-10-20 (other); G 2025-10-01 -> discharge 2025-12-01 (undecided).
# C, D, E and H have an intake only. Nobody answered injecting, BARC-10 or work days.
# Columns: clients with both, mean at intake, at latest, change, % improved, unchanged, worse.
OUTCOMES = [
    # Use days: A 20 -> 0, B 20 -> 8, F 15 -> 0, G 3 -> 0 (58/4, 8/4).
    ("Days used the primary substance (of 28)", (4, 14.5, 2.0, -12.5, 100.0, 0.0, 0.0)),
    ("Injecting days (of 28)", (0, None, None, None, None, None, None)),
    ("Psychological health (0-20)", (4, 10.0, 10.0, 0.0, 0.0, 100.0, 0.0)),
    ("Physical health (0-20)", (4, 10.0, 10.0, 0.0, 0.0, 100.0, 0.0)),
    # Quality of life: A 8 -> 14, B 10 -> 11, F 10 -> 15, G 12 -> 13 (40/4, 53/4).
    ("Quality of life (0-20)", (4, 10.0, 13.25, 3.25, 100.0, 0.0, 0.0)),
    ("Recovery capital, BARC-10 total (10-60)", (0, None, None, None, None, None, None)),
    ("Days worked (of 28)", (0, None, None, None, None, None, None)),
    # Only A had a housing problem at intake, and none at her follow-up.
    ("Housing problem (share of clients)", (4, 0.25, 0.0, -0.25, 25.0, 75.0, 0.0)),
    # B offended on 2 days before intake, none before the follow-up.
    ("Offending days (of 28)", (4, 0.5, 0.0, -0.5, 25.0, 75.0, 0.0)),
]
# Goals: abstinence, reduction, safer use, medication, undecided, other, not recorded, all.
BY_GOAL_QOL = ("Quality of life (0-20)", (1, 1, 0, 0, 1, 1, 0, 4))
IMPROVED_OFFENDING = (
    "Offending days (of 28)",
    (0.0, 100.0, None, None, 0.0, 0.0, None, 25.0),
)


def test_outcome_change_from_intake_to_the_latest_follow_up(agency: Database) -> None:
    data = summary(agency, internal=True)
    assert [s.title for s in data.board_sections][:1] == ["Outcome change"]
    assert [(r.label, r.values) for r in data.table("outcome_change").rows] == OUTCOMES
    clients = data.table("outcome_goal_clients")
    assert clients.columns[-1] == "All goals"
    assert (BY_GOAL_QOL[0], clients.row(BY_GOAL_QOL[0]).values) == BY_GOAL_QOL
    shares = data.table("outcome_goal_improved")
    assert (IMPROVED_OFFENDING[0], shares.row(IMPROVED_OFFENDING[0]).values) == IMPROVED_OFFENDING


def test_outcome_counts_are_suppressed_with_their_shares(agency: Database) -> None:
    data = summary(agency, internal=False)
    row = data.table("outcome_change").row("Quality of life (0-20)")
    # 4 clients: hidden, and every mean and share resting on it.
    assert row.values == ("<11", "*", "*", "*", "*", "*", "*")
    assert data.table("outcome_change").row("Days worked (of 28)").values[0] == 0


# Served in October: A (born 1950-03-15, 76), E (2000-07-04, 26), F (1975-05-05, 51),
# G (1995-02-14, 31), H (1960-11-11: 65 on Oct 31, his birthday still ahead).
# A, E and F are recorded female, G and H male; nothing else is recorded.
AGES = [
    ("Under 18", (0,)),
    ("18-24", (0,)),
    ("25-34", (2,)),
    ("35-44", (0,)),
    ("45-54", (1,)),
    ("55-64", (0,)),
    ("65 and over", (2,)),
    ("Clients served", (5,)),
]


def test_demographics_of_the_clients_served(agency: Database) -> None:
    data = summary(agency, internal=True)
    assert [(r.label, r.values) for r in data.table("demographics_age").rows] == AGES
    sex = {r.label: r.values[0] for r in data.table("demographics_sex_at_birth").rows}
    assert sex == {
        "Female": 3,
        "Male": 2,
        "Intersex": 0,
        "Unknown": 0,
        "Declined": 0,
        "Not recorded": 0,
        "Clients served": 5,
    }
    race = data.table("demographics_race").rows
    assert [r.values[0] for r in race] == [0] * 8 + [5, 5]
    assert race[-2].label == "Not recorded"


def test_demographics_are_suppressed_like_the_funder_workbook(agency: Database) -> None:
    data = summary(agency, internal=False)
    ages = [r.values[0] for r in data.table("demographics_age").rows]
    assert ages == [0, 0, "<11", 0, "<11", 0, "<11", "<11"]


def test_a_window_closing_on_a_short_months_last_day_is_counted_in_that_month(
    tmp_path: Path,
) -> None:
    # Intakes of 29 and 30 September 2025: five months on (the 3-month point's window
    # closes 2 months after it) is 28 February 2026 for both, a day the month's own
    # dates reach back to only as 28 September. Neither client came back: two missed.
    # An intake of 1 October closes its window on 1 March: not February's.
    database = open_database(str(tmp_path / "edge.sqlite3"))
    try:
        actor = actor_of(database)
        for n, day in enumerate(("2025-09-29", "2025-09-30", "2025-10-01")):
            client = records.create_client(
                database,
                actor,
                {
                    "client_code": f"EDG-{n}",
                    "given_name": "Edge",
                    "family_name": f"Case{n}",
                    "birth_date": "1980-01-01",
                    "postal_code": "97201",
                },
                TODAY,
            )
            records.add_assessment(
                database, actor, client, visit(day, "intake"), substance("opioid"), TODAY
            )
        with database.reading() as session:
            february = month_followups(session, Period.month(2026, 2), (3,))
            march = month_followups(session, Period.month(2026, 3), (3,))
    finally:
        database.dispose()
    assert (february.grid.get("missed", 3), february.grid.get("completed", 3)) == (2, 0)
    assert (march.grid.get("missed", 3), march.grid.get("completed", 3)) == (1, 0)
