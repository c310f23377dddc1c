"""The exchange workbook's columns."""

from __future__ import annotations

from forms.exchange import CLIENTS
from reports.render.exchange_sheets import DATE_FORMAT, columns_of


def test_date_columns_carry_the_date_format_and_fit_their_key() -> None:
    columns = {c.key: c for c in columns_of(CLIENTS)}
    assert columns["birth_date"].number_format == DATE_FORMAT
    assert all(c.width >= len(c.key) + 2 for c in columns.values())
