"""The monthly report: `recovery-desk report monthly --month YYYY-MM`.

The monthly report's data for one month (`reports.outputs.monthly_data`),
printed by `reports.render.pdf_monthly`, and the export's audit row, committed
before the PDF takes its name: never a report without its row.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from db import audit
from db.access import Actor, Permission
from db.dates import Period
from db.engine import Database
from db.jobs import IsCancelled, Progress
from reports.outputs.closed_reports import closed_report
from reports.outputs.monthly_data import agency_language, build_report_data
from reports.render.pdf_monthly import write_monthly_pdf
from reports.tables.language import Catalogues
from reports.tables.monthly_community import CLIENTS_SERVED
from reports.tables.report_data import ReportData, in_language

log = logging.getLogger(__name__)


def monthly_report(
    database: Database,
    actor: Actor,
    year: int,
    month: int,
    target: Path,
    *,
    internal: bool = False,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    generated_at: dt.datetime | None = None,
    catalogues: Catalogues | None = None,
) -> ReportData:
    """Build and write the monthly report for `year`-`month` in the language the agency's
    settings choose (`catalogues` translate it; without them it is English), and record
    the export."""
    actor.require(Permission.REPORTS)
    period = Period.month(year, month)
    # A closed month prints as it was closed; an open one from the records as they are.
    data = closed_report(database, actor, period, internal, generated_at) or build_report_data(
        database,
        actor,
        period,
        internal=internal,
        generated_at=generated_at,
        progress=progress,
        cancelled=cancelled,
        summary=True,
    )
    database.require_healthy_file()

    def audit_it() -> None:  # committed before the PDF takes its name
        _audit(database, actor, data, Path(target), internal)

    said = in_language(data, agency_language(database, catalogues))
    write_monthly_pdf(said, target, cancelled, before_rename=audit_it)
    log.info("monthly report %04d-%02d written to %s", year, month, target)
    return data


def _audit(
    database: Database, actor: Actor, data: ReportData, target: Path, internal: bool
) -> None:
    with database.writing() as session:
        audit.record(
            session,
            actor,
            "export",
            "monthly_report",
            f"{data.period.start:%Y-%m}",
            after={
                "file": target.name,
                "from": data.period.start,
                "to": data.period.end,
                "clients_served": data.ledger.value(CLIENTS_SERVED),
                "internal": internal,
                "scope": "aggregate tables"
                + (", exact small counts" if internal else ", small counts suppressed"),
            },
        )
