"""Referrals by type (DOMAIN.md §1 Encounters): the total is the sum of the types; a total
given alone keeps its referrals as "type not recorded"; bad counts are refused by field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from exchange_books import write_book
from openpyxl import load_workbook
from sqlalchemy import func, select

from db.access import Actor
from db.codes import REFERRAL_COLUMNS
from db.engine import Database
from db.models import Encounter
from db.startup import open_database
from forms import records
from forms.importer import import_workbook
from forms.validation import ValidationFailed
from reports.outputs.exchange_export import export_workbook
from tests.accounts import signed_in

TYPED = ("referrals", *REFERRAL_COLUMNS)


def stored(database: Database) -> list[tuple[int, ...]]:
    """(total, treatment, mental health, medical, housing, other social, other) by date."""
    with database.reading() as s:
        rows = s.execute(
            select(*(getattr(Encounter, k) for k in TYPED)).order_by(
                Encounter.occurred_on, Encounter.id
            )
        )
        return [tuple(r) for r in rows]


def encounters(database: Database) -> int:
    with database.reading() as s:
        return s.scalar(select(func.count()).select_from(Encounter)) or 0


def test_the_total_is_the_sum_of_the_types(
    database: Database, admin: Actor, today: dt.date
) -> None:
    raw = {"occurred_on": today, "referrals_treatment": "2", "referrals_housing": "1"}
    records.add_encounter(database, admin, None, raw, today)
    assert stored(database) == [(3, 2, 0, 0, 1, 0, 0)]


def test_a_type_above_99_is_refused_by_its_name_and_nothing_is_written(
    database: Database, admin: Actor, today: dt.date
) -> None:
    raw = {"occurred_on": today, "referrals_medical": "100"}
    with pytest.raises(ValidationFailed) as failed:
        records.add_encounter(database, admin, None, raw, today)
    assert failed.value.errors == {
        "referrals_medical": "Referrals to medical care must be between 0 and 99, not 100"
    }
    assert encounters(database) == 0


def test_a_total_without_types_is_kept_as_type_not_recorded(
    database: Database, admin: Actor, today: dt.date
) -> None:
    records.add_encounter(database, admin, None, {"occurred_on": today, "referrals": "4"}, today)
    assert stored(database) == [(4, 0, 0, 0, 0, 0, 0)]


def encounter_row(on: str, **values: object) -> dict[str, object]:
    return {"occurred_on": on, "area": "T2N", **values}


def test_an_import_whose_total_is_not_the_sum_is_refused_by_row_and_field(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    book = write_book(
        tmp_path / "bad.xlsx",
        {
            "Encounters": [
                encounter_row("2026-10-01", referrals=2, referrals_treatment=2),
                encounter_row("2026-10-02", referrals=3, referrals_treatment=1,
                              referrals_other=1),
            ]
        },
    )  # fmt: skip
    result = import_workbook(database, admin, book, today)
    assert [str(p) for p in result.problems] == [
        "Encounters!3 referrals: Referrals (3) must equal the referrals by type added up (2)"
    ]
    assert encounters(database) == 0


def test_old_and_new_columns_import_export_and_import_again_alike(
    database: Database, admin: Actor, today: dt.date, tmp_path: Path
) -> None:
    book = write_book(
        tmp_path / "mixed.xlsx",
        {
            "Encounters": [
                encounter_row("2026-10-01", referrals=3),  # an older workbook: no types
                encounter_row("2026-10-02", referrals_mental_health=1, referrals_other_social=2),
                encounter_row("2026-10-03", referrals=1, referrals_housing=1),
                encounter_row("2026-10-04", naloxone_kits=1),
            ]
        },
    )
    assert import_workbook(database, admin, book, today).ok
    expected = [
        (3, 0, 0, 0, 0, 0, 0),
        (3, 0, 1, 0, 0, 2, 0),
        (1, 0, 0, 0, 1, 0, 0),
        (0, 0, 0, 0, 0, 0, 0),
    ]
    assert stored(database) == expected
    first = tmp_path / "first.xlsx"
    export_workbook(database, admin, first, today, all_clients=True, today=today)
    assert _columns(first, TYPED) == expected
    again = open_database(str(tmp_path / "again.sqlite3"))
    assert import_workbook(again, signed_in(again), first, today).ok
    assert stored(again) == expected


def _columns(path: Path, keys: tuple[str, ...]) -> list[tuple[Any, ...]]:
    book = load_workbook(path, read_only=True)  # read-only keeps the file open until closed
    try:
        rows = list(book["Encounters"].iter_rows(values_only=True))
    finally:
        book.close()
    where = [rows[0].index(k) for k in keys]
    return [tuple(r[i] for i in where) for r in rows[1:]]
