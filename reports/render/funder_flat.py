"""The funder workbook's flat sheet: every printed figure of the Summary and Trends sheets
as one row (period, measure, breakdown, category, value, unit, suppressed), so a funder can
pivot it. Values are numbers (a percentage is a fraction with a percent format, as on the
other sheets); a hidden figure leaves its value empty and says `yes` under Suppressed, so
no marker ever sits in the numeric column."""

from __future__ import annotations

from collections.abc import Iterator

from forms.fields import N_, Field
from forms.fields import Kind as FieldKind
from reports.render.funder_sheets import FORMATS
from reports.render.xlsx import Column
from reports.render.xlsx_stream import StreamBook, StreamSheet
from reports.render.xlsx_styles import Style, Styled
from reports.rules.suppression import PROTECTED_MARK
from reports.tables.report_data import ReportData
from reports.tables.report_tables import Kind, Table, Value

FLAT = "Flat"
HEADER = ("Period", "Measure", "Breakdown", "Category", "Value", "Unit", "Suppressed")
WIDTHS = (24, 44, 44, 22, 12, 10, 11)
Record = tuple[str, str, str, str, Value, Kind]


def open_flat(book: StreamBook) -> StreamSheet:
    columns = [Column(h.lower(), w) for h, w in zip(HEADER, WIDTHS, strict=True)]
    return book.sheet(FLAT, columns, header=list(HEADER))


def records(data: ReportData) -> Iterator[Record]:
    """Every printed number or hidden figure, Summary tables first, then each trend month."""
    period = f"{data.period.start.isoformat()} to {data.period.end.isoformat()}"
    for section in data.sections:
        for table in section.tables:
            for row in table.rows:
                for i, column in enumerate(table.columns):
                    yield (
                        period,
                        table.title,
                        row.label,
                        column,
                        row.values[i],
                        table.kind_of(row, i),
                    )
    for table in data.trends:
        yield from _trend(table, data)


def _trend(table: Table, data: ReportData) -> Iterator[Record]:
    for day, row in zip(data.trend_dates, table.rows, strict=True):
        for i, column in enumerate(table.columns):
            yield (
                day.isoformat(),
                table.title,
                "Month-end",
                column,
                row.values[i],
                table.kind_of(row, i),
            )


def write_flat(sheet: StreamSheet, data: ReportData) -> None:
    marker = data.disclosure.marker
    for period, measure, breakdown, category, value, kind in records(data):
        hidden = value in (marker, PROTECTED_MARK)
        if kind is Kind.TEXT or (isinstance(value, str) and not hidden):
            continue  # words ("yes", "no"), not figures
        number = None if hidden or value is None else value
        cells = [period, measure, breakdown, category, _number(number, kind), kind.value]
        sheet.append([*cells, "yes" if hidden else "no"])
    sheet.filter_rows(len(HEADER), sheet.rows)


def _number(value: Value, kind: Kind) -> Styled | None:
    if value is None or isinstance(value, str):
        return None
    number = round(value / 100, 6) if kind is Kind.PERCENT else value
    return Styled(number, Style(num_format=FORMATS.get(kind, "General")))


def _describe(label: str, kind: FieldKind, help_text: str) -> Field:
    return Field(label, label, kind, help=help_text)


FIELDS = (
    _describe("Period", FieldKind.TEXT, N_("The period of the Summary, or a trend month-end.")),
    _describe("Measure", FieldKind.TEXT, N_("The table the figure is printed in.")),
    _describe("Breakdown", FieldKind.TEXT, N_("The row of that table.")),
    _describe("Category", FieldKind.TEXT, N_("The column of that table.")),
    _describe(
        "Value",
        FieldKind.INTEGER,
        N_(
            "The figure as a number (a percentage as a fraction); empty when suppressed or"
            " when there is nothing to compute."
        ),
    ),
    _describe("Unit", FieldKind.TEXT, N_("count, percent, mean, index or ratio.")),
    _describe("Suppressed", FieldKind.TEXT, N_("yes: hidden by the small-numbers rule.")),
)
