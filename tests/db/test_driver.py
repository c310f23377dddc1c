"""Prepared statements (db/driver.py) store and read back what SQLAlchemy would."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import bindparam, event, insert, literal_column, select, update
from sqlalchemy.exc import IntegrityError

from db import histories
from db.driver import Prepared
from db.models import Client, Episode, Event

D = dt.date
NOW = dt.datetime(2026, 11, 27, 9, 30, 15, 123456, tzinfo=dt.UTC)
_CLIENT = Prepared(
    insert(Client).returning(Client.id),
    [
        "client_code",
        "given_name",
        "family_name",
        "given_search",
        "family_search",
        "birth_date",
        "consent_contact",
        "consent_share",
        "created_at",
        "updated_at",
        "version",
    ],
)
_EPISODE = Prepared(insert(Episode), ["client_id", "opened_on", "closed_on", "reentry"])
_EPISODES = Prepared(
    select(Episode.opened_on, Episode.closed_on, Episode.reentry)
    .where(Episode.client_id == bindparam("client_id"))
    .order_by(Episode.opened_on)
)


def _client(conn, code: str) -> int:
    values = {
        "client_code": code,
        "given_name": "Ann",
        "family_name": "Day",
        "given_search": "ann",
        "family_search": "day",
        "birth_date": D(1980, 2, 29),
        "consent_contact": True,
        "consent_share": False,
        "created_at": NOW,
        "updated_at": NOW,
        "version": 1,
    }
    ((client_id,),) = _CLIENT.rows(conn, values)
    return client_id


def test_dates_booleans_and_nulls_round_trip(any_database) -> None:
    with any_database.writing() as s:
        conn = s.connection()
        cid = _client(conn, "C-1")
        _EPISODE.execute_many(
            conn,
            [
                {
                    "client_id": cid,
                    "opened_on": D(2024, 1, 10),
                    "closed_on": None,
                    "reentry": False,
                },
                {
                    "client_id": cid,
                    "opened_on": D(2023, 3, 1),
                    "closed_on": D(2023, 9, 30),
                    "reentry": True,
                },
            ],
        )
    with any_database.reading() as s:
        got = _EPISODES.rows(s.connection(), {"client_id": cid})
        client = s.get(Client, cid)
        assert client is not None
        assert (client.client_code, client.birth_date, client.consent_contact) == (
            "C-1",
            D(1980, 2, 29),
            True,
        )
        assert client.created_at.replace(tzinfo=dt.UTC) == NOW  # SQLite hands it back naive
    assert got == [(D(2023, 3, 1), D(2023, 9, 30), True), (D(2024, 1, 10), None, False)]


def test_a_constraint_broken_is_sqlalchemys_integrity_error(any_database) -> None:
    with pytest.raises(IntegrityError), any_database.writing() as s:
        conn = s.connection()
        _client(conn, "C-1")
        _client(conn, "C-1")  # client codes are unique
    with any_database.reading() as s:
        assert s.scalars(select(Client.id)).all() == []  # the first insert went with it


def test_a_statement_whose_values_the_caller_would_leave_out_is_refused(any_database) -> None:
    # Episode.reentry has a Python-side default, which only SQLAlchemy's execution fills in.
    partial = Prepared(insert(Episode), ["client_id", "opened_on"])
    with pytest.raises(ValueError, match="every column"), any_database.writing() as s:
        partial.execute(s.connection(), {"client_id": 1, "opened_on": D(2024, 1, 1)})


def test_one_clients_history_reads_as_the_chunked_read_does(any_database) -> None:
    """The save's rebuild reads one client through the driver; reports read many through
    SQLAlchemy. The same client read both ways gives the same rows."""
    with any_database.writing() as s:
        conn = s.connection()
        first, second = _client(conn, "C-1"), _client(conn, "C-2")
        for cid in (first, second):
            s.execute(
                insert(Event),
                [
                    {"client_id": cid, "occurred_on": D(2025, 5, 1), "event": "arrest"},
                    {"client_id": cid, "occurred_on": D(2024, 2, 29), "event": "overdose_nonfatal"},
                ],
            )
    with any_database.reading() as s:
        (alone,) = histories.history_rows(s, [second])
        (both,) = histories.history_rows(s, [first, second])
    assert [tuple(r) for r in alone.clients] == [tuple(both.clients[1])]
    assert alone.clients[0][:3] == (second, "C-2", D(1980, 2, 29))
    assert [tuple(r) for r in alone.events] == [
        (second, D(2024, 2, 29), "overdose_nonfatal", 1),
        (second, D(2025, 5, 1), "arrest", 1),
    ]


def test_the_engines_listeners_see_a_prepared_statement_and_how_many_rows_it_changed(
    any_database,
) -> None:
    """A query-plan test or a statement counter watches the engine; a prepared statement
    must not slip past it, and an UPDATE says how many rows it changed (a correction's
    check that nobody changed the record meanwhile)."""
    seen: list[tuple[str, object, bool]] = []

    def watch(_conn, _cursor, statement, parameters, _context, many) -> None:
        seen.append((statement, parameters, many))

    close = Prepared(
        update(Episode)
        .where(Episode.client_id == bindparam("cid"))
        .values(closed_on=bindparam("day"))
    )
    event.listen(any_database.engine, "before_cursor_execute", watch)
    try:
        with any_database.writing() as s:
            conn = s.connection()
            cid = _client(conn, "C-1")
            rows = [
                {"client_id": cid, "opened_on": D(2024, 1, 10), "closed_on": None, "reentry": False}
            ]
            _EPISODE.execute_many(conn, rows)
            assert close.count(conn, {"cid": cid, "day": D(2024, 6, 1)}) == 1
            assert close.count(conn, {"cid": cid + 1, "day": D(2024, 6, 1)}) == 0
    finally:
        event.remove(any_database.engine, "before_cursor_execute", watch)
    statements = [s.split()[0:3] for s, _, _ in seen]
    assert ["INSERT", "INTO", "clients"] in statements
    assert ["INSERT", "INTO", "episodes"] in statements
    assert [s for s, _, many in seen if s.startswith("INSERT INTO episodes") and many]
    assert sum(1 for s in statements if s[:2] == ["UPDATE", "episodes"]) == 2


def test_a_statement_of_many_binds_reads_what_sqlalchemy_reads(any_database) -> None:
    """Over psycopg's cache of 50, a statement's placeholders are numbered once by the
    driver module (psycopg would parse them at every execution): the same rows, a bind
    used twice and a literal % included, and the listeners still told SQLAlchemy's text."""
    slots = [bindparam(f"id_{k}") for k in range(80)]
    many = (
        select(Client.client_code)
        .where(
            Client.id.in_(slots),
            # A literal %, which psycopg's style writes as %%: the numbering must undo it.
            Client.family_search.op("||")(literal_column("'%'")) == bindparam("day_percent"),
            (Client.id == bindparam("id_0")) | (Client.id > bindparam("id_0")),
        )
        .order_by(Client.id)
    )
    seen: list[str] = []

    def watch(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    with any_database.writing() as s:
        conn = s.connection()
        ids = [_client(conn, f"M-{k}") for k in range(5)]
        values = {"day_percent": "day%", **{f"id_{k}": ids[min(k, 3)] for k in range(80)}}
        expected = list(conn.execute(many, values).scalars())
        event.listen(any_database.engine, "before_cursor_execute", watch)
        try:
            prepared = Prepared(many)
            got = [code for (code,) in prepared.rows(conn, values)]
        finally:
            event.remove(any_database.engine, "before_cursor_execute", watch)
    assert expected == got == ["M-0", "M-1", "M-2", "M-3"]
    assert seen and "$1" not in seen[0]
    numbered = any_database.engine.dialect.driver == "psycopg"
    assert (prepared._for(conn).raw is not None) == numbered


def test_a_write_of_many_binds_sent_for_many_rows_changes_each(any_database) -> None:
    """execute_many of a statement over psycopg's cache of 50 binds (numbered once, as
    a read of many binds is): every row of values is written."""
    slots = [bindparam(f"id_{k}") for k in range(60)]
    close = Prepared(
        update(Episode).where(Episode.client_id.in_(slots)).values(closed_on=bindparam("day"))
    )
    with any_database.writing() as s:
        conn = s.connection()
        first, second = _client(conn, "W-1"), _client(conn, "W-2")
        opened = {"opened_on": D(2024, 1, 10), "closed_on": None, "reentry": False}
        _EPISODE.execute_many(conn, [{"client_id": c, **opened} for c in (first, second)])
        close.execute_many(
            conn,
            [
                {"day": D(2024, 6, 1), **{f"id_{k}": first for k in range(60)}},
                {"day": D(2024, 7, 1), **{f"id_{k}": second for k in range(60)}},
            ],
        )
        closed = [_EPISODES.rows(conn, {"client_id": c})[0][1] for c in (first, second)]
    assert closed == [D(2024, 6, 1), D(2024, 7, 1)]
