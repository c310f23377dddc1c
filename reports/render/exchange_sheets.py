"""The columns of the exchange workbook's sheets, as the export and the empty template
both write them: one column per field of `forms.exchange`, sized by its kind. The cells
are the stored values as they are: the sheet (reports.render.xlsx_stream) writes a
boolean as yes/no and a date in its column's date format."""

from __future__ import annotations

from forms.exchange import Sheet
from forms.fields import Kind
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
