"""Streaming the cell values out of an .xlsx file, in flat memory and one pass a sheet.

openpyxl's read-only mode is nearly this, but at 100,000 clients it costs
twice over: opening a workbook parses every sheet once just to find its
size when the file does not state it (as no write-only file does), and each
row it has read stays in the parsed tree as an empty element (about 80 bytes
a row: 100 MB for the Assessments and Substances sheets, read side by side).
This module keeps openpyxl for the workbook's structure (sheet names and
paths, shared strings, which styles are dates) and reads the sheets' rows
itself with lxml, dropping each row once read. Cell values come out as
openpyxl would give them: numbers, text, booleans, and datetimes for cells
formatted as dates, and a `forms.values.Formula` for a cell that holds a formula.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from lxml import etree
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.xml.constants import SHEET_MAIN_NS

from forms.values import Formula

log = logging.getLogger(__name__)

_ROW = f"{{{SHEET_MAIN_NS}}}row"
_VALUE = f"{{{SHEET_MAIN_NS}}}v"
_INLINE = f"{{{SHEET_MAIN_NS}}}is"
_TEXT = f"{{{SHEET_MAIN_NS}}}t"
_RUN = f"{{{SHEET_MAIN_NS}}}r"
_FORMULA = f"{{{SHEET_MAIN_NS}}}f"
_DIGITS = "0123456789"


class _Counted:
    """A file object that counts the bytes read through it, for progress."""

    def __init__(self, source: IO[bytes], book: XlsxSource) -> None:
        self._source, self._book = source, book

    def read(self, size: int = -1) -> bytes:
        data = self._source.read(size)
        self._book.bytes_read += len(data)
        return data


class XlsxSource:
    """An .xlsx file opened for reading its sheets' values; close() when done."""

    def __init__(self, path: Path) -> None:
        reader = ExcelReader(str(path), read_only=True, data_only=True)
        try:
            reader.read_manifest()
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
        except BaseException:
            reader.archive.close()
            raise
        self._archive = reader.archive
        self._strings = reader.shared_strings
        book = reader.wb
        self._epoch = book.epoch
        self._dates = frozenset(book._date_formats)
        self._durations = frozenset(book._timedelta_formats)
        self._paths = {
            sheet.name: rel.target
            for sheet, rel in reader.parser.find_sheets()
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type
        }
        self.bytes_read = 0

    @property
    def sheet_names(self) -> list[str]:
        return list(self._paths)

    def size(self, name: str) -> int:
        """Bytes of the sheet's XML, the measure of progress."""
        return self._archive.getinfo(self._paths[name]).file_size

    def close(self) -> None:
        self._archive.close()

    def rows(self, name: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """(row number, cell values) for each row the sheet holds, in order."""
        with self._archive.open(self._paths[name]) as raw:
            parsed = etree.iterparse(
                _Counted(raw, self),
                events=("end",),
                tag=_ROW,
                resolve_entities=False,
                no_network=True,
                huge_tree=True,
            )
            number = 0
            for _event, row in parsed:
                mark = row.get("r")
                number = int(float(mark)) if mark else number + 1
                values = self._values(row)
                row.clear()
                while row.getprevious() is not None:
                    del row.getparent()[0]
                if values:
                    yield number, values

    def _values(self, row: Any) -> tuple[Any, ...]:
        values: list[Any] = []
        for cell in row:
            ref = cell.get("r")
            column = _column(ref.rstrip(_DIGITS)) if ref else len(values) + 1
            value = self._value(cell)
            if value is None:
                continue
            if column > len(values):
                values.extend([None] * (column - len(values)))
            values[column - 1] = value
        return tuple(values)

    def _value(self, cell: Any) -> Any:
        formula = cell.find(_FORMULA)
        if formula is not None:
            # Whatever it last computed (if anything): what was meant is not in the file.
            return Formula(formula.text or "")
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            return _inline_text(cell)
        text = cell.findtext(_VALUE)
        if text is None:
            return None
        if kind == "n":
            return self._number(text, int(cell.get("s", 0)))
        if kind == "s":
            return self._strings[int(text)]
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "d":
            return from_ISO8601(text)
        return text  # "str" (a formula's text result) and "e" (an error such as #N/A)

    def _number(self, text: str, style: int) -> Any:
        try:
            number: int | float = int(text)
        except ValueError:
            number = float(text)
        if style in self._dates:
            try:
                return from_excel(number, self._epoch, timedelta=style in self._durations)
            except (OverflowError, ValueError):
                return number  # not a date after all: validation says so
        return number


@lru_cache(maxsize=512)
def _column(letters: str) -> int:
    return column_index_from_string(letters)


def _inline_text(cell: Any) -> str | None:
    block = cell.find(_INLINE)
    if block is None:
        return None
    if len(block) == 1 and block[0].tag == _TEXT:  # plain text, as nearly always
        return str(block[0].text or "")
    parts = [child.text or "" for child in block if child.tag == _TEXT]
    parts += [run.findtext(_TEXT) or "" for run in block if run.tag == _RUN]
    return "".join(parts)
