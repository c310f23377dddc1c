"""Reading an exchange workbook: sheets, header rows and data rows, streamed.

Sheets are parsed as they are iterated (forms/import_xlsx.py), so a
100,000-client workbook never sits in memory. Everything wrong with the file's shape
(an unknown sheet or column, a missing column) becomes a `Problem` with the
same `Sheet!row column: reason` form as a wrong cell.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils.exceptions import InvalidFileException

from forms.exchange import IGNORED_ON_IMPORT, RECORD_SHEETS, Sheet
from forms.import_xlsx import ImportFileError, XlsxSource
from forms.values import is_blank

__all__ = ["ImportFileError", "Problem", "Problems", "TooManyProblems", "WorkbookReader"]

log = logging.getLogger(__name__)

HEADER_ROW = 1
MAX_PROBLEMS = 5_000


class TooManyProblems(Exception):
    """Enough problems to show that the file needs fixing; reading stops here."""


@dataclass(frozen=True, slots=True)
class Problem:
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.sheet}!{self.row}" if self.row else self.sheet
        return (
            f"{where} {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        )


@dataclass
class Problems:
    """The problems found so far, in the order found, stopping at MAX_PROBLEMS."""

    items: list[Problem] = field(default_factory=list)
    limit: int = MAX_PROBLEMS

    def add(self, sheet: str, row: int, column: str, message: str) -> None:
        self.items.append(Problem(sheet, row, column, message))
        if len(self.items) >= self.limit:
            raise TooManyProblems()

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


@dataclass(frozen=True)
class Columns:
    """Where each known column of a sheet is, from its header row."""

    sheet: Sheet
    positions: tuple[tuple[str, int], ...]

    def raw(self, values: tuple[Any, ...]) -> dict[str, Any]:
        size = len(values)
        return {key: values[i] if i < size else None for key, i in self.positions}


class WorkbookReader:
    """An open workbook; use as a context manager so the file is closed."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self._source = XlsxSource(self.path)
        except ImportFileError:
            raise
        except (
            InvalidFileException,
            zipfile.BadZipFile,
            KeyError,
            OSError,
            ValueError,
            SyntaxError,  # XML that does not parse, in openpyxl's parts
        ) as exc:
            raise ImportFileError(
                f"{self.path.name} is not an Excel .xlsx workbook ({type(exc).__name__}: {exc})"
            ) from None

    def __enter__(self) -> WorkbookReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._source.close()

    def check_sheets(self, problems: Problems) -> None:
        """Report sheets that are neither record sheets nor export-only ones."""
        known = {s.name for s in RECORD_SHEETS} | IGNORED_ON_IMPORT
        allowed = ", ".join(s.name for s in RECORD_SHEETS)
        for name in self._source.sheet_names:
            if name not in known:
                problems.add(
                    name,
                    0,
                    "",
                    f"is not a sheet of the exchange workbook (record sheets: {allowed})",
                )

    def has(self, sheet: Sheet) -> bool:
        return sheet.name in self._source.sheet_names

    def position(self) -> tuple[int, int]:
        """(bytes read, bytes to read) of the record sheets: the measure of progress."""
        total = sum(self._source.size(s.name) for s in RECORD_SHEETS if self.has(s))
        return min(self._source.bytes_read, total), total

    def rows(self, sheet: Sheet, problems: Problems) -> Iterator[tuple[int, dict[str, Any]]]:
        """(row number, {column key: raw cell value}) for each non-blank data row.

        Nothing is yielded when the header row is unusable; its problems say why.
        """
        if not self.has(sheet):
            return
        lines = self._source.rows(sheet.name)
        _number, header = next(lines, (HEADER_ROW, ()))
        columns = read_header(sheet, header, problems)
        if columns is None:
            return
        for number, values in lines:
            if not all(is_blank(v) for v in values):
                yield number, columns.raw(values)


def read_header(sheet: Sheet, header: tuple[Any, ...], problems: Problems) -> Columns | None:
    """The columns of a header row; None when a required column is missing."""
    positions: dict[str, int] = {}
    allowed = ", ".join(sheet.keys)
    for index, cell in enumerate(header):
        if is_blank(cell):
            continue
        key = str(cell).strip()
        if key not in sheet.keys:
            problems.add(
                sheet.name,
                HEADER_ROW,
                key[:40],
                f"is not a column of {sheet.name} (columns: {allowed})",
            )
        elif key in positions:
            problems.add(sheet.name, HEADER_ROW, key, "appears twice in the header row")
        else:
            positions[key] = index
    missing = [f.key for f in sheet.fields if f.required and f.key not in positions]
    for key in missing:
        problems.add(sheet.name, HEADER_ROW, key, "this column is missing from the header row")
    if missing:
        return None
    return Columns(sheet, tuple(positions.items()))
