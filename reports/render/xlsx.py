"""Streaming .xlsx writing with openpyxl, for the small workbooks that need what only it
writes: the template with its drop-downs and the import errors. (The big and the
printed workbooks, the exchange export and the funder workbooks, stream through
xlsxwriter: reports.render.xlsx_stream.) `Column` and the formula guard are shared.

Two promises hold for every file written here:
- a cell that came from user text is never a formula: openpyxl turns any str
  starting with "=" into one, so such text is written as an explicit string
  cell and reads back identical (Excel shows it as text and never runs it);
- the file appears whole or not at all (temporary file, fsync, rename), so a
  failed or cancelled export leaves an earlier file untouched and no debris.
Rows stream through openpyxl's write-only mode, so memory stays flat.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from db.files import atomic_path
from db.jobs import Cancelled, IsCancelled

# Text Excel or another spreadsheet could read as the start of a formula or a DDE call.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
# Cell values openpyxl can take as they are: nothing in them can become a formula.
_AS_IS = frozenset({int, float, type(None), bool, dt.date})
_SEEN_TEXTS = 4096  # texts remembered as safe per sheet; a bound on its memory
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class Column:
    key: str
    width: float = 14
    number_format: str | None = None


class RowSheet(Protocol):
    """A sheet that takes rows top to bottom: this module's SheetWriter, or
    reports.render.xlsx_stream's StreamSheet."""

    def append(self, values: Sequence[object], /) -> None: ...


class RowBook(Protocol):
    """A workbook that opens such sheets (XlsxBook, or xlsx_stream's StreamBook)."""

    def sheet(
        self, title: str, columns: Sequence[Column], header: Sequence[str] | None = None, /
    ) -> RowSheet: ...


class SheetWriter:
    """One write-only sheet with a styled, frozen header row."""

    def __init__(
        self,
        book: XlsxBook,
        title: str,
        columns: Sequence[Column],
        header: Sequence[str] | None = None,
    ) -> None:
        self._ws = book.workbook.create_sheet(title)
        self._columns = list(columns)
        self._formats = [(i, c.number_format) for i, c in enumerate(columns) if c.number_format]
        self._plain_texts: set[str] = set()
        for index, column in enumerate(columns, start=1):
            self._ws.column_dimensions[get_column_letter(index)].width = column.width
        self._ws.freeze_panes = "A2"
        self._ws.append([self._header_cell(text) for text in (header or [c.key for c in columns])])
        self.rows = 1

    @property
    def worksheet(self) -> Any:
        return self._ws

    def _header_cell(self, text: str) -> Cell:
        cell = text_cell(self._ws, text)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        return cell

    def append(self, values: Sequence[object]) -> None:
        # Numbers, blanks and text already seen safe go through untouched: most
        # cells of a big sheet are numbers or a few codes repeated.
        seen = self._plain_texts
        row = [
            v if type(v) in _AS_IS or (type(v) is str and v in seen) else self._guarded(v)
            for v in values
        ]
        for index, number_format in self._formats:
            value = row[index]
            if value is not None and not isinstance(value, Cell):
                cell = WriteOnlyCell(self._ws, value)
                cell.number_format = number_format
                row[index] = cell
        self._ws.append(row)
        self.rows += 1

    def _guarded(self, value: object) -> object:
        safe = safe_value(self._ws, value)
        if safe is value and type(value) is str and len(self._plain_texts) < _SEEN_TEXTS:
            self._plain_texts.add(value)
        return safe

    def add_rule(self, column_index: int, rule: DataValidation, last_row: int) -> None:
        """A data validation on a column, from the row below the header to `last_row`."""
        letter = get_column_letter(column_index + 1)
        rule.add(f"{letter}2:{letter}{last_row}")
        self._ws.data_validations.dataValidation.append(rule)

    def add_list_validation(self, column_index: int, sheet_range: str, last_row: int) -> None:
        """A drop-down on a column, fed from a range of another sheet (no length limit)."""
        letter = get_column_letter(column_index + 1)
        rule = DataValidation(type="list", formula1=sheet_range, allow_blank=True)
        rule.error = "Choose a value from the list"
        rule.showErrorMessage = True
        rule.add(f"{letter}2:{letter}{last_row}")
        self._ws.data_validations.dataValidation.append(rule)


class XlsxBook:
    """A write-only workbook saved atomically to `target`."""

    def __init__(self) -> None:
        self.workbook = Workbook(write_only=True)
        self._discarded = False

    def sheet(
        self, title: str, columns: Sequence[Column], header: Sequence[str] | None = None
    ) -> SheetWriter:
        return SheetWriter(self, title, columns, header)

    def save(
        self,
        target: Path,
        cancelled: IsCancelled | None = None,
        before_rename: Callable[[], None] | None = None,
    ) -> None:
        """Save atomically; `before_rename` as db.files.atomic_path runs it."""
        if cancelled is not None and cancelled():
            self.discard()
            raise Cancelled()
        with atomic_path(target, before_rename) as temp:
            _save_closing(self.workbook, temp)
            self._discarded = True  # saving removed openpyxl's own temporary files

    def discard(self) -> None:
        """Drop a workbook that will not be saved, with the temporary files openpyxl made.
        Safe to call more than once."""
        if self._discarded:
            return
        self._discarded = True
        for ws in self.workbook.worksheets:
            # A save that failed half-way (a full disk) has removed some of them already.
            with contextlib.suppress(FileNotFoundError):
                if not ws.closed:
                    ws.close()
                writer = getattr(ws, "_writer", None)
                if writer is not None and isinstance(writer.out, str):
                    writer.cleanup()


def _save_closing(workbook: Workbook, path: Path) -> None:
    """openpyxl's Workbook.save, but the zip is closed when a write fails (a full disk):
    left open, Python tries to finish it when it is collected and prints a traceback."""
    if workbook.write_only and not workbook.worksheets:
        workbook.create_sheet()
    archive = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    try:
        workbook.properties.modified = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        ExcelWriter(workbook, archive).save()
    except BaseException:
        with contextlib.suppress(OSError, ValueError):  # the disk is still full
            archive.close()
        raise


def text_cell(ws: Any, text: str) -> Cell:
    cell = WriteOnlyCell(ws, text)
    cell.data_type = "s"  # explicit string: never a formula, whatever it starts with
    return cell


def safe_value(ws: Any, value: object) -> object:
    """`value` ready for a write-only row: text that could start a formula becomes a string cell."""
    if isinstance(value, str):
        return text_cell(ws, value) if value.startswith(FORMULA_STARTS) else value
    if isinstance(value, frozenset | set):
        return ";".join(sorted(value))
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # Excel has no time zones; callers pass UTC
    return value


def write_rows(
    sheet: RowSheet,
    rows: Iterable[Sequence[object]],
    cancelled: IsCancelled | None = None,
    every: int = 2000,
) -> int:
    """Append rows, checking for cancel every `every` rows; returns how many were written."""
    written = 0
    for row in rows:
        sheet.append(row)
        written += 1
        if cancelled is not None and written % every == 0 and cancelled():
            raise Cancelled()
    return written


def write_or_discard(
    book: XlsxBook,
    target: Path,
    fill: Callable[[XlsxBook], None],
    cancelled: IsCancelled | None = None,
    before_rename: Callable[[], None] | None = None,
) -> None:
    """Run `fill` on the book and save it; on any failure or cancel, discard everything.
    `before_rename` runs once the workbook is on disk, before it takes its name (an
    output of client data commits its audit row there)."""
    try:
        fill(book)
        book.save(target, cancelled, before_rename)
    except BaseException:
        book.discard()
        raise
