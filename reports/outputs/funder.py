"""The funder workbook: `recovery-desk export funder --from D --to D --out F.xlsx [--rows]`.

The monthly report's data for a period (`reports.outputs.monthly_data`) in the
sheets of `reports.render.funder_workbook`; with `rows`, the de-identified rows
(`reports.datasets.deidentify`) watch the same walk and stream into their sheet.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from db import audit
from db import settings as agency_settings
from db.access import Actor, Permission
from db.dates import Period
from db.engine import Database
from db.jobs import IsCancelled, Progress
from reports.datasets.deidentify import RowCollector
from reports.outputs.closed_reports import closed_report
from reports.outputs.monthly_data import agency_language, build_report_data
from reports.render.funder_workbook import open_sheets, row_sink, write_sheets
from reports.render.xlsx_stream import StreamBook, write_streamed
from reports.tables.language import Catalogues
from reports.tables.monthly_community import CLIENTS_SERVED
from reports.tables.report_data import ReportData, in_language

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FunderResult:
    data: ReportData
    client_rows: int
    as_closed: bool = False  # printed from the figures kept when the month was closed


def funder_workbook(
    database: Database,
    actor: Actor,
    start: dt.date,
    end: dt.date,
    target: Path,
    *,
    rows: bool = False,
    threshold: int | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    generated_at: dt.datetime | None = None,
    catalogues: Catalogues | None = None,
) -> FunderResult:
    """Build and write the funder workbook for `start`..`end`, and record the export (the
    row commits before the workbook takes its name: never a file without its row).

    A closed month prints from the figures kept when it was closed, as its monthly report
    does; with `rows` it is read from the records, so the rows and the tables agree.
    `threshold` is the funder profile's (reports.outputs.funder_profiles.FUNDER)."""
    actor.require(Permission.REPORTS)
    period = Period(start, end)
    with database.reading() as session:
        settings = agency_settings.load(session)
    # A funder profile's threshold raises the agency's, never lowers it.
    threshold = max(settings.suppression_threshold, threshold or 0)
    kept = None if rows else closed_report(database, actor, period, False, generated_at)
    if kept is not None and kept.disclosure.threshold < threshold:
        kept = None  # kept at a lower threshold than this funder asks for
    done: list[FunderResult] = []
    language = agency_language(database, catalogues)  # the words; sheet names stay

    def fill(book: StreamBook) -> None:
        if kept is not None:
            sheets = open_sheets(book, kept.agency, period, False, language)
            write_sheets(book, sheets, in_language(kept, language), False)
            done.append(FunderResult(kept, 0, as_closed=True))
            return
        sheets = open_sheets(book, settings.agency_name, period, rows, language, settings.state)
        collector = (
            None
            if sheets.clients is None
            else RowCollector(period, settings.state, row_sink(sheets.clients, cancelled))
        )
        data = build_report_data(
            database,
            actor,
            period,
            generated_at=generated_at,
            progress=progress,
            cancelled=cancelled,
            observers=() if collector is None else (collector,),
            threshold=threshold,
        )
        write_sheets(book, sheets, in_language(data, language), rows)
        database.require_healthy_file()
        done.append(FunderResult(data, collector.written if collector is not None else 0))

    def audit_it() -> None:
        _audit(database, actor, period, Path(target), rows, done[0])

    write_streamed(Path(target), fill, cancelled, before_rename=audit_it)
    log.info("funder workbook %s..%s written to %s", start, end, target)
    return done[0]


def _audit(
    database: Database, actor: Actor, period: Period, target: Path, rows: bool, result: FunderResult
) -> None:
    """The export's row, committed before the workbook takes its name."""
    with database.writing() as session:
        audit.record(
            session,
            actor,
            "export",
            "funder_workbook",
            f"{period.start}..{period.end}",
            after={
                "file": target.name,
                "from": period.start,
                "to": period.end,
                "clients_served": result.data.ledger.value(CLIENTS_SERVED),
                "rows": rows,
                "client_rows": result.client_rows,
                "as_closed": result.as_closed,
                "scope": "aggregate tables"
                + (", de-identified rows of the clients served" if rows else ""),
            },
        )
