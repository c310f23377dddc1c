"""month close, month reopen, month list: a month's report kept as printed, and let go.

A manager closes a month once it is over: its monthly report prints the same from then
on, and later corrections of its records are listed as revisions in the reports after it.
An administrator may reopen it, with a reason. Each signs in (--user) and is audited.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from desktop.cli import command_group
from desktop.commands import signin

MONTH_HELP = "the month, as YYYY-MM"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = command_group(subparsers, "month", "close or reopen a month's report")
    parents = [common, signin.options()]
    close = group.add_parser(
        "close",
        parents=parents,
        help="close a month: its monthly report prints the same from now on",
        description="Close a month that is over. Its monthly report (with small counts "
        "suppressed, and internal) is kept as it prints today and prints the same from "
        "then on, apart from its generation time; corrections of its records made later are "
        "listed as revisions in the reports of the months after it and in the funder "
        "workbook. Signs in as a manager or administrator (--user).",
    )
    close.add_argument("month", metavar="YYYY-MM", help=MONTH_HELP)
    close.set_defaults(handler=run_close)
    reopen = group.add_parser(
        "reopen",
        parents=parents,
        help="reopen a closed month (administrators, with a reason)",
        description="Reopen a closed month: its monthly report follows the records, "
        "corrections included, again. The reason goes into the audit trail. Signs in as an "
        "administrator (--user).",
    )
    reopen.add_argument("month", metavar="YYYY-MM", help=MONTH_HELP)
    reopen.add_argument("--reason", required=True, help="why the month is reopened")
    reopen.set_defaults(handler=run_reopen)
    listing = group.add_parser(
        "list",
        parents=parents,
        help="list the closed months",
        description="The closed months, when and by whom each was closed. Signs in (--user).",
    )
    listing.set_defaults(handler=run_list)


def _open_and_sign_in(args: argparse.Namespace) -> tuple[Any, Any]:
    from desktop.passphrase import for_command
    from forms.database_file import open_database

    database = open_database(args.db, passphrase=for_command)
    return database, signin.sign_in(args, database)


def run_close(args: argparse.Namespace) -> int:
    from forms import closing
    from reports.outputs.closed_reports import closing_reports

    database, actor = _open_and_sign_in(args)
    closed = closing.close_month(database, actor, dt.date.today(), args.month, closing_reports)
    print(
        f"Closed {closed.month}: its monthly report prints as it does today from now on; "
        "later corrections of its records are listed as revisions."
    )
    return 0


def run_reopen(args: argparse.Namespace) -> int:
    from forms import closing

    database, actor = _open_and_sign_in(args)
    undone = closing.reopen_month(database, actor, dt.date.today(), args.month, args.reason)
    print(
        f"Reopened {undone.month} (closed {undone.closed_at:%Y-%m-%d} by "
        f"{undone.closed_by or 'an account since removed'}): its report follows the records again."
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    from forms import closing

    database, actor = _open_and_sign_in(args)
    found = closing.closed_months(database, actor)
    if not found:
        print("No month is closed.")
    for c in found:
        print(f"{c.month}  closed {c.closed_at:%Y-%m-%d %H:%M} UTC by {c.closed_by or '-'}")
    return 0
