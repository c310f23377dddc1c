"""`recovery-desk client erase CODE --reason TEXT`: an administrator deletes a whole client,
typing the code a second time; the audit keeps code and reason, never the name; anyone
else, a wrong code or no reason erases nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import AuditEntry, Client, Event
from db.startup import open_database
from forms import records
from tests.accounts import signed_in
from tests.conftest import TODAY
from tests.desktop.cli_helpers import database_with_accounts, run_as

PERSON = {
    "client_code": "C-7",
    "given_name": "Aoife",
    "family_name": "Lewis",
    "birth_date": "1990-03-04",
}


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    path = database_with_accounts(tmp_path / "agency.sqlite3", "manager")
    database = open_database(path)
    admin = signed_in(database, "admin")
    cid = records.create_client(database, admin, PERSON, TODAY)
    event = {"occurred_on": "2026-10-05", "event": "arrest"}
    records.add_event(database, admin, cid, event, TODAY)
    database.dispose()
    return path


def stored(path: str) -> tuple[int, int, list[AuditEntry]]:
    database = open_database(path)
    try:
        with database.reading() as s:
            erased = s.scalars(select(AuditEntry).where(AuditEntry.action == "delete")).all()
            for row in erased:
                s.expunge(row)
            return (
                s.scalar(select(func.count(Client.id))),
                s.scalar(select(func.count(Event.id))),
                list(erased),
            )
    finally:
        database.dispose()


def erase(capsys, role: str, path: str, *extra: str, typed: str = "C-7\n"):
    argv = ("client", "erase", "C-7", "--reason", "court order 12/2026", "--db", path, *extra)
    return run_as(capsys, role, *argv, stdin=typed)


def test_an_administrator_erases_a_client_typing_the_code_again(capsys, db_path) -> None:
    code, out, err = erase(capsys, "admin", db_path)
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "Erased client C-7: 1 events, 1 clients."
    clients, events, audit = stored(db_path)
    assert (clients, events) == (0, 0)
    [row] = audit
    kept = json.loads(row.after)
    assert (kept["client_code"], kept["reason"]) == ("C-7", "court order 12/2026")
    assert "Aoife" not in row.after and "Lewis" not in row.after


def test_a_code_typed_differently_erases_nothing(capsys, db_path) -> None:
    code, out, err = erase(capsys, "admin", db_path, typed="C-1\n")
    assert (code, out) == (2, "")
    assert err.strip() == (
        "recovery-desk: error: The code typed again (C-1) is not C-7; nothing was erased"
    )
    assert stored(db_path)[:2] == (1, 1)


def test_yes_skips_the_question(capsys, db_path) -> None:
    code, out, _err = erase(capsys, "admin", db_path, "--yes", typed="")
    assert code == 0 and "This deletes" not in out
    assert stored(db_path)[:2] == (0, 0)


def test_a_manager_is_refused_below_the_screen(capsys, db_path) -> None:
    code, _out, err = erase(capsys, "manager", db_path, "--yes", typed="")
    assert code == 3
    assert "may not erase a client" in err
    assert stored(db_path) == (1, 1, [])


def test_an_empty_reason_is_refused_before_the_sign_in(capsys, db_path) -> None:
    argv = ("client", "erase", "C-7", "--reason", " ", "--db", db_path, "--yes")
    code, _out, err = run_as(capsys, "admin", *argv)
    assert code == 2
    assert err.strip().endswith(
        "--reason: give the legal ground for the erasure; nothing was erased"
    )
    assert stored(db_path)[:2] == (1, 1)
