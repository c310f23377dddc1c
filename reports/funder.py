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
from collections.abc import Callable
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
from reports.monthly_community import CLIENTS_SERVED, COMMUNITY_COLUMNS
from reports.monthly_data import IsCancelled, Progress, ReportData, build_report_data
from reports.monthly_trends import TREND_COLUMNS
from reports.report_tables import Disclosure, Table
from reports.report_tables import Kind as TableKind
from reports.suppression import PROTECTED_MARK
from reports.xlsx import Cancelled, Column, SheetWriter, XlsxBook, write_or_discard

log = logging.getLogger(__name__)

SUMMARY, COMMUNITY, TRENDS, DICTIONARY, ABOUT = (
    "Summary",
    "Community",
    "Trends",
    "Dictionary",
    "About",
)
SUMMARY_WIDTH = 8  # value columns of the widest table (seven goals and a total)
CHECK_EVERY = 2000  # rows between looks at the cancel flag
PROGRAM = "Recovery Desk"


ROWS_ABOUT = (
    "Clients: de-identified (HIPAA Safe Harbor), one row per client the Summary counts "
    "(served in the period, a follow-up window closed in it, a known status at its end, "
    "or counted in harm), with columns saying which. Every count of the Summary can be "
    "worked out from these rows, the ones it hides too: the suppression of the Summary "
    "is moot, and this file must be handled as row-level data."
)


@dataclass(frozen=True)
class FunderResult:
    data: ReportData
    client_rows: int


def funder_workbook(
    database: Database,
    actor: Actor,
    start: dt.date,
    end: dt.date,
    target: Path,
    *,
    rows: bool = False,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    generated_at: dt.datetime | None = None,
) -> FunderResult:
    """Build and write the funder workbook for `start`..`end`, and record the export (the
    row commits before the workbook takes its name: never a file without its row)."""
    actor.require(Permission.REPORTS)
    period = Period(start, end)
    with database.reading() as session:
        settings = agency_settings.load(session)
    done: list[FunderResult] = []

    def fill(book: XlsxBook) -> None:
        # Sheets are opened in their order first: the rows stream into theirs during
        # the walk, the aggregate sheets are written once the counts are complete.
        _properties(book, period)
        sheets = _open_sheets(book, settings.agency_name, period, rows)
        collector = (
            None
            if sheets.clients is None
            else RowCollector(period, settings.state, _row_sink(sheets.clients, cancelled))
        )
        data = build_report_data(
            database,
            actor,
            period,
            generated_at=generated_at,
            progress=progress,
            cancelled=cancelled,
            rows=collector,
        )
        _summary(sheets.summary, data)
        _community(sheets.community, data)
        _trends(sheets.trends, data)
        if sheets.clients is not None:
            sheets.clients.worksheet.auto_filter.ref = (
                f"A1:{_letter(len(deidentify.KEYS))}{sheets.clients.rows}"
            )
        write_dictionary(book, _dictionary_sheets(data, rows))
        _about(book, data, rows)
        database.require_healthy_file()
        done.append(FunderResult(data, collector.written if collector is not None else 0))

    def audit_it() -> None:
        _audit(database, actor, period, Path(target), rows, done[0])

    write_or_discard(XlsxBook(), Path(target), fill, cancelled, before_rename=audit_it)
    log.info("funder workbook %s..%s written to %s", start, end, target)
    return done[0]


def _audit(
    database: Database, actor: Actor, period: Period, target: Path, rows: bool, result: FunderResult
) -> None:
    """The export's row, committed before the workbook takes its name."""
    with database.writing() as session:
        audit.record(
            session,
            actor,
            "export",
            "funder_workbook",
            f"{period.start}..{period.end}",
            after={
                "file": target.name,
                "from": period.start,
                "to": period.end,
                "clients_served": result.data.ledger.value(CLIENTS_SERVED),
                "rows": rows,
                "client_rows": result.client_rows,
                "scope": "aggregate tables"
                + (", de-identified rows of the clients served" if rows else ""),
            },
        )


@dataclass(frozen=True)
class _Sheets:
    summary: SheetWriter
    community: SheetWriter
    trends: SheetWriter
    clients: SheetWriter | None


def _open_sheets(book: XlsxBook, agency: str, period: Period, rows: bool) -> _Sheets:
    title = f"{agency}: summary for {period.start.isoformat()} to {period.end.isoformat()}"
    summary = book.sheet(
        SUMMARY,
        [Column("label", 56), *(Column(f"c{i}", 13) for i in range(SUMMARY_WIDTH))],
        header=[title],
    )
    community = book.sheet(
        COMMUNITY,
        [Column("area", 22), *map(_fit, COMMUNITY_COLUMNS)],
        header=["Area", *COMMUNITY_COLUMNS],
    )
    trends = book.sheet(
        TRENDS, [Column("month", 12), *map(_fit, TREND_COLUMNS)], header=["Month", *TREND_COLUMNS]
    )
    clients = (
        book.sheet(deidentify.SHEET, [Column(k, max(12, len(k) + 2)) for k in deidentify.KEYS])
        if rows
        else None
    )
    return _Sheets(summary, community, trends, clients)


