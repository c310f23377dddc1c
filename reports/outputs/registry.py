"""Every job a person can run from the Reports screen or the command line, listed once.

A `Job` says who may run it (the same permission its function checks again),
which dates it asks for, which file it writes (or reads), the name offered for
that file, how to call it and, when the command line has it, its subcommand.
The screen lists `all_jobs()`; `desktop/commands/jobs.py` makes a subcommand of
each job with a `Command`. Adding an output is one module in `reports/outputs/`
and one entry here; adding a funder's output is one profile in
`reports/outputs/funder_profiles.py`, which becomes a job here. The modules behind a
job (reportlab, openpyxl) are imported when it runs, not when the list is read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from db.access import Actor, Permission
from db.codes import EXPORT_PURPOSES
from forms.fields import N_
from reports.outputs import job_runs as runs
from reports.outputs.funder_profiles import FUNDER, PROFILES
from reports.outputs.job_runs import Caller, JobInputs, Runner
from reports.outputs.periods import FieldNames, date_asked, month_asked, period_asked
from reports.tables.profile_spec import Asked, FunderProfile, Layout

__all__ = [
    "Asks",
    "Caller",
    "Command",
    "FileType",
    "Job",
    "JobInputs",
    "Option",
    "all_jobs",
    "checked",
    "jobs_for",
]


class Asks(StrEnum):
    """The date a job is for."""

    MONTH = "month"
    PERIOD = "period"
    AS_OF = "as_of"
    NOTHING = "nothing"


@dataclass(frozen=True)
class FileType:
    suffix: str
    filter: str  # the file dialog's filter
    writes: str  # what the command line's --out is


PDF = FileType(".pdf", N_("PDF (*.pdf)"), "PDF to write")
XLSX = FileType(".xlsx", N_("Excel workbook (*.xlsx)"), "workbook to write")
CSV = FileType(".csv", N_("CSV file (*.csv)"), "CSV file to write")


@dataclass(frozen=True)
class Option:
    """A command-line option of a job beyond its dates and its file."""

    name: str  # "--internal"
    help: str
    flag: bool = True  # a flag sets JobInputs.flags; otherwise it takes a value
    metavar: str | None = None
    choices: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The flag's name in JobInputs.flags: "--all-clients" is "all_clients"."""
        return self.name.lstrip("-").replace("-", "_")


@dataclass(frozen=True)
class Command:
    """The job's subcommand: its words ("report", "monthly") and its help."""

    words: tuple[str, ...]
    help: str
    description: str
    options: tuple[Option, ...] = ()
    counts: str | None = None  # what its progress counts ("clients"), None: a percentage
    uses_database: bool = True
    as_of_help: str = "date of the RecoveryStatus sheet (default: today)"


@dataclass(frozen=True)
class Job:
    key: str
    title: str
    description: str
    permission: Permission | None  # None: anyone signed in
    asks: Asks
    file: FileType
    default_name: Callable[[JobInputs], str]  # the file name offered
    run: Runner
    reads_file: bool = False  # an import chooses an existing file instead of a new one
    identified: bool = False  # the file names clients: it goes to a recipient
    preset: frozenset[str] = frozenset()  # flags this job always sets (rows)
    command: Command | None = None  # None: the screen only
    # False: not on the Reports screen (the call list is saved from the worklist, with the
    # filters chosen there); the command line still has it.
    on_reports_screen: bool = True


def checked(job: Job, inputs: JobInputs, today: dt.date, names: FieldNames) -> JobInputs:
    """`inputs` with the job's preset flags, once the dates it asks for are acceptable.
    Raises InputError (or, for an identified export, ValidationFailed) in one line."""
    if job.asks is Asks.MONTH:
        first = inputs.the_month().start
        month_asked(first, today, names)
    elif job.asks is Asks.PERIOD:
        period = inputs.the_period()
        period_asked(period.start, period.end, today, names)
    elif job.asks is Asks.AS_OF and inputs.as_of is not None:
        date_asked(inputs.as_of, names)
    if job.identified:
        runs.recipient(inputs, today)
    return replace(inputs, flags=inputs.flags | job.preset)


def all_jobs() -> list[Job]:
    """In the order the screen lists them."""
    return [*_report_jobs(), *_profile_jobs(), *_exchange_jobs()]


