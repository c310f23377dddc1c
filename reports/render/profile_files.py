"""The files of a funder profile (`reports.outputs.profiles`): a workbook with a sheet per
measure, a Flat sheet and an About sheet, or the flat rows as a CSV file.

In both, a figure is a number and a hidden one is an empty value with `yes` under
Suppressed, so no marker sits where a number is read. The CSV keeps percentages as
printed (0-100, the Unit column says so); the workbook stores them as fractions with a
percent format, as the funder workbook does. Text is guarded against formulas in both:
an explicit string cell in the workbook, a leading apostrophe in the CSV.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from db.files import atomic_path
from db.jobs import Cancelled, IsCancelled
from forms.fields import N_
from reports.render.csv_text import write_csv
from reports.render.funder_sheets import (
    FORMATS,
    NOTE_FONT,
    TITLE_FONT,
    WRAP_TEXT,
    fit_for_print,
    styled_text,
    tall_enough,
)
from reports.render.summary_pages import (
    ROW_POINTS,
    PagePlan,
    page_breaks,
    page_points,
    set_paper,
    write_kept,
)
from reports.render.xlsx import Column
from reports.render.xlsx_stream import StreamBook, write_streamed
from reports.render.xlsx_styles import Style, Styled
from reports.rules.suppression import PROTECTED_MARK
from reports.tables.definitions import definitions
from reports.tables.profile_spec import OUTCOMES, FunderProfile, Layout
from reports.tables.profile_tables import Figure, Selected
from reports.tables.report_data import ReportData
from reports.tables.report_tables import Kind

HEADER = ("Period", "Key", "Measure", "Breakdown", "Category", "Value", "Unit", "Suppressed")
WIDTHS = (24, 22, 44, 44, 22, 12, 10, 11)
FLAT, ABOUT = "Flat", "About"
PROGRAM = "Recovery Desk"
# Sheet names for the tables whose titles are too long to be one (31 characters at most).
SHEET_NAMES = {
    "outcome_change": "Outcome change",
    "outcome_goal_clients": "Clients by goal",
    "outcome_goal_improved": "Improved by goal",
    "community_by_area": "Community by area",
    "trend_recovery": "Recovery trend",
    "trend_followups": "Follow-up trend",
    "trend_harm": "Harm trend",
}
OUTCOME_BASIS = (
    "Clients with a completed follow-up or discharge from {period}: the latest one beside "
    "the completed intake before it, for each measure both answered (the definition below "
    "describes the monthly report's 12 months; here the period is the one above)."
)
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def write(
    profile: FunderProfile,
    data: ReportData,
    tables: Sequence[Selected],
    figures: Sequence[Figure],
    target: Path,
    cancelled: IsCancelled | None,
    before_rename: Callable[[], None],
) -> None:
    """The profile's file, whole or not at all; `before_rename` commits its audit row."""
    if profile.layout is Layout.CSV:
        if cancelled is not None and cancelled():
            raise Cancelled()
        with atomic_path(target, before_rename) as temp:
            write_csv(temp, HEADER, (csv_row(f) for f in figures))
        return

    def fill(book: StreamBook) -> None:
        _workbook(book, profile, data, tables, figures)

    write_streamed(target, fill, cancelled, before_rename)


def csv_row(figure: Figure) -> tuple[object, ...]:
    value = figure.value
    if isinstance(value, float):
        value = round(value, 6)
    return (
        figure.period,
        figure.key,
        figure.measure,
        figure.breakdown,
        figure.category,
        "" if value is None else value,
        figure.kind.value,
        "yes" if figure.suppressed else "no",
    )


def _workbook(
    book: StreamBook,
    profile: FunderProfile,
    data: ReportData,
    tables: Sequence[Selected],
    figures: Sequence[Figure],
) -> None:
    period = f"{data.period.start.isoformat()} to {data.period.end.isoformat()}"
    book.set_properties(f"{profile.title} {period}", PROGRAM)
    names: set[str] = set()
    for measure in dict.fromkeys(t.measure for t in tables):
        blocks = [t for t in tables if t.measure == measure]
        title = SHEET_NAMES.get(measure, blocks[0].table.title)
        _measure_sheet(book, _sheet_name(title, names), data, blocks, period)
    _flat(book, figures)
    _about(book, profile, data, period)


