"""The state of one import while it runs: session, problems, counts, keys taken, rows seen.

Kept apart from the sheet loaders so that each loader reads as what it checks.
"""

from __future__ import annotations

import datetime as dt
import logging
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from db import bulk
from db.access import Actor
from db.engine import Session
from db.jobs import Cancelled, IsCancelled, Progress
from forms.exchange import ASSESSED_ON, CLIENT_CODE, Sheet
from forms.import_read import Problems
from forms.values import FieldError, parse

log = logging.getLogger(__name__)

CHUNK_ROWS = 1_000
# Parsing a link date with the latest possible "today" checks its form, not its
# plausibility: a future date is reported once, on the record's own row.
_NO_FUTURE_CHECK = dt.date.max

T = TypeVar("T")


class RowBook:
    """Which sheet row each new record came from, by its id (4 bytes a record)."""

    def __init__(self, first_id: int) -> None:
        self._first = first_id
        self._rows = array("I")

    def add(self, record_id: int, row: int) -> None:
        offset = record_id - self._first
        if offset >= len(self._rows):
            self._rows.extend([0] * (offset + 1 - len(self._rows)))
        self._rows[offset] = row

    def ids(self) -> Iterator[int]:
        """The ids recorded, in order."""
        return (self._first + offset for offset, row in enumerate(self._rows) if row)

    def row_of(self, record_id: int) -> int:
        offset = record_id - self._first
        return self._rows[offset] if 0 <= offset < len(self._rows) else 0


@dataclass
class ImportRun:
    session: Session
    actor: Actor
    today: dt.date
    update: bool
    problems: Problems
    progress: Progress | None = None
    cancelled: IsCancelled | None = None
    # (work done, work to do) for the progress callback; rows read when not given.
    position: Callable[[], tuple[int, int]] | None = None
    # Told each chunk's client codes before they are loaded, so the database's desks are
    # not handed them as automatic codes meanwhile (forms/importer.py).
    reserve_codes: Callable[[list[str]], None] | None = None
    done_rows: int = 0
    added: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    # Client codes whose Clients row was refused: their other rows are not reported again.
    refused_codes: set[str] = field(default_factory=set)
    # (sheet, code) already told "in the database", so it is said once per sheet.
    told_existing: set[tuple[str, str]] = field(default_factory=set)
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    # Clients whose Clients row says consent_share = yes, and clients with a Consents row;
    # the first without the second get a consent (forms/import_consents.py).
    share_yes: set[int] = field(default_factory=set)
    consent_clients: set[int] = field(default_factory=set)
    # The sheet row of each consent seen, by (client id, scope, recipient, signed on).
    consent_rows: dict[tuple[object, ...], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ids = {
            name: bulk.IdAllocator(self.session, name)
            for name in ("clients", "assessments", "episodes")
        }
        self.clients_before = self.ids["clients"].highest_before
        self.assessments_before = self.ids["assessments"].highest_before
        self.client_rows = RowBook(self.clients_before + 1)
        self.assessment_rows = RowBook(self.assessments_before + 1)
        # Clients stored before the import whose episodes are built again: --update added
        # an assessment or changed one's kind or contact.
        self.rebuild_clients: set[int] = set()
        # Clients given new events or corrected answers: their stored status is rebuilt
        # with the episodes' clients and the new clients (an arrest or a criterion counts).
        self.status_clients: set[int] = set()
        # With --update: the highest event and encounter ids before the import, and the
        # stored rows a file row was found equal to (each stored row matches one file row).
        self.stored_before = (
            {name: bulk.highest_id(self.session, name) for name in ("events", "encounters")}
            if self.update
            else {}
        )
        self.matched: set[tuple[str, int]] = set()
        # With --update: clients stored before whose rows the import writes, and the first
        # file row naming each stored client (a staged merge names it if a desk changed it).
        self.changed_clients: set[int] = set()
        self.first_rows: dict[int, tuple[str, int, str]] = {}

    def written_clients(self) -> set[int]:
        """The clients stored before the import whose rows or derived rows it writes."""
        touched = self.rebuild_clients | self.status_clients | self.changed_clients
        return {c for c in touched if c <= self.clients_before}

    def tick(self, rows: int) -> None:
        """Count rows read; report progress and honour a cancel between chunks."""
        self.done_rows += rows
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()
        if self.progress is not None:
            done, total = self.position() if self.position else (self.done_rows, 0)
            self.progress(done, max(total, done))

    def is_new(self, ref: bulk.ClientRef) -> bool:
        """Whether the client was added by this import (and not stored before it). Not
        told by its id alone: on PostgreSQL a desk's client saved while the import runs
        also has an id past those stored before it."""
        return self.client_rows.row_of(ref.id) != 0

    def report(self, sheet: Sheet, row: int, errors: Mapping[str, str]) -> None:
        for key, message in errors.items():
            self.problems.add(sheet.name, row, key, message)

    def clients(self, codes: Iterable[str | None]) -> dict[str, bulk.ClientRef]:
        return bulk.clients_by_code(self.session, (c for c in codes if c))


def chunks(rows: Iterator[T], size: int = CHUNK_ROWS) -> Iterator[list[T]]:
    chunk: list[T] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def link_code(raw: Mapping[str, Any], today: dt.date) -> tuple[str | None, str | None]:
    """(client code, None) or (None, the message for a bad one); (None, None) when empty."""
    try:
        value = parse(CLIENT_CODE, raw.get("client_code"), today)
    except FieldError as exc:
        return None, f"{CLIENT_CODE.label} {exc}"
    return (str(value) if value is not None else None), None


def link_date(raw: Mapping[str, Any]) -> tuple[dt.date | None, str | None]:
    try:
        value = parse(ASSESSED_ON, raw.get("assessed_on"), _NO_FUTURE_CHECK)
    except FieldError as exc:
        return None, f"{ASSESSED_ON.label} {exc}"
    return (value if isinstance(value, dt.date) else None), None
