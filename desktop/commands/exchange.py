"""import, export data, export template: the exchange workbook on the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from db.codes import EXPORT_PURPOSES
from desktop.cli import CommandError, command_group
from desktop.commands import signin
from desktop.commands.args import existing_file, iso_date, output_file


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    load = subparsers.add_parser(
        "import",
        parents=[common, signin.options()],
        help="load an exchange workbook (all rows or none)",
        description="Check every row of an exchange workbook and load the whole file in one "
        "transaction, or nothing. Problems are printed as 'Sheet!row column: "
        "reason' and written to FILE.errors.xlsx beside the file. Signs in as a manager "
        "or administrator (--user).",
    )
    load.add_argument("file", type=existing_file, help="the .xlsx workbook to import")
    load.add_argument(
        "--update",
        action="store_true",
        help="let the file change and add to clients already in the database "
        "(each change is audited)",
    )
    load.set_defaults(handler=run_import)
    _register_export(command_group(subparsers, "export", "write a workbook"), common)


def _register_export(export: Any, common: argparse.ArgumentParser) -> None:
    _register_export_data(export, common)
    template = export.add_parser(
        "template",
        parents=[common],
        help="an empty exchange workbook to fill in",
        description="Empty sheets with their headers, drop-down lists on coded columns and "
        "the data dictionary.",
    )
    template.add_argument(
        "--out", required=True, type=output_file(".xlsx"), help="workbook to write"
    )
    template.set_defaults(handler=run_export_template)


def _register_export_data(export: Any, common: argparse.ArgumentParser) -> None:
    data = export.add_parser(
        "data",
        parents=[common, signin.options()],
        help="the full identified exchange workbook, for one recipient",
        description="Every record of every client whose consent covers the recipient today, "
        "their recovery status at --as-of, their consents, the data dictionary and the "
        "42 CFR 2.32 notice. Say who receives it: --recipient NAME alone for a recipient "
        "named in clients' consents, or --purpose (with --recipient to name who receives it). "
        "Clients without a covering consent are left out and counted. Every export is "
        "audited and listed in the disclosure log. Signs in as a manager or administrator "
        "(--user).",
    )
    data.add_argument("--out", required=True, type=output_file(".xlsx"), help="workbook to write")
    data.add_argument(
        "--as-of",
        type=iso_date,
        default=None,
        help="date of the RecoveryStatus sheet (default: today)",
    )
    data.add_argument(
        "--recipient",
        metavar="NAME",
        help="who receives the workbook; alone, a recipient clients named in their consents",
    )
    data.add_argument(
        "--purpose",
        choices=EXPORT_PURPOSES,
        help="a disclosure for treatment, payment or operations (covered by those consents) "
        "or for research (covered by research consents)",
    )
    data.add_argument(
        "--all-clients",
        action="store_true",
        help="administrators only: the agency's internal copy of every client, consenting or "
        "not, for its own operations (moving to another database); it may not leave the "
        "agency, and it is audited and logged",
    )
    data.set_defaults(handler=run_export_data)


def _progress(what: str | None) -> Callable[[int, int], None] | None:
    """A progress line on a terminal: 'done of total what', or a percentage without `what`."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if what is None:
            text = f"{100 * done // total if total else 0}% read"
        else:
            text = f"{done:,} of {total:,} {what}"
        print(f"\r{text}", end="", file=sys.stderr, flush=True)

    return show


def run_import(args: argparse.Namespace) -> int:
    from db.startup import open_database
    from desktop.passphrase import for_command
    from forms.importer import import_workbook

    # The full file check runs beside the work; nothing is written before it passes.
    database = open_database(args.db, background_check=True, passphrase=for_command)
    with database.explaining_damage():
        actor = signin.sign_in(args, database)
        result = import_workbook(
            database,
            actor,
            args.file,
            dt.date.today(),
            update=args.update,
            progress=_progress(None),
        )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if not result.ok:
        raise _rejection(database, actor, args.file, result)
    added = ", ".join(f"{n:,} {sheet}" for sheet, n in result.added.items() if n)
    print(f"Imported {args.file.name}: {added or 'no rows'}; {result.episodes:,} episodes.")
    changed = ", ".join(f"{n:,} {sheet}" for sheet, n in result.updated.items() if n)
    if changed:
        print(f"Updated {changed} (each change is in the audit trail).")
    return 0


