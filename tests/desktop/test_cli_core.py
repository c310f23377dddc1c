"""The command line as an operator uses it: exit codes, one-line reasons, real effects."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli import main


def run(capsys, *argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for --help, --version and usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def add_user(
    capsys,
    monkeypatch,
    db: str,
    username: str,
    name: str,
    role: str | None = None,
    password: str = "long-enough-password",
) -> tuple[int, str, str]:
    """`recovery-desk user add`, the password typed as one line of standard input."""
    role_args = ("--role", role) if role else ()
    return run(
        capsys,
        "user",
        "add",
        username,
        "--name",
        name,
        *role_args,
        "--db",
        db,
        stdin=password + "\n",
        monkeypatch=monkeypatch,
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
    assert code == 2 and "at least 10 characters" in err
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
    code, out, _ = run(capsys, "backup", "--db", db, "--out", str(tmp_path / "b.sqlite3"))
    assert code == 0 and "Backed up" in out
    add_user(capsys, monkeypatch, db, "bob", "Bob", role="front_desk")
    code, out, _ = run(capsys, "restore", str(tmp_path / "b.sqlite3"), "--yes", "--db", db)
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
