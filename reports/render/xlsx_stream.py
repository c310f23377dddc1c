"""The big workbooks, streamed through xlsxwriter's constant-memory mode.

xlsxwriter writes each finished row of a sheet straight to that sheet's
temporary file, so memory stays flat however many rows there are, and it
writes them faster than openpyxl's write-only mode. Its one condition is
order: a sheet takes its rows top to bottom (sheets may be filled side by
side). `StreamSheet.append` only ever adds the next row, so that holds. A row of
plain values goes to the row file as the XML `reports.render.xlsx_rows` makes of it
(xlsxwriter's own, made in one pass); xlsxwriter's cell writers take any other.

The promises of `reports.render.xlsx` hold here too:
- text is never a formula, a number or a link: the workbook is opened with
  xlsxwriter's conversions off, and every str is an inline string (`write_string`, or
  `xlsx_rows`), so '=HYPERLINK(...)', '+1', '007', 'http://…' or '<r>…</r>' read back
  as that same text;
- dates are real dates in their column's number format; booleans are yes/no;
- the file appears whole or not at all (`write_streamed`), and the row files
  xlsxwriter keeps while writing live in a private folder removed afterwards,
  whether the workbook was saved, failed or was cancelled.

The funder workbook and the funder profiles' workbooks are written here too, their
cells given a look with `reports.render.xlsx_styles.Styled`. The small workbooks with
drop-downs or notes (the template, the import errors) stay on openpyxl, which also
reads every workbook back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.utility import _preserve_whitespace
from xlsxwriter.worksheet import Worksheet

from db.files import atomic_path
from db.jobs import Cancelled, IsCancelled, let_others_run
from reports.render.xlsx import Column
from reports.render.xlsx_rows import PlainRows
from reports.render.xlsx_styles import PLAIN, Style, Styled

# xlsxwriter's conversions, all off: a str cell holds exactly the text it was given.
_OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}
DEFAULT_DATE_FORMAT = "yyyy-mm-dd"
YES, NO = "yes", "no"  # a boolean, as every workbook of the program spells it
_HEADER = {"bold": True, "bg_color": "#DDE4EE", "pattern": 1}


class _Worksheet(Worksheet):
    """xlsxwriter's worksheet, with two differences:
    - a sheet fitted one page wide says fitToWidth="1" in its page setup although that is
      the default: a reader that does not apply the file format's defaults (openpyxl, and
      the programs built on it) would see no fit at all;
    - text that merely looks like rich text is written as text. In constant-memory mode
      xlsxwriter copies a string that starts with "<r>" and ends with "</r>" into the sheet
      unescaped, as a rich string's runs: a client named "<r>Ana</r>" came back from the
      exchange workbook with no name, and such a name could break the sheet or add cells
      to it. The program never writes rich strings."""

    def _xml_empty_tag(self, tag: str, attributes: Any = None) -> None:
        if tag == "pageSetup" and self.fit_page and self.fit_width == 1:
            attributes = [("fitToWidth", 1), *(attributes or [])]
        super()._xml_empty_tag(tag, attributes)

    def _xml_rich_inline_string(self, string: str, attributes: Any = None) -> None:
        # `string` has had its control characters escaped, as every inline string has.
        self._xml_inline_string(string, _preserve_whitespace(string), attributes or [])


class StreamSheet:
    """One sheet written top to bottom, under a bold, frozen header row."""

    def __init__(
        self,
        book: StreamBook,
        title: str,
        columns: Sequence[Column],
        header: Sequence[str] | None = None,
    ) -> None:
        self._ws = ws = book.workbook.add_worksheet(title, _Worksheet)
        self._book = book
        # The cell writers xlsxwriter's own write_row reaches, without the public
        # wrappers around them (one reads "A1" cell names, which a row number never is):
        # two calls and a try/except less for each of millions of cells.
        self._string = ws._write_string
        self._number = ws._write_number
        self._date = ws._write_datetime
        self._serials = book.date_serials
        self.width = sum(c.width for c in columns)  # in characters
        self._date_formats = [book.number_format(c.number_format) for c in columns]
        self._formats = [
            book.number_format(c.number_format) if c.number_format else None for c in columns
        ]
        for index, column in enumerate(columns):
            ws.set_column(index, index, column.width)
        ws.freeze_panes(1, 0)
        bold = book.header_format
        for index, text in enumerate(header or [c.key for c in columns]):
            ws.write_string(0, index, text, bold)
        self.rows = 1
        self._plain = PlainRows(
            ws, self._formats, self._date_formats, self._serials, (YES, NO), self._refused
        )

    def append(self, values: Sequence[object]) -> None:
        """Write the next row: a row of plain values as the XML `PlainRows` makes of it,
        any other through xlsxwriter's cell writers."""
        row = self.rows
        ws = self._ws
        ws._write_single_row(row)  # the row xlsxwriter may still hold goes first
        xml = None if row in ws.row_info else self._plain.row(row, values)
        if xml is None:
            self._write_cells(row, values)
        elif xml:
            ws.fh.write(xml)
        self.rows += 1
        let_others_run()  # written from a job's thread, while the screen must repaint

    def _write_cells(self, row: int, values: Sequence[object]) -> None:
        """Text, blanks, numbers, dates and booleans (nearly every cell) are told apart by
        their exact type first: the cheapest test for the cells there are millions of. A
        date is the number of days Excel counts, in a date format (what xlsxwriter writes
        for one), worked out once per date: a sheet repeats its dates."""
        serials = self._serials
        for col, value in enumerate(values):
            kind = type(value)
            if kind is str:
                refused = self._string(row, col, value)
            elif value is None:
                continue
            elif kind is int or kind is float:
                refused = self._number(row, col, value, self._formats[col])
            elif kind is dt.date:
                serial = serials.get(value)
                if serial is None:
                    serial = serials[value] = self._ws._convert_date_time(value)
                refused = self._number(row, col, serial, self._date_formats[col])
            elif kind is bool:
                refused = self._string(row, col, YES if value else NO)
            else:
                refused = self._other(row, col, value)
            if refused:
                self._refused(row, col, refused)

    def _other(self, row: int, col: int, value: object) -> int:
        ws = self._ws
        if type(value) is Styled:
            return self._styled(row, col, value)
        if isinstance(value, str):  # a StrEnum code
            return self._string(row, col, str(value))
        if isinstance(value, bool):
            return self._string(row, col, YES if value else NO)
        if isinstance(value, dt.datetime):
            if value.tzinfo is not None:  # Excel has no time zones; callers pass UTC
                value = value.astimezone(dt.UTC).replace(tzinfo=None)
            return ws.write_datetime(row, col, value, self._date_formats[col])
        if isinstance(value, dt.date):
            return ws.write_datetime(row, col, value, self._date_formats[col])
        if isinstance(value, frozenset | set):
            return ws.write_string(row, col, ";".join(sorted(value)))
        if isinstance(value, int | float):  # an IntEnum
            return ws.write_number(row, col, value, self._formats[col])
        raise TypeError(f"column {col + 1}: cannot write {type(value).__name__} {value!r}")

    def _styled(self, row: int, col: int, cell: Styled) -> int:
        look = self._book.cell_format(cell.style)
        value = cell.value
        if value is None:
            return 0 if look is None else self._ws.write_blank(row, col, None, look)
        if isinstance(value, str):
            return self._string(row, col, str(value), look)
        if isinstance(value, dt.date):
            return self._date(row, col, value, look or self._date_formats[col])
        if isinstance(value, int | float) and not isinstance(value, bool):
            return self._number(row, col, value, look)
        raise TypeError(f"column {col + 1}: cannot write {type(value).__name__} {value!r}")

    @property
    def title(self) -> str:
        return str(self._ws.get_name())

    @property
    def worksheet(self) -> Worksheet:
        return self._ws

    def height_of_next_row(self, points: float) -> None:
        """The height of the row `append` writes next (rows are written once, in order).
        Given in pixels unrounded: `set_row` rounds to whole pixels, 26 points to 26.25."""
        self._ws.set_row_pixels(self.rows, points * 4 / 3)  # 96 pixels an inch, 72 points

    def filter_rows(self, columns: int, last_row: int) -> None:
        """A filter over the first `columns` columns, the header down to `last_row` (1-based):
        rows below it (a total) stay where they are when the rows above are sorted."""
        self._ws.autofilter(0, 0, last_row - 1, columns - 1)

    def print_one_page_wide(self, landscape: bool = False) -> None:
        """Printed one page wide, as many pages down as it needs, its header row repeated
        at the top of every page."""
        self.print_pages_wide(1, landscape)

    def print_pages_wide(self, pages: int, landscape: bool = False) -> None:
        """Printed `pages` pages wide, as many down as it needs, its header row repeated at
        the top of every page and, across several, its first column at the left of each."""
        ws = self._ws
        ws.repeat_rows(0)
        if pages > 1:
            ws.repeat_columns(0)
        if landscape:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.fit_to_pages(pages, 0)

    def _refused(self, row: int, col: int, code: int) -> None:
        """xlsxwriter drops a cell past Excel's last row and cuts text past 32,767
        characters, saying so only in its return value: the export stops rather than
        hand over a workbook missing what the database holds."""
        where = f"sheet {self._ws.get_name()}, row {row + 1:,}, column {col + 1}"
        if code == -2:
            raise ValueError(f"{where}: the text is longer than the 32,767 characters a cell holds")
        raise ValueError(f"{where}: beyond the 1,048,576 rows a sheet holds")


