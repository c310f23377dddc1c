"""Likely duplicates shown before a new client is registered."""

from __future__ import annotations

import datetime as dt

import pytest

from db.access import Actor
from db.engine import Database
from forms import records
from forms.duplicates import (
    SAME_BIRTH_DATE,
    SIMILAR_BIRTH_DATE,
    likely_duplicates,
    looks_like_slip,
)
from forms.search import ClientIndex

D = dt.date


@pytest.fixture
def registered(any_database: Database, admin: Actor, today: dt.date) -> dict[str, int]:
    ids = {}
    for code, given, family, preferred, born in (
        ("C-1", "Jonathan", "Smith", "Jon", "1985-03-12"),
        ("C-2", "Maria", "Garcia", None, "1990-07-01"),
        ("C-3", "Someone", "Else", None, "1985-03-12"),
    ):
        ids[code] = records.create_client(
            any_database,
            admin,
            {
                "client_code": code,
                "given_name": given,
                "family_name": family,
                "preferred_name": preferred,
                "birth_date": born,
            },
            today,
        )
    return ids


def check(db: Database, given: str, family: str, born: dt.date, **kw: object) -> list:
    with db.reading() as session:
        return likely_duplicates(session, ClientIndex.load(session), given, family, born, **kw)  # type: ignore[arg-type]


def test_a_misspelt_name_with_the_same_birth_date_is_a_likely_duplicate(
    any_database: Database, registered: dict[str, int]
) -> None:
    found = check(any_database, "Jonathon", "Smyth", D(1985, 3, 12))
    assert [(d.client_code, d.reason) for d in found] == [("C-1", SAME_BIRTH_DATE)]


def test_swapped_names_and_the_preferred_name_are_recognised(
    any_database: Database, registered: dict[str, int]
) -> None:
    assert [d.client_code for d in check(any_database, "Smith", "Jonathan", D(1985, 3, 12))] == [
        "C-1"
    ]
    assert [d.client_code for d in check(any_database, "Jon", "Smith", D(1985, 3, 12))] == ["C-1"]


def test_the_same_name_with_a_birth_date_typo_is_a_likely_duplicate(
    any_database: Database, registered: dict[str, int]
) -> None:
    for slip in (D(1990, 7, 2), D(1990, 1, 7), D(1980, 7, 1), D(1990, 7, 21)):
        found = check(any_database, "maria", "GARCÍA", slip)
        assert [(d.client_code, d.reason) for d in found] == [("C-2", SIMILAR_BIRTH_DATE)]


def test_different_people_are_not_flagged(
    any_database: Database, registered: dict[str, int]
) -> None:
    assert check(any_database, "Maria", "Garcia", D(1972, 11, 30)) == []
    assert check(any_database, "Peter", "Jones", D(1985, 3, 12)) == []


def test_the_client_being_edited_is_not_its_own_duplicate(
    any_database: Database, registered: dict[str, int]
) -> None:
    assert (
        check(any_database, "Jonathan", "Smith", D(1985, 3, 12), exclude_id=registered["C-1"]) == []
    )


def test_a_client_registered_after_the_index_was_built_is_still_found(
    database: Database, admin: Actor, today: dt.date
) -> None:
    with database.reading() as session:
        index = ClientIndex.load(session)
    records.create_client(
        database,
        admin,
        {
            "client_code": "N-1",
            "given_name": "Ana",
            "family_name": "Lopez",
            "birth_date": "2000-02-02",
        },
        today,
    )
    with database.reading() as session:
        found = likely_duplicates(session, index, "Ana", "Lopez", D(2000, 2, 3))
    assert [d.client_code for d in found] == ["N-1"]


@pytest.mark.parametrize(
    ("typed", "stored", "slip"),
    [
        (D(1990, 7, 1), D(1990, 7, 1), False),
        (D(1990, 7, 1), D(1990, 1, 7), True),
        (D(1990, 7, 1), D(1991, 7, 1), True),
        (D(1990, 7, 1), D(1990, 8, 15), False),
        (D(1990, 7, 1), D(1990, 7, 30), True),
        (D(1990, 7, 1), D(1989, 7, 1), False),
    ],
)
def test_birth_date_slips(typed: dt.date, stored: dt.date, slip: bool) -> None:
    assert looks_like_slip(typed, stored) is slip
