"""installer/postgres-setup.sql and the steps it documents, on the test server: an owner
role runs the migrations, the workstations' role uses the program and may only append
to the audit trail, and may change no table's shape."""

from __future__ import annotations

import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from db.models import Assessment, Client
from db.startup import open_database
from forms import accounts, records
from forms.importer import import_workbook
from tests.accounts import ADMIN, PASSWORD
from tests.conftest import PG_URL, TODAY
from tests.desktop.cli_helpers import run
from tests.forms.exchange_books import client, write_book

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(shutil.which("psql") is None, reason="psql is not installed"),
]

ROOT = Path(__file__).resolve().parents[2]
SETUP = ROOT / "installer" / "postgres-setup.sql"
GRANTS = ROOT / "db" / "postgres_audit_role.sql"
INTAKE = {"assessed_on": "2026-11-02", "kind": "intake", "contact_status": "refused"}


def _psql(url: str, *args: str) -> None:
    """psql as the documented steps run it, connected as `url`'s user."""
    target = make_url(url)
    command = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", str(target.host)]
    command += ["-p", str(target.port or 5432), "-U", str(target.username)]
    command += ["-d", str(target.database), *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


@pytest.fixture
def agency() -> Iterator[tuple[str, str]]:
    """(owner's URL, application role's URL) of a database made by the setup script."""
    assert PG_URL is not None
    tag = uuid.uuid4().hex[:10]
    db, owner, app = f"rd_setup_{tag}", f"rd_owner_{tag}", f"rd_app_{tag}"
    superuser = make_url(PG_URL)
    variables = [f"db={db}", f"owner={owner}", f"app={app}"]
    variables += ["owner_password=owner secret", "app_password=app secret"]
    try:
        _psql(PG_URL, *(a for v in variables for a in ("-v", v)), "-f", str(SETUP))
        yield (
            superuser.set(username=owner, database=db).render_as_string(hide_password=False),
            superuser.set(username=app, database=db).render_as_string(hide_password=False),
        )
    finally:
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{app}"'))
            conn.execute(text(f'DROP ROLE IF EXISTS "{owner}"'))
        admin.dispose()


def _documented_owner_steps(
    owner_url: str, app_role: str, capsys: pytest.CaptureFixture[str]
) -> None:
    new_admin = ("user", "add", ADMIN, "--name", "Ada Admin", "--role", "admin")
    code, _, err = run(capsys, *new_admin, "--db", owner_url, stdin=f"{PASSWORD}\n{PASSWORD}\n")
    assert (code, err) == (0, "")
    _psql(owner_url, "-f", str(GRANTS))
    _psql(owner_url, "-c", f"SELECT recovery_desk_grant_app_role('{app_role}')")


def test_the_program_works_as_the_application_role(
    agency: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    owner_url, app_url = agency
    _documented_owner_steps(owner_url, str(make_url(app_url).username), capsys)

    database = open_database(app_url)
    try:
        admin = accounts.sign_in(database, ADMIN, PASSWORD).actor
        person = {"given_name": "Ada", "family_name": "Byrne", "birth_date": "1980-02-03"}
        new_id = records.create_client(database, admin, person, TODAY)  # a code from the counter
        records.add_assessment(database, admin, new_id, INTAKE, [], TODAY)
        book = write_book(tmp_path / "in.xlsx", {"Clients": [client("IMP-1"), client("IMP-2")]})
        assert import_workbook(database, admin, book, TODAY).ok
        with database.reading() as session:
            assert len(session.scalars(select(Client.id)).all()) == 3
            assert session.scalars(select(Assessment.client_id)).all() == [new_id]
    finally:
        database.dispose()


REFUSED = [
    ("UPDATE audit_log SET username = 'someone else'", "permission denied for table"),
    ("DELETE FROM audit_log", "permission denied for table"),
    ("TRUNCATE audit_log", "permission denied for table"),
    ("CREATE TABLE notes (id integer)", "permission denied for schema public"),
    ("DROP TABLE clients", "must be owner of table clients"),
    ("ALTER TABLE audit_log DISABLE TRIGGER ALL", "must be owner of table audit_log"),
    # A role without the right cannot hand it out (PostgreSQL only warns), even to itself.
    (
        "GRANT UPDATE ON audit_log TO PUBLIC; UPDATE audit_log SET username = 'x'",
        "permission denied for table audit_log",
    ),
]


def test_the_application_role_cannot_change_the_trail_or_the_schema(
    agency: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    owner_url, app_url = agency
    _documented_owner_steps(owner_url, str(make_url(app_url).username), capsys)
    engine = create_engine(app_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT count(*) FROM audit_log")).scalar()
            assert rows  # the first administrator's creation, at least
            for statement, refusal in REFUSED:
                with pytest.raises(DBAPIError, match=refusal):
                    conn.execute(text(statement))
                conn.rollback()
            assert conn.execute(text("SELECT count(*) FROM audit_log")).scalar() == rows
    finally:
        engine.dispose()
