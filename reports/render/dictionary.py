"""The data dictionary sheet: one row per column of a workbook, generated from `forms/`.

Every workbook that hands data to someone else (the exchange workbook, its
template, the funder workbook) explains its columns with these rows, so a
label, code list or range is never typed twice.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence

from forms.exchange import DICTIONARY
from forms.fields import Field, Kind
from reports.render.xlsx import Column, RowBook, RowSheet

log = logging.getLogger(__name__)

DECIMAL_TAG = "decimal"
_WIDTHS = {
    "sheet": 16,
    "key": 26,
    "label": 34,
    "type": 10,
    "codes": 60,
    "required": 10,
    "range": 16,
    "identifies_person": 18,
    "help": 70,
}


def type_name(f: Field) -> str:
    return "decimal" if DECIMAL_TAG in f.tags else f.kind.value


def range_text(f: Field) -> str:
    if f.kind is Kind.INTEGER and (f.minimum is not None or f.maximum is not None):
        low = "" if f.minimum is None else str(f.minimum)
        high = "" if f.maximum is None else str(f.maximum)
        return f"{low}–{high}"
    if f.kind is Kind.TEXT and f.max_length is not None:
        return f"at most {f.max_length} characters"
    if f.kind is Kind.DATE:
        return "YYYY-MM-DD"
    return ""


def codes_text(f: Field) -> str:
    if f.kind is Kind.BOOLEAN:
        return "yes; no"
    if f.kind is Kind.CODES:
        return "; ".join(f.code_values) + " (several joined with ;)"
    return "; ".join(f.code_values)


def field_row(sheet: str, f: Field) -> tuple[str, ...]:
    return (
        sheet,
        f.key,
        f.label,
        type_name(f),
        codes_text(f),
        "yes" if f.required else "no",
        range_text(f),
        "yes" if f.identifies_person else "no",
        f.help,
    )


def dictionary_rows(sheets: Iterable[tuple[str, Sequence[Field]]]) -> Iterator[tuple[str, ...]]:
    """One row per column of each (sheet name, fields), in sheet and column order."""
    for name, fields in sheets:
        for f in fields:
            yield field_row(name, f)


def write_dictionary(book: RowBook, sheets: Iterable[tuple[str, Sequence[Field]]]) -> RowSheet:
    columns = [Column(key, _WIDTHS.get(key, 14)) for key in DICTIONARY.keys]
    sheet = book.sheet(DICTIONARY.name, columns)
    count = 0
    for row in dictionary_rows(sheets):
        sheet.append(row)
        count += 1
    log.debug("dictionary: %d columns described", count)
    return sheet
