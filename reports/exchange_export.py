"""`export data`: the full identified exchange workbook, streamed from the database.

Clients are read a page at a time; each page's clients, assessments,
substances and events are written to their sheets (openpyxl write-only
sheets each stream to their own temporary file, so they can be filled side
by side) and the same rows give the page's RecoveryStatus. Memory therefore
stays flat with the number of clients.

Consent (DOMAIN.md §9: identified exports are refused for a client without
consent): clients without `consent_share` are left out, and the Notice sheet
says how many. An administrator may export every client for an internal
migration (`all_clients`); that choice is recorded in the audit trail.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from db import audit, exchange_rows
from db.access import Actor, Permission
from db.engine import Database
from forms.exchange import (
    ASSESSMENTS,
    CLIENTS,
    ENCOUNTERS,
    EVENTS,
    NOTICE,
    RECORD_SHEETS,
    RECOVERY_STATUS,
    SUBSTANCES,
    Sheet,
)
from forms.fields import Field, Kind
from reports.dictionary import write_dictionary
from reports.exchange_status import histories, status_rows
from reports.xlsx import Cancelled, Column, SheetWriter, XlsxBook, write_or_discard, write_rows

log = logging.getLogger(__name__)

PAGE_CLIENTS = 1_000
DATE_FORMAT = "yyyy-mm-dd"
# 42 CFR §2.32(a)(2): a statement that must accompany a disclosure made with consent.
PART2_NOTICE = "42 CFR part 2 prohibits unauthorized use or disclosure of these records."
PART2_EXPLAINED = (
    "This workbook holds substance use disorder patient records protected by federal "
    "confidentiality rules (42 CFR part 2). Use or disclose it only as the written consent of "
    "each client, or 42 CFR part 2, permits. A general authorization for the release of "
    "medical or other information is not sufficient for this purpose."
)
_WIDTH_BY_KIND = {
    Kind.DATE: 12,
    Kind.BOOLEAN: 8,
    Kind.INTEGER: 8,
    Kind.CODE: 14,
    Kind.CODES: 40,
    Kind.TEXT: 18,
}


@dataclass(frozen=True)
class ExportSummary:
    clients: int  # listed in the workbook
    left_out: int  # without consent to share, not listed
    as_of: dt.date
    all_clients: bool
    rows: dict[str, int]


def columns_of(sheet: Sheet) -> list[Column]:
    """Column widths from the kind of field (but never narrower than the key)."""
    return [
        Column(
            f.key,
            max(_WIDTH_BY_KIND[f.kind], len(f.key) + 2),
            DATE_FORMAT if f.kind is Kind.DATE else None,
        )
        for f in sheet.fields
    ]


def cell(f: Field, value: Any) -> Any:
    """A stored value as the workbook writes it: yes/no for booleans, dates as dates."""
    if value is None:
        return None
    if f.kind is Kind.BOOLEAN:
        return "yes" if value else "no"
    return value


def export_workbook(
    database: Database,
    actor: Actor,
    target: Path,
    as_of: dt.date,
    *,
    all_clients: bool = False,
    generated_at: dt.datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportSummary:
    """Write the exchange workbook to `target` (atomically) and audit the export: the
    audit row commits once the workbook is on disk and before it takes its name, so the
    file never exists without its row, and a failed audit leaves no file.

    Raises `Cancelled` (and leaves no file) when `cancelled()` turns true.
    """
    actor.require(Permission.EXPORT_IDENTIFIED)
    if all_clients:
        actor.require(Permission.SETTINGS)  # only administrators hold it
    stamp = generated_at or dt.datetime.now(dt.UTC)
    target = Path(target)
    with database.reading() as session:
        exchange_rows.use_snapshot(session)
        listed, left_out = exchange_rows.client_counts(session, all_clients)
        writer = _Export(session, as_of, all_clients, listed, progress, cancelled)

        def fill(book: XlsxBook) -> None:
            writer.fill(book, stamp, left_out)
            database.require_healthy_file()

        def audit_it() -> None:
            summary = ExportSummary(listed, left_out, as_of, all_clients, writer.counts)
            _audit(database, actor, target, summary)

        write_or_discard(XlsxBook(), target, fill, cancelled, before_rename=audit_it)
    log.info("exchange export of %d clients to %s", listed, target)
    return ExportSummary(listed, left_out, as_of, all_clients, writer.counts)


def _audit(database: Database, actor: Actor, target: Path, summary: ExportSummary) -> None:
    with database.writing() as session:
        audit.record(
            session,
            actor,
            "export",
            "exchange_workbook",
            target.name[-60:],
            after={
                "file": target.name,
                "as_of": summary.as_of,
                "scope": "all clients" if summary.all_clients else "consenting clients",
                "clients": summary.clients,
                "left_out_without_consent": summary.left_out,
                "all_clients": summary.all_clients,
                "rows": summary.rows,
            },
        )


class _Export:
    def __init__(
        self,
        session: Session,
        as_of: dt.date,
        all_clients: bool,
        total: int,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.session, self.as_of, self.all_clients = session, as_of, all_clients
        self.total, self.progress, self.cancelled = total, progress, cancelled
        self.counts: dict[str, int] = {}

    def fill(self, book: XlsxBook, stamp: dt.datetime, left_out: int) -> None:
        sheets = {
            s.name: book.sheet(s.name, columns_of(s)) for s in (*RECORD_SHEETS, RECOVERY_STATUS)
        }
        self._clients(sheets)
        encounters = (
            _cells(ENCOUNTERS, row)
            for row in exchange_rows.encounters(self.session, ENCOUNTERS.keys, self.all_clients)
        )
        self.counts[ENCOUNTERS.name] = write_rows(
            sheets[ENCOUNTERS.name], encounters, self.cancelled
        )
        write_dictionary(book, [(s.name, s.fields) for s in (*RECORD_SHEETS, RECOVERY_STATUS)])
        _notice(book, stamp, self.as_of, self.total, left_out, self.all_clients)

    def _clients(self, sheets: dict[str, SheetWriter]) -> None:
        done = 0
        for page in exchange_rows.client_pages(
            self.session, CLIENTS.keys, self.all_clients, PAGE_CLIENTS
        ):
            if self.cancelled is not None and self.cancelled():
                raise Cancelled()
            self._page(page, sheets)
            done += len(page)
            if self.progress is not None:
                self.progress(done, self.total)

    def _page(self, page: list[tuple[Any, ...]], sheets: dict[str, SheetWriter]) -> None:
        ids = [row[0] for row in page]
        found = {
            ASSESSMENTS.name: exchange_rows.assessments_of(self.session, ids, ASSESSMENTS.keys),
            SUBSTANCES.name: exchange_rows.substances_of(self.session, ids, SUBSTANCES.keys),
            EVENTS.name: exchange_rows.events_of(self.session, ids, EVENTS.keys),
        }
        self._write(sheets, CLIENTS, [row[1:] for row in page])
        for sheet in (ASSESSMENTS, SUBSTANCES, EVENTS):
            self._write(sheets, sheet, [row[1:] for row in found[sheet.name]])
        code, born = 1 + CLIENTS.keys.index("client_code"), 1 + CLIENTS.keys.index("birth_date")
        people = [(row[0], row[code], row[born]) for row in page]
        statuses = [
            r
            for history in histories(
                people, found[ASSESSMENTS.name], found[SUBSTANCES.name], found[EVENTS.name]
            )
            for r in status_rows(history, self.as_of)
        ]
        self._write(sheets, RECOVERY_STATUS, statuses)

    def _write(
        self, sheets: dict[str, SheetWriter], sheet: Sheet, rows: Sequence[tuple[Any, ...]]
    ) -> None:
        writer = sheets[sheet.name]
        for row in rows:
            writer.append(_cells(sheet, row))
        self.counts[sheet.name] = self.counts.get(sheet.name, 0) + len(rows)


def _cells(sheet: Sheet, row: tuple[Any, ...]) -> list[Any]:
    return [cell(f, value) for f, value in zip(sheet.fields, row, strict=True)]


def _notice(
    book: XlsxBook,
    stamp: dt.datetime,
    as_of: dt.date,
    listed: int,
    left_out: int,
    all_clients: bool,
) -> None:
    sheet = book.sheet(NOTICE.name, [Column("item", 22), Column("text", 110)])
    scope = (
        "every client, consenting or not: an administrator's export for an internal migration"
        if all_clients
        else "only clients who consented to sharing identified data (consent_share = yes)"
    )
    for row in (
        ("notice", PART2_NOTICE),
        ("explanation", PART2_EXPLAINED),
        ("generated_at", stamp.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")),
        ("as_of", as_of.isoformat()),
        ("clients", listed),
        ("clients_left_out", left_out),
        ("scope", scope),
    ):
        sheet.append(row)
