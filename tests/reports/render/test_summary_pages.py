"""The funder workbook's Summary printed: every table on the page that carries its own
column headings (only the sheet's first row repeats on every page). Read back with
openpyxl: the paper, margins, scale to the page width, row heights and manual page
breaks, laid out as a spreadsheet lays out pages, one row after the other."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from db.engine import Database
from db.startup import open_database
from reports.outputs.funder import funder_workbook
from reports.render.funder_workbook import SUMMARY_COLUMNS
from reports.render.summary_pages import page_parts, page_points
from reports.tables.report_tables import Row, Table
from tests.accounts import actor_of
from tests.reports.hand_agency import build

TODAY = dt.date(2026, 11, 27)
START, END = dt.date(2025, 11, 1), dt.date(2026, 10, 31)
LETTER = (8.5 * 72, 11 * 72)  # points
DEFAULT_ROW = 15.0  # a spreadsheet's row of 11-point Calibri


@pytest.fixture(scope="module")
def summary(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    folder = tmp_path_factory.mktemp("pages")
    database: Database = open_database(str(folder / "agency.sqlite3"))
    build(database, actor_of(database), TODAY)
    target = folder / "funder.xlsx"
    funder_workbook(database, actor_of(database), START, END, target)
    database.dispose()
    yield load_workbook(Path(target))["Summary"]


def row_height(ws: Any, row: int) -> float:
    return ws.row_dimensions[row].height or DEFAULT_ROW


def page_of_each_row(ws: Any) -> dict[int, int]:
    """Rows from 2 down, on pages of the printable height at the sheet's scale; a page
    ends at a manual break or when the next row would not fit."""
    margins, setup = ws.page_margins, ws.page_setup
    assert setup.orientation == "landscape" and setup.paperSize == 1  # letter
    short, long = LETTER
    pixels = sum(
        int(ws.column_dimensions[get_column_letter(c)].width * 7 + 5)
        for c in range(1, ws.max_column + 1)
    )
    scale = min(1.0, (long - 72 * (margins.left + margins.right)) / (pixels * 0.75))
    height = (short - 72 * (margins.top + margins.bottom)) / scale
    manual = {b.id for b in ws.row_breaks.brk}
    page, used, pages = 1, row_height(ws, 1), {}
    for row in range(2, ws.max_row + 1):
        if row - 1 in manual or used + row_height(ws, row) > height:
            page, used = page + 1, row_height(ws, 1)
        used += row_height(ws, row)
        pages[row] = page
    return pages


def tables(ws: Any) -> list[tuple[str, int, int]]:
    """(title, title row, last row) of each table: a title above a filled heading row,
    down to the blank row after it."""
    found = []
    for row in range(2, ws.max_row):
        if str(ws.cell(row + 1, 1).fill.fgColor.rgb)[-6:] != "DDE4EE":  # the heading fill
            continue
        last = row + 1
        while last + 1 <= ws.max_row and ws.cell(last + 1, 1).value is not None:
            last += 1
        found.append((ws.cell(row, 1).value, row, last))
    return found


def test_every_table_prints_on_one_page_with_its_headings(summary: Any) -> None:
    assert summary.print_title_rows == "$1:$1"
    pages = page_of_each_row(summary)
    found = tables(summary)
    assert len(found) == 20 and max(pages.values()) >= 4
    assert summary.row_breaks.brk  # without them a table runs over a page end
    split = [title for title, first, last in found if pages[first] != pages[last]]
    assert split == []
    # Each page after the first starts with a table's title or a section heading.
    starts = [row for row in pages if row > 2 and pages[row] != pages[row - 1]]
    titles = {first for _, first, _ in found}
    assert all(row in titles or row + 2 in titles for row in starts)


def test_a_table_longer_than_a_page_prints_in_parts_each_under_its_headings() -> None:
    # Letter, landscape, 0.5 in side and 0.6 in top and bottom margins: the Summary's
    # columns (56 + 8 x 13 characters: 397 + 8 x 96 pixels = 873.75 points) scale to
    # 720 / 873.75; the page holds (612 - 86.4) x 0.95 / that = 605.9 points of rows. Less
    # the repeated sheet heading, the title, the one-line headings, the note and the
    # blank row (15 each): 530.9, 35 rows of 15 points.
    rows = tuple(Row(f"{2020 + i // 12}-{i % 12 + 1:02d}", (i,)) for i in range(100))
    table = Table("referrals_by_type", "Referrals by type", "Month", ("Total",), rows,
                  note="A note.")  # fmt: skip
    page = page_points("letter", SUMMARY_COLUMNS)
    parts = page_parts(table, page, 0.0, "(continued)")
    assert [len(p.rows) for p in parts] == [35, 35, 30]
    assert [r for p in parts for r in p.rows] == list(rows)
    assert [p.title for p in parts] == ["Referrals by type"] + ["Referrals by type (continued)"] * 2
    assert [p.note for p in parts] == ["", "", "A note."]
    assert [p.columns for p in parts] == [("Total",)] * 3
    assert page_parts(replace(table, rows=rows[:35]), page, 0.0, "(continued)") == [
        replace(table, rows=rows[:35])
    ]
