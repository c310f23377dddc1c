"""Where the funder workbook's Summary sheet breaks between printed pages.

A spreadsheet repeats one range of heading rows on every page, and the Summary holds a
few dozen tables one under the other: a table that ran over a page end would print its
last rows under the sheet's title, without its own column headings. So every table
(with its section's heading when it opens one) is kept on one page: a manual page break
goes before a table that would not fit in what is left of the page. The sheet's paper,
margins and scale are set here too, so the page height the breaks are planned for is
the one the spreadsheet prints (scaled to the page width as `fit_for_print` asks).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from reports.render.funder_sheets import LINE_POINTS, VALUE_CHARS, write_table
from reports.render.xlsx_stream import StreamSheet
from reports.render.xlsx_styles import Styled
from reports.tables.report_tables import Table

ROW_POINTS = 15.0  # a row of 11-point text
SECTION_POINTS = 18.0  # a section heading (13 points)
# Paper, (short side, long side) in points; the spreadsheet's paper size codes.
PAPERS = {"letter": ((612.0, 792.0), 1), "a4": ((595.3, 841.9), 9)}
# Inches: left, right, top, bottom, header, footer.
MARGINS = (0.5, 0.5, 0.6, 0.6, 0.3, 0.3)
# What is left of the page for rows when the estimate errs (a font a little taller).
SAFETY = 0.95


def column_points(width: float) -> float:
    """A column `width` characters wide, in points (the spreadsheet's 7-pixel digit)."""
    return (int(width * 7 + 5)) * 0.75


def page_points(paper: str, widths: Sequence[float], *, landscape: bool = True) -> float:
    """The height in unscaled points that one page holds (landscape unless told), the
    sheet scaled to fit the page width."""
    (short, long), _ = PAPERS.get(paper, PAPERS["letter"])
    across, down = (long, short) if landscape else (short, long)
    left, right, top, bottom, _, _ = MARGINS
    scale = min(1.0, (across - (left + right) * 72) / sum(map(column_points, widths)))
    return (down - (top + bottom) * 72) * SAFETY / scale


def heading_points(table: Table) -> float:
    """A table's column-heading row: its longest heading wrapped to the column."""
    lines = max((-(-len(c) // VALUE_CHARS) for c in table.columns), default=1)
    return LINE_POINTS * lines if lines > 1 else ROW_POINTS


def table_points(table: Table) -> float:
    """Title, headings, rows, note and the blank row after it (reports.render.
    funder_sheets.write_table)."""
    lines = 2 + len(table.rows) + (1 if table.note else 0)
    return ROW_POINTS * lines + heading_points(table)


def page_parts(table: Table, page: float, lead: float, continued: str) -> list[Table]:
    """`table` whole when it fits on a page under `lead` points of section heading; else
    cut into parts that each fit one, every part with its title (`continued` after the
    first: "(continued)" said in the report's language) and its column headings, the note
    under the last."""
    bare = replace(table, rows=(), note="")
    room = page - ROW_POINTS - lead - table_points(bare) - (ROW_POINTS if table.note else 0)
    per_page = max(1, int(room // ROW_POINTS))
    if len(table.rows) <= per_page:
        return [table]
    chunks = [table.rows[i : i + per_page] for i in range(0, len(table.rows), per_page)]
    parts = [replace(bare, rows=chunk) for chunk in chunks]
    parts[1:] = [replace(p, title=f"{table.title} {continued}") for p in parts[1:]]
    parts[-1] = replace(parts[-1], note=table.note)
    return parts


@dataclass
class PagePlan:
    """Row heights in writing order; `keep` asks for a block of rows on one page."""

    page: float  # page_points
    repeated: float = ROW_POINTS  # the sheet's heading row, on every page
    used: float = field(default=0.0)
    breaks: list[int] = field(default_factory=list)  # a page ends after each of these rows

    def __post_init__(self) -> None:
        self.used = self.repeated

    def flow(self, points: float) -> None:
        """Rows that may fall anywhere (the notes at the top of the sheet)."""
        self.used += points
        while self.used > self.page:
            self.used -= self.page - self.repeated

    def keep(self, rows_before: int, points: float) -> int | None:
        """A block of `points` starting after row `rows_before`: the row after which a page
        break goes so that the block starts a page, or None when it fits where it is."""
        if self.used + points <= self.page or self.used <= self.repeated:
            self.used += points
            return None
        self.breaks.append(rows_before)
        self.used = self.repeated + points
        return rows_before


def write_kept(
    sheet: StreamSheet,
    plan: PagePlan,
    table: Table,
    continued: str,
    opening: Sequence[Sequence[Styled]] = (),
    opening_points: float = 0.0,
) -> None:
    """`table` written so that each part of it prints on one page under its headings, the
    `opening` rows (a section's heading and intro, a note; `opening_points` high) on the
    page of its first part."""
    for number, part in enumerate(page_parts(table, plan.page, opening_points, continued)):
        plan.keep(sheet.rows, table_points(part) + (0.0 if number else opening_points))
        if not number:
            for row in opening:
                sheet.append(list(row))
        write_table(sheet, part)


def set_paper(sheet: StreamSheet, paper: str) -> None:
    """The agency's paper and the margins `page_points` plans with."""
    ws = sheet.worksheet
    ws.set_paper(PAPERS.get(paper, PAPERS["letter"])[1])
    left, right, top, bottom, header, footer = MARGINS
    ws.set_margins(left=left, right=right, top=top, bottom=bottom)
    ws.set_header("", {"margin": header})
    ws.set_footer("", {"margin": footer})


def page_breaks(sheet: StreamSheet, rows: Sequence[int]) -> None:
    """Manual page breaks, a page ending after each of `rows` (the sheet takes them all at
    once)."""
    if rows:
        sheet.worksheet.set_h_pagebreaks(list(rows))
