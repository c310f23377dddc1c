"""client erase: an administrator deletes a whole client, where the law requires it.

The person signs in (desktop/commands/signin.py), then types the client's code a second
time (from the terminal, or the next line of standard input) unless --yes is given; the
erasure itself is forms.corrections.erase_client, which checks the role, the reason and
the code again, and writes the audit row (code and reason, never the name).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from desktop.cli import CommandError, command_group
from desktop.commands import signin


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = command_group(subparsers, "client", "act on one client")
    erase = group.add_parser(
        "erase",
        parents=[common, signin.options()],
        help="delete a whole client where the law requires it (administrators)",
        description="Delete a client and everything recorded about them (assessments, "
        "episodes, events, contact attempts, consents, disclosures); their encounters stay "
        "as anonymous ones. Administrators only (--user). Asks for the client's code to be "
        "typed again, from the terminal or the line of standard input after the password, "
        "unless --yes. The erasure's audit row keeps the code, the reason and how many "
        "records went, never the name; earlier audit rows keep what they recorded. This "
        "cannot be undone except by restoring a backup.",
    )
    erase.add_argument("code", metavar="CODE", help="the client's code")
    erase.add_argument(
        "--reason", required=True, help="the legal ground for the erasure (kept in the audit)"
    )
    erase.add_argument(
        "--yes", action="store_true", help="do not ask for the code to be typed again"
    )
    erase.set_defaults(handler=run_erase)


def run_erase(args: argparse.Namespace) -> int:
    from desktop.passphrase import for_command
    from forms import corrections
    from forms.database_file import open_database

    if not args.reason.strip():
        raise CommandError("--reason: give the legal ground for the erasure; nothing was erased")
    database = open_database(args.db, passphrase=for_command)
    try:
        actor = signin.sign_in(args, database)
        typed = args.code if args.yes else _typed_again(args.code)
        counts = corrections.erase_client(
            database, actor, dt.date.today(), args.code, args.reason, typed
        )
    finally:
        database.dispose()
    went = ", ".join(f"{n} {what.replace('_', ' ')}" for what, n in counts.items() if n)
    print(f"Erased client {args.code.strip()}: {went}.")
    print("Its audit row keeps the code and the reason, not the name.")
    return 0


def _typed_again(code: str) -> str:
    prompt = (
        f"This deletes client {code.strip()} and everything recorded about them. "
        "Type the code again to erase: "
    )
    if sys.stdin.isatty():
        return input(prompt)
    line = sys.stdin.readline()
    if not line:
        raise CommandError("the code typed again: nothing on standard input; nothing was erased")
    return line.rstrip("\r\n")
