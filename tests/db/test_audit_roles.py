"""On PostgreSQL the application's role may append to the audit trail and read it, never
change it; and no role, not even the tables' owner, may change a row while the trigger
of migration 0005 stands."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from db.engine import Database
from db.pg_roles import grant_app_role
from db.startup import open_database
from forms import records
from tests.accounts import signed_in
from tests.conftest import TODAY, _postgres_database
from tests.db.test_audit_chain import PERSON, assert_chained, trail

pytestmark = pytest.mark.postgres

REFUSED = [
    "UPDATE audit_log SET username = 'someone else'",
    "DELETE FROM audit_log",
    "TRUNCATE audit_log",
]


@pytest.fixture
def pg() -> Iterator[Database]:
    yield from _postgres_database()


@pytest.fixture
def app_role(pg: Database) -> Iterator[str]:
    role = f"rd_app_{uuid.uuid4().hex[:10]}"
    with pg.engine.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        grant_app_role(conn, role)
    yield role
    with pg.engine.begin() as conn:
        conn.execute(text(f'DROP OWNED BY "{role}"'))
    admin = create_engine(pg.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP ROLE "{role}"'))
    admin.dispose()


@pytest.mark.parametrize("statement", REFUSED)
def test_the_application_role_may_append_but_not_change_the_trail(
    pg: Database, app_role: str, statement: str
) -> None:
    url = make_url(pg.url).set(username=app_role).render_as_string(hide_password=False)
    as_app = open_database(url)
    try:
        # The accounts and sign-ins go through the workstations' role too.
        admin = signed_in(as_app, "admin")
        mark = len(trail(as_app))
        records.create_client(as_app, admin, {**PERSON, "client_code": "R-1"}, TODAY)
        records.create_client(as_app, admin, {**PERSON, "client_code": "R-2"}, TODAY)
        assert_chained(trail(as_app))
        with as_app.engine.connect() as conn:
            with pytest.raises(DBAPIError, match="permission denied for table audit_log"):
                conn.execute(text(statement))
            conn.rollback()
            assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar() == mark + 2
    finally:
        as_app.dispose()


@pytest.mark.parametrize("statement", REFUSED)
def test_even_the_owner_is_refused_by_the_trigger(pg: Database, statement: str) -> None:
    admin = signed_in(pg, "admin")
    mark = len(trail(pg))
    records.create_client(pg, admin, {**PERSON, "client_code": "R-1"}, TODAY)
    with pg.engine.connect() as conn:
        with pytest.raises(DBAPIError, match="the audit trail is append-only"):
            conn.execute(text(statement))
        conn.rollback()
    assert len(trail(pg)) == mark + 1


def test_the_role_that_owns_the_tables_is_refused_as_the_application_role(pg: Database) -> None:
    owner = make_url(pg.url).username
    with pg.engine.begin() as conn, pytest.raises(DBAPIError, match="owns audit_log"):
        grant_app_role(conn, owner or "postgres")
