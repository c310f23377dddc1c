"""The baselines of the workbook benchmarks: the bare library writing the same cells.

The exchange export and the funder workbook stream through xlsxwriter's
constant-memory mode, so their baseline is bare xlsxwriter in that mode
(`write_raw_stream`).

Reading a workbook of millions of cells back would take longer than writing
it, so the baseline is built from a sample: the first rows of each sheet of
the workbook the program wrote (header included), repeated until the sheet
has as many rows as the program wrote. The raw workbook thus holds the same
number of cells of the same kinds (dates, numbers, short text, blanks) in the
same proportions, written with nothing but `Workbook`, `write_row` and `close`.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import xlsxwriter
from openpyxl import load_workbook

SAMPLE_ROWS = 2_000
Row = tuple[object, ...]


@dataclass(frozen=True)
class SheetPlan:
    title: str
    sample: list[Row]  # the header row first
    rows: int  # data rows to write (the header not counted)

    @property
    def cells(self) -> int:
        body = self.sample[1:] or [()]
        filled = sum(v is not None for row in body for v in row) / len(body)
        return round(filled * self.rows) + sum(v is not None for v in self.sample[0])


def plan_from(path: Path, rows_by_sheet: Mapping[str, int] | None = None) -> list[SheetPlan]:
    """One plan per sheet of `path`: `rows_by_sheet` gives the row count of the big sheets;
    a sheet not named there is copied whole (it must be small)."""
    rows_by_sheet = rows_by_sheet or {}
    book = load_workbook(path, read_only=True)
    try:
        plans = []
        for ws in book.worksheets:
            limit = 1 + SAMPLE_ROWS if ws.title in rows_by_sheet else None
            sample = list(itertools.islice(ws.iter_rows(values_only=True), limit))
            rows = rows_by_sheet.get(ws.title, len(sample) - 1)
            plans.append(SheetPlan(ws.title, sample, rows))
        return plans
    finally:
        book.close()


def write_raw_stream(target: Path, plans: Sequence[SheetPlan]) -> int:
    """Write the planned sheets with bare xlsxwriter in constant-memory mode, text kept as
    text and dates in one date format, as the export must; returns the cells written."""
    options = {
        "constant_memory": True,
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "default_date_format": "yyyy-mm-dd",
    }
    book = xlsxwriter.Workbook(str(target), options)
    for plan in plans:
        ws = book.add_worksheet(plan.title)
        ws.write_row(0, 0, plan.sample[0])
        body = plan.sample[1:] or [()]
        for number, row in enumerate(itertools.islice(itertools.cycle(body), plan.rows), 1):
            ws.write_row(number, 0, row)
    book.close()
    return sum(plan.cells for plan in plans)
