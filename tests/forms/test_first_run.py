"""The first-run setup, called as the wizard calls it: each step checked, then all written."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from db import settings as agency_settings
from db import users
from db.cipher import WrongPassphraseError, looks_encrypted
from db.engine import Database
from db.location import resolve_database_url
from db.models import AuditEntry, Client, Setting
from db.startup import DatabaseUnusableError, open_database
from forms import accounts, practice
from forms.first_run import SERVER, FirstRunSetup, complete_first_run
from forms.passwords import AccountError
from forms.validation import ValidationFailed
from tests.conftest import new_server_database

PASSWORD = "a long first-run password 7"
SETUP = FirstRunSetup(
    agency_name="  Harbor   Recovery Services ",
    state="oregon",
    username="maria",
    display_name="Maria Lopez",
    password=PASSWORD,
    password_again=PASSWORD,
)


@pytest.fixture(autouse=True)
def _own_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The remembered location and the practice file go to the person's folders: the test's.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("RECOVERY_DESK_DB", raising=False)


def _written(database: Database) -> tuple[int, int]:
    with database.reading() as session:
        return users.count(session), len(session.scalars(select(Setting)).all())


def test_the_agency_and_its_administrator_are_set_up_together(
    any_database: Database, today: dt.date
) -> None:
    done = complete_first_run(any_database, today, SETUP)
    assert done.database is any_database and done.practice is None
    assert done.signed_in.actor.role == "admin" and done.signed_in.display_name == "Maria Lopez"
    with any_database.reading() as session:
        stored = agency_settings.load(session)
        (user,) = session.scalars(select(users.User)).all()
        kinds = session.execute(select(AuditEntry.entity, AuditEntry.user_id)).all()
    assert stored.agency_name == "Harbor Recovery Services"
    assert stored.state == "OR"
    assert (user.username, user.role) == ("maria", "admin")
    assert ("settings", user.id) in kinds and ("user", user.id) in kinds
    again = accounts.sign_in(any_database, "maria", PASSWORD)
    assert again.actor.user_id == user.id


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"agency_name": "   "}, "agency_name", "Agency name"),
        ({"state": "Atlantis"}, "state", "US state"),
        ({"state": "Portland, OR"}, "state", "US state"),
        ({"location": SERVER, "server_url": ""}, "server_url", "Server"),
        ({"location": SERVER, "server_url": "mysql://x@y/z"}, "server_url", "cannot use it"),
        ({"encrypt": True, "passphrase": "short"}, "passphrase", "at least 15"),
        (
            {"encrypt": True, "passphrase": "p" * 20, "passphrase_again": "q" * 20},
            "passphrase_again",
            "differ",
        ),
        ({"backup_folder": "/no/such/folder/here"}, "backup_folder", "/no/such/folder/here"),
        ({"username": ""}, "username", ""),
    ],
)
def test_a_refused_step_names_its_field_and_writes_nothing(
    database: Database, today: dt.date, change: dict[str, object], field: str, words: str
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        complete_first_run(database, today, replace(SETUP, **change))  # type: ignore[arg-type]
    assert list(refused.value.errors) == [field]
    assert words in refused.value.errors[field]
    assert _written(database) == (0, 0)


def test_a_weak_or_mistyped_administrator_password_writes_nothing(
    database: Database, today: dt.date
) -> None:
    for password, again, field in (
        ("short", "short", "password"),
        (PASSWORD, "other", "password_again"),
    ):
        with pytest.raises(AccountError) as refused:
            complete_first_run(
                database, today, replace(SETUP, password=password, password_again=again)
            )
        assert refused.value.field == field
    assert _written(database) == (0, 0)


def test_a_database_with_an_administrator_is_not_set_up_again(
    database: Database, today: dt.date
) -> None:
    complete_first_run(database, today, SETUP)
    with pytest.raises(ValidationFailed) as refused:
        complete_first_run(database, today, replace(SETUP, username="intruder"))
    assert "already has an administrator" in refused.value.errors["username"]
    assert _written(database)[0] == 1


def test_an_unreachable_server_is_named_and_nothing_is_written(
    database: Database, today: dt.date
) -> None:
    url = "postgresql+psycopg://nobody@127.0.0.1:1/agency"
    with pytest.raises(ValidationFailed) as refused:
        complete_first_run(database, today, replace(SETUP, location=SERVER, server_url=url))
    assert "refused" in refused.value.errors["server_url"].lower()
    assert _written(database) == (0, 0)


def test_encryption_at_rest_encrypts_the_new_file(tmp_path: Path, today: dt.date) -> None:
    path = tmp_path / "agency.sqlite3"
    secret = "a passphrase of twenty"
    chosen = replace(SETUP, encrypt=True, passphrase=secret, passphrase_again=secret)
    done = complete_first_run(open_database(str(path)), today, chosen)
    done.database.dispose()
    assert looks_encrypted(path)
    with pytest.raises((WrongPassphraseError, DatabaseUnusableError)):
        open_database(str(path)).dispose()
    reopened = open_database(str(path), passphrase=lambda _path: secret)
    try:
        assert accounts.sign_in(reopened, "maria", PASSWORD).actor.role == "admin"
    finally:
        reopened.dispose()


def test_a_practice_agency_is_made_beside_and_marked_as_practice(
    database: Database, today: dt.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(practice, "PRACTICE_CLIENTS", 12)
    done = complete_first_run(database, today, replace(SETUP, practice=True))
    assert done.practice is not None
    assert done.practice.parent == Path(os.environ["XDG_DATA_HOME"]) / "recovery-desk"
    made = open_database(str(done.practice))
    try:
        with made.reading() as session:
            assert agency_settings.load(session).agency_name.startswith("PRACTICE")
            assert len(session.scalars(select(Client.id)).all()) == 12
        signed = accounts.sign_in(made, "frontdesk", practice.DEMO_PASSWORD)
        assert signed.actor.role == "front_desk"
    finally:
        made.dispose()
    with database.reading() as session:  # the agency's own database has no made-up client
        assert session.scalars(select(Client.id)).all() == []


@pytest.fixture
def empty_server_database() -> Iterator[str]:
    with new_server_database("rd_first") as url:
        yield url


@pytest.mark.postgres
def test_the_agency_server_is_set_up_and_remembered_for_the_next_start(
    database: Database, today: dt.date, empty_server_database: str, tmp_path: Path
) -> None:
    chosen = replace(SETUP, location=SERVER, server_url=empty_server_database)
    done = complete_first_run(database, today, chosen)
    try:
        assert done.database.url.startswith("postgresql")
        with done.database.reading() as session:
            assert agency_settings.load(session).state == "OR"
        assert accounts.sign_in(done.database, "maria", PASSWORD).actor.role == "admin"
    finally:
        done.database.dispose()
    assert resolve_database_url(None) == empty_server_database
    assert resolve_database_url(str(Path("other.sqlite3"))).startswith("sqlite")  # --db wins
    local = open_database(str(Path(database.url.split(":///", 1)[1])))
    try:
        assert _written(local) == (0, 0)
    finally:
        local.dispose()
    # A second workstation finds it set up and is told to sign in instead.
    second = open_database(str(tmp_path / "second.sqlite3"))
    try:
        with pytest.raises(ValidationFailed) as refused:
            complete_first_run(second, today, chosen)
    finally:
        second.dispose()
    assert "already has 1 accounts" in refused.value.errors["server_url"]


def test_the_state_chosen_at_first_run_is_in_every_de_identified_row(
    tmp_path: Path, today: dt.date
) -> None:
    """The state the setup asks for is what a funder's de-identified rows carry (before the
    setup asked, every row's state was empty)."""
    from openpyxl import load_workbook

    from db.demo import build_demo
    from reports.outputs.funder import funder_workbook

    database = open_database(str(tmp_path / "agency.sqlite3"))
    done = complete_first_run(database, today, replace(SETUP, state="Texas"))
    build_demo(database, 25, 4, today=today)
    target = tmp_path / "funder.xlsx"
    start = today.replace(year=today.year - 1)
    result = funder_workbook(database, done.signed_in.actor, start, today, target, rows=True)
    rows = list(load_workbook(target)["Clients"].iter_rows(values_only=True))
    states = [dict(zip(rows[0], row, strict=True))["state"] for row in rows[1:]]
    assert result.client_rows == len(states) > 0
    assert set(states) == {"TX"}
    database.dispose()
