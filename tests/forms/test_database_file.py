"""The whole-database door desktop/ goes through: the name the status bar shows, and
whether a file already holds data (a demo is built only into an empty one)."""

from __future__ import annotations

from pathlib import Path

from db.engine import Database
from forms import records
from forms.database_file import database_name, holds_data
from tests.accounts import signed_in
from tests.conftest import TODAY


def test_a_sqlite_database_is_named_by_its_file(database: Database, tmp_path: Path) -> None:
    assert database_name(database) == str(tmp_path / "test.sqlite3")


def test_a_server_is_named_without_its_password(database: Database, monkeypatch) -> None:
    from sqlalchemy.engine import make_url

    url = make_url("postgresql+psycopg://desk:s3cret@db.example:5432/agency")
    monkeypatch.setattr(database.engine, "url", url)
    assert database_name(database) == "postgresql+psycopg://desk:***@db.example:5432/agency"


def test_an_empty_database_holds_no_data_until_an_account_or_client(database: Database) -> None:
    assert not holds_data(database)
    admin = signed_in(database, "admin")
    assert holds_data(database)
    person = {"given_name": "Ana", "family_name": "Lopez", "birth_date": "1990-02-03"}
    records.create_client(database, admin, person, TODAY)
    assert holds_data(database)
