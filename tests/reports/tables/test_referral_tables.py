"""Referrals by type and month: the stewardship section of the monthly PDF and the funder
workbook, worked out by hand on the hand-made agency (tests/reports/hand_agency.py) with
four encounters added here.

The hand agency's October referrals were saved as totals only (before types were asked):
Evangeline's encounter (1) and an anonymous one (2): 3 of type not recorded. Added:
2026-10-20 in 97203, 2 to treatment and 1 medical (total 3); 2026-10-21, 1 to other social
services; 2026-09-15 in the Dock, 12 to treatment and 1 to mental health (total 13);
2026-11-02, 5 to housing (after October, never counted). So:
  September: treatment 12, mental health 1, the rest 0, not recorded 0, total 13;
  October: treatment 2, medical 1, social services 1, not recorded 3, total 7;
  the two months: treatment 14, mental health 1, medical 1, social services 1, not
  recorded 3, total 20.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from db.dates import Period
from db.engine import Database
from db.startup import open_database
from forms import records
from reports.outputs.funder import funder_workbook
from reports.outputs.monthly_data import build_report_data
from reports.outputs.monthly_pdf import monthly_report
from reports.tables.report_data import ReportData
from tests.accounts import actor_of
from tests.reports.hand_agency import DOCK, REPORT_MONTH, REPORT_YEAR, build
from tests.reports.printed_text import segment

TODAY = dt.date(2026, 11, 27)
OCTOBER = Period.month(REPORT_YEAR, REPORT_MONTH)
TWO_MONTHS = Period(dt.date(2026, 9, 1), dt.date(2026, 10, 31))
COLUMNS = (
    "Treatment",
    "Mental health",
    "Medical",
    "Housing",
    "Social services",
    "Other",
    "Type not recorded",
    "Total",
)
SMALL = "<11"
ADDED = (
    {"occurred_on": "2026-10-20", "area": "97203", "referrals_treatment": 2,
     "referrals_medical": 1},
    {"occurred_on": "2026-10-21", "referrals_other_social": 1},
    {"occurred_on": "2026-09-15", "area": DOCK, "referrals_treatment": 12,
     "referrals_mental_health": 1},
    {"occurred_on": "2026-11-02", "referrals_housing": 5},
)  # fmt: skip


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(str(tmp_path_factory.mktemp("referrals") / "agency.sqlite3"))
    actor = actor_of(database)
    build(database, actor, TODAY)
    for raw in ADDED:
        records.add_encounter(database, actor, None, raw, TODAY)
    yield database
    database.dispose()


def report(agency: Database, period: Period, internal: bool, summary: bool) -> ReportData:
    return build_report_data(agency, actor_of(agency), period, internal=internal, summary=summary)


def rows(data: ReportData) -> list[tuple[str, tuple[object, ...]]]:
    return [(r.label, r.values) for r in data.table("referrals_by_type").rows]


def test_the_month_by_type_with_the_referrals_saved_before_types(agency: Database) -> None:
    data = report(agency, OCTOBER, internal=True, summary=True)
    stewardship = next(s for s in data.board_sections if s.key == "stewardship")
    assert [t.key for t in stewardship.tables][-2:] == ["stewardship_returns", "referrals_by_type"]
    assert data.table("stewardship_returns").note == (
        "Referrals by type and month follow in the next table."
    )
    assert data.table("referrals_by_type").columns == COLUMNS
    assert rows(data) == [("2026-10", (2, 0, 1, 0, 1, 0, 3, 7))]


def test_small_counts_of_the_month_are_hidden_and_zeros_print(agency: Database) -> None:
    data = report(agency, OCTOBER, internal=False, summary=True)
    assert rows(data) == [("2026-10", (SMALL, 0, SMALL, 0, SMALL, 0, SMALL, SMALL))]


def test_two_months_have_a_row_each_and_a_total_suppressed_as_one(agency: Database) -> None:
    data = report(agency, TWO_MONTHS, internal=True, summary=False)
    assert [s.key for s in data.sections][-1] == "referrals"
    assert rows(data) == [
        ("2026-09", (12, 1, 0, 0, 0, 0, 0, 13)),
        ("2026-10", (2, 0, 1, 0, 1, 0, 3, 7)),
        ("Total", (14, 1, 1, 0, 1, 0, 3, 20)),
    ]
    # September's 1 (mental health) hides, so its smallest other count, 12, hides too
    # (or 13 - 1 - 0 would give it); October's total hides as small, so September's
    # total hides too (20 - 7); the two months' treatment, 14, and the total print.
    assert rows(report(agency, TWO_MONTHS, internal=False, summary=False)) == [
        ("2026-09", ("*", SMALL, 0, 0, 0, 0, 0, "*")),
        ("2026-10", (SMALL, 0, SMALL, 0, SMALL, 0, SMALL, SMALL)),
        ("Total", (14, SMALL, SMALL, 0, SMALL, 0, SMALL, 20)),
    ]


def test_the_monthly_pdf_prints_them_in_stewardship(agency: Database, tmp_path: Path) -> None:
    target = tmp_path / "october.pdf"
    monthly_report(agency, actor_of(agency), REPORT_YEAR, REPORT_MONTH, target, internal=True)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    section = segment(text, "9. Stewardship of resources", "10. Definitions")
    assert "Referrals by type" in section
    assert "2026-10 2 0 1 0 1 0 3 7" in section


def sheet_rows(path: Path, name: str) -> list[tuple[Any, ...]]:
    book = load_workbook(path, read_only=True)
    try:
        return [tuple(r) for r in book[name].iter_rows(values_only=True)]
    finally:
        book.close()


def test_the_funder_workbook_prints_them_on_summary_and_flat(
    agency: Database, tmp_path: Path
) -> None:
    target = tmp_path / "funder.xlsx"
    funder_workbook(agency, actor_of(agency), TWO_MONTHS.start, TWO_MONTHS.end, target)
    summary = sheet_rows(target, "Summary")
    at = [r[0] if r else None for r in summary].index("Referrals by type")
    assert summary[at + 1][:9] == ("Month", *COLUMNS)
    assert [r[:9] for r in summary[at + 2 : at + 5]] == [
        ("2026-09", "*", SMALL, 0, 0, 0, 0, 0, "*"),
        ("2026-10", SMALL, 0, SMALL, 0, SMALL, 0, SMALL, SMALL),
        ("Total", 14, SMALL, SMALL, 0, SMALL, 0, SMALL, 20),
    ]
    flat = {
        (r[2], r[3]): (r[4], r[6])
        for r in sheet_rows(target, "Flat")
        if r[1] == "Referrals by type"
    }
    assert len(flat) == 3 * 8
    assert flat["Total", "Treatment"] == (14, "no")
    assert flat["2026-09", "Treatment"] == (None, "yes")
    assert flat["2026-10", "Type not recorded"] == (None, "yes")
    assert flat["Total", "Total"] == (20, "no")
