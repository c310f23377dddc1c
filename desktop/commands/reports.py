"""report monthly, export funder: the manager's PDF and the funder's workbook."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from desktop.cli import command_group
from desktop.commands import signin
from desktop.commands.args import iso_date, month, output_file


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    report = command_group(subparsers, "report", "print a report")
    monthly = report.add_parser(
        "monthly",
        parents=[common, signin.options()],
        help="the monthly PDF report",
        description="Caseload, follow-ups, recovery, harm, community tallies, 12-month trends "
        "and definitions for one month, for the agency named in the settings. "
        "Small counts are suppressed unless --internal is given. Signs in as a manager or "
        "administrator (--user).",
    )
    monthly.add_argument("--month", required=True, type=month, help="the month, as YYYY-MM")
    monthly.add_argument("--out", required=True, type=output_file(".pdf"), help="PDF to write")
    monthly.add_argument(
        "--internal",
        action="store_true",
        help="show exact small counts; every page is marked internal",
    )
    monthly.set_defaults(handler=run_monthly)

    export = command_group(subparsers, "export", "write a workbook")
    funder = export.add_parser(
        "funder",
        parents=[common, signin.options()],
        help="the aggregate funder workbook",
        description="Summary, community and trend tables for a period with small counts "
        "suppressed, a data dictionary and an About sheet; --rows adds one "
        "de-identified row per client the summary counts, which makes its suppression "
        "moot: such a file is row-level data. Signs in as a manager or administrator "
        "(--user).",
    )
    funder.add_argument(
        "--from",
        dest="start",
        required=True,
        type=iso_date,
        help="first day of the period (YYYY-MM-DD)",
    )
    funder.add_argument(
        "--to", dest="end", required=True, type=iso_date, help="last day of the period (YYYY-MM-DD)"
    )
    funder.add_argument("--out", required=True, type=output_file(".xlsx"), help="workbook to write")
    funder.add_argument(
        "--rows",
        action="store_true",
        help="add the de-identified row-level sheet (HIPAA Safe Harbor)",
    )
    funder.set_defaults(handler=run_funder)


def _progress():  # type: ignore[no-untyped-def]
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{done:,} of {total:,} clients", end="", file=sys.stderr, flush=True)

    return show


def _end_progress() -> None:
    if sys.stderr.isatty():
        print(file=sys.stderr)


def run_monthly(args: argparse.Namespace) -> int:
    from db.startup import open_database
    from desktop.passphrase import for_command
    from reports.pdf_monthly import month_title, monthly_report

    if args.month > dt.date.today():
        raise ValueError(f"{args.month:%Y-%m} has not started yet")
    # The full file check runs beside the work; nothing is written before it passes.
    database = open_database(args.db, background_check=True, passphrase=for_command)
    with database.explaining_damage():
        actor = signin.sign_in(args, database)
        data = monthly_report(
            database,
            actor,
            args.month.year,
            args.month.month,
            args.out,
            internal=args.internal,
            progress=_progress(),
        )
    _end_progress()
    kind = "internal (exact small counts)" if args.internal else "small counts suppressed"
    print(f"Wrote {args.out}: monthly report for {month_title(data.period)}, {kind}.")
    return 0


def run_funder(args: argparse.Namespace) -> int:
    from db.startup import open_database
    from desktop.passphrase import for_command
    from reports.funder import funder_workbook

    if args.end < args.start:
        raise ValueError(f"--to {args.end.isoformat()} is before --from {args.start.isoformat()}")
    if args.start > dt.date.today():
        raise ValueError(f"--from {args.start.isoformat()} is in the future")
    # The full file check runs beside the work; nothing is written before it passes.
    database = open_database(args.db, background_check=True, passphrase=for_command)
    with database.explaining_damage():
        actor = signin.sign_in(args, database)
        result = funder_workbook(
            database,
            actor,
            args.start,
            args.end,
            args.out,
            rows=args.rows,
            progress=_progress(),
        )
    _end_progress()
    rows = f", {result.client_rows:,} de-identified client rows" if args.rows else ""
    print(
        f"Wrote {args.out}: funder workbook for {args.start.isoformat()} to "
        f"{args.end.isoformat()}{rows}."
    )
    if args.rows:
        print(ROWS_WARNING)
    return 0


# What a funder file with rows is, said wherever such a file is made (reports.funder).
ROWS_WARNING = (
    "The de-identified rows hold every client the summary counts, so every count the "
    "summary hides can be worked out from them: handle this file as row-level data, "
    "not as an aggregate report."
)
