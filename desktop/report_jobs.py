"""The long jobs of the Reports screen, each a plain function from reports/ or forms/.

A `ReportJob` says who may run it (the same permission the function checks
again), what it needs from the screen (a month, a period, an as-of date),
which file it writes or reads, and how to call it. Adding a report to the
screen is adding one entry to `all_jobs()`. The report modules (reportlab,
openpyxl) are imported when a job runs, not when the window opens.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from db.access import Permission
from db.dates import Period
from db.jobs import IsCancelled, Progress
from desktop.context import AppContext

MONTH, PERIOD, AS_OF, NOTHING = "month", "period", "as_of", "nothing"
XLSX = "Excel workbook (*.xlsx)"
PDF = "PDF (*.pdf)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("report_jobs", text)


@dataclass(frozen=True)
class JobInputs:
    """What the Reports screen had chosen when the job started."""

    month: Period
    period: Period
    as_of: dt.date
    internal: bool = False
    # Who receives an identified export: a purpose of codes.EXPORT_PURPOSES, or None for a
    # recipient named in clients' consents, and the recipient's name.
    purpose: str | None = None
    recipient: str = ""


Runner = Callable[[AppContext, JobInputs, Path, Progress, IsCancelled], object]


@dataclass(frozen=True)
class ReportJob:
    key: str
    title: str
    explain: str
    permission: Permission | None  # None: anyone signed in
    needs: str  # MONTH, PERIOD, AS_OF or NOTHING
    file_filter: str
    suggest: Callable[[JobInputs], str]  # the file name offered
    run: Runner
    reads_file: bool = False  # an import chooses an existing file instead of a new one
    identified: bool = False  # the file names clients: it goes to a recipient (JobInputs)


def _monthly(
    ctx: AppContext, i: JobInputs, target: Path, progress: Progress, cancelled: IsCancelled
) -> object:
    from reports.outputs.monthly_pdf import monthly_report

    return monthly_report(
        ctx.database,
        ctx.user,
        i.month.start.year,
        i.month.start.month,
        target,
        internal=i.internal,
        progress=progress,
        cancelled=cancelled,
    )


def _export(
    ctx: AppContext, i: JobInputs, target: Path, progress: Progress, cancelled: IsCancelled
) -> object:
    from forms.consents import parse_recipient
    from reports.outputs.exchange_export import export_workbook

    today = ctx.today()
    return export_workbook(
        ctx.database,
        ctx.user,
        target,
        i.as_of,
        recipient=parse_recipient(i.purpose, i.recipient, today),
        today=today,
        progress=progress,
        cancelled=cancelled,
    )


def _funder(rows: bool) -> Runner:
    def run(
        ctx: AppContext, i: JobInputs, target: Path, progress: Progress, cancelled: IsCancelled
    ) -> object:
        from reports.outputs.funder import funder_workbook

        return funder_workbook(
            ctx.database,
            ctx.user,
            i.period.start,
            i.period.end,
            target,
            rows=rows,
            progress=progress,
            cancelled=cancelled,
        )

    return run


def _funder_name(i: JobInputs) -> str:
    return f"funder-{i.period.start.isoformat()}-to-{i.period.end.isoformat()}.xlsx"


def _template(
    _ctx: AppContext, _i: JobInputs, target: Path, _progress: Progress, cancelled: IsCancelled
) -> object:
    from reports.outputs.exchange_template import write_template

    write_template(target, cancelled)
    return None


def _import(
    ctx: AppContext, _i: JobInputs, source: Path, progress: Progress, cancelled: IsCancelled
) -> object:
    from forms.importer import import_workbook

    return import_workbook(
        ctx.database, ctx.user, source, ctx.today(), progress=progress, cancelled=cancelled
    )


def _report_jobs() -> list[ReportJob]:
    return [
        ReportJob(
            "monthly_pdf",
            _tr("Monthly report (PDF)"),
            _tr(
                "Caseload, follow-up rate, recovery and harm for the chosen month, with trends "
                "and the definitions behind every number."
            ),
            Permission.REPORTS,
            MONTH,
            PDF,
            lambda i: f"monthly-report-{i.month.start:%Y-%m}.pdf",
            _monthly,
        ),
        ReportJob(
            "funder",
            _tr("Funder workbook"),
            _tr(
                "The report's tables for the chosen period, small counts hidden, with a data "
                "dictionary: nothing in it identifies a client."
            ),
            Permission.REPORTS,
            PERIOD,
            XLSX,
            _funder_name,
            _funder(rows=False),
        ),
        ReportJob(
            "funder_rows",
            _tr("Funder workbook with de-identified rows"),
            _tr(
                "The same, plus one row per client the tables count: a random id, years "
                "instead of dates, no names or places below the state. The rows reveal every "
                "count the tables hide: handle the file as row-level data."
            ),
            Permission.REPORTS,
            PERIOD,
            XLSX,
            _funder_name,
            _funder(rows=True),
        ),
    ]


def _exchange_jobs() -> list[ReportJob]:
    return [
        ReportJob(
            "full_export",
            _tr("Full export (identified workbook)"),
            _tr(
                "Every record of every client whose consent covers the recipient below today, "
                "in the exchange workbook with the 42 CFR part 2 notice; it names clients, so "
                "keep it safe. Each export is listed on the clients' pages."
            ),
            Permission.EXPORT_IDENTIFIED,
            AS_OF,
            XLSX,
            lambda i: f"recovery-desk-export-{i.as_of.isoformat()}.xlsx",
            _export,
            identified=True,
        ),
        ReportJob(
            "import",
            _tr("Import a workbook"),
            _tr(
                "Load a filled-in exchange workbook: every row is checked, and it is loaded "
                "whole or not at all."
            ),
            Permission.IMPORT,
            NOTHING,
            XLSX,
            lambda i: "",
            _import,
            reads_file=True,
        ),
        ReportJob(
            "template",
            _tr("Empty import template"),
            _tr("A blank exchange workbook with drop-down lists, to fill in Excel and import."),
            None,
            NOTHING,
            XLSX,
            lambda i: "recovery-desk-template.xlsx",
            _template,
        ),
    ]


def all_jobs() -> list[ReportJob]:
    return _report_jobs() + _exchange_jobs()


def jobs_for(ctx: AppContext) -> list[ReportJob]:
    """The jobs the signed-in person may run (the functions check again)."""
    return [j for j in all_jobs() if j.permission is None or ctx.can(j.permission)]
