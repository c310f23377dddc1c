"""Four desks registering clients at once with the code left blank, as the GUI offers:
every client gets its own code, on SQLite and on PostgreSQL, and nobody sees an error."""

from __future__ import annotations

import threading

from sqlalchemy import select

from db.engine import Database
from db.models import Client
from forms import records
from tests.conftest import TODAY

DESKS = 4
CLIENTS_PER_DESK = 15


def _person(desk: int, n: int) -> dict[str, object]:
    return {
        "client_code": "",
        "given_name": f"Desk{desk}",
        "family_name": f"Person{n:03d}",
        "birth_date": "1980-01-01",
    }


def _desk(url: str, actor, desk: int, start: threading.Barrier, failures: list[str]) -> None:
    """One workstation: its own engine, so its own connections to the database."""
    database = Database(url)
    try:
        start.wait()
        for n in range(CLIENTS_PER_DESK):
            try:
                records.create_client(database, actor, _person(desk, n), TODAY)
            except Exception as exc:  # what the person at this desk would be shown
                failures.append(f"{type(exc).__name__}: {exc}")
    finally:
        database.dispose()


def test_four_desks_never_collide_on_automatic_codes(any_database, front_desk) -> None:
    start = threading.Barrier(DESKS)
    failures: list[str] = []
    url = any_database.engine.url.render_as_string(hide_password=False)
    desks = [
        threading.Thread(target=_desk, args=(url, front_desk, d, start, failures))
        for d in range(DESKS)
    ]
    for thread in desks:
        thread.start()
    for thread in desks:
        thread.join()

    assert failures == []
    with any_database.reading() as session:
        codes = session.scalars(select(Client.client_code)).all()
    assert len(codes) == DESKS * CLIENTS_PER_DESK
    assert len(set(codes)) == len(codes)
    # The agency's prefix (C-) and six digits, numbered from 1 with no code handed out twice.
    assert sorted(codes) == [f"C-{n:06d}" for n in range(1, DESKS * CLIENTS_PER_DESK + 1)]


def _code_of(database: Database, client_id: int) -> str:
    with database.reading() as session:
        return session.scalars(select(Client.client_code).where(Client.id == client_id)).one()


def _register(database: Database, actor, code: str, n: int) -> str:
    person = {**_person(0, n), "client_code": code}
    return _code_of(database, records.create_client(database, actor, person, TODAY))


def test_automatic_codes_start_after_the_highest_code_typed_before(any_database, front_desk):
    _register(any_database, front_desk, "C-000041", 1)  # typed by hand, before any blank one
    _register(any_database, front_desk, "C-7", 2)
    assert _register(any_database, front_desk, "", 3) == "C-000042"


def test_automatic_codes_pass_over_a_code_typed_after_the_counter_started(
    any_database, front_desk
) -> None:
    assert _register(any_database, front_desk, "", 1) == "C-000001"
    _register(any_database, front_desk, "C-000002", 2)
    _register(any_database, front_desk, "C-000005", 3)
    assert _register(any_database, front_desk, "", 4) == "C-000006"
    assert _register(any_database, front_desk, "", 5) == "C-000007"