def _sheet_name(title: str, taken: set[str]) -> str:
    """A sheet name Excel accepts (31 characters, none of []:*?/\\), unique in the book."""
    base = _NOT_IN_SHEET_NAMES.sub(" ", title)[:28].strip()
    name, n = base, 2
    while name.lower() in taken:
        name, n = f"{base} {n}", n + 1
    taken.add(name.lower())
    return name


def _measure_sheet(
    book: StreamBook, name: str, data: ReportData, blocks: Sequence[Selected], period: str
) -> None:
    width = max(len(b.table.columns) for b in blocks)
    columns = [Column("label", 48), *(Column(f"c{i}", 13) for i in range(width))]  # as Summary
    sheet = book.sheet(name, columns, header=[f"{data.agency}: {period}"])
    landscape = width > 6
    # Each table printed on one page under its own headings, as the funder workbook's
    # Summary (reports.render.summary_pages): the sheet's one repeated row is its title.
    plan = PagePlan(page_points(data.paper_size, [c.width for c in columns], landscape=landscape))
    continued = data.language.say(N_("(continued)"))
    for block in blocks:
        if block.dates is not None and len(block.dates) == 1:
            note = [styled_text(f"Month-end {block.dates[0].isoformat()}", NOTE_FONT)]
            write_kept(sheet, plan, block.table, continued, [note], ROW_POINTS)
        else:
            write_kept(sheet, plan, block.table, continued)
    page_breaks(sheet, plan.breaks)
    fit_for_print(sheet, landscape=landscape)
    set_paper(sheet, data.paper_size)


def _flat(book: StreamBook, figures: Sequence[Figure]) -> None:
    columns = [Column(h.lower(), w) for h, w in zip(HEADER, WIDTHS, strict=True)]
    sheet = book.sheet(FLAT, columns, header=list(HEADER))
    for f in figures:
        cells = [f.period, f.key, f.measure, f.breakdown, f.category, _number(f.value, f.kind)]
        sheet.append([*cells, f.kind.value, "yes" if f.suppressed else "no"])
    sheet.filter_rows(len(HEADER), sheet.rows)
    fit_for_print(sheet, landscape=True)


def _number(value: float | None, kind: Kind) -> Styled | None:
    if value is None:
        return None
    number = round(value / 100, 6) if kind is Kind.PERCENT else value
    return Styled(number, Style(num_format=FORMATS.get(kind, "General")))


def _about(book: StreamBook, profile: FunderProfile, data: ReportData, period: str) -> None:
    sheet = book.sheet(ABOUT, [Column("item", 30), Column("text", 110)], header=["Item", "Text"])
    d = data.disclosure
    items = [
        ("Agency", data.agency),
        ("Profile", f"{profile.title} ({profile.key})"),
        ("Period", period),
        ("Generated at (UTC)", data.generated_at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")),
        (
            "Suppression threshold",
            f"{d.threshold}: counts from 1 to {d.threshold - 1} show as {d.marker}; a few "
            f"larger counts a total would give away, and figures resting on a hidden count, "
            f"show as {PROTECTED_MARK}. On the Flat sheet a hidden figure has no value and "
            f"says yes under Suppressed.",
        ),
        ("Made by", PROGRAM),
    ]
    if any(m in OUTCOMES for m in profile.measures):
        # Not the monthly report's 12 months: the chosen period, as the profile asks.
        items.append(("Outcome change", OUTCOME_BASIS.format(period=period)))
    items += [
        (f"Definition: {h}", p)
        for h, p in definitions(
            suppression_threshold=d.threshold, followup_months=data.followup_months
        )
    ]
    for item, value in items:
        tall_enough(sheet, value, 100)  # the 110 characters of the text column, less a margin
        text = styled_text(value, alignment=WRAP_TEXT)
        sheet.append([styled_text(item, TITLE_FONT, WRAP_TEXT), text])
    fit_for_print(sheet)
