"""Running `recovery-desk` in the test's process, signed in as a person would be."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from db.startup import open_database
from desktop.cli import main
from tests.accounts import PASSWORD, USERNAMES, signed_in


def run(
    capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None
) -> tuple[int, str, str]:
    """Exit status, standard output and standard error; `stdin` is what is typed."""
    typed = sys.stdin
    sys.stdin = io.StringIO(stdin or "")
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse exits for --help, --version and usage errors
        code = int(exc.code or 0)
    finally:
        sys.stdin = typed
    out, err = capsys.readouterr()
    return code, out, err


def run_as(
    capsys: pytest.CaptureFixture[str],
    role: str,
    *argv: str,
    password: str = PASSWORD,
    stdin: str = "",
    before: str = "",
) -> tuple[int, str, str]:
    """The command signed in with --user as the test account of `role`, its password on a
    line of standard input: after the lines `before` (a passphrase, which every command
    reads ahead of the password) and before the lines `stdin` (user add's new password)."""
    typed = f"{before}{password}\n{stdin}"
    return run(capsys, *argv, "--user", USERNAMES[role], stdin=typed)


def database_with_accounts(path: Path, *roles: str) -> str:
    """A new database file with the test accounts of `roles` (an administrator always)."""
    database = open_database(str(path))
    for role in ("admin", *roles):
        signed_in(database, role)
    database.dispose()
    return str(path)
