"""`export data`: the full identified exchange workbook, streamed from the database.

Clients are read a page at a time; each page's clients, assessments,
substances, events and consents are written to their sheets and the same
rows give the page's RecoveryStatus, with each client's status read from the
status stored after their assessments. The workbook is xlsxwriter's
constant-memory kind (reports/render/xlsx_stream.py): each sheet streams its
rows, in order, to its own temporary file, so the sheets fill side by side
and memory stays flat with the number of clients.

Consent (DOMAIN.md §9): an export is a disclosure to a recipient, and names
only the clients whose consent covers that recipient on the day
(reports/outputs/exchange_disclosure.py); the Notice sheet carries the 42 CFR 2.32
notice and says how many were left out and why. An administrator's internal
copy of every client (`all_clients`) stays inside the agency. Each export is
audited and listed in the disclosure log in one transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db import audit, codes, exchange_rows
from db import consents as consent_rows
from db import settings as agency_settings
from db.access import Actor, Permission
from db.engine import Database, Session
from db.jobs import Cancelled, IsCancelled, Progress
from forms.consents import NAMED_RECIPIENT, Recipient
from forms.exchange import (
    ASSESSMENTS,
    CLIENTS,
    CONSENT_SHARE,
    CONSENTS,
    ENCOUNTERS,
    EVENTS,
    NOTICE,
    RECORD_SHEETS,
    RECOVERY_STATUS,
    SUBSTANCES,
    Sheet,
)
from reports.datasets.exchange_status import histories, status_rows
from reports.datasets.status_store import StoredSeries
from reports.outputs.exchange_disclosure import PART2_NOTICE, Audience, log_disclosure
from reports.render.dictionary import write_dictionary
from reports.render.exchange_sheets import columns_of
from reports.render.xlsx import Column, write_rows
from reports.render.xlsx_stream import StreamBook, StreamSheet, write_streamed
from reports.rules.consent import ConsentFact

__all__ = ["PART2_NOTICE", "ExportSummary", "export_workbook"]

log = logging.getLogger(__name__)

PAGE_CLIENTS = 1_000
# The Clients columns read from the clients table; consent_share comes from the consents.
CLIENT_KEYS = tuple(k for k in CLIENTS.keys if k != CONSENT_SHARE.key)
# Where the client code sits in an encounter row as read (its client id comes first).
_ENCOUNTER_CODE = 1 + ENCOUNTERS.keys.index("client_code")


@dataclass(frozen=True)
class ExportSummary:
    clients: int  # named in the workbook
    left_out: int  # no consent covers the recipient on the day: not named
    as_of: dt.date
    all_clients: bool
    rows: dict[str, int]
    recipient: Recipient
    disclosed_on: dt.date
    left_out_by: dict[str, int] = field(default_factory=dict)  # reports.rules.consent reasons


def export_workbook(
    database: Database,
    actor: Actor,
    target: Path,
    as_of: dt.date,
    *,
    recipient: Recipient | None = None,
    all_clients: bool = False,
    today: dt.date | None = None,
    generated_at: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
) -> ExportSummary:
    """Write the exchange workbook for `recipient` (or the internal copy of every client,
    `all_clients`) to `target` atomically, disclosed on `today`, and audit and log it: the
    audit row and the disclosure log commit once the workbook is on disk and before it
    takes its name, so the file never exists without them, and a failed audit leaves no
    file.

    Raises `Cancelled` (and leaves no file) when `cancelled()` turns true.
    """
    _check(actor, recipient, all_clients)
    day = today or dt.date.today()
    stamp = generated_at or dt.datetime.now(dt.UTC)
    target = Path(target)
    with database.reading() as session:
        exchange_rows.use_snapshot(session)
        if recipient is None:
            recipient = Audience.internal(agency_settings.load(session).agency_name, day).recipient
        audience = Audience(recipient, day)
        total = exchange_rows.client_count(session)
        writer = _Export(session, as_of, audience, total, progress, cancelled)

        def fill(book: StreamBook) -> None:
            writer.fill(book, stamp)
            database.require_healthy_file()

        def audit_it() -> None:
            summary = _summary(audience, total, as_of, all_clients, writer.counts)
            _audit(database, actor, target, summary, audience)

        write_streamed(target, fill, cancelled, before_rename=audit_it)
    summary = _summary(audience, total, as_of, all_clients, writer.counts)
    log.info("exchange export of %d clients to %s", summary.clients, target)
    return summary


def _summary(
    audience: Audience, total: int, as_of: dt.date, all_clients: bool, rows: dict[str, int]
) -> ExportSummary:
    listed = len(audience.included)
    return ExportSummary(
        listed,
        total - listed,
        as_of,
        all_clients,
        rows,
        audience.recipient,
        audience.day,
        dict(audience.left_out_by),
    )


def _check(actor: Actor, recipient: Recipient | None, all_clients: bool) -> None:
    actor.require(Permission.EXPORT_IDENTIFIED)
    if all_clients:
        actor.require(Permission.SETTINGS)  # only administrators hold it
        if recipient is not None:
            raise ValueError(
                "the internal copy of every client stays inside the agency: it has no recipient"
            )
    elif recipient is None:
        raise ValueError("say who receives the workbook: a recipient or a purpose")
    elif recipient.purpose not in (*codes.EXPORT_PURPOSES, NAMED_RECIPIENT):
        # Only all_clients makes the internal copy, which consent does not restrict.
        raise ValueError(f"'{recipient.purpose}' is not a purpose an export may name")
    elif recipient.purpose == NAMED_RECIPIENT and not recipient.name:
        raise ValueError("a named recipient needs its name")


def _audit(
    database: Database, actor: Actor, target: Path, summary: ExportSummary, audience: Audience
) -> None:
    """The audit row and the disclosure log entry, committed together or not at all."""
    with database.writing() as session:
        sheets = [s.name for s in (*RECORD_SHEETS, RECOVERY_STATUS) if summary.rows.get(s.name)]
        disclosure_id = log_disclosure(session, actor, audience, target.name, sheets)
        audit.record(
            session,
            actor,
            "export",
            "exchange_workbook",
            target.name[-60:],
            after={
                "file": target.name,
                "as_of": summary.as_of,
                "disclosed_on": summary.disclosed_on,
                "purpose": summary.recipient.purpose,
                "recipient": summary.recipient.name,
                "disclosure_id": disclosure_id,
                "scope": "all clients"
                if summary.all_clients
                else "clients whose consent covers it",
                "clients": summary.clients,
                "left_out_without_consent": summary.left_out,
                "left_out_by": summary.left_out_by,
                "all_clients": summary.all_clients,
                "rows": summary.rows,
            },
        )


class _Export:
    def __init__(
        self,
        session: Session,
        as_of: dt.date,
        audience: Audience,
        total: int,
        progress: Progress | None,
        cancelled: IsCancelled | None,
    ) -> None:
        self.session, self.as_of, self.audience = session, as_of, audience
        self.internal = audience.is_internal
        self.total, self.progress, self.cancelled = total, progress, cancelled
        self.counts: dict[str, int] = {}

    def fill(self, book: StreamBook, stamp: dt.datetime) -> None:
        sheets = {
            s.name: book.sheet(s.name, columns_of(s)) for s in (*RECORD_SHEETS, RECOVERY_STATUS)
        }
        self._clients(sheets)
        encounters = self._encounters(exchange_rows.encounters(self.session, ENCOUNTERS.keys))
        self.counts[ENCOUNTERS.name] = write_rows(
            sheets[ENCOUNTERS.name], encounters, self.cancelled
        )
        write_dictionary(book, [(s.name, s.fields) for s in (*RECORD_SHEETS, RECOVERY_STATUS)])
        _notice(book, stamp, self.as_of, self.audience, self.total)

    def _encounters(self, rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
        """The encounters as written: one of a client the workbook does not name keeps its
        tallies, not the code. (The clients named are all known by now: a set, looked up
        once per encounter, of which there are more than of anything else.)"""
        named = None if self.internal else frozenset(self.audience.included)
        code = _ENCOUNTER_CODE
        for row in rows:
            client = row[0]
            if client is None or named is None or client in named:
                yield row[1:]
            else:
                yield (*row[1:code], None, *row[code + 1 :])

    def _clients(self, sheets: dict[str, StreamSheet]) -> None:
        done = 0
        for page in exchange_rows.client_pages(self.session, CLIENT_KEYS, PAGE_CLIENTS):
            if self.cancelled is not None and self.cancelled():
                raise Cancelled()
            named = self._named(page, sheets[CONSENTS.name])
            if named:
                self._page(named, sheets)
            done += len(page)
            if self.progress is not None:
                self.progress(done, self.total)

    def _named(
        self, page: list[tuple[Any, ...]], consents_sheet: StreamSheet
    ) -> list[tuple[Any, ...]]:
        """The page's clients the workbook may name, with their consent_share; their consents
        go to the Consents sheet."""
        found = consent_rows.facts_of(self.session, [row[0] for row in page])
        code = 1 + CLIENT_KEYS.index("client_code")
        named, listed = [], 0
        for row in page:
            facts = [ConsentFact(*values) for values in found.get(row[0], ())]
            chosen = self.audience.choose(row[0], facts)
            if chosen is None:
                continue
            named.append((*row, self.audience.shares(facts)))
            for consent in chosen:
                consents_sheet.append(self.audience.consent_row(row[code], consent))
            listed += len(chosen)
        self.counts[CONSENTS.name] = self.counts.get(CONSENTS.name, 0) + listed
        return named

    def _page(self, page: list[tuple[Any, ...]], sheets: dict[str, StreamSheet]) -> None:
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
        stored = StoredSeries(self.session, ids, [self.as_of])
        statuses = [
            r
            for history in histories(
                people, found[ASSESSMENTS.name], found[SUBSTANCES.name], found[EVENTS.name]
            )
            for r in status_rows(history, self.as_of, stored.of(history)[0])
        ]
        self._write(sheets, RECOVERY_STATUS, statuses)

    def _write(
        self, sheets: dict[str, StreamSheet], sheet: Sheet, rows: Sequence[tuple[Any, ...]]
    ) -> None:
        append = sheets[sheet.name].append  # booleans become yes/no there
        for row in rows:
            append(row)
        self.counts[sheet.name] = self.counts.get(sheet.name, 0) + len(rows)


def _notice(
    book: StreamBook, stamp: dt.datetime, as_of: dt.date, audience: Audience, total: int
) -> None:
    sheet = book.sheet(NOTICE.name, [Column("item", 22), Column("text", 110)])
    listed = len(audience.included)
    rows = audience.notice_rows(listed, total - listed)
    rows.insert(3, ("generated_at", stamp.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")))
    rows.insert(4, ("as_of", as_of.isoformat()))
    for row in rows:
        sheet.append(row)
