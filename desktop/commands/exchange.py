"""import, export data, export template: the exchange workbook on the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

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
    data = export.add_parser(
        "data",
        parents=[common, signin.options()],
        help="the full identified exchange workbook",
        description="Every record of every client who consented to sharing, their recovery "
        "status at --as-of, the data dictionary and the 42 CFR part 2 notice. Signs in as "
        "a manager or administrator (--user).",
    )
    data.add_argument("--out", required=True, type=output_file(".xlsx"), help="workbook to write")
    data.add_argument(
        "--as-of",
        type=iso_date,
        default=None,
        help="date of the RecoveryStatus sheet (default: today)",
    )
    data.add_argument(
        "--all-clients",
        action="store_true",
        help="administrators only: include clients without consent to share, "
        "for an internal migration (audited)",
    )
    data.set_defaults(handler=run_export_data)

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
    from forms.importer import import_workbook

    # The full file check runs beside the work; nothing is written before it passes.
    database = open_database(args.db, background_check=True)
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
        raise _rejection(args.file, result)
    added = ", ".join(f"{n:,} {sheet}" for sheet, n in result.added.items() if n)
    print(f"Imported {args.file.name}: {added or 'no rows'}; {result.episodes:,} episodes.")
    changed = ", ".join(f"{n:,} {sheet}" for sheet, n in result.updated.items() if n)
    if changed:
        print(f"Updated {changed} (each change is in the audit trail).")
    return 0


def _rejection(path: Path, result: Any) -> CommandError:
    """Print the problems, write them beside the file, and say so in one line."""
    from reports.import_errors import errors_path, write_problems

    for problem in result.problems:
        print(problem)
    more = " (reading stopped there; fix these and import again)" if result.stopped_early else ""
    count = f"{len(result.problems):,} problem{'s' if len(result.problems) != 1 else ''}{more}"
    target = errors_path(path)
    try:
        write_problems(target, result.problems, more.strip(" ()"))
        listed = f"; the list is in {target}"
    except OSError as exc:
        listed = f"; the list could not be written to {target} ({exc.strerror})"
    return CommandError(f"{path.name} was not imported, nothing was changed: {count}{listed}")


def run_export_data(args: argparse.Namespace) -> int:
    from db.startup import open_database
    from reports.exchange_export import export_workbook

    # The full file check runs beside the work; nothing is written before it passes.
    database = open_database(args.db, background_check=True)
    as_of = args.as_of or dt.date.today()
    with database.explaining_damage():
        actor = signin.sign_in(args, database)
        summary = export_workbook(
            database,
            actor,
            args.out,
            as_of,
            all_clients=args.all_clients,
            progress=_progress("clients"),
        )
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"Wrote {args.out}: {summary.clients:,} clients, status as of {as_of.isoformat()}.")
    if summary.left_out:
        print(
            f"{summary.left_out:,} clients without consent to share were left out (the Notice "
            f"sheet says so); an administrator can include them with --all-clients."
        )
    return 0


def run_export_template(args: argparse.Namespace) -> int:
    from reports.exchange_template import write_template

    write_template(args.out)
    print(f"Wrote {args.out}: empty sheets with drop-down lists and the data dictionary.")
    return 0
