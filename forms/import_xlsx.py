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

A workbook comes from outside, so before openpyxl reads anything the zip's
parts are checked: none may unpack to more than the program will hold (parts
read whole: 64 MB; all together: 4 GB; no part over 1 MB packed more than 100
times tighter than XML ever is) and no part may declare a DOCTYPE, which a
workbook never needs and an entity bomb always does. openpyxl parses with
defusedxml (installed as a dependency). Anything wrong becomes one
`ImportFileError` line naming the file and the part.
"""

from __future__ import annotations

import logging
import re
import zipfile
import zlib
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
_ESCAPE = re.compile("_x([0-9A-Fa-f]{4})_")
MB = 2**20
MAX_WHOLE_PART = 64 * MB  # a part openpyxl reads whole: shared text, styles, the workbook
MAX_UNPACKED = 4 * 2**30  # every part together; sheets stream, never held whole
MAX_RATIO = 100  # unpacked over packed; XML packs about 10 times, a zip bomb 1,000
_RATIO_FROM = MB  # smaller parts may pack as tight as they like
_SHEETS = "xl/worksheets/"


class ImportFileError(ValueError):
    """The file cannot be read as a workbook at all; str() says why in one line."""


def check_archive(path: Path) -> None:
    """Refuse, before anything is unpacked, a workbook that would unpack to more than the
    program will hold, or that declares a DOCTYPE. Raises ImportFileError."""
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
        total = 0
        for info in parts:
            total += info.file_size
            _check_size(path.name, info)
        if total > MAX_UNPACKED:
            raise ImportFileError(
                f"{path.name} would unpack to {total // MB:,} MB, more than the "
                f"{MAX_UNPACKED // MB:,} MB a workbook may; it was not read"
            )
        for info in parts:
            if info.filename.endswith((".xml", ".rels")) and _declares_doctype(archive, info):
                raise ImportFileError(
                    f"{path.name}: its part {info.filename} declares a DOCTYPE, which no "
                    "workbook needs (it is how XML entity bombs start); it was not read"
                )


def _check_size(name: str, info: zipfile.ZipInfo) -> None:
    limit = None if info.filename.startswith(_SHEETS) else MAX_WHOLE_PART
    ratio = info.file_size / max(info.compress_size, 1)
    if limit is not None and info.file_size > limit:
        reason = f"more than the {limit // MB} MB such a part may take"
    elif info.file_size > _RATIO_FROM and ratio > MAX_RATIO:
        reason = f"{ratio:,.0f} times its packed size, more than the {MAX_RATIO} XML ever packs to"
    else:
        return
    raise ImportFileError(
        f"{name}: its part {info.filename} would unpack to {info.file_size / MB:,.0f} MB, "
        f"{reason}; it was not read"
    )


def _declares_doctype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Read up to the first element: a DOCTYPE can only come before it."""
    with archive.open(info) as raw:
        events = etree.iterparse(
            raw, events=("start",), resolve_entities=False, no_network=True, load_dtd=False
        )
        try:
            _event, element = next(events)
        except StopIteration:
            return False
        except etree.XMLSyntaxError as exc:
            if "DOCTYPE" in str(exc) or "ENTITY" in str(exc):
                return True
            raise ImportFileError(
                f"{Path(archive.filename or '').name}: its part {info.filename} is not "
                f"well-formed XML ({exc})"
            ) from None
        return bool(element.getroottree().docinfo.doctype)


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
        check_archive(path)
        self.name = path.name
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
        """(row number, cell values) for each row the sheet holds, in order.
        Raises ImportFileError for a sheet that is not whole."""
        part = self._paths[name]
        try:
            yield from self._rows(part)
        except etree.XMLSyntaxError as exc:
            raise ImportFileError(
                f"{self.name}: the sheet {name} is not well-formed XML ({exc})"
            ) from None
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise ImportFileError(f"{self.name} is damaged: the sheet {name} ({exc})") from None
        except _MissingText as missing:
            raise ImportFileError(
                f"{self.name} is damaged: cell {missing.cell} of the sheet {name} refers to "
                f"shared text number {missing.index}, and the workbook holds "
                f"{len(self._strings):,}"
            ) from None

    def _rows(self, part: str) -> Iterator[tuple[int, tuple[Any, ...]]]:
        with self._archive.open(part) as raw:
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
        value_of = self._value
        for cell in row:
            value = value_of(cell)
            if value is None:
                continue
            ref = cell.get("r")
            column = _column(ref.rstrip(_DIGITS)) if ref else len(values) + 1
            after = column - len(values)  # 1 for the next column, as cells nearly always are
            if after == 1:
                values.append(value)
            elif after > 1:
                values.extend([None] * (after - 1))
                values.append(value)
            else:
                values[column - 1] = value
        return tuple(values)

    def _value(self, cell: Any) -> Any:
        # One pass over the cell's children (a value, a formula, an inline string) rather
        # than a search for each: a workbook of 100,000 clients holds millions of cells.
        found = inline = None
        for child in cell:
            tag = child.tag
            if tag == _FORMULA:
                # Whatever it last computed (if anything): what was meant is not in the file.
                return Formula(child.text or "")
            if tag == _VALUE:
                if found is None:
                    found = child.text or ""
            elif tag == _INLINE and inline is None:
                inline = child
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            return None if inline is None else _inline_text(inline)
        text = found
        if text is None:
            return None
        if kind == "n":
            return self._number(text, int(cell.get("s", 0)))
        if kind == "s":
            index = int(text) if text.isdigit() else -1
            if not 0 <= index < len(self._strings):
                raise _MissingText(cell.get("r") or "?", text)
            return self._strings[index]
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


class _MissingText(Exception):
    def __init__(self, cell: str, index: str) -> None:
        super().__init__(cell, index)
        self.cell, self.index = cell, index


@lru_cache(maxsize=512)
def _column(letters: str) -> int:
    return column_index_from_string(letters)


def _inline_text(block: Any) -> str:
    """The text of a cell's <is> element."""
    if len(block) == 1 and block[0].tag == _TEXT:  # plain text, as nearly always
        return _unescaped(str(block[0].text or ""))
    parts = [child.text or "" for child in block if child.tag == _TEXT]
    parts += [run.findtext(_TEXT) or "" for run in block if run.tag == _RUN]
    return _unescaped("".join(parts))


def _unescaped(text: str) -> str:
    """Text as Excel reads it: a workbook's text spells a control character _xHHHH_ and a
    literal "_x0041_" as "_x005F_x0041_" (ECMA-376 ST_Xstring), as the exchange export
    writes it. openpyxl undoes only part of it, and only in shared text."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda found: chr(int(found.group(1), 16)), text)
