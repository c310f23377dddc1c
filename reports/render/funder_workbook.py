"""The sheets of the funder workbook, written from a `ReportData` (and the rows streamed
into the Clients sheet while the dataset is walked).

Aggregate by default: `Summary` holds the tables of the monthly report for
the period, `Community` the programme tallies by area, `Trends` the last
twelve month-ends, all suppressed as DOMAIN.md §9 says (one ledger for the
whole workbook, so no hidden count can be worked out from any printed
total). `--rows` adds the de-identified `Clients` sheet (reports.datasets.deidentify).
`Flat` holds every figure of Summary and Trends as one pivotable row.
`Dictionary` explains each column and `About` says what the file is. The
document properties name the program and the period, nothing about a client.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from db.dates import Period
from db.jobs import Cancelled, IsCancelled
from forms.fields import N_, Field, Kind
from reports.datasets import deidentify
from reports.render import funder_flat as flat_fields
from reports.render.dictionary import DECIMAL_TAG, write_dictionary
from reports.render.funder_flat import FLAT, open_flat, write_flat
from reports.render.funder_sheets import (
    NOTE_FONT,
    SECTION_FONT,
    WRAP_TEXT,
    fit_for_print,
    merged_rows,
    month_cell,
    row_cells,
    styled_text,
    tall_enough,
)
from reports.render.revisions import revision_lines
from reports.render.summary_pages import (
    ROW_POINTS,
    SECTION_POINTS,
    PagePlan,
    page_breaks,
    page_points,
    set_paper,
    write_kept,
)
from reports.render.xlsx import Column
from reports.render.xlsx_stream import StreamBook, StreamSheet
from reports.rules.suppression import PROTECTED_MARK
from reports.rules.words import Sentence
from reports.tables.language import ENGLISH, ReportLanguage
from reports.tables.monthly_community import COMMUNITY_COLUMNS
from reports.tables.monthly_trends import TREND_COLUMNS
from reports.tables.report_data import ReportData
from reports.tables.report_tables import Disclosure, Table
from reports.tables.report_tables import Kind as TableKind

log = logging.getLogger(__name__)

SUMMARY, COMMUNITY, TRENDS, DICTIONARY, ABOUT = (
    "Summary",
    "Community",
    "Trends",
    "Dictionary",
    "About",
)
ABOUT_CHARS = 100  # what the About sheet's text column (110 wide) holds on one line
SUMMARY_WIDTH = 8  # value columns of the widest table (seven goals and a total)
SUMMARY_COLUMNS = (56, *(13,) * SUMMARY_WIDTH)  # widths, in characters
# The characters of column width a landscape page holds at full size, on letter or A4
# with the workbook's margins: the rows sheet is printed no smaller than that.
LANDSCAPE_PAGE_CHARS = 120
CHECK_EVERY = 2000  # rows between looks at the cancel flag
PROGRAM = "Recovery Desk"


ROWS_ABOUT = N_(
    "Clients: de-identified (HIPAA Safe Harbor), one row per client the Summary counts "
    "(served in the period, a follow-up window closed in it, a known status at its end, "
    "or counted in harm), with columns saying which. Every count of the Summary can be "
    "worked out from these rows, the ones it hides too: the suppression of the Summary "
    "is moot, and this file must be handled as row-level data."
)


@dataclass(frozen=True)
class FunderSheets:
    summary: StreamSheet
    community: StreamSheet
    trends: StreamSheet
    flat: StreamSheet
    clients: StreamSheet | None


def open_sheets(
    book: StreamBook,
    agency: str,
    period: Period,
    rows: bool,
    language: ReportLanguage = ENGLISH,
    state: str = "",
) -> FunderSheets:
    """The workbook's properties and its sheets in their order: the rows stream into theirs
    while the dataset is walked, the aggregate sheets are written once it is complete.
    Sheet names stay the same in every language (a funder's formulas name them)."""
    _properties(book, period)
    say = language.say
    title = say(
        Sentence(N_("{agency}: summary for {start} to {end}"), agency=agency,
                 start=period.start, end=period.end)
    )  # fmt: skip
    summary = book.sheet(
        SUMMARY,
        [Column("label" if i == 0 else f"c{i - 1}", w) for i, w in enumerate(SUMMARY_COLUMNS)],
        header=[title],
    )
    community = book.sheet(
        COMMUNITY,
        [Column("area", 22), *map(_fit, COMMUNITY_COLUMNS)],
        header=[say(N_("Area")), *map(say, COMMUNITY_COLUMNS)],
    )
    trends = book.sheet(
        TRENDS,
        [Column("month", 12), *map(_fit, TREND_COLUMNS)],
        header=[say(N_("Month")), *map(say, TREND_COLUMNS)],
    )
    flat = open_flat(book)
    clients = book.sheet(deidentify.SHEET, client_columns(state)) if rows else None
    return FunderSheets(summary, community, trends, flat, clients)


def client_columns(state: str) -> list[Column]:
    """The rows' columns, each as wide as its name and its longest value: a code cut
    short by the next column's value reads as another word ("early_remissi" beside
    "partial"). `state`, the agency's, is the one value of its column."""
    return [
        Column(f.key, max(12, *(len(text) + 2 for text in (f.key, *f.code_values))))
        if f.key != "state"
        else Column(f.key, max(12, len(state) + 2))
        for f in deidentify.FIELDS
    ]


def row_sink(
    sheet: StreamSheet, cancelled: IsCancelled | None
) -> Callable[[tuple[object, ...]], None]:
    def put(row: tuple[object, ...]) -> None:
        sheet.append(row)
        if cancelled is not None and sheet.rows % CHECK_EVERY == 0 and cancelled():
            raise Cancelled()

    return put


def write_sheets(book: StreamBook, sheets: FunderSheets, data: ReportData, rows: bool) -> None:
    """Every sheet but the rows, from the report's printed tables."""
    _summary(sheets.summary, data)
    _community(sheets.community, data)
    _trends(sheets.trends, data)
    write_flat(sheets.flat, data)
    if sheets.clients is not None:
        sheets.clients.filter_rows(len(deidentify.KEYS), sheets.clients.rows)
    write_dictionary(book, _dictionary_sheets(data, rows))
    _about(book, data, rows)
    _print_setup(book, data.paper_size)


def _print_setup(book: StreamBook, paper: str) -> None:
    """Every sheet one page wide with its heading row on every page, the wide ones across,
    but the rows: at one page wide their 33 columns print too small to read, so they go
    over as many pages across as their widths need, the record id at the left of each.
    On the agency's paper (the Summary's page breaks are planned for it)."""
    for sheet in book.sheets:
        if sheet.title == deidentify.SHEET:
            sheet.print_pages_wide(math.ceil(sheet.width / LANDSCAPE_PAGE_CHARS), landscape=True)
        else:
            fit_for_print(sheet, landscape=sheet.title not in (DICTIONARY, ABOUT))
        set_paper(sheet, paper)


def _properties(book: StreamBook, period: Period) -> None:
    title = f"Funder workbook {period.start.isoformat()} to {period.end.isoformat()}"
    book.set_properties(title, PROGRAM)


def _summary(sheet: StreamSheet, data: ReportData) -> None:
    sheet.append([styled_text(_disclosure_text(data), NOTE_FONT)])
    sheet.append([])
    revisions = revision_lines(data)
    if revisions:  # corrections of earlier months reported or closed: their figures stand
        sheet.append([styled_text(data.language.say(N_("Revisions")), SECTION_FONT)])
        for line in revisions:
            sheet.append([styled_text(line, NOTE_FONT)])
        sheet.append([])
    # Each table printed whole on one page, under its own headings (reports.render.summary_pages).
    plan = PagePlan(page_points(data.paper_size, SUMMARY_COLUMNS))
    plan.flow(ROW_POINTS * (sheet.rows - 1))
    continued = data.language.say(N_("(continued)"))
    for section in data.sections:
        heading = [
            [styled_text(section.title, SECTION_FONT)],
            [styled_text(section.intro, NOTE_FONT)],
        ]
        for index, table in enumerate(section.tables):
            if index:
                write_kept(sheet, plan, table, continued)
            else:
                write_kept(sheet, plan, table, continued, heading, SECTION_POINTS + ROW_POINTS)
    page_breaks(sheet, plan.breaks)


def _disclosure_text(data: ReportData) -> str:
    d = data.disclosure
    said = Sentence(
        N_(
            "Counts from 1 to {n} show as {marker}; a few larger counts that a total would"
            " give away, and percentages and means resting on a hidden count, show as"
            " {protected}."
        ),
        n=d.threshold - 1,
        marker=d.marker,
        protected=PROTECTED_MARK,
    )
    return data.language.say(said)


def _community(sheet: StreamSheet, data: ReportData) -> None:
    table = data.community
    for row in table.rows:
        sheet.append(row_cells(table, row))
    # The areas sort and filter; the All areas total below them stays where it is.
    areas = sheet.rows - sum(1 for row in table.rows if row.total)
    sheet.filter_rows(len(table.columns) + 1, areas)


def _trends(sheet: StreamSheet, data: ReportData) -> None:
    for day, cells in zip(data.trend_dates, merged_rows(data.trends), strict=True):
        sheet.append([month_cell(day), *cells[1:]])
    sheet.filter_rows(len(TREND_COLUMNS) + 1, sheet.rows)


def _fit(label: str) -> Column:
    """A column wide enough for its header on one line."""
    return Column(label, max(12, len(label) + 3))


def _said(field: Field, language: ReportLanguage) -> Field:
    """A dictionary row's label and help in the report's language."""
    return replace(field, label=language.say(field.label), help=language.say(field.help))


def _field(label: str, kind: Kind, help_text: str = "", decimal: bool = False) -> Field:
    tags = frozenset({DECIMAL_TAG}) if decimal else frozenset()
    return Field(label, label, kind, help=help_text, tags=tags)


def _column_field(
    table: Table,
    index: int,
    disclosure: Disclosure,
    help_text: str = "",
    language: ReportLanguage = ENGLISH,
) -> Field:
    """A column of a printed table as the dictionary describes it."""
    kind = table.kinds[index] if table.kinds else TableKind.COUNT
    note = language.say(_kind_note(kind, disclosure))
    text = f"{help_text} {note}".strip()
    return _field(table.columns[index], Kind.INTEGER, text, decimal=kind is not TableKind.COUNT)


def _kind_note(kind: TableKind, disclosure: Disclosure) -> str:
    """What a column holds, with the markers the sheets print (the same constants)."""
    small, hidden, n = disclosure.marker, PROTECTED_MARK, disclosure.threshold - 1
    notes = {
        TableKind.COUNT: Sentence(
            N_("A count; {small} for a count from 1 to {n}, {hidden} for a larger one hidden"
               " to protect it."), small=small, n=n, hidden=hidden),
        TableKind.PERCENT: Sentence(
            N_("A percentage, stored as a fraction; {hidden} where it rests on a hidden count."),
            hidden=hidden),
        TableKind.MEAN: Sentence(
            N_("A mean; {hidden} where it rests on a hidden count."), hidden=hidden),
        TableKind.INDEX: Sentence(
            N_("The mean harm index, 0-100; {hidden} where it rests on a hidden count."),
            hidden=hidden),
        TableKind.RATIO: Sentence(
            N_("Syringes returned per syringe given; {hidden} where it rests on a hidden"
               " count."), hidden=hidden),
    }  # fmt: skip
    return notes.get(kind, "")


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
                    _column_field(community, i, data.disclosure, language=data.language)
                    for i in range(len(community.columns))
                ),
            ),
        ),
        (
            TRENDS,
            (
                month,
                *(
                    _column_field(t, i, data.disclosure, t.title + ".", data.language)
                    for t in data.trends
                    for i in range(len(t.columns))
                ),
            ),
        ),
    ]
    sheets.append((FLAT, flat_fields.FIELDS))
    if rows:
        sheets.append((deidentify.SHEET, deidentify.FIELDS))
    return [(name, tuple(_said(f, data.language) for f in fs)) for name, fs in sheets]


