"""Client search: prefixes, codes, birth dates and typos find the client a worker means."""

from __future__ import annotations

import datetime as dt

import pytest

from db.access import Actor
from db.engine import Database
from forms import records
from forms.search import ClientIndex, parse_query, search

PEOPLE = [
    ("C-000101", "John", "Smith", None, "1985-03-12"),
    ("C-000102", "Joan", "Smithers", None, "1990-07-01"),
    ("C-000103", "Zoë", "Nguyễn", "Zee", "1979-11-30"),
    ("C-000104", "Łukasz", "Wiśniewski", None, "1985-03-12"),
    ("C-000105", "Maria", "De la Cruz", None, "2001-01-05"),
    ("D-000001", "Robert", "Okafor", "Bobby", "1968-02-29"),
]


@pytest.fixture
def people(any_database: Database, admin: Actor, today: dt.date) -> dict[str, int]:
    ids = {}
    for code, given, family, preferred, born in PEOPLE:
        ids[given] = records.create_client(
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


def find(db: Database, text: str, with_index: bool = True) -> list[int]:
    with db.reading() as session:
        index = ClientIndex.load(session) if with_index else None
        return search(session, index, text)


def test_a_misspelt_name_finds_the_client(any_database: Database, people: dict[str, int]) -> None:
    assert find(any_database, "Smtih")[0] == people["John"]
    assert find(any_database, "jonh smiht")[0] == people["John"]
    assert people["Łukasz"] in find(any_database, "wisniewsky")


def test_typing_a_prefix_lists_prefix_matches_in_name_order(
    any_database: Database, people: dict[str, int]
) -> None:
    assert find(any_database, "smi") == [people["John"], people["Joan"]]
    assert find(any_database, "jo smi") == [people["John"], people["Joan"]]


def test_accents_case_and_preferred_names_are_forgiven(
    any_database: Database, people: dict[str, int]
) -> None:
    assert find(any_database, "NGUYEN") == [people["Zoë"]]
    assert find(any_database, "zee") == [people["Zoë"]]
    assert find(any_database, "bobby okafor") == [people["Robert"]]
    assert find(any_database, "de la") == [people["Maria"]]


def test_client_codes_are_found_by_prefix_in_any_case(
    any_database: Database, people: dict[str, int]
) -> None:
    assert find(any_database, "c-000103") == [people["Zoë"]]
    assert find(any_database, "D-0") == [people["Robert"]]
    assert set(find(any_database, "C-0001")) == set(people.values()) - {people["Robert"]}


def test_birth_dates_narrow_or_find_on_their_own(
    any_database: Database, people: dict[str, int]
) -> None:
    assert set(find(any_database, "1985-03-12")) == {people["John"], people["Łukasz"]}
    assert find(any_database, "smith 1985-03-12") == [people["John"]]
    assert find(any_database, "19680229") == [people["Robert"]]
    assert set(find(any_database, "1985-03")) == {people["John"], people["Łukasz"]}


def test_without_the_index_the_database_prefix_still_answers(
    any_database: Database, people: dict[str, int]
) -> None:
    assert find(any_database, "okaf", with_index=False) == [people["Robert"]]
    assert find(any_database, "okfaor", with_index=False) == []


def test_nothing_matches_nonsense_or_an_empty_box(
    any_database: Database, people: dict[str, int]
) -> None:
    assert find(any_database, "qqqqzz") == []
    assert find(any_database, "   ") == []


def test_the_index_follows_additions_and_merges(
    database: Database, admin: Actor, today: dt.date
) -> None:
    with database.reading() as session:
        index = ClientIndex.load(session)
    new_id = records.create_client(
        database,
        admin,
        {
            "client_code": "X-1",
            "given_name": "Ngozi",
            "family_name": "Adeyemi",
            "birth_date": "1999-09-09",
        },
        today,
    )
    index.add(new_id, "Ngozi", "Adeyemi", None, dt.date(1999, 9, 9))
    with database.reading() as session:
        assert search(session, index, "ngzoi adeyemi") == [new_id]
        index.discard(new_id)
        assert search(session, index, "ngzoi adeyemi") == []


def test_date_words_are_recognised_and_impossible_dates_are_names() -> None:
    assert parse_query("Smith 1985-03-12").born is not None
    assert parse_query("1985-02-30").born is None
    assert parse_query("1985-02-30").words == ("1985-02-30",)


def test_clients_registered_elsewhere_after_the_index_are_found_misspelt(
    database: Database, admin: Actor, today: dt.date
) -> None:
    with database.reading() as session:
        index = ClientIndex.load(session)
    later = records.create_client(
        database,
        admin,
        {
            "client_code": "L-1",
            "given_name": "Tāne",
            "family_name": "Whaanga",
            "birth_date": "1993-03-03",
        },
        today,
    )
    with database.reading() as session:
        assert search(session, index, "tane whanga") == [later]
    assert index.last_id == later


def test_a_code_number_finds_the_client_without_prefix_or_zeros(
    any_database: Database, people: dict[str, int]
) -> None:
    # The agency's prefix is "C-" (the default); codes are padded to six digits.
    assert find(any_database, "103") == [people["Zoë"]]
    assert find(any_database, "000103") == [people["Zoë"]]
    assert find(any_database, "103", with_index=False) == [people["Zoë"]]
    assert find(any_database, "999") == []


def test_a_us_birth_date_is_read_month_first(
    any_database: Database, people: dict[str, int]
) -> None:
    assert find(any_database, "2/29/1968") == [people["Robert"]]
    assert find(any_database, "smith 03/12/1985") == [people["John"]]
    assert set(find(any_database, "3-12-1985")) == {people["John"], people["Łukasz"]}
    assert parse_query("13/25/1980").born is None  # no 13th month: a word, not a date
