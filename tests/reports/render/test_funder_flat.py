"""The funder workbook's flat sheet, reopened: the hand-made agency's figures for
2025-11-01..2026-10-31 as numbers, hidden ones empty and marked suppressed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from db.startup import open_database
from reports.outputs.funder import funder_workbook
from tests.accounts import actor_of
from tests.reports.hand_agency import build

TODAY = dt.date(2026, 11, 27)
YEAR = "2025-11-01 to 2026-10-31"
SUPPLIES = "Programme tallies by area: contacts and supplies"


@pytest.fixture(scope="module")
def flat(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder: Path = tmp_path_factory.mktemp("flat")
    database = open_database(str(folder / "agency.sqlite3"))
    build(database, actor_of(database), TODAY)
    target = folder / "funder.xlsx"
    funder_workbook(
        database, actor_of(database), dt.date(2025, 11, 1), dt.date(2026, 10, 31), target
    )
    database.dispose()
    return load_workbook(target)["Flat"]


def _rows(flat: Any) -> list[tuple[Any, ...]]:
    return list(flat.iter_rows(values_only=True))


def test_the_all_areas_supplies_are_numbers_and_small_ones_are_marked(flat: Any) -> None:
    rows = _rows(flat)
    assert rows[0] == ("Period", "Measure", "Breakdown", "Category", "Value", "Unit", "Suppressed")
    got = {r[3]: (r[4], r[6]) for r in rows if r[:3] == (YEAR, SUPPLIES, "All areas")}
    # Kits 1 + 2 + 9, syringes 10 + 20 given and 4 + 15 returned (19 / 30 = 0.63); the
    # 4 encounters and 1 reversal are small: no value, suppressed.
    assert got == {
        "Encounters": (None, "yes"),
        "Naloxone kits": (12, "no"),
        "Overdose reversals reported": (None, "yes"),
        "Syringes given": (30, "no"),
        "Syringes returned": (19, "no"),
        "Returned per syringe given": (0.63, "no"),
    }


def test_no_marker_and_no_small_count_in_the_value_column(flat: Any) -> None:
    rows = _rows(flat)[1:]
    assert rows, "an empty flat sheet"
    assert [r for r in rows if isinstance(r[4], str)] == []
    assert {r[6] for r in rows} == {"yes", "no"}
    assert [r for r in rows if r[5] == "count" and isinstance(r[4], int) and 1 <= r[4] <= 10] == []
    assert all(r[4] is None for r in rows if r[6] == "yes")


def test_the_trend_months_are_rows_too_and_the_sheet_filters(flat: Any) -> None:
    rows = _rows(flat)
    october = [r for r in rows if r[0] == "2026-10-31" and r[1].startswith("Follow-up windows")]
    # October: C's 3-month window, missed: 1 closed (small), 0 completed, rate hidden.
    assert [(r[3], r[4], r[6]) for r in october] == [
        ("Windows closed", None, "yes"),
        ("Completed", 0, "no"),
        ("Missed", None, "yes"),
        ("Follow-up rate", None, "yes"),
    ]
    assert flat.auto_filter.ref == f"A1:G{len(rows)}"
