"""The subcommands of the jobs in `reports.outputs.registry`: report monthly, export funder,
export data, export template and import, made from the same list the Reports screen shows.

Each job's dates are read by `reports.outputs.periods` and checked by the
registry before the database is opened; what the command prints once the job
is done is the job's own (`desktop.commands.reports`, `desktop.commands.exchange`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import sys
from collections.abc import Callable
from typing import Any

from desktop.cli import command_group
from desktop.commands import exchange, reports, signin
from desktop.commands.args import existing_file, iso_date, month, output_file
from desktop.report_words import report_catalogues
from forms.vocabulary import Period
from reports.outputs.periods import COMMAND_LINE_NAMES
from reports.outputs.registry import Asks, Caller, Job, JobInputs, Option, all_jobs, checked

GROUPS = {"report": "print a report", "export": "write a workbook"}
# What each job prints when it is done (or raises to say why nothing was written); it is
# given who ran the job, on which database.
Done = Callable[[argparse.Namespace, JobInputs, Any, Caller], int]
DONE: dict[str, Done] = {**reports.DONE, **exchange.DONE}
# Checks of option combinations the command line alone can get wrong, before anything runs.
BEFORE: dict[str, Callable[[argparse.Namespace], None]] = dict(exchange.BEFORE)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    for job in all_jobs():
        if job.command is not None:
            _add(subparsers, common, job)


def _add(subparsers: Any, common: argparse.ArgumentParser, job: Job) -> None:
    command = job.command
    assert command is not None
    *group, name = command.words
    parent = command_group(subparsers, group[0], GROUPS[group[0]]) if group else subparsers
    # A job that reads the database signs in first (desktop/commands/signin.py).
    parents = [common, signin.options()] if command.uses_database else [common]
    parser = parent.add_parser(
        name, parents=parents, help=command.help, description=command.description
    )
    _add_dates(parser, job.asks, command.as_of_help)
    if job.reads_file:
        parser.add_argument(
            "file", type=existing_file, help=f"the {job.file.suffix} workbook to import"
        )
    else:
        parser.add_argument(
            "--out", required=True, type=output_file(job.file.suffix), help=job.file.writes
        )
    for option in command.options:
        _add_option(parser, option)
    parser.set_defaults(handler=functools.partial(run_job, job))


def _add_dates(parser: argparse.ArgumentParser, asks: Asks, as_of_help: str) -> None:
    if asks is Asks.MONTH:
        parser.add_argument("--month", required=True, type=month, help="the month, as YYYY-MM")
    elif asks is Asks.PERIOD:
        for option, dest, which in (("--from", "start", "first"), ("--to", "end", "last")):
            parser.add_argument(
                option,
                dest=dest,
                required=True,
                type=iso_date,
                help=f"{which} day of the period (YYYY-MM-DD)",
            )
    elif asks is Asks.AS_OF:
        parser.add_argument(
            "--as-of",
            type=iso_date,
            default=None,
            help=as_of_help,
        )


def _add_option(parser: argparse.ArgumentParser, option: Option) -> None:
    if option.flag:
        parser.add_argument(option.name, action="store_true", help=option.help)
    elif option.choices:
        parser.add_argument(option.name, choices=option.choices, help=option.help)
    else:
        parser.add_argument(option.name, metavar=option.metavar, help=option.help)


def inputs_of(job: Job, args: argparse.Namespace) -> JobInputs:
    """What the options ask for, in the registry's terms."""
    command = job.command
    assert command is not None
    first: dt.date | None = getattr(args, "month", None)
    start: dt.date | None = getattr(args, "start", None)
    end: dt.date | None = getattr(args, "end", None)
    return JobInputs(
        month=None if first is None else Period.month(first.year, first.month),
        period=None if start is None or end is None else Period(start, end),
        as_of=getattr(args, "as_of", None),
        flags=frozenset(o.key for o in command.options if o.flag and getattr(args, o.key)),
        purpose=getattr(args, "purpose", None),
        recipient=getattr(args, "recipient", None),
    )


def run_job(job: Job, args: argparse.Namespace) -> int:
    from desktop.passphrase import for_command
    from forms.database_file import open_database

    command = job.command
    assert command is not None
    today = dt.date.today()
    if job.key in BEFORE:
        BEFORE[job.key](args)
    inputs = checked(job, inputs_of(job, args), today, COMMAND_LINE_NAMES)
    target = args.file if job.reads_file else args.out
    if not command.uses_database:
        result = job.run(Caller(None, today), inputs, target, None, None)
        return DONE[job.key](args, inputs, result, Caller(None, today))
    # The full file check runs beside the work; nothing is written before it passes.
    database = open_database(args.db, background_check=True, passphrase=for_command)
    with database.explaining_damage():
        user = signin.sign_in(args, database)
        caller = Caller(user, today, database, report_catalogues())
        result = job.run(caller, inputs, target, _progress(command.counts), None)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return DONE[job.key](args, inputs, result, caller)


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
