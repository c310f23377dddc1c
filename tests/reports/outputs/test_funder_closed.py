"""A closed month's funder files print from the figures kept when it was closed, as its
monthly report does: a record corrected afterwards leaves them as they were.

The agency of tests/forms/test_closing.py: three intakes in September 2026, worked by
hand; moving the third to 2026-10-02 leaves September with 2 new intakes. Its threshold
is set to 1 before closing, so every count prints exactly.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook

from db import settings as agency_settings
from db.dates import Period
from db.engine import Database
from forms import closing
from reports.outputs.closed_reports import closing_reports
from reports.outputs.funder import funder_workbook
from reports.outputs.funder_profiles import MONTHLY_CSV
from reports.outputs.profiles import profile_output
from tests.accounts import signed_in
from tests.forms.test_closing import NEW_INTAKES, move_third_intake, september_agency

SEPTEMBER = Period.month(2026, 9)
PRINTED = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)


def _exact(database: Database) -> None:
    actor = signed_in(database, "admin")  # settings are an administrator's
    with database.writing() as session:
        current = agency_settings.load(session)
        agency_settings.save(session, actor, replace(current, suppression_threshold=1))


def _new_intakes(target: Path) -> object:
    summary = load_workbook(target)["Summary"]
    return next(r[1] for r in summary.iter_rows(values_only=True) if r[0] == NEW_INTAKES)


def _sheets(target: Path) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(target)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


def test_a_closed_months_funder_workbook_keeps_its_figures_after_a_correction(
    database: Database, today: dt.date, tmp_path: Path
) -> None:
    manager = signed_in(database, "manager")
    ids = september_agency(database, manager, today)
    _exact(database)
    closing.close_month(database, manager, today, "2026-09", closing_reports)
    first = tmp_path / "first.xlsx"
    funder_workbook(database, manager, SEPTEMBER.start, SEPTEMBER.end, first, generated_at=PRINTED)
    assert _new_intakes(first) == 3

    move_third_intake(database, manager, today, ids)

    again = tmp_path / "again.xlsx"
    result = funder_workbook(
        database, manager, SEPTEMBER.start, SEPTEMBER.end, again, generated_at=PRINTED
    )
    assert result.as_closed and _new_intakes(again) == 3
    assert _sheets(again) == _sheets(first)
    # With de-identified rows it is read from the records, so the rows and tables agree.
    rows = tmp_path / "rows.xlsx"
    assert not funder_workbook(
        database, manager, SEPTEMBER.start, SEPTEMBER.end, rows, rows=True
    ).as_closed
    assert _new_intakes(rows) == 2
    # Not the closed month (a longer period): read from the records.
    longer = tmp_path / "longer.xlsx"
    funder_workbook(database, manager, SEPTEMBER.start, dt.date(2026, 10, 31), longer)
    assert _new_intakes(longer) == 3  # the moved intake is still new, in October


def test_a_closed_months_csv_prints_as_closed(
    database: Database, today: dt.date, tmp_path: Path
) -> None:
    manager = signed_in(database, "manager")
    ids = september_agency(database, manager, today)
    _exact(database)
    closing.close_month(database, manager, today, "2026-09", closing_reports)
    move_third_intake(database, manager, today, ids)
    result = profile_output(database, manager, MONTHLY_CSV, SEPTEMBER, tmp_path / "s.csv")
    with open(tmp_path / "s.csv", newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    intakes = [r[5] for r in rows if r[1] == "caseload" and r[3] == NEW_INTAKES]
    assert result.as_closed and intakes == ["3"]
