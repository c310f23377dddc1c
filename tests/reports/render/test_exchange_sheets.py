"""How a stored value becomes an exchange workbook cell: a yes/no only from a real boolean."""

from __future__ import annotations

import datetime as dt

import pytest

from forms.exchange import CLIENTS
from forms.fields import Field, Kind
from reports.render.exchange_sheets import DATE_FORMAT, cell, columns_of

FLAG = Field("consent_share", "Consent", Kind.BOOLEAN)


def test_booleans_are_written_yes_or_no_and_nothing_stays_empty() -> None:
    assert (cell(FLAG, True), cell(FLAG, False), cell(FLAG, None)) == ("yes", "no", None)
    assert cell(FLAG, 1) == "yes"


def test_the_text_no_is_refused_rather_than_written_yes() -> None:
    with pytest.raises(TypeError, match="consent_share: a boolean is expected"):
        cell(FLAG, "no")


def test_other_values_pass_as_they_are() -> None:
    day = dt.date(2026, 10, 1)
    assert cell(Field("assessed_on", "Date", Kind.DATE), day) == day


def test_date_columns_carry_the_date_format_and_fit_their_key() -> None:
    columns = {c.key: c for c in columns_of(CLIENTS)}
    assert columns["birth_date"].number_format == DATE_FORMAT
    assert all(c.width >= len(c.key) + 2 for c in columns.values())
