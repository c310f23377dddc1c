"""Client prefix search in the database: the same answers on SQLite and PostgreSQL, each
read through the name indexes rather than the whole table."""

from __future__ import annotations

import datetime as dt

import pytest

from db import clients
from db.access import Actor
from db.engine import Database
from db.textfold import fold_name
from tests.db.query_plans import plan_of, statements_sent

PEOPLE = [
    ("A-001", "John", "Smith", None),
    ("A-002", "Joan", "Smithers", None),
    ("A-003", "Zoë", "Nguyễn", "Zee"),
    ("A-004", "Łukasz", "Wiśniewski", None),
    ("A-005", "Maria", "De la Cruz", None),
    ("A-006", "Ann", "Dean", None),
    ("A-007", "Pedro", "Del Río", None),
    ("A-008", "Ольга", "Иванова", None),
    ("A-009", "Jürgen", "Straße", None),
    ("A-010", "Σωκράτης", "Παππάς", None),
]
NAME_INDEXES = {
    "family_search": "ix_clients_family_given",
    "given_search": "ix_clients_given_search",
    "preferred_search": "ix_clients_preferred_search",
}


@pytest.fixture
def people(any_database: Database, admin: Actor) -> dict[str, int]:
    """Id by family name."""
    with any_database.writing() as session:
        return {
            family: clients.create(
                session,
                admin,
                {
                    "client_code": code,
                    "given_name": given,
                    "family_name": family,
                    "preferred_name": preferred,
                    "birth_date": dt.date(1980, 1, 1),
                },
            ).id
            for code, given, family, preferred in PEOPLE
        }


def prefix_search(database: Database, typed: str) -> list[int]:
    with database.reading() as session:
        return clients.prefix_ids(session, fold_name(typed), typed, 200)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("smi", ["Smith", "Smithers"]),
        ("SMITH", ["Smith", "Smithers"]),
        ("NGUYỄN", ["Nguyễn"]),
        ("nguyen", ["Nguyễn"]),
        ("ZEE", ["Nguyễn"]),
        ("ŁUK", ["Wiśniewski"]),
        ("lukasz", ["Wiśniewski"]),
        ("ИВАН", ["Иванова"]),
        ("ольга", ["Иванова"]),
        ("STRASSE", ["Straße"]),
        ("straße", ["Straße"]),
        ("ΠΑΠΠΑΣ", ["Παππάς"]),
        ("σωκ", ["Παππάς"]),
        ("smi_h", []),
        ("%", []),
    ],
)
def test_prefixes_find_names_whatever_their_case_and_accents(
    any_database: Database, people: dict[str, int], typed: str, expected: list[str]
) -> None:
    assert prefix_search(any_database, typed) == [people[family] for family in expected]


def test_hits_come_in_the_order_of_the_folded_names(
    any_database: Database, people: dict[str, int]
) -> None:
    # Code point order, as SQLite's NOCASE gives it: a space sorts before any letter.
    assert prefix_search(any_database, "de") == [
        people["De la Cruz"],
        people["Dean"],
        people["Del Río"],
    ]


@pytest.mark.usefixtures("people")
def test_every_name_column_is_read_through_an_index_range(any_database: Database) -> None:
    plan = plan_of_prefix_search(any_database, "smi")
    for column, index in NAME_INDEXES.items():
        if any_database.is_sqlite:
            wanted = f"INDEX {index} ({column}>? AND {column}<?)"
        else:
            wanted = f"Index Cond: ((({column})::text >= 'smi'::text)"
        assert any(wanted in line for line in plan), "\n".join(plan)
    whole_table = "SCAN clients" if any_database.is_sqlite else "Seq Scan"
    assert not any(line.strip().startswith(whole_table) for line in plan), "\n".join(plan)


def plan_of_prefix_search(database: Database, typed: str) -> list[str]:
    """The plan of the very statement `prefix_ids` sends, with its parameters."""
    with statements_sent(database) as sent, database.reading() as session:
        clients.prefix_ids(session, fold_name(typed), typed, 200)
    (statement, parameters) = next((s, p) for s, p in sent if " LIKE " in s)
    return plan_of(database, statement, parameters)
