"""Writing report tables into workbook sheets, formatted the way a funder reads them.

Counts carry a thousands format, percentages a percent format (stored as
fractions, so Excel sums and charts them correctly), means two decimals; a
suppressed cell is the text "<11", right-aligned like the numbers around
it. Cells are `Styled` values for a `reports.render.xlsx_stream.StreamSheet`, which
writes every text as a string, so no label or area from the database can ever become
a formula.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from reports.render.xlsx_stream import StreamSheet
from reports.render.xlsx_styles import PLAIN, Style, Styled
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
RIGHT = Style(align="right")
WRAP_HEADER = Style(align="right", valign="bottom", wrap=True)
WRAP_TEXT = Style(wrap=True, valign="top")
BOLD = Style(bold=True)
HEADER = Style(bold=True, fill="#DDE4EE")
SECTION_FONT = Style(bold=True, size=13, color="#1F3A5F")
TITLE_FONT = Style(bold=True, size=11)
NOTE_FONT = Style(italic=True, size=9, color="#5B6770")
MONTH = Style(num_format=MONTH_FORMAT, align="left")


def styled_text(value: str, font: Style | None = None, alignment: Style | None = None) -> Styled:
    return Styled(str(value), (font or PLAIN) | alignment)


def value_cell(value: Value, kind: Kind, bold: bool = False) -> Styled:
    """One printed value as a cell: a formatted number, or right-aligned text."""
    weight = BOLD if bold else None
    if value is None or isinstance(value, str):
        return styled_text(DASH if value is None else value, weight, RIGHT)
    # 12.3 % is the fraction 0.123; rounding keeps 0.1229999... out of the file.
    number = round(value / 100, 6) if kind is Kind.PERCENT else value
    return Styled(number, Style(num_format=FORMATS.get(kind, "General")) | weight)


def header_cells(labels: Sequence[str]) -> list[Styled]:
    return [
        styled_text(label, HEADER, WRAP_HEADER if index else WRAP_TEXT)
        for index, label in enumerate(labels)
    ]


def row_cells(table: Table, row: Row) -> list[Styled]:
    label = styled_text(row.label, BOLD if row.total else None)
    return [
        label,
        *(value_cell(v, table.kind_of(row, i), row.total) for i, v in enumerate(row.values)),
    ]


def write_table(sheet: StreamSheet, table: Table) -> None:
    """A table as a block: its title, a header row, its rows, its note, a blank row."""
    sheet.append([styled_text(table.title, TITLE_FONT)])
    # A row keeps the height it is given: a header that wraps gets its lines, or a
    # spreadsheet prints its first line over the title above it.
    lines = max((-(-len(c) // VALUE_CHARS) for c in table.columns), default=1)
    if lines > 1:
        sheet.height_of_next_row(LINE_POINTS * lines)
    sheet.append(header_cells([table.row_header, *table.columns]))
    for row in table.rows:
        sheet.append(row_cells(table, row))
    if table.note:
        sheet.append([styled_text(table.note, NOTE_FONT)])
    sheet.append([])


def tall_enough(sheet: StreamSheet, text: str, chars: int) -> None:
    """Give the next row the lines `text` wraps to in a column of `chars` characters: a
    row keeps the height it is given, and wrapped text would spill over the rows below
    it when printed."""
    lines = sum(max(1, -(-len(part) // chars)) for part in text.split("\n"))
    if lines > 1:
        sheet.height_of_next_row(LINE_POINTS * lines)


def fit_for_print(sheet: StreamSheet, landscape: bool = False) -> None:
    """Print the sheet one page wide (as many pages down as it needs), its first row
    repeated at the top of every page."""
    sheet.print_one_page_wide(landscape)


def merged_rows(tables: Sequence[Table]) -> list[list[Styled]]:
    """Tables with the same rows side by side: one label, then each table's values."""
    first = tables[0]
    rows = []
    for index, row in enumerate(first.rows):
        cells = row_cells(first, row)
        for other in tables[1:]:
            match = other.rows[index]
            if match.label != row.label:
                raise ValueError(f"rows differ: {row.label} and {match.label}")
            cells += row_cells(other, match)[1:]
        rows.append(cells)
    return rows


def month_cell(day: dt.date) -> Styled:
    return Styled(day, MONTH)
