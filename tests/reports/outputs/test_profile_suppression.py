"""Over random small agencies and thresholds, no funder profile's file prints a count from
1 to threshold-1, and no hidden cell can be worked out from the totals printed beside it.

Each example builds a demo agency (as tests/reports/test_consistency.py does), writes
every shipped profile, reopens each file and checks what a funder would see: the count
cells of the Flat sheet or CSV and of the table sheets, every table row and column with
its total, the improved/unchanged/worse shares with their clients; then every equation
the report's one ledger printed.
"""

from __future__ import annotations

import csv
import datetime as dt
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from db import settings as agency_settings
from db.dates import Period, add_months
from db.demo import build_demo
from db.engine import Database
from db.startup import open_database
from reports.outputs.funder import funder_workbook
from reports.outputs.funder_profiles import PROFILES
from reports.outputs.profiles import profile_output
from reports.render.funder_sheets import COUNT_FORMAT
from reports.rules.suppression import PROTECTED_MARK, marker
from reports.tables.profile_spec import Asked, FunderProfile, Layout
from reports.tables.report_data import ReportData
from reports.tables.report_tables import Kind, Table
from tests.accounts import actor_of

TODAY = dt.date(2026, 11, 27)
FIRST_MONTH = dt.date(2025, 1, 1)
EXAMPLES = settings(
    max_examples=4,
    deadline=None,
    # Each example builds an agency and three files: shrinking would take minutes, and
    # the failing agency (size, seed, month, threshold) is printed as it is.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TOTAL_COLUMNS = ("Total", "All goals", "All points")
MOVES = ("Improved", "Unchanged", "Worse")


def _month(offset: int) -> Period:
    start = add_months(FIRST_MONTH, offset)
    return Period.month(start.year, start.month)


@EXAMPLES
@given(
    clients=st.integers(40, 160),
    seed=st.integers(0, 100_000),
    month=st.integers(0, 21),
    threshold=st.integers(3, 15),
)
def test_no_profile_prints_a_small_or_a_derivable_count(
    tmp_path: Path, clients: int, seed: int, month: int, threshold: int
) -> None:
    folder = tmp_path / uuid.uuid4().hex
    folder.mkdir()
    database = open_database(str(folder / "agency.sqlite3"))
    try:
        build_demo(database, clients, seed, today=TODAY)
        actor = actor_of(database)
        with database.writing() as session:
            current = agency_settings.load(session)
            changed = replace(current, suppression_threshold=threshold)
            agency_settings.save(session, actor, changed)
        for profile in PROFILES:
            _check_profile(database, profile, _month(month), folder, threshold)
    finally:
        database.dispose()


def _check_profile(
    database: Database, profile: FunderProfile, month: Period, folder: Path, threshold: int
) -> None:
    period = month if profile.period is Asked.MONTH else Period.twelve_months_ending(month.end)
    target = folder / f"{profile.key}{profile.suffix}"
    if profile.layout is Layout.FUNDER:
        data = funder_workbook(database, actor_of(database), period.start, period.end, target).data
        tables = [t for s in data.sections for t in s.tables] + [*data.trends, data.community]
    else:
        result = profile_output(database, actor_of(database), profile, period, target)
        data, tables = result.data, [s.table for s in result.tables]
    assert data.disclosure.threshold == threshold
    small = range(1, threshold)
    if profile.layout is Layout.CSV:
        with open(target, newline="", encoding="utf-8-sig") as f:
            counts = [r[5] for r in list(csv.reader(f))[1:] if r[6] == "count"]
        assert [c for c in counts if c and int(c) in small] == [], profile.key
    else:
        _check_workbook(target, small, profile.key)
    for table in tables:
        _check_table(table, data, profile.key)
    _check_ledger(data)


def _check_workbook(target: Path, small: range, key: str) -> None:
    book = load_workbook(target, read_only=True)
    counted = 0
    try:
        for ws in book.worksheets:
            if ws.title in ("About", "Dictionary"):
                continue
            for row in ws.iter_rows(min_row=2):
                if ws.title == "Flat":
                    unit, value = row[-2].value, row[-3].value
                    assert unit != "count" or value is None or value not in small, (key, row)
                else:  # counts carry the count format (a rate of 100 % reads back as 1)
                    counted += sum(c.number_format == COUNT_FORMAT for c in row)
                    found = [c.coordinate for c in row if _small_count(c, small)]
                    assert found == [], (key, ws.title, found)
    finally:
        book.close()
    assert counted > 0, key  # the check saw the tables' counts


def _small_count(cell: Any, small: range) -> bool:
    counted = cell.number_format == COUNT_FORMAT and isinstance(cell.value, int | float)
    return counted and cell.value in small


def _hidden(value: object, data: ReportData) -> bool:
    return value in (data.disclosure.marker, PROTECTED_MARK, marker(data.disclosure.threshold))


def _count(table: Table, row_index: int, column: int) -> bool:
    return table.kind_of(table.rows[row_index], column) is Kind.COUNT


def _check_table(table: Table, data: ReportData, key: str) -> None:
    """Exactly one hidden cell in a line with its printed total gives it away."""
    lines: list[list[object]] = []
    body = [i for i, r in enumerate(table.rows) if not r.total and r.kind is None]
    if table.columns and table.columns[-1] in TOTAL_COLUMNS:
        for i in body:
            if all(_count(table, i, c) for c in range(len(table.columns))):
                lines.append(list(table.rows[i].values))
    for t in (i for i, r in enumerate(table.rows) if r.total):
        for c in range(len(table.columns)):
            if _count(table, t, c) and all(_count(table, i, c) for i in body):
                lines.append([table.rows[i].values[c] for i in body] + [table.rows[t].values[c]])
    if set(MOVES) <= set(table.columns) and table.columns[0] == "Clients with both":
        at = [table.columns.index(m) for m in MOVES]
        lines += [[r.values[0], *(r.values[i] for i in at)] for r in table.rows]
    for line in lines:
        hidden = sum(_hidden(v, data) for v in line)
        assert hidden != 1, (key, table.key, line)


def _check_ledger(data: ReportData) -> None:
    ledger = data.ledger
    for line in ledger.lines():
        assert sum(ledger.is_hidden(c) for c in line) != 1, line


def test_the_property_sees_a_derivable_cell_when_there_is_one() -> None:
    """The table check itself: one hidden part beside a printed total fails it."""
    import pytest

    from reports.tables.report_tables import Disclosure, Row

    data: Any = type("D", (), {"disclosure": Disclosure(11)})()
    table = Table("t", "T", "Row", ("A", "B", "Total"), (Row("x", ("<11", 20, 25)),))
    with pytest.raises(AssertionError):
        _check_table(table, data, "test")
    safe = Table("t", "T", "Row", ("A", "B", "Total"), (Row("x", ("<11", "*", 25)),))
    _check_table(safe, data, "test")
