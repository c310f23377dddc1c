"""The funder workbook as a funder prints and pivots it, reopened with openpyxl: every
sheet one page wide with its heading repeated (the rows across pages, readable, their
values within their columns), the All areas total outside the filter,
numbers stored as numbers and the suppression markers only ever as text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from db.engine import Database
from db.startup import open_database
from reports.outputs.funder import funder_workbook
from reports.render.funder_workbook import client_columns
from tests.accounts import actor_of
from tests.reports.hand_agency import build

TODAY = dt.date(2026, 11, 27)
START, END = dt.date(2025, 11, 1), dt.date(2026, 10, 31)
MARKERS = ("<11", "*")


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("print")
    database: Database = open_database(str(folder / "agency.sqlite3"))
    build(database, actor_of(database), TODAY)
    target = folder / "funder.xlsx"
    funder_workbook(database, actor_of(database), START, END, target, rows=True)
    database.dispose()
    yield load_workbook(target)


def test_every_sheet_prints_one_page_wide_with_its_heading_on_every_page(book: Any) -> None:
    for ws in book.worksheets:
        setup = ws.page_setup
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_title_rows == "$1:$1", ws.title
        if ws.title != "Clients":
            assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), ws.title
    across = {ws.title for ws in book.worksheets if ws.page_setup.orientation == "landscape"}
    assert across == {"Summary", "Community", "Trends", "Flat", "Clients"}


def _widths(ws: Any) -> list[float]:
    """Each column's width in characters, as the file gives it (a run of columns of one
    width is one entry)."""
    widths: dict[int, float] = {}
    for dimension in ws.column_dimensions.values():
        for column in range(dimension.min, dimension.max + 1):
            widths[column] = dimension.width
    return [widths[c] for c in range(1, ws.max_column + 1)]


def test_the_rows_print_across_pages_at_a_readable_size(book: Any) -> None:
    """One page wide, 33 columns printed at a quarter of their size: they go across
    pages of about 120 characters of columns (landscape), each starting with the
    record id."""
    ws = book["Clients"]
    pages = ws.page_setup.fitToWidth
    assert pages > 1 and ws.page_setup.fitToHeight == 0
    assert sum(_widths(ws)) / pages <= 125
    assert ws.print_title_cols == "$A:$A"


def test_no_value_of_the_rows_runs_into_the_next_column(book: Any) -> None:
    ws = book["Clients"]
    widths = _widths(ws)
    rows = list(ws.iter_rows(values_only=True))
    assert len(rows) > 1
    for row in rows:
        for value, width in zip(row, widths, strict=True):
            if value is not None:
                assert len(str(value)) + 1 <= width, (value, width)


def test_the_document_has_a_title_and_an_author(book: Any) -> None:
    assert book.properties.title == "Funder workbook 2025-11-01 to 2026-10-31"
    assert book.properties.creator == "Recovery Desk"


def test_the_all_areas_total_is_outside_the_filter(book: Any) -> None:
    ws = book["Community"]
    labels = [r[0] for r in ws.iter_rows(values_only=True)]
    total_row = labels.index("All areas") + 1
    last_filtered = int(ws.auto_filter.ref.split(":")[1][1:])
    assert total_row == last_filtered + 1 == ws.max_row


def test_markers_are_text_and_numbers_are_numbers(book: Any) -> None:
    markers = 0
    for name in ("Summary", "Community", "Trends"):
        for row in book[name].iter_rows():
            for cell in row:
                if cell.value in MARKERS:
                    markers += 1
                    assert cell.data_type == "s", cell.coordinate
                elif isinstance(cell.value, int | float):
                    assert cell.data_type == "n" and cell.number_format != "@", cell.coordinate
    assert markers > 0
    flat = list(book["Flat"].iter_rows(min_row=2, values_only=True))
    assert {type(r[4]) for r in flat} <= {int, float, type(None)}
    assert all(r[4] is None for r in flat if r[6] == "yes")


def test_wrapped_headings_and_long_texts_get_the_lines_they_wrap_to(book: Any) -> None:
    """A write-only row keeps the height it is given: without one, a spreadsheet prints
    a wrapped heading's first line over the title above it."""
    summary = book["Summary"]
    labels = [r[0] for r in summary.iter_rows(max_col=1, values_only=True)]
    title = labels.index("DSM status of the primary substance, by the client's goal") + 1
    assert summary.cell(title + 1, 1).value == "DSM status"
    # "Medication treatment" wraps to two lines in a column of 13.
    assert summary.row_dimensions[title + 1].height == 26
    assert summary.row_dimensions[title].height is None
    about = book["About"]
    items = [r[0] for r in about.iter_rows(max_col=1, values_only=True)]
    dates = items.index("Definition: Dates") + 1
    assert about.row_dimensions[dates].height >= 3 * 13


def test_the_funder_profiles_threshold_raises_the_agencys(tmp_path: Path) -> None:
    database: Database = open_database(str(tmp_path / "agency.sqlite3"))
    try:
        build(database, actor_of(database), TODAY)
        raised = funder_workbook(
            database, actor_of(database), START, END, tmp_path / "a.xlsx", threshold=20
        )
        lowered = funder_workbook(
            database, actor_of(database), START, END, tmp_path / "b.xlsx", threshold=5
        )
    finally:
        database.dispose()
    assert (raised.data.disclosure.threshold, lowered.data.disclosure.threshold) == (20, 11)
    about = {
        r[0]: r[1] for r in load_workbook(tmp_path / "a.xlsx")["About"].iter_rows(values_only=True)
    }
    assert about["Suppression threshold"].startswith("20: Counts from 1 to 19 show as <20")


def test_the_state_column_holds_the_agencys_state_however_it_is_written() -> None:
    widths = {c.key: c.width for c in client_columns("District of Columbia")}
    assert widths["state"] >= len("District of Columbia") + 1
    assert {c.key: c.width for c in client_columns("MA")}["state"] < widths["state"]