def _rejection(database: Any, actor: Any, path: Path, result: Any) -> CommandError:
    """Print the problems, write them beside the file, and say so in one line."""
    from db.failures import is_database_error
    from forms.failures import reason
    from reports.import_errors import errors_path, write_problems

    for problem in result.problems:
        print(problem)
    more = " (reading stopped there; fix these and import again)" if result.stopped_early else ""
    count = f"{len(result.problems):,} problem{'s' if len(result.problems) != 1 else ''}{more}"
    target = errors_path(path)
    try:
        write_problems(database, actor, target, result.problems, path, more.strip(" ()"))
        listed = f"; the list is in {target}"
    except OSError as exc:
        listed = f"; the list could not be written to {target} ({exc.strerror})"
    except Exception as exc:
        if not is_database_error(exc):
            raise
        listed = (
            f"; the list could not be written to {target} (its audit row could not be "
            f"recorded: {reason(exc)})"
        )
    return CommandError(f"{path.name} was not imported, nothing was changed: {count}{listed}")


def run_export_data(args: argparse.Namespace) -> int:
    from db.startup import open_database
    from desktop.passphrase import for_command
    from reports.exchange_export import export_workbook

    today = dt.date.today()
    recipient = _recipient(args, today)
    # The full file check runs beside the work; nothing is written before it passes.
    database = open_database(args.db, background_check=True, passphrase=for_command)
    as_of = args.as_of or today
    with database.explaining_damage():
        actor = signin.sign_in(args, database)
        summary = export_workbook(
            database,
            actor,
            args.out,
            as_of,
            recipient=recipient,
            all_clients=args.all_clients,
            today=today,
            progress=_progress("clients"),
        )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for line in _export_lines(args.out, summary):
        print(line)
    return 0


def _recipient(args: argparse.Namespace, today: dt.date) -> Any:
    """The recipient the arguments name, None for --all-clients; one line when neither."""
    from forms.consents import parse_recipient

    if args.all_clients:
        if args.recipient is not None or args.purpose is not None:
            raise CommandError(
                "--all-clients is the agency's internal copy of every client and has no "
                "recipient; a disclosure names --recipient or --purpose without it"
            )
        return None
    if args.recipient is None and args.purpose is None:
        raise CommandError(
            "say who receives the workbook: --recipient NAME (a recipient named in clients' "
            "consents) or --purpose treatment|payment|operations|research; an administrator's "
            "internal copy of every client is --all-clients"
        )
    return parse_recipient(args.purpose, args.recipient, today)


def _export_lines(path: Path, summary: Any) -> list[str]:
    from reports.exchange_disclosure import left_out_text

    r = summary.recipient
    status = f"{summary.clients:,} clients, status as of {summary.as_of.isoformat()}"
    if summary.all_clients:
        return [
            f"Wrote {path}: {status}; the agency's internal copy of every client, which may "
            "not leave the agency (audited and in the disclosure log)."
        ]
    if r.purpose == "named_recipient":
        to_whom = f"to {r.name}"
    else:
        to_whom = f"to {r.name} for {r.purpose}" if r.name else f"for {r.purpose}"
    lines = [f"Wrote {path}: {status}, disclosed {to_whom}."]
    if summary.left_out:
        lines.append(
            f"{summary.left_out:,} clients were left out, their consent not covering this "
            f"disclosure today: {left_out_text(summary.left_out_by)}. The disclosure log and "
            "the audit trail record the export."
        )
    else:
        lines.append("The disclosure log and the audit trail record the export.")
    return lines


def run_export_template(args: argparse.Namespace) -> int:
    from reports.exchange_template import write_template

    write_template(args.out)
    print(f"Wrote {args.out}: empty sheets with drop-down lists and the data dictionary.")
    return 0