def _row_sink(
    sheet: SheetWriter, cancelled: IsCancelled | None
) -> Callable[[tuple[object, ...]], None]:
    def put(row: tuple[object, ...]) -> None:
        sheet.append(row)
        if cancelled is not None and sheet.rows % CHECK_EVERY == 0 and cancelled():
            raise Cancelled()

    return put


def _properties(book: XlsxBook, period: Period) -> None:
    props = book.workbook.properties
    props.creator = PROGRAM
    props.lastModifiedBy = None
    props.title = f"Funder workbook {period.start.isoformat()} to {period.end.isoformat()}"


def _summary(sheet: SheetWriter, data: ReportData) -> None:
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
    return (
        f"Counts from 1 to {d.threshold - 1} show as {d.marker}; a few larger counts that a "
        f"total would give away, and percentages and means resting on a hidden count, show "
        f"as {PROTECTED_MARK}."
    )


def _community(sheet: SheetWriter, data: ReportData) -> None:
    table = data.community
    for row in table.rows:
        sheet.append(row_cells(sheet.worksheet, table, row))
    sheet.worksheet.auto_filter.ref = f"A1:{_letter(len(table.columns) + 1)}{sheet.rows}"


def _trends(sheet: SheetWriter, data: ReportData) -> None:
    ws = sheet.worksheet
    for day, cells in zip(data.trend_dates, merged_rows(ws, data.trends), strict=True):
        sheet.append([month_cell(ws, day), *cells[1:]])
    ws.auto_filter.ref = f"A1:{_letter(len(TREND_COLUMNS) + 1)}{sheet.rows}"


def _fit(label: str) -> Column:
    """A column wide enough for its header on one line."""
    return Column(label, max(12, len(label) + 3))


def _letter(n: int) -> str:
    return get_column_letter(n)


def _field(label: str, kind: Kind, help_text: str = "", decimal: bool = False) -> Field:
    tags = frozenset({DECIMAL_TAG}) if decimal else frozenset()
    return Field(label, label, kind, help=help_text, tags=tags)


def _column_field(table: Table, index: int, disclosure: Disclosure, help_text: str = "") -> Field:
    """A column of a printed table as the dictionary describes it."""
    kind = table.kinds[index] if table.kinds else TableKind.COUNT
    note = _kind_note(kind, disclosure)
    text = f"{help_text} {note}".strip()
    return _field(table.columns[index], Kind.INTEGER, text, decimal=kind is not TableKind.COUNT)


def _kind_note(kind: TableKind, disclosure: Disclosure) -> str:
    """What a column holds, with the markers the sheets print (the same constants)."""
    small, hidden = disclosure.marker, PROTECTED_MARK
    derived = f"{hidden} where it rests on a hidden count."
    return {
        TableKind.COUNT: f"A count; {small} for a count from 1 to {disclosure.threshold - 1},"
        f" {hidden} for a larger one hidden to protect it.",
        TableKind.PERCENT: f"A percentage, stored as a fraction; {derived}",
        TableKind.MEAN: f"A mean; {derived}",
        TableKind.INDEX: f"The mean harm index, 0-100; {derived}",
        TableKind.RATIO: f"Syringes returned per syringe given; {derived}",
    }.get(kind, "")


def _dictionary_sheets(data: ReportData, rows: bool) -> list[tuple[str, tuple[Field, ...]]]:
    area = _field(
        "Area",
        Kind.TEXT,
        N_(
            "The area recorded on encounters (for known deaths, the postal code on the "
            "client's record). Areas with fewer people than the suppression threshold, or "
            "with nothing but deaths, are pooled as Other areas."
        ),
    )
    community = data.community
    month = _field(
        "Month",
        Kind.DATE,
        N_("The month-end the row describes (the last row: the end of the period)."),
    )
    sheets = [
        (
            COMMUNITY,
            (
                area,
                *(
                    _column_field(community, i, data.disclosure)
                    for i in range(len(community.columns))
                ),
            ),
        ),
        (
            TRENDS,
            (
                month,
                *(
                    _column_field(t, i, data.disclosure, t.title + ".")
                    for t in data.trends
                    for i in range(len(t.columns))
                ),
            ),
        ),
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
        (
            "Harm period",
            f"{data.harm_period.start.isoformat()} to {data.harm_period.end.isoformat()}",
        ),
        ("Generated at (UTC)", data.generated_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")),
        ("Suppression threshold", f"{data.disclosure.threshold}: {_disclosure_text(data)}"),
        ("Row-level sheet", ROWS_ABOUT if rows else "not included"),
        ("Made by", PROGRAM),
    ]
    threshold = data.disclosure.threshold
    items += [
        (f"Definition: {h}", p)
        for h, p in definitions(
            suppression_threshold=threshold, followup_months=data.followup_months
        )
    ]
    for item, value in items:
        sheet.append([styled_text(ws, item), styled_text(ws, value, alignment=WRAP_TEXT)])
