"""The funder workbook: `recovery-desk export funder --from D --to D --out F.xlsx [--rows]`.

Aggregate by default: `Summary` holds the tables of the monthly report for
the period, `Community` the programme tallies by area, `Trends` the last
twelve month-ends, all suppressed as DOMAIN.md §9 says (one ledger for the
whole workbook, so no hidden count can be worked out from any printed
total). `--rows` adds the de-identified `Clients` sheet (reports.deidentify).
`Dictionary` explains each column and `About` says what the file is. The
document properties name the program and the period, nothing about a client.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from openpyxl.utils import get_column_letter

from db import audit
from db import settings as agency_settings
from db.access import Actor, Permission
from db.engine import Database
from forms.fields import N_, Field, Kind
from reports import deidentify
from reports.dates import Period
from reports.definitions import definitions
from reports.deidentify import RowCollector
from reports.dictionary import DECIMAL_TAG, write_dictionary
from reports.funder_sheets import (
    NOTE_FONT,
    SECTION_FONT,
    WRAP_TEXT,
    merged_rows,
    month_cell,
    row_cells,
    styled_text,
    write_table,
)
from reports.monthly_data import IsCancelled, Progress, ReportData, build_report_data
from reports.report_tables import Kind as TableKind
from reports.report_tables import Table
from reports.xlsx import Cancelled, Column, XlsxBook, write_or_discard, write_rows

log = logging.getLogger(__name__)

SUMMARY, COMMUNITY, TRENDS, DICTIONARY, ABOUT = ("Summary", "Community", "Trends", "Dictionary",
                                                 "About")
PROGRAM = "Recovery Desk"


@dataclass(frozen=True)
class FunderResult:
    data: ReportData
    client_rows: int


def funder_workbook(
    database: Database, actor: Actor, start: dt.date, end: dt.date, target: Path, *,
    rows: bool = False, progress: Progress | None = None, cancelled: IsCancelled | None = None,
    generated_at: dt.datetime | None = None,
) -> FunderResult:
    """Build and write the funder workbook for `start`..`end`, and record the export."""
    actor.require(Permission.REPORTS)
    period = Period(start, end)
    with database.reading() as session:
        settings = agency_settings.load(session)
    collector = RowCollector(period, settings.state) if rows else None
    data = build_report_data(database, actor, period, internal=False, generated_at=generated_at,
                             progress=progress, cancelled=cancelled, rows=collector)
    client_rows = collector.shuffled() if collector is not None else []

    def fill(book: XlsxBook) -> None:
        _properties(book, period)
        _summary(book, data)
        _community(book, data)
        _trends(book, data)
        if rows:
            _clients(book, client_rows, cancelled)
        write_dictionary(book, _dictionary_sheets(data, rows))
        _about(book, data, rows)

    write_or_discard(XlsxBook(), Path(target), fill, cancelled)
    with database.writing() as session:
        audit.record(session, actor, "export", "funder_workbook", f"{start}..{end}",
                     after={"file": Path(target).name, "rows": rows,
                            "client_rows": len(client_rows)})
    log.info("funder workbook %s..%s written to %s", start, end, target)
    return FunderResult(data, len(client_rows))


def _properties(book: XlsxBook, period: Period) -> None:
    props = book.workbook.properties
    props.creator = PROGRAM
    props.lastModifiedBy = None
    props.title = f"Funder workbook {period.start.isoformat()} to {period.end.isoformat()}"


def _summary(book: XlsxBook, data: ReportData) -> None:
    width = max(len(t.columns) for s in data.sections for t in s.tables)
    columns = [Column("label", 56), *(Column(f"c{i}", 13) for i in range(width))]
    title = (f"{data.agency}: summary for {data.period.start.isoformat()} to "
             f"{data.period.end.isoformat()}")
    sheet = book.sheet(SUMMARY, columns, header=[title])
    ws = sheet.worksheet
    sheet.append([styled_text(ws, _disclosure_text(data), NOTE_FONT)])
    sheet.append([])
    for section in data.sections:
        sheet.append([styled_text(ws, section.title, SECTION_FONT)])
        sheet.append([styled_text(ws, section.intro, NOTE_FONT)])
        for table in section.tables:
            write_table(sheet, table)


def _disclosure_text(data: ReportData) -> str:
    d = data.disclosure
    return (f"Counts from 1 to {d.threshold - 1} show as {d.marker}, and so do a few larger "
            "counts that a total would give away; percentages and means resting on them too.")


def _community(book: XlsxBook, data: ReportData) -> None:
    table = data.community
    labels = [table.row_header, *table.columns]
    sheet = book.sheet(COMMUNITY, [Column("area", 22), *(_fit(c) for c in labels[1:])],
                       header=labels)
    for row in table.rows:
        sheet.append(row_cells(sheet.worksheet, table, row))
    sheet.worksheet.auto_filter.ref = f"A1:{_letter(len(labels))}{sheet.rows}"


def _trends(book: XlsxBook, data: ReportData) -> None:
    labels = ["Month", *(c for t in data.trends for c in t.columns)]
    sheet = book.sheet(TRENDS, [Column("month", 12), *(_fit(c) for c in labels[1:])],
                       header=labels)
    ws = sheet.worksheet
    for day, cells in zip(data.trend_dates, merged_rows(ws, data.trends), strict=True):
        sheet.append([month_cell(ws, day), *cells[1:]])
    ws.auto_filter.ref = f"A1:{_letter(len(labels))}{sheet.rows}"


def _fit(label: str) -> Column:
    """A column wide enough for its header on one line."""
    return Column(label, max(12, len(label) + 3))


def _letter(n: int) -> str:
    return get_column_letter(n)


def _clients(book: XlsxBook, rows: list[tuple[object, ...]],
             cancelled: IsCancelled | None) -> None:
    sheet = book.sheet(deidentify.SHEET, [Column(k, max(12, len(k) + 2))
                                          for k in deidentify.KEYS])
    written = write_rows(sheet, rows, cancelled)
    sheet.worksheet.auto_filter.ref = f"A1:{_letter(len(deidentify.KEYS))}{written + 1}"
    if cancelled is not None and cancelled():
        raise Cancelled()


def _field(label: str, kind: Kind, help_text: str = "", decimal: bool = False) -> Field:
    tags = frozenset({DECIMAL_TAG}) if decimal else frozenset()
    return Field(label, label, kind, help=help_text, tags=tags)


def _column_field(table: Table, index: int, help_text: str = "") -> Field:
    """A column of a printed table as the dictionary describes it."""
    kind = table.kinds[index] if table.kinds else TableKind.COUNT
    note = _KIND_NOTES.get(kind, "")
    text = f"{help_text} {note}".strip()
    return _field(table.columns[index], Kind.INTEGER, text, decimal=kind is not TableKind.COUNT)


_KIND_NOTES = {
    TableKind.COUNT: "A count; <11 where suppressed.",
    TableKind.PERCENT: "A percentage, stored as a fraction; <11 where it rests on a hidden count.",
    TableKind.INDEX: "The mean harm index, 0-100.",
    TableKind.RATIO: "Syringes returned per syringe given.",
}


def _dictionary_sheets(data: ReportData, rows: bool) -> list[tuple[str, tuple[Field, ...]]]:
    area = _field("Area", Kind.TEXT, N_("The area recorded on encounters (for known deaths, "
                                        "the postal code on the client's record)."))
    community = data.community
    month = _field("Month", Kind.DATE, N_("The month-end the row describes (the last row: the "
                                          "end of the period)."))
    sheets = [
        (COMMUNITY, (area, *(_column_field(community, i)
                             for i in range(len(community.columns))))),
        (TRENDS, (month, *(_column_field(t, i, t.title + ".") for t in data.trends
                           for i in range(len(t.columns))))),
    ]
    if rows:
        sheets.append((deidentify.SHEET, deidentify.FIELDS))
    return sheets


def _about(book: XlsxBook, data: ReportData, rows: bool) -> None:
    sheet = book.sheet(ABOUT, [Column("item", 30), Column("text", 110)], header=["Item", "Text"])
    ws = sheet.worksheet
    items = [
        ("Agency", data.agency),
        ("Period", f"{data.period.start.isoformat()} to {data.period.end.isoformat()}"),
        ("Status read on", data.period.end.isoformat()),
        ("Harm period", f"{data.harm_period.start.isoformat()} to "
                        f"{data.harm_period.end.isoformat()}"),
        ("Generated at (UTC)", data.generated_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")),
        ("Suppression threshold", f"{data.disclosure.threshold}: {_disclosure_text(data)}"),
        ("Row-level sheet", "Clients: de-identified (HIPAA Safe Harbor), one row per client "
                            "served in the period" if rows else "not included"),
        ("Made by", PROGRAM),
    ]
    threshold = data.disclosure.threshold
    items += [(f"Definition: {h}", p) for h, p in definitions(
        suppression_threshold=threshold, followup_months=data.followup_months)]
    for item, value in items:
        sheet.append([styled_text(ws, item), styled_text(ws, value, alignment=WRAP_TEXT)])