def jobs_for(actor: Actor) -> list[Job]:
    """The jobs `actor` may run (their functions check again)."""
    return [j for j in all_jobs() if j.permission is None or actor.can(j.permission)]


def _monthly_name(i: JobInputs) -> str:
    return f"monthly-report-{i.the_month().start:%Y-%m}.pdf"


def _funder_name(i: JobInputs) -> str:
    period = i.the_period()
    return f"funder-{period.start.isoformat()}-to-{period.end.isoformat()}.xlsx"


def _export_name(i: JobInputs) -> str:
    return f"recovery-desk-export-{i.as_of.isoformat() if i.as_of else ''}.xlsx"


def _call_list_name(i: JobInputs) -> str:
    return f"call-list-{i.as_of.isoformat() if i.as_of else ''}.pdf"


def _report_jobs() -> list[Job]:
    return [
        Job(
            "monthly_pdf",
            N_("Monthly report (PDF)"),
            N_(
                "Caseload, follow-up rate, recovery and harm for the chosen month, with trends "
                "and the definitions behind every number."
            ),
            Permission.REPORTS,
            Asks.MONTH,
            PDF,
            _monthly_name,
            runs.monthly,
            command=MONTHLY_COMMAND,
        ),
        Job(
            FUNDER.key,
            FUNDER.title,
            FUNDER.description,
            Permission.REPORTS,
            Asks.PERIOD,
            XLSX,
            _funder_name,
            runs.funder,
            command=FUNDER_COMMAND,
        ),
        Job(
            "funder_rows",
            N_("Funder workbook with de-identified rows"),
            N_(
                "The same, plus one row per client the tables count: a random id, years "
                "instead of dates, no names or places below the state. The rows reveal every "
                "count the tables hide: handle the file as row-level data."
            ),
            Permission.REPORTS,
            Asks.PERIOD,
            XLSX,
            _funder_name,
            runs.funder,
            preset=frozenset({"rows"}),  # the command line's `export funder --rows`
        ),
        Job(
            "call_list",
            N_("Call list of the day (PDF)"),
            N_(
                "The follow-ups due or just missed on the chosen day, to print and call from: "
                "code, name, phone (only with consent to contact), point, window close and "
                "attempts, with a column to write each call's result in. It names clients."
            ),
            Permission.VIEW_CLIENTS,
            Asks.AS_OF,
            PDF,
            _call_list_name,
            runs.call_list,
            command=CALL_LIST_COMMAND,
            on_reports_screen=False,
        ),
    ]


def _profile_jobs() -> list[Job]:
    """A job, with its subcommand, for each funder profile but the funder workbook's own
    (above, with its rows)."""
    return [_profile_job(p) for p in PROFILES if p.layout is not Layout.FUNDER]


def _profile_job(profile: FunderProfile) -> Job:
    month = profile.period is Asked.MONTH
    csv = profile.layout is Layout.CSV

    def name(i: JobInputs) -> str:
        if month:
            return f"{profile.key}-{i.the_month().start:%Y-%m}{profile.suffix}"
        period = i.the_period()
        return (
            f"{profile.key}-{period.start.isoformat()}-to-{period.end.isoformat()}{profile.suffix}"
        )

    dates = "--month" if month else "--from and --to"
    command = Command(
        ("export", profile.key.replace("_", "-")),
        profile.help or profile.title,
        f"{profile.description} The funder profile {profile.key!r} for {dates}. "
        "Signs in as a manager or administrator (--user).",
        counts="clients",
    )
    return Job(
        profile.key,
        profile.title,
        profile.description,
        Permission.REPORTS,
        Asks.MONTH if month else Asks.PERIOD,
        CSV if csv else XLSX,
        name,
        runs.profile(profile.key),
        command=command,
    )


