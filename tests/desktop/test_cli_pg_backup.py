"""`recovery-desk backup` and `restore` on PostgreSQL: a pg_dump file loaded with pg_restore
into an empty database on the test server, or the exact command when the tools are missing."""

from __future__ import annotations

import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from db.engine import Database
from db.models import Client
from db.startup import open_database
from forms import records
from tests.accounts import signed_in
from tests.conftest import TODAY, _postgres_database, new_server_database
from tests.db.test_audit_chain import PERSON, assert_chained, trail
from tests.desktop.cli_helpers import run, run_as

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg() -> Iterator[Database]:
    yield from _postgres_database()


@pytest.fixture
def empty_url() -> Iterator[str]:
    """A new, empty database on the test server."""
    with new_server_database("rd_restore") as url:
        yield url


def _agency(pg: Database) -> None:
    admin = signed_in(pg, "admin")
    records.create_client(pg, admin, {**PERSON, "client_code": "B-1"}, TODAY)
    records.create_client(pg, admin, {**PERSON, "client_code": "B-2", "given_name": "Cy"}, TODAY)


def _clients(url: str) -> dict[str, str]:
    database = open_database(url)
    try:
        with database.reading() as session:
            return dict(session.execute(select(Client.client_code, Client.given_name)).all())
    finally:
        database.dispose()


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_a_backup_restored_into_an_empty_database_holds_the_agency(
    pg: Database, empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _agency(pg)
    dump = tmp_path / "agency.dump"

    code, out, err = run_as(capsys, "admin", "backup", "--db", pg.url, "--out", str(dump))
    assert (code, err) == (0, "")
    assert f"Backed up to {dump}" in out
    assert dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert stat.S_IMODE(dump.stat().st_mode) == 0o600

    code, out, err = run(capsys, "restore", "--db", empty_url, str(dump), "--yes")
    assert (code, err) == (0, "")
    assert _clients(empty_url) == {"B-1": "Ada", "B-2": "Cy"}
    restored = open_database(empty_url)
    try:
        assert_chained(trail(restored))  # the audit trail came whole, in order
        assert len(trail(restored)) == len(trail(pg))
        with restored.engine.connect() as conn:  # the planner knows what was loaded
            analysed = conn.exec_driver_sql(
                "SELECT count(*) FROM pg_stats WHERE tablename = 'clients'"
            ).scalar()
        assert analysed
    finally:
        restored.dispose()

    # A second restore would mix two agencies: refused, nothing changed.
    code, _, err = run(capsys, "restore", "--db", empty_url, str(dump), "--yes")
    assert code == 1
    assert "restore loads into an empty database" in err
    assert _clients(empty_url) == {"B-1": "Ada", "B-2": "Cy"}


@pytest.mark.skipif(shutil.which("pg_restore") is None, reason="pg_restore is not installed")
def test_a_file_that_is_no_backup_changes_nothing(
    empty_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "notes.dump"
    bogus.write_text("shopping list\n")
    code, _, err = run(capsys, "restore", "--db", empty_url, str(bogus), "--yes")
    assert code == 1
    assert f"{bogus} is not a usable backup" in err
    engine = create_engine(empty_url)
    with engine.connect() as conn:
        tables = conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
        assert tables.scalar() == 0
    engine.dispose()


def test_without_pg_dump_the_exact_command_is_given(
    pg: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    signed_in(pg, "admin")
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    dump = tmp_path / "agency.dump"
    code, _, err = run_as(capsys, "admin", "backup", "--db", pg.url, "--out", str(dump))
    assert code == 1
    database = make_url(pg.url).database
    assert "pg_dump is not installed here (package postgresql-client)" in err
    assert f"pg_dump --format=custom --file={dump} --dbname=postgresql://" in err
    assert f"/{database}" in err
    assert not dump.exists() and not Path(f"{dump}.partial").exists()


def test_a_server_backup_needs_a_file_name(
    pg: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    signed_in(pg, "admin")
    code, _, err = run_as(capsys, "admin", "backup", "--db", pg.url)
    assert code == 2  # bad input on the command line
    assert "--out: a backup of a PostgreSQL database needs a file name" in err
