"""Signing in on the command line: every command that reads or writes client data does.

The user name comes from --user or RECOVERY_DESK_USER, the password from the
terminal (not echoed) or, when standard input is not a terminal, from its
next line. The actor the command then works as comes from that sign-in only,
so the command is held to the person's role and its audit rows name them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
import time
from collections.abc import Callable

from desktop.cli import CommandError, SignInFailed
from forms import accounts
from forms.vocabulary import Actor, Database, utc_now

USER_VARIABLE = "RECOVERY_DESK_USER"
# The time, and waiting out the delay after failed sign-ins: the tests put their own here.
CLOCK: Callable[[], dt.datetime] = utc_now
SLEEP: Callable[[float], None] = time.sleep


def options() -> argparse.ArgumentParser:
    """The --user option of the commands that sign in."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=None,
        help=f"sign in as NAME (default: the {USER_VARIABLE} environment variable); the "
        "password is read from the terminal or from one line of standard input (for an "
        "encrypted file, the line after the passphrase's)",
    )
    return parser


def read_password(prompt: str, twice: bool = False) -> str:
    """From the terminal without echo (asked twice for a new one), or one line of stdin."""
    if sys.stdin.isatty():
        password = getpass.getpass(prompt)
        if twice and getpass.getpass("Again: ") != password:
            raise ValueError("the two passwords differ")
        return password
    line = sys.stdin.readline()
    if not line:
        raise CommandError(f"{prompt.rstrip(': ')}: nothing on standard input")
    return line.rstrip("\r\n")


def username(args: argparse.Namespace) -> str:
    name = (getattr(args, "user", None) or os.environ.get(USER_VARIABLE, "")).strip()
    if not name:
        raise CommandError(
            f"this command needs a sign-in: give your user name with --user NAME or "
            f"{USER_VARIABLE}; nothing was done"
        )
    return name


def sign_in(args: argparse.Namespace, database: Database) -> Actor:
    """The signed-in actor for this run, or SignInFailed (one line; nothing was done)."""
    return signed_in(args, database).actor


def signed_in(args: argparse.Namespace, database: Database) -> accounts.SignedIn:
    """Who signed in for this run, with their account's settings (its language), or
    SignInFailed (one line; nothing was done)."""
    name = username(args)
    if accounts.needs_first_admin(database):
        raise CommandError(
            "this database has no accounts yet: add the first administrator with "
            "'recovery-desk user add NAME --name \"Full Name\"'; nothing was done"
        )
    password = read_password(f"Password for {name}: ")
    try:
        attempt = accounts.Attempt(clock=CLOCK, sleep=SLEEP)
        return accounts.sign_in(database, name, password, attempt)
    except accounts.SignInRefused as exc:
        raise SignInFailed(f"{str(exc).rstrip('.')}; nothing was done") from None
