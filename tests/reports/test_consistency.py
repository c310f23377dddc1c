"""Every figure the same wherever it is printed, over random small agencies (issue: every
figure right). For a random month M of a random demo agency, on SQLite and PostgreSQL:

- M's own figures equal M's row in the trend tables of each of the next eleven reports,
  and in the Trends sheet of a funder workbook covering M; a quarter's follow-ups are
  the sum of its three months';
- every table's parts add up to its totals;
- the PDF's tables print exactly the dataset they were drawn from;
- the RecoveryStatus sheet says what the classifier says for every client and class.

The reports are internal (exact) and the funder workbook is made with a threshold of
1, so suppression, which may differ between files, hides nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from pypdf import PdfReader

from db import settings as agency_settings
from db.dates import Period, add_months
from db.demo import build_demo
from db.engine import Database
from db.startup import open_database
from reports.datasets.histories import load_histories
from reports.outputs.exchange_export import export_workbook
from reports.outputs.funder import funder_workbook
from reports.outputs.monthly_data import build_report_data
from reports.render.pdf_monthly import write_monthly_pdf
from reports.rules import recovery
from reports.tables.report_data import ReportData
from reports.tables.report_tables import Kind, Table
from tests.accounts import actor_of
from tests.reports.printed_text import missing_rows, segment

TODAY = dt.date(2026, 11, 27)
FIRST_MONTH = dt.date(2024, 1, 1)
LAST_MONTH = dt.date(2025, 11, 1)  # its eleventh next report is October 2026's
MONTHS = (LAST_MONTH.year - FIRST_MONTH.year) * 12 + LAST_MONTH.month - FIRST_MONTH.month
TRENDS = ("trend_recovery", "trend_followups", "trend_harm")
EXAMPLES = settings(
    max_examples=4,
    deadline=None,
    # Each example builds an agency and 14 reports: shrinking would take many minutes,
    # and the failing agency (size, seed, month) is printed as it is.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
AGENCIES = {
    "clients": st.integers(200, 500),
    "seed": st.integers(0, 100_000),
    "month": st.integers(0, MONTHS),
}


@contextmanager
def fresh_database(kind: str, folder: Path) -> Iterator[Database]:
    """A new empty database for one example (the suite's fixtures are per test)."""
    if kind == "sqlite":
        database = open_database(str(folder / f"{uuid.uuid4().hex}.sqlite3"))
        try:
            yield database
        finally:
            database.dispose()
        return
    from tests.conftest import _postgres_database

    yield from _as_context(_postgres_database())


def _as_context(generator: Iterator[Database]) -> Iterator[Database]:
    database = next(generator)
    try:
        yield database
    finally:
        next(generator, None)


def _month(offset: int) -> Period:
    start = add_months(FIRST_MONTH, offset)
    return Period.month(start.year, start.month)


def _next(period: Period, months: int) -> Period:
    start = add_months(period.start, months)
    return Period.month(start.year, start.month)


def _trend_row(data: ReportData, key: str, month_end: dt.date) -> tuple[object, ...]:
    return data.table(key).rows[data.trend_dates.index(month_end)].values


def _own_figures(data: ReportData) -> dict[str, tuple[object, ...]]:
    """The month's own trend row, checked first against its own sections."""
    end = data.period.end
    own = {key: _trend_row(data, key, end) for key in TRENDS}
    followups = data.table("followups")
    closed = [followups.row(label).values[-1] for label in _FOLLOWUP_LABELS]
    assert list(own["trend_followups"][:3]) == closed
    known = data.table("recovery_population").row("Known status (in the tables below)")
    assert own["trend_recovery"][0] == known.values[0]
    assessed = data.table("harm_clients").row("Of whom assessed (28-day items known)")
    assert own["trend_harm"][0] == assessed.values[0]
    return own


_FOLLOWUP_LABELS = ("Windows closed in the period", "Completed in the window", "Missed")


def _is_count(table: Table, row_index: int, column: int) -> bool:
    return table.kind_of(table.rows[row_index], column) is Kind.COUNT


def _check_totals(table: Table) -> None:
    """Whatever a table prints as a total is the sum of what it prints as parts."""
    body = [i for i, r in enumerate(table.rows) if not r.total and r.kind is None]
    totals = [i for i, r in enumerate(table.rows) if r.total]
    if table.columns[-1] in ("Total", "All points"):
        for i in body:
            values = table.rows[i].values
            if all(_is_count(table, i, c) for c in range(len(values))):
                assert sum(values[:-1]) == values[-1], (table.key, table.rows[i].label)  # type: ignore[arg-type]
    for t in totals:
        for c, total in enumerate(table.rows[t].values):
            if _is_count(table, t, c) and all(_is_count(table, i, c) for i in body):
                parts = sum(table.rows[i].values[c] for i in body)  # type: ignore[misc]
                assert parts == total, (table.key, table.columns[c])


def _check_pdf(data: ReportData, folder: Path) -> None:
    target = folder / "month.pdf"
    write_monthly_pdf(data, target)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    tables = [t for s in data.sections for t in s.tables] + list(data.trends)
    for index, table in enumerate(tables):
        following = tables[index + 1].title if index + 1 < len(tables) else "7. Definitions"
        rows = [(r.label, r.values) for r in table.rows]
        problem = missing_rows(segment(text, table.title, following), table, rows)
        assert problem is None, problem


def _funder_trend_row(database: Database, quarter: Period, month: Period, folder: Path) -> list:
    target = folder / "quarter.xlsx"
    funder_workbook(database, actor_of(database), quarter.start, quarter.end, target)
    book = load_workbook(target, read_only=True)
    try:
        for row in book["Trends"].iter_rows(min_row=2, values_only=True):
            if row[0].date() == month.end:
                return list(row[1:])
    finally:
        book.close()
    raise AssertionError(f"no Trends row for {month.end}")


def _as_sheet(values: tuple[object, ...], table: Table) -> list[object]:
    """How the Trends sheet stores a printed row: percentages as fractions, – for none."""
    stored: list[object] = []
    for i, v in enumerate(values):
        if v is None:
            stored.append("–")
        elif table.kinds and table.kinds[i] is Kind.PERCENT:
            stored.append(pytest.approx(v / 100))  # type: ignore[operator]
        elif isinstance(v, float):
            stored.append(pytest.approx(v))
        else:
            stored.append(v)
    return stored


def _check_recovery_status(database: Database, as_of: dt.date, folder: Path) -> None:
    target = folder / "export.xlsx"
    export_workbook(database, actor_of(database), target, as_of, all_clients=True)
    book = load_workbook(target, read_only=True)
    try:
        rows = list(book["RecoveryStatus"].iter_rows(values_only=True))
    finally:
        book.close()
    header = rows[0]
    keys = ("primary", "dsm_status", "remission_type", "severity", "controlled_environment")
    keys += ("maintenance_therapy", "sobriety", "recovery_status", "recovery_timeframe")
    at = [header.index(k) for k in ("client_code", "substance_class", *keys)]
    printed = {(r[at[0]], r[at[1]]): tuple(r[i] for i in at[2:]) for r in rows[1:]}
    expected = {}
    with database.reading() as session:
        for h in load_histories(session):
            for s in recovery.classify(h, as_of) or [recovery.primary_status(h, as_of)]:
                values = tuple(getattr(s, k) for k in keys)
                yes_no = tuple(("yes" if v else "no") if isinstance(v, bool) else v for v in values)
                expected[(h.client_code, s.substance_class)] = yes_no
    assert printed == expected


def _exact_funder(database: Database) -> None:
    with database.writing() as session:
        current = agency_settings.load(session)
        agency_settings.save(session, actor_of(database), replace(current, suppression_threshold=1))


def _check_agency(database: Database, month: Period, folder: Path) -> None:
    reports = [
        build_report_data(database, actor_of(database), _next(month, k), internal=True)
        for k in range(12)
    ]
    own = _own_figures(reports[0])
    for later in reports[1:]:
        for key in TRENDS:
            assert _trend_row(later, key, month.end) == own[key], (later.period, key)
    for table in (*(t for s in reports[0].sections for t in s.tables), *reports[0].trends):
        _check_totals(table)
    _check_pdf(reports[0], folder)
    quarter = Period(month.start, _next(month, 2).end)
    _exact_funder(database)
    stored = _funder_trend_row(database, quarter, month, folder)
    expected = [v for key in TRENDS for v in _as_sheet(own[key], reports[0].table(key))]
    assert stored == expected
    in_quarter = build_report_data(database, actor_of(database), quarter, internal=True)
    closed = in_quarter.table("followups").row("Windows closed in the period").values[-1]
    assert closed == sum(_trend_row(r, "trend_followups", r.period.end)[0] for r in reports[:3])
    _check_recovery_status(database, month.end, folder)


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
@EXAMPLES
@given(**AGENCIES)
def test_every_figure_is_the_same_wherever_it_is_printed(
    kind: str, tmp_path: Path, clients: int, seed: int, month: int
) -> None:
    folder = tmp_path / uuid.uuid4().hex
    folder.mkdir()
    with fresh_database(kind, folder) as database:
        build_demo(database, clients, seed, today=TODAY)
        _check_agency(database, _month(month), folder)
