"""Writing report tables into workbook sheets, formatted the way a funder reads them.

Counts carry a thousands format, percentages a percent format (stored as
fractions, so Excel sums and charts them correctly), means two decimals; a
suppressed cell is the text "<11", right-aligned like the numbers around
it. Every text cell is made with `reports.render.xlsx.text_cell`, an explicit
string, so no label or area from the database can ever become a formula.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from reports.render.xlsx import HEADER_FILL, HEADER_FONT, SheetWriter, text_cell
from reports.tables.report_tables import Kind, Row, Table, Value

log = logging.getLogger(__name__)

DASH = "–"
FORMATS = {
    Kind.COUNT: "#,##0",
    Kind.PERCENT: "0.0%",
    Kind.MEAN: "0.00",
    Kind.INDEX: "0.0",
    Kind.RATIO: "0.00",
}
COUNT_FORMAT = FORMATS[Kind.COUNT]
MONTH_FORMAT = "mmm yyyy"
VALUE_CHARS = 12  # what a value column of the Summary holds on one line
LINE_POINTS = 13
RIGHT = Alignment(horizontal="right")
WRAP_HEADER = Alignment(horizontal="right", vertical="bottom", wrap_text=True)
WRAP_TEXT = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)
SECTION_FONT = Font(bold=True, size=13, color="1F3A5F")
TITLE_FONT = Font(bold=True, size=11)
NOTE_FONT = Font(italic=True, size=9, color="5B6770")


def styled_text(
    ws: Any, value: str, font: Font | None = None, alignment: Alignment | None = None
) -> Any:
    cell = text_cell(ws, value)
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    return cell


def value_cell(ws: Any, value: Value, kind: Kind, bold: bool = False) -> Any:
    """One printed value as a cell: a formatted number, or right-aligned text."""
    if value is None or isinstance(value, str):
        cell = styled_text(ws, DASH if value is None else value, alignment=RIGHT)
    else:
        # 12.3 % is the fraction 0.123; rounding keeps 0.1229999... out of the file.
        number = round(value / 100, 6) if kind is Kind.PERCENT else value
        cell = WriteOnlyCell(ws, number)
        cell.number_format = FORMATS.get(kind, "General")
    if bold:
        cell.font = BOLD
    return cell


def header_cells(ws: Any, labels: Sequence[str]) -> list[Any]:
    cells = []
    for index, label in enumerate(labels):
        cell = styled_text(ws, label, HEADER_FONT, WRAP_HEADER if index else WRAP_TEXT)
        cell.fill = HEADER_FILL
        cells.append(cell)
    return cells


def row_cells(ws: Any, table: Table, row: Row) -> list[Any]:
    label = styled_text(ws, row.label, BOLD if row.total else None)
    return [
        label,
        *(value_cell(ws, v, table.kind_of(row, i), row.total) for i, v in enumerate(row.values)),
    ]


def write_table(sheet: SheetWriter, table: Table) -> None:
    """A table as a block: its title, a header row, its rows, its note, a blank row."""
    ws = sheet.worksheet
    sheet.append([styled_text(ws, table.title, TITLE_FONT)])
    # A write-only row keeps the height it is given: a header that wraps gets its lines,
    # or a spreadsheet prints its first line over the title above it.
    lines = max((-(-len(c) // VALUE_CHARS) for c in table.columns), default=1)
    if lines > 1:
        ws.row_dimensions[sheet.rows + 1].height = LINE_POINTS * lines
    sheet.append(header_cells(ws, [table.row_header, *table.columns]))
    for row in table.rows:
        sheet.append(row_cells(ws, table, row))
    if table.note:
        sheet.append([styled_text(ws, table.note, NOTE_FONT)])
    sheet.append([])


def tall_enough(sheet: SheetWriter, text: str, chars: int) -> None:
    """Give the next row the lines `text` wraps to in a column of `chars` characters: a
    write-only row keeps the height it is given, and wrapped text would spill over the
    rows below it when printed."""
    lines = sum(max(1, -(-len(part) // chars)) for part in text.split("\n"))
    if lines > 1:
        sheet.worksheet.row_dimensions[sheet.rows + 1].height = LINE_POINTS * lines


def fit_for_print(ws: Any, landscape: bool = False, title_rows: str = "1:1") -> None:
    """Print the sheet one page wide (as many pages down as it needs), its first row
    repeated at the top of every page. The sheet's book is an `XlsxBook(fit_width=True)`:
    a write-only sheet says it scales to the page with its first row."""
    ws.print_title_rows = title_rows
    setup = ws.page_setup
    setup.orientation = "landscape" if landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0


def merged_rows(ws: Any, tables: Sequence[Table]) -> list[list[Any]]:
    """Tables with the same rows side by side: one label, then each table's values."""
    first = tables[0]
    rows = []
    for index, row in enumerate(first.rows):
        cells = row_cells(ws, first, row)
        for other in tables[1:]:
            match = other.rows[index]
            if match.label != row.label:
                raise ValueError(f"rows differ: {row.label} and {match.label}")
            cells += row_cells(ws, other, match)[1:]
        rows.append(cells)
    return rows


def month_cell(ws: Any, day: dt.date) -> Any:
    cell = WriteOnlyCell(ws, day)
    cell.number_format = MONTH_FORMAT
    cell.alignment = Alignment(horizontal="left")
    return cell
