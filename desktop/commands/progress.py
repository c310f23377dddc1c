"""report progress: one client's progress summary PDF, for the client or, under their
consent, for someone else (reports.outputs.progress_summary decides and logs which)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from desktop.cli import command_group
from desktop.commands import signin
from desktop.commands.args import output_file
from forms.account_language import LANGUAGES
from forms.vocabulary import codes

HELP = "one client's progress summary (PDF) to hand to the client"
DESCRIPTION = (
    "Goal, where things stand in plain words, the progress chart since the intake, the "
    "milestones reached and the next ones, for the client with --client CODE, as of "
    "today. Without --recipient it is the client's own copy (audited). With --recipient "
    "NAME (a recipient the client named in a consent) or --purpose P (with --recipient to "
    "name who receives it) it is a disclosure: made only under a consent that covers "
    "that recipient today, printed with the 42 CFR 2.32 notice and listed in the "
    "disclosure log; managers and administrators only. In the language of --language, "
    "by default the signed-in account's (else the computer's). Signs in (--user)."
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group = command_group(subparsers, "report", "print a report")
    parser = group.add_parser(
        "progress", parents=[common, signin.options()], help=HELP, description=DESCRIPTION
    )
    parser.add_argument("--client", required=True, metavar="CODE", help="the client's code")
    parser.add_argument("--out", required=True, type=output_file(".pdf"), help="PDF to write")
    parser.add_argument(
        "--recipient", metavar="NAME", help="who receives it, when it is not the client"
    )
    parser.add_argument(
        "--purpose",
        choices=codes.EXPORT_PURPOSES,
        help="a disclosure for treatment, payment, operations or research",
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        help="the language the client reads it in (default: the signed-in account's)",
    )
    parser.set_defaults(handler=run_progress)


def run_progress(args: argparse.Namespace) -> int:
    from desktop.passphrase import for_command
    from desktop.progress_summary_action import summary_language
    from desktop.report_words import report_catalogues
    from forms.consents import parse_recipient
    from forms.database_file import open_database
    from reports.outputs.progress_summary import write_progress_summary
    from reports.tables.language import report_language

    today = dt.date.today()
    recipient = None
    if args.recipient is not None or args.purpose is not None:
        recipient = parse_recipient(args.purpose, args.recipient, today)
    database = open_database(args.db, passphrase=for_command)
    try:
        who = signin.signed_in(args, database)
        chosen = args.language or summary_language(who.language)
        language = report_language(chosen, report_catalogues())
        done = write_progress_summary(
            database, who.actor, args.client, args.out, today, recipient, language
        )
    finally:
        database.dispose()
    if done.recipient is None:
        print(f"Wrote {args.out}: progress summary of {done.client_code}, the client's copy.")
    else:
        whom = done.recipient.name or done.recipient.purpose
        print(
            f"Wrote {args.out}: progress summary of {done.client_code} for {whom}, "
            "listed in the disclosure log."
        )
    return 0
