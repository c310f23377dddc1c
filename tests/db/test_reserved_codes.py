"""An import's client codes taken off the automatic-code counter: a desk's next blank code
comes after the highest of them under the agency's prefix, never before."""

from __future__ import annotations

from db import bulk
from db.engine import Database
from db.models import Client
from forms import records
from tests.conftest import TODAY

PERSON = {"given_name": "Next", "family_name": "Walkin", "birth_date": "1990-01-01"}


def _next_code(database: Database, actor) -> str:
    client_id = records.create_client(database, actor, PERSON, TODAY)
    with database.reading() as session:
        client = session.get(Client, client_id)
        assert client is not None
        return client.client_code


def test_a_desk_code_comes_after_the_reserved_ones(any_database: Database, front_desk) -> None:
    with any_database.writing() as session:
        # Other prefixes, non-numbers and numbers too long for the counter are passed over.
        highest = bulk.reserve_client_codes(
            session, ["C-000007", "C-000041", "X-000900", "C-12A", "C-9999999999", ""]
        )
    assert highest == 41
    assert _next_code(any_database, front_desk) == "C-000042"
    with any_database.writing() as session:
        bulk.reserve_client_codes(session, ["C-000003"])  # never moves the counter back
    assert _next_code(any_database, front_desk) == "C-000043"
