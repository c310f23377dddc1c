"""The command line as an operator uses it: exit codes, one-line reasons, real effects."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop import __version__
from tests.desktop.cli_helpers import run

ANN_PASSWORD = "long-enough-password"


def add_user(
    capsys,
    monkeypatch,
    db: str,
    username: str,
    name: str,
    role: str | None = None,
    password: str = ANN_PASSWORD,
    signed_in_as: str | None = None,
) -> tuple[int, str, str]:
    """`recovery-desk user add`, the passwords typed as lines of standard input: the signed-in
    administrator's (after the first account), then the new one."""
    role_args = ("--role", role) if role else ()
    sign_in = ("--user", signed_in_as) if signed_in_as else ()
    typed = f"{ANN_PASSWORD}\n{password}\n" if signed_in_as else f"{password}\n"
    return run(
        capsys,
        "user",
        "add",
        username,
        "--name",
        name,
        *role_args,
        *sign_in,
        "--db",
        db,
        stdin=typed,
    )


def test_version_and_help(capsys) -> None:
    assert run(capsys, "--version")[1].strip() == f"recovery-desk {__version__}"
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "demo" in out and "check" in out and "backup" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["demo", "--clients", "0"],
        ["demo", "--clients", "lots"],
        ["demo", "--today", "yesterday"],
        ["frobnicate"],
        ["restore", "/no/such/backup.sqlite3"],
    ],
)
def test_bad_arguments_exit_non_zero_with_one_line(capsys, argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.strip().splitlines()[-1].startswith("recovery-desk")


def test_first_account_must_be_admin_and_short_passwords_are_refused(
    capsys, monkeypatch, tmp_path: Path
) -> None:
    db = str(tmp_path / "a.sqlite3")
    code, _, err = add_user(capsys, monkeypatch, db, "ann", "Ann", role="manager")
    assert code == 2 and "first account must have the role admin" in err
    code, _, err = add_user(capsys, monkeypatch, db, "ann", "Ann", password="short")
    assert code == 2 and "at least 15 characters" in err
    code, out, _ = add_user(capsys, monkeypatch, db, "ann", "Ann")
    assert code == 0 and "Added admin account ann" in out
    from db import users
    from db.startup import open_database

    database = open_database(db)
    with database.writing() as session:
        assert users.verify(session, "ANN", "long-enough-password").role == "admin"
    database.dispose()


def test_check_reports_a_damaged_file_and_fails(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database" * 100)
    code, out, _ = run(capsys, "check", "--db", str(bad))
    assert code == 1 and "PROBLEM" in out and "not a SQLite file" in out
    assert bad.read_bytes() == b"not a database" * 100


def test_backup_and_restore_round_trip(capsys, monkeypatch, tmp_path: Path) -> None:
    db = str(tmp_path / "a.sqlite3")
    add_user(capsys, monkeypatch, db, "ann", "Ann")
    code, out, _ = run(
        capsys,
        "backup",
        "--db",
        db,
        "--out",
        str(tmp_path / "b.sqlite3"),
        "--user",
        "ann",
        stdin=ANN_PASSWORD + "\n",
    )
    assert code == 0 and "Backed up" in out
    code, out, _ = add_user(
        capsys, monkeypatch, db, "bob", "Bob", "front_desk", "bob's own passphrase", "ann"
    )
    assert code == 0 and "Added front desk account bob" in out
    code, out, _ = run(
        capsys,
        "restore",
        str(tmp_path / "b.sqlite3"),
        "--yes",
        "--db",
        db,
        "--user",
        "ann",
        stdin=ANN_PASSWORD + "\n",
    )
    assert code == 0 and "Restored" in out
    code, out, _ = run(capsys, "check", "--db", db)
    assert code == 0 and "integrity check: ok" in out
    from db import users
    from db.startup import open_database

    database = open_database(db)
    with database.reading() as session:
        assert [u.username for u in users.all_users(session)] == ["ann"]
    database.dispose()


def test_a_network_share_is_refused_with_advice(capsys) -> None:
    code, _, err = run(capsys, "check", "--db", "//fileserver/share/agency.sqlite3")
    assert code == 2 and "PostgreSQL" in err


def test_practice_opens_the_practice_agency_in_the_data_folder(
    capsys, monkeypatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    expected = tmp_path / "data" / "recovery-desk" / "practice.sqlite3"
    code, out, _ = run(capsys, "--practice", "check")
    assert code == 1 and f"no database at {expected}" in out
    expected.parent.mkdir(parents=True)
    from forms.practice import make_practice_agency

    monkeypatch.setattr("forms.practice.PRACTICE_CLIENTS", 5)
    assert make_practice_agency(expected, dt.date(2026, 11, 27))
    code, out, _ = run(capsys, "--practice", "check")
    assert code == 0 and f"file {expected} opens" in out


@pytest.mark.parametrize("bad_name", ["   ", "n" * 61])
def test_user_add_applies_the_screens_user_name_rules(
    capsys, monkeypatch, tmp_path: Path, bad_name: str
) -> None:
    """The command line checks the user fields as the accounts screen does: a bad user
    name is refused with a line naming the field, and no account is written."""
    db = str(tmp_path / "a.sqlite3")
    code, _, err = add_user(capsys, monkeypatch, db, bad_name, "Ann")
    assert code == 2 and "User name" in err and len(err.strip().splitlines()) == 1
    assert add_user(capsys, monkeypatch, db, "ann", "Ann")[0] == 0
    code, _, err = add_user(
        capsys, monkeypatch, db, bad_name, "Bo", "front_desk", signed_in_as="ann"
    )
    assert code == 2 and "User name" in err and len(err.strip().splitlines()) == 1
    from db import users
    from db.startup import open_database

    database = open_database(db)
    with database.reading() as session:
        assert [u.username for u in users.all_users(session)] == ["ann"]
    database.dispose()


def test_check_rebuild_status_counts_clients_whose_stored_status_differs(
    capsys, tmp_path: Path
) -> None:
    from sqlalchemy import select, update

    from db.demo import build_demo
    from db.models import Client, StatusAfterAssessment
    from db.startup import open_database

    path = str(tmp_path / "s.sqlite3")
    database = open_database(path)
    build_demo(database, 30, 3, today=dt.date(2026, 11, 27))
    with database.writing() as s:
        ids = s.scalars(select(StatusAfterAssessment.client_id).distinct().limit(2)).all()
        s.execute(
            update(StatusAfterAssessment)
            .where(StatusAfterAssessment.client_id.in_(ids))
            .values(recurrences=StatusAfterAssessment.recurrences + 7)
        )
        names = [c.family_name for c in s.scalars(select(Client).where(Client.id.in_(ids)))]
    database.dispose()
    code, out, _ = run(capsys, "check", "--db", path, "--rebuild-status")
    assert code == 1
    assert "PROBLEM stored status of 2 clients differed from the rules" in out
    assert not any(name in out for name in names)
    code, out, _ = run(capsys, "check", "--db", path, "--rebuild-status")
    assert code == 0 and "stored status of every client equals the rules" in out
    database = open_database(path)
    with database.reading() as s:
        assert max(s.scalars(select(StatusAfterAssessment.recurrences))) < 7
    database.dispose()
