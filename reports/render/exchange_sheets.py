"""The cells and columns of the exchange workbook's sheets, as the export and the empty
template both write them: one column per field of `forms.exchange`, sized by its kind."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from forms.exchange import Sheet
from forms.fields import Field, Kind
from reports.render.xlsx import Column

DATE_FORMAT = "yyyy-mm-dd"
_WIDTH_BY_KIND = {
    Kind.DATE: 12,
    Kind.BOOLEAN: 8,
    Kind.INTEGER: 8,
    Kind.CODE: 14,
    Kind.CODES: 40,
    Kind.TEXT: 18,
}


def columns_of(sheet: Sheet) -> list[Column]:
    """Column widths from the kind of field (but never narrower than the key)."""
    return [
        Column(
            f.key,
            max(_WIDTH_BY_KIND[f.kind], len(f.key) + 2),
            DATE_FORMAT if f.kind is Kind.DATE else None,
        )
        for f in sheet.fields
    ]


def cell(f: Field, value: Any) -> Any:
    """A stored value as the workbook writes it: yes/no for booleans, dates as dates."""
    if value is None:
        return None
    if f.kind is Kind.BOOLEAN:
        # Only a stored boolean: the text "no" is truthy, and once turned every row to yes.
        if not isinstance(value, bool | int) or isinstance(value, str):
            raise TypeError(f"{f.key}: a boolean is expected, not {value!r}")
        return "yes" if value else "no"
    return value


def cells(sheet: Sheet, row: tuple[Any, ...]) -> Sequence[Any]:
    """A stored row as the sheet writes it, field by field. Only the yes/no columns
    change, so only they are looked at: the rest go to the sheet as stored."""
    if len(row) != len(sheet.fields):
        raise ValueError(f"{sheet.name}: {len(row)} values for {len(sheet.fields)} columns")
    changed = _boolean_columns(sheet)
    if not changed:
        return row
    written = list(row)
    for index, f in changed:
        written[index] = cell(f, written[index])
    return written


# By the sheet's identity: hashing a Sheet hashes every field of it, dearer than the work.
_BOOLEANS: dict[int, tuple[Sheet, tuple[tuple[int, Field], ...]]] = {}


def _boolean_columns(sheet: Sheet) -> tuple[tuple[int, Field], ...]:
    known = _BOOLEANS.get(id(sheet))
    if known is None or known[0] is not sheet:
        columns = tuple((i, f) for i, f in enumerate(sheet.fields) if f.kind is Kind.BOOLEAN)
        known = _BOOLEANS[id(sheet)] = (sheet, columns)
    return known[1]
