"""`export template`: an empty exchange workbook for staff to fill in Excel and import.

Each record sheet has its header row; every coded column (codes and yes/no)
has a drop-down list fed from a range of the hidden `Lists` sheet (a range
has no length limit, unlike a list typed into the rule). Criteria take
several codes joined with ';', so their drop-down offers the codes without
refusing a combination. A whole-number column refuses a number outside the
range its field allows (0-28 days, 0-20 ratings, BARC-10 items 1-6), and a
date column anything but a date from 1900 on, not after today unless the
field looks ahead: the limits the import checks (`forms.fields.Field`,
`forms.values.EARLIEST_DATE`), read from there. The Dictionary sheet explains
every column.
"""

from __future__ import annotations

import logging
from pathlib import Path

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from db.jobs import IsCancelled
from forms.exchange import LISTS_SHEET_NAME, RECORD_SHEETS
from forms.fields import N_, Field, Kind
from forms.values import EARLIEST_DATE
from reports.render.dictionary import write_dictionary
from reports.render.exchange_sheets import columns_of
from reports.render.xlsx import Column, XlsxBook, write_or_discard

log = logging.getLogger(__name__)

# Excel's last row: the drop-downs cover the whole column below the header.
LAST_ROW = 1_048_576
YES_NO_VALUES = ("yes", "no")


def choices(f: Field) -> tuple[str, ...]:
    """The values a drop-down offers for a field; empty for a field without a list."""
    if f.kind is Kind.BOOLEAN:
        return YES_NO_VALUES
    if f.kind in (Kind.CODE, Kind.CODES):
        return f.code_values
    return ()


def list_columns() -> dict[str, tuple[str, ...]]:
    """The Lists sheet's columns: one per distinct list, named after its first field
    (all yes/no columns share one); in sheet order."""
    found: dict[tuple[str, ...], str] = {}
    for sheet in RECORD_SHEETS:
        for f in sheet.fields:
            values = choices(f)
            if values and values not in found:
                found[values] = "yes_no" if values == YES_NO_VALUES else f.key
    return {name: values for values, name in found.items()}


def range_rule(f: Field) -> DataValidation | None:
    """The check Excel applies as a value is typed in `f`'s column: a whole number in the
    field's range, or a date the import would take; None for other columns."""
    if f.kind is Kind.INTEGER and f.minimum is not None and f.maximum is not None:
        rule = DataValidation(
            type="whole", operator="between", formula1=str(f.minimum), formula2=str(f.maximum)
        )
        rule.error = N_("{label}: a whole number from {low} to {high}").format(
            label=f.label, low=f.minimum, high=f.maximum
        )
    elif f.kind is Kind.DATE:
        first = f"DATE({EARLIEST_DATE.year},{EARLIEST_DATE.month},{EARLIEST_DATE.day})"
        if f.allow_future:
            rule = DataValidation(type="date", operator="greaterThanOrEqual", formula1=first)
            template = N_("{label}: a date (YYYY-MM-DD) from {first} on")
        else:
            rule = DataValidation(type="date", operator="between", formula1=first)
            rule.formula2 = "TODAY()"
            template = N_("{label}: a date (YYYY-MM-DD) from {first} to today")
        rule.error = template.format(label=f.label, first=EARLIEST_DATE.isoformat())
    else:
        return None
    rule.allow_blank = True
    rule.showErrorMessage = True
    rule.errorTitle = f.label
    return rule


def write_template(target: Path, cancelled: IsCancelled | None = None) -> None:
    """Write the empty workbook to `target` atomically."""
    write_or_discard(XlsxBook(), Path(target), _fill, cancelled)
    log.info("exchange template written to %s", target)


def _fill(book: XlsxBook) -> None:
    lists = list_columns()
    names = {values: name for name, values in lists.items()}
    ranges = {
        name: f"{LISTS_SHEET_NAME}!${get_column_letter(i)}$2:"
        f"${get_column_letter(i)}${len(values) + 1}"
        for i, (name, values) in enumerate(lists.items(), start=1)
    }
    for sheet in RECORD_SHEETS:
        writer = book.sheet(sheet.name, columns_of(sheet))
        for index, f in enumerate(sheet.fields):
            rule = range_rule(f)
            if rule is not None:
                writer.add_rule(index, rule, LAST_ROW)
            name = names.get(choices(f))
            if name is None:
                continue
            writer.add_list_validation(index, ranges[name], LAST_ROW)
            if f.kind is Kind.CODES:
                writer.worksheet.data_validations.dataValidation[-1].showErrorMessage = False
    write_dictionary(book, [(s.name, s.fields) for s in RECORD_SHEETS])
    _lists_sheet(book, lists)


def _lists_sheet(book: XlsxBook, lists: dict[str, tuple[str, ...]]) -> None:
    sheet = book.sheet(LISTS_SHEET_NAME, [Column(key, 24) for key in lists])
    sheet.worksheet.sheet_state = "hidden"
    longest = max(len(values) for values in lists.values())
    for i in range(longest):
        sheet.append([values[i] if i < len(values) else None for values in lists.values()])