def _drop_open_zips(error: BaseException) -> None:
    """Close, without writing their directory, the zips left open in the failed frames."""
    trace = error.__traceback__
    while trace is not None:
        for value in list(trace.tb_frame.f_locals.values()):
            if isinstance(value, zipfile.ZipFile) and value.fp is not None:
                value._didModify = False  # type: ignore[attr-defined]  # nothing more to write
                with contextlib.suppress(OSError, ValueError):
                    value.close()
        trace = trace.tb_next


class StreamBook:
    """A constant-memory workbook written to `path` when it is closed."""

    def __init__(self, path: Path) -> None:
        self._folder = tempfile.mkdtemp(prefix="recovery-desk-xlsx-")
        self.workbook = xlsxwriter.Workbook(str(path), {**_OPTIONS, "tmpdir": self._folder})
        self.header_format = self.workbook.add_format(_HEADER)
        self._number_formats: dict[str, Format] = {}
        self.date_serials: dict[object, float] = {}  # a date as Excel counts it
        self._cell_formats: dict[Style, Format | None] = {PLAIN: None}
        self.sheets: list[StreamSheet] = []

    def number_format(self, code: str | None) -> Format:
        """One shared Format per number format (a date column's default is ISO)."""
        code = code or DEFAULT_DATE_FORMAT
        found = self._number_formats.get(code)
        if found is None:
            found = self._number_formats[code] = self.workbook.add_format({"num_format": code})
        return found

    def cell_format(self, style: Style) -> Format | None:
        """One shared Format per style (None for the plain one)."""
        if style not in self._cell_formats:
            self._cell_formats[style] = self.workbook.add_format(style.properties())
        return self._cell_formats[style]

    def sheet(
        self, title: str, columns: Sequence[Column], header: Sequence[str] | None = None
    ) -> StreamSheet:
        sheet = StreamSheet(self, title, columns, header)
        self.sheets.append(sheet)
        return sheet

    def set_properties(self, title: str, author: str) -> None:
        """The document's title and author (nothing about a client)."""
        self.workbook.set_properties({"title": title, "author": author})

    def close(self) -> None:
        """Write the workbook to its path and remove the row files."""
        try:
            self.workbook.close()
        except FileCreateError as failed:
            # xlsxwriter wraps the OSError (a full disk) and leaves its zip open, which the
            # garbage collector would try to finish, printing a traceback: close it unwritten
            # and raise the OSError itself, which callers report in one line.
            cause = failed.__context__
            if isinstance(cause, OSError):
                _drop_open_zips(cause)
                raise cause from None
            raise
        finally:
            self.discard()

    def discard(self) -> None:
        """Drop the row files of a workbook that will not be written. Safe to call twice."""
        for ws in self.workbook.worksheets():
            # Not closed by xlsxwriter unless the workbook was: left open, each one would be
            # closed by the garbage collector with a ResourceWarning.
            handle: Any = getattr(ws, "row_data_fh", None)
            if handle is not None and not handle.closed:
                handle.close()
        shutil.rmtree(self._folder, ignore_errors=True)


def write_streamed(
    target: Path,
    fill: Callable[[StreamBook], None],
    cancelled: IsCancelled | None = None,
    before_rename: Callable[[], None] | None = None,
) -> None:
    """Fill a constant-memory workbook and give it the name `target` once whole; on any
    failure or cancel leave `target` as it was and nothing else. `before_rename` runs
    once the workbook is on disk, before it takes its name (an output of client data
    commits its audit row there)."""
    with atomic_path(Path(target), before_rename) as temp:
        book = StreamBook(temp)
        try:
            fill(book)
            if cancelled is not None and cancelled():
                raise Cancelled()
            book.close()
        except BaseException:
            book.discard()
            raise
