"""The XML of a plain row of a constant-memory sheet, made by the program in one pass.

xlsxwriter turns each cell into XML through half a dozen calls (the cell's name, its
attribute list, three escapes, a write to the row file): in the exchange workbook and
the funder's row-level sheet, two million cells, that was most of the writing. A row
of plain values (text, blanks, whole and decimal numbers, dates, booleans), which is
nearly every row those workbooks hold, is made here into the XML xlsxwriter would have
written, and written to the sheet's row file at once (`xlsx_stream.StreamSheet.append`).

- Text with nothing to escape (no markup character, control character, look-alike of
  an escape, or leading or trailing white space) goes in as it is; any other text goes
  through xlsxwriter's own escapes. So a sheet is byte for byte xlsxwriter's
  (tests/reports/render/test_xlsx_rows.py compares them), except for text that looks
  like rich text, which stays text (`xlsx_stream._Worksheet` says why). Of sheets
  filled side by side, a format may take another number in the styles (a row made
  here numbers its formats at once, xlsxwriter when it writes the row out): the same
  look, in another order.
- A row holding anything else (a styled cell, a set, a time, an enum, a number that
  is not finite) is left to xlsxwriter whole.
- The limits hold as they do through xlsxwriter: text longer than a cell holds is
  refused, a row past a sheet's last is left to xlsxwriter, which refuses it, and the
  sheet's dimensions follow every row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from math import isfinite

from xlsxwriter.format import Format
from xlsxwriter.utility import _preserve_whitespace, xl_col_to_name
from xlsxwriter.worksheet import Worksheet

# Anything in a text that xlsxwriter's escapes would change (the two noncharacters
# U+FFFE and U+FFFF among them: XML has no place for them), or that asks for
# xml:space="preserve" (the same two patterns xlsxwriter tries).
_NEEDS_ESCAPES = re.compile(r'^\s|\s$|["&<>\n\x00-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_')
_TEXT_LIMIT = 32_767  # UTF-16 units a cell holds
TOO_LONG, PAST_LAST_ROW = -2, -1  # xlsxwriter's codes for a cell it refuses

# (row, column, code): raises, saying which cell and why.
Refuse = Callable[[int, int, int], None]


class PlainRows:
    """The XML of the plain rows of one sheet, its columns' number and date formats given."""

    def __init__(
        self,
        ws: Worksheet,
        formats: Sequence[Format | None],
        date_formats: Sequence[Format],
        serials: dict[object, float],
        booleans: tuple[str, str],
        refuse: Refuse,
    ) -> None:
        self._ws = ws
        self._names = [xl_col_to_name(col) for col in range(len(formats))]
        # A format's index is taken when a cell first uses it, as xlsxwriter does.
        self._formats, self._date_formats = formats, date_formats
        self._number_styles: list[str | None] = [None] * len(formats)
        self._date_styles: list[str | None] = [None] * len(formats)
        self._serials = serials
        yes, no = booleans
        self._yes, self._no = self._escaped(yes), self._escaped(no)
        self._refuse = refuse

    def row(self, row: int, values: Sequence[object]) -> str | None:
        """The XML of sheet row `row` (0-based) holding `values`; "" when every value is
        blank (xlsxwriter writes no row then); None when xlsxwriter must write it."""
        if len(values) > len(self._names) or row >= self._ws.xls_rowmax:
            return None  # the second, xlsxwriter refuses as it always has
        number = str(row + 1)
        names = self._names
        cells = []
        first = last = -1
        # An exact type is the cheapest test (and one mypy does not narrow by).
        for col, value in enumerate(values):
            kind = type(value)
            if kind is str:
                cells.append(self._text(row, col, number, value))  # type: ignore[arg-type]
            elif value is None:
                continue
            elif kind is int or (kind is float and isfinite(value)):  # type: ignore[arg-type]
                style = self._number_styles[col]
                if style is None:
                    style = self._number_styles[col] = _style(self._formats[col])
                cells.append(f'<c r="{names[col]}{number}"{style}><v>{value:.16G}</v></c>')
            elif kind is dt.date:
                cells.append(self._date(col, number, value))  # type: ignore[arg-type]
            elif kind is bool:
                text = self._yes if value else self._no
                cells.append(f'<c r="{names[col]}{number}" t="inlineStr"><is>{text}</is></c>')
            else:
                return None
            if first < 0:
                first = col
            last = col
        if not cells:
            return ""
        check = self._ws._check_dimensions
        if check(row, first) or check(row, last):
            self._refuse(row, first, PAST_LAST_ROW)
        return f'<row r="{number}">{"".join(cells)}</row>'

    def _text(self, row: int, col: int, number: str, text: str) -> str:
        if len(text) > _TEXT_LIMIT // 2 and _utf16_units(text) > _TEXT_LIMIT:
            self._refuse(row, col, TOO_LONG)
        inner = self._escaped(text) if _NEEDS_ESCAPES.search(text) else f"<t>{text}</t>"
        return f'<c r="{self._names[col]}{number}" t="inlineStr"><is>{inner}</is></c>'

    def _escaped(self, text: str) -> str:
        """The <t> element xlsxwriter makes of `text` in an inline string."""
        ws = self._ws
        text = ws._escape_control_characters(text)
        space = ' xml:space="preserve"' if _preserve_whitespace(text) else ""
        return f"<t{space}>{ws._escape_data(text)}</t>"

    def _date(self, col: int, number: str, day: dt.date) -> str:
        serial = self._serials.get(day)
        if serial is None:
            serial = self._serials[day] = self._ws._convert_date_time(day)
        style = self._date_styles[col]
        if style is None:
            style = self._date_styles[col] = _style(self._date_formats[col])
        return f'<c r="{self._names[col]}{number}"{style}><v>{serial:.16G}</v></c>'


def _style(cell_format: Format | None) -> str:
    return "" if cell_format is None else f' s="{cell_format._get_xf_index()}"'


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2