def _exchange_jobs() -> list[Job]:
    return [
        Job(
            "full_export",
            N_("Full export (identified workbook)"),
            N_(
                "Every record of every client whose consent covers the recipient below today, "
                "in the exchange workbook with the 42 CFR part 2 notice; it names clients, so "
                "keep it safe. Each export is listed on the clients' pages."
            ),
            Permission.EXPORT_IDENTIFIED,
            Asks.AS_OF,
            XLSX,
            _export_name,
            runs.export,
            identified=True,
            command=EXPORT_DATA_COMMAND,
        ),
        Job(
            "import",
            N_("Import a workbook"),
            N_(
                "Load a filled-in exchange workbook: every row is checked, and it is loaded "
                "whole or not at all."
            ),
            Permission.IMPORT,
            Asks.NOTHING,
            XLSX,
            lambda i: "",
            runs.import_,
            reads_file=True,
            command=IMPORT_COMMAND,
        ),
        Job(
            "template",
            N_("Empty import template"),
            N_("A blank exchange workbook with drop-down lists, to fill in Excel and import."),
            None,
            Asks.NOTHING,
            XLSX,
            lambda i: "recovery-desk-template.xlsx",
            runs.template,
            command=TEMPLATE_COMMAND,
        ),
    ]


MONTHLY_COMMAND = Command(
    ("report", "monthly"),
    "the monthly PDF report",
    "Caseload, follow-ups, recovery, harm, community tallies, 12-month trends "
    "and definitions for one month, for the agency named in the settings. "
    "Small counts are suppressed unless --internal is given. "
    "Signs in as a manager or administrator (--user).",
    (Option("--internal", "show exact small counts; every page is marked internal"),),
    counts="clients",
)
FUNDER_COMMAND = Command(
    ("export", "funder"),
    "the aggregate funder workbook",
    "Summary, community and trend tables for a period with small counts "
    "suppressed, a data dictionary and an About sheet; --rows adds one "
    "de-identified row per client the summary counts, which makes its suppression "
    "moot: such a file is row-level data. "
    "Signs in as a manager or administrator (--user).",
    (Option("--rows", "add the de-identified row-level sheet (HIPAA Safe Harbor)"),),
    counts="clients",
)
CALL_LIST_COMMAND = Command(
    ("report", "calls"),
    "the day's call list (PDF to print)",
    "Every follow-up due or just missed on the day (--as-of, default today), as the "
    "Follow-ups due screen lists them: code, name, phone, point, window close and contact "
    "attempts, with an empty column for each call's result. The phone is printed only for "
    "a client who consented to be contacted. Client notes are never printed. The sheet "
    "names clients: saving it is audited. Signs in as any role (--user).",
    as_of_help="the day the list is for (default: today)",
)
EXPORT_DATA_COMMAND = Command(
    ("export", "data"),
    "the full identified exchange workbook, for one recipient",
    "Every record of every client whose consent covers the recipient today, "
    "their recovery status at --as-of, their consents, the data dictionary and the "
    "42 CFR 2.32 notice. Say who receives it: --recipient NAME alone for a recipient "
    "named in clients' consents, or --purpose (with --recipient to name who receives it). "
    "Clients without a covering consent are left out and counted. Every export is "
    "audited and listed in the disclosure log. "
    "Signs in as a manager or administrator (--user).",
    (
        Option(
            "--recipient",
            "who receives the workbook; alone, a recipient clients named in their consents",
            flag=False,
            metavar="NAME",
        ),
        Option(
            "--purpose",
            "a disclosure for treatment, payment or operations (covered by those consents) "
            "or for research (covered by research consents)",
            flag=False,
            choices=EXPORT_PURPOSES,
        ),
        Option(
            "--all-clients",
            "administrators only: the agency's internal copy of every client, consenting or "
            "not, for its own operations (moving to another database); it may not leave the "
            "agency, and it is audited and logged",
        ),
    ),
    counts="clients",
)
IMPORT_COMMAND = Command(
    ("import",),
    "load an exchange workbook (all rows or none)",
    "Check every row of an exchange workbook and load the whole file in one "
    "transaction, or nothing. Problems are printed as 'Sheet!row column: "
    "reason' and written to FILE.errors.xlsx beside the file. "
    "Signs in as a manager or administrator (--user).",
    (
        Option(
            "--update",
            "let the file change and add to clients already in the database "
            "(each change is audited)",
        ),
    ),
)
TEMPLATE_COMMAND = Command(
    ("export", "template"),
    "an empty exchange workbook to fill in",
    "Empty sheets with their headers, drop-down lists on coded columns and the data dictionary.",
    uses_database=False,
)