def _about(book: StreamBook, data: ReportData, rows: bool) -> None:
    say, day = data.language.say, data.language.date
    header = [say(N_("Item")), say(N_("Text"))]
    sheet = book.sheet(ABOUT, [Column("item", 30), Column("text", 110)], header=header)
    span = N_("{start} to {end}")
    generated = data.generated_at.astimezone(dt.UTC)
    items = [
        (N_("Agency"), data.agency),
        (N_("Period"), say(Sentence(span, start=data.period.start, end=data.period.end))),
        (N_("Status read on"), day(data.period.end)),
        (
            N_("Harm period"),
            say(Sentence(span, start=data.harm_period.start, end=data.harm_period.end)),
        ),
        (N_("Generated at (UTC)"), f"{day(generated.date())} {generated:%H:%M}"),
        (N_("Suppression threshold"), f"{data.disclosure.threshold}: {_disclosure_text(data)}"),
        (N_("Row-level sheet"), say(ROWS_ABOUT) if rows else say(N_("not included"))),
        (N_("Made by"), PROGRAM),
    ]
    # The definitions as the report printed them (a closed month's as it was closed).
    items += [
        (say(Sentence(N_("Definition: {heading}"), heading=h)), p) for h, p in data.definitions
    ]
    for item, value in items:
        tall_enough(sheet, value, ABOUT_CHARS)
        sheet.append(
            [
                styled_text(say(item), alignment=WRAP_TEXT),
                styled_text(value, alignment=WRAP_TEXT),
            ]
        )
