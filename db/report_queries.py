"""Aggregate queries behind the monthly report and the funder workbook.

Each function answers one question for a range of days with a few GROUP BY
statements, so a report over a large agency never loads the agency's rows
into Python. Dates are bound parameters and the SQL is plain ANSI, so the
same statements run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, Integer, Select, Subquery, bindparam, func, or_, select, tuple_, union
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from db import codes
from db.chunk_rows import ManyRows, slot_count
from db.models import Assessment, Client, Encounter, Episode, Event, SubstanceRecord

log = logging.getLogger(__name__)

COMPLETED = "completed"
DECEASED = "deceased"
DEATH = codes.DEATH


@dataclass(frozen=True, slots=True)
class Caseload:
    """Who the agency saw in a range of days (see docs/reports.md for each line)."""

    clients_served: int
    events_only: int  # clients with an event in the range but not served in it
    new_intakes: int
    reentries: int
    discharges: int
    encounters: int
    anonymous_encounters: int


@dataclass(frozen=True, slots=True)
class AreaTotals:
    """Programme tallies of the encounters of one area; `area` None: not recorded."""

    area: str | None
    encounters: int
    tallies: dict[str, int]


def _served_ids(start: dt.date, end: dt.date) -> Select[tuple[int]]:
    """Clients served in the range (DOMAIN.md §8): a completed assessment or an identified
    encounter dated in it. An event alone (an arrest, an emergency visit, a death) is not
    a service; events are counted in their own lines."""
    assessed = select(Assessment.client_id).where(
        Assessment.voided_at.is_(None),
        Assessment.assessed_on.between(start, end),
        Assessment.contact_status == COMPLETED,
    )
    met = select(Encounter.client_id).where(
        Encounter.voided_at.is_(None),
        Encounter.occurred_on.between(start, end),
        Encounter.client_id.is_not(None),
    )
    return union(assessed, met).subquery().select()


def served_subquery(start: dt.date, end: dt.date) -> Subquery:
    """The ids of the clients served in the range, as one column to join on."""
    return _served_ids(start, end).subquery()


def clients_served(session: Session, start: dt.date, end: dt.date) -> int:
    ids = _served_ids(start, end).subquery()
    return int(session.scalar(select(func.count()).select_from(ids)) or 0)


def _served_and_events_only(session: Session, start: dt.date, end: dt.date) -> tuple[int, int]:
    """The clients served in the range, and those with an event dated in it who were not
    served: one statement, which works out who was served once (a CTE read twice is
    materialised), where two statements worked it out twice."""
    served = _served_ids(start, end).cte("served")
    evented = (
        select(Event.client_id)
        .where(
            Event.voided_at.is_(None),
            Event.occurred_on.between(start, end),
            Event.client_id.not_in(select(served.c[0])),
        )
        .distinct()
        .subquery()
    )
    row = session.execute(
        select(
            select(func.count()).select_from(served).scalar_subquery(),
            select(func.count()).select_from(evented).scalar_subquery(),
        )
    ).one()
    return int(row[0]), int(row[1])


def caseload(session: Session, start: dt.date, end: dt.date) -> Caseload:
    opened = session.execute(
        select(Episode.reentry, func.count())
        .where(Episode.opened_on.between(start, end))
        .group_by(Episode.reentry)
    ).all()
    by_reentry = {bool(reentry): int(n) for reentry, n in opened}
    discharges = session.scalar(
        select(func.count())
        .select_from(Assessment)
        .where(
            Assessment.voided_at.is_(None),
            Assessment.kind == "discharge",
            Assessment.assessed_on.between(start, end),
        )
    )
    met = session.execute(
        select(
            func.count(),
            func.count(Encounter.client_id),
        ).where(Encounter.voided_at.is_(None), Encounter.occurred_on.between(start, end))
    ).one()
    total, identified = int(met[0]), int(met[1])
    served, events_only = _served_and_events_only(session, start, end)
    return Caseload(
        clients_served=served,
        events_only=events_only,
        new_intakes=by_reentry.get(False, 0),
        reentries=by_reentry.get(True, 0),
        discharges=int(discharges or 0),
        encounters=total,
        anonymous_encounters=total - identified,
    )


def programme_tallies(session: Session, start: dt.date, end: dt.date) -> list[AreaTotals]:
    """Encounter tallies per area (as recorded), areas in order, the unrecorded area last."""
    sums = [
        func.coalesce(func.sum(getattr(Encounter, name)), 0) for name in codes.ENCOUNTER_TALLIES
    ]
    rows = session.execute(
        select(Encounter.area, func.count(), *sums)
        .where(Encounter.voided_at.is_(None), Encounter.occurred_on.between(start, end))
        .group_by(Encounter.area)
    )
    found = [
        AreaTotals(
            row[0],
            int(row[1]),
            dict(zip(codes.ENCOUNTER_TALLIES, (int(v) for v in row[2:]), strict=True)),
        )
        for row in rows
    ]
    return sorted(found, key=lambda t: (t.area is None, t.area or ""))


def encounter_people(
    session: Session, start: dt.date, end: dt.date
) -> dict[str | None, tuple[int, int]]:
    """For each area as recorded on the encounters in the range: how many distinct clients
    and how many anonymous encounters (who the area's tallies are about)."""
    rows = session.execute(
        select(
            Encounter.area,
            func.count(func.distinct(Encounter.client_id)),
            func.count() - func.count(Encounter.client_id),
        )
        .where(Encounter.voided_at.is_(None), Encounter.occurred_on.between(start, end))
        .group_by(Encounter.area)
    )
    return {area: (int(clients), int(anonymous)) for area, clients, anonymous in rows}


def distinct_clients_in(
    session: Session, start: dt.date, end: dt.date, areas: Sequence[str]
) -> int:
    """Distinct clients with an encounter in the range in any of `areas` (one area typed
    several ways)."""
    query = select(func.count(func.distinct(Encounter.client_id))).where(
        Encounter.voided_at.is_(None),
        Encounter.occurred_on.between(start, end),
        Encounter.area.in_(list(areas)),
    )
    return int(session.scalar(query) or 0)


def known_deaths_by_area(
    session: Session, start: dt.date, end: dt.date, deaths: Mapping[int, dt.date] | None = None
) -> dict[str | None, int]:
    """Clients who died in the range, by the postal code on their record. A death is
    dated by its first record, event or deceased contact (`death_dates_with_contacts`,
    given as `deaths` when the caller has it)."""
    found = death_dates_with_contacts(session, end) if deaths is None else deaths
    ids = [client_id for client_id, day in found.items() if start <= day <= end]
    counts: dict[str | None, int] = {}
    for chunk in _chunks(ids):
        rows = session.execute(
            select(Client.postal_code, func.count())
            .where(Client.id.in_(chunk))
            .group_by(Client.postal_code)
        )
        for area, n in rows:
            counts[area] = counts.get(area, 0) + int(n)
    return counts


def _chunks(ids: list[int], size: int = 5000) -> Iterator[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def death_dates_with_contacts(session: Session, end: dt.date) -> dict[int, dt.date]:
    """Each client's death on or before `end`: the earlier of the first death event and
    the first deceased contact (the date the rules take); its keys are the deceased.

    Two narrow lists joined in Python: a UNION over the two large tables
    costs seconds at agency scale, and the lists hold a few thousand ids.
    """
    found = death_dates(session, end)
    contacts = session.execute(
        select(Assessment.client_id, func.min(Assessment.assessed_on))
        .where(
            Assessment.voided_at.is_(None),
            Assessment.contact_status == DECEASED,
            Assessment.assessed_on <= end,
        )
        .group_by(Assessment.client_id)
    )
    for client_id, day in contacts:
        known = found.get(client_id)
        if known is None or day < known:
            found[client_id] = day
    return found


def last_completed_before(session: Session, as_of: dt.date, before: dt.date) -> list[int]:
    """Clients assessed (completed) on or before `as_of` whose latest such assessment is
    before `before`: the ones whose status has gone unknown, the dead among them too."""
    latest = (
        select(Assessment.client_id, func.max(Assessment.assessed_on).label("last_on"))
        .where(
            Assessment.voided_at.is_(None),
            Assessment.contact_status == COMPLETED,
            Assessment.assessed_on <= as_of,
        )
        .group_by(Assessment.client_id)
        .subquery()
    )
    return list(session.scalars(select(latest.c.client_id).where(latest.c.last_on < before)))


def latest_episodes(
    session: Session, as_of: dt.date, opened_from: dt.date | None = None
) -> dict[int, tuple[dt.date, dt.date | None]]:
    """Each client's latest episode opened on or before `as_of`: (opened_on, closed_on);
    with `opened_from`, only the clients whose latest opened on or after it."""
    opened = Episode.opened_on <= as_of
    if opened_from is not None:
        opened &= Episode.opened_on >= opened_from
    latest = (
        select(Episode.client_id, func.max(Episode.opened_on).label("opened_on"))
        .where(opened)
        .group_by(Episode.client_id)
        .subquery()
    )
    rows = session.execute(
        select(Episode.client_id, Episode.opened_on, Episode.closed_on).join(
            latest,
            (latest.c.client_id == Episode.client_id) & (latest.c.opened_on == Episode.opened_on),
        )
    )
    return {int(client_id): (opened, closed) for client_id, opened, closed in rows}


def assessed_client_ids(session: Session, start: dt.date, end: dt.date) -> list[int]:
    """Clients with a completed assessment in the range, ascending."""
    query = (
        select(Assessment.client_id)
        .where(
            Assessment.voided_at.is_(None),
            Assessment.contact_status == COMPLETED,
            Assessment.assessed_on.between(start, end),
        )
        .distinct()
        .order_by(Assessment.client_id)
    )
    return list(session.scalars(query))


def _assessed_in(start: dt.date, end: dt.date) -> Select[Any]:
    return select(Assessment.client_id).where(
        Assessment.voided_at.is_(None),
        Assessment.contact_status == COMPLETED,
        Assessment.assessed_on.between(start, end),
    )


def _not_assessed_events(start: dt.date, end: dt.date) -> Select[int, str]:
    """Events in the range of clients with no completed assessment in it. Death events
    are left out: a death is dated by its first record (`death_dates_with_contacts`)."""
    return select(Event.client_id, Event.event).where(
        Event.voided_at.is_(None),
        Event.occurred_on.between(start, end),
        Event.event != DEATH,
        Event.client_id.not_in(_assessed_in(start, end)),
    )


def unassessed_with_events(
    session: Session,
    start: dt.date,
    end: dt.date,
    indicator_of: Mapping[str, str],
    deaths: Mapping[int, dt.date],
    death_indicator: str,
) -> tuple[int, dict[str, int]]:
    """Clients with an event or a death but no completed assessment in the range: how
    many, and how many carry each indicator (`indicator_of` maps event codes to
    indicators; a death in the range, from `deaths`, sets `death_indicator`).

    One statement returns each such client's distinct event codes; folding codes
    into indicators is a dictionary lookup per row.
    """
    events = _not_assessed_events(start, end).distinct()
    clients: set[int] = set()
    flagged: dict[str, set[int]] = {}
    for client_id, event in session.execute(events):
        clients.add(client_id)
        name = indicator_of.get(event)
        if name is not None:
            flagged.setdefault(name, set()).add(client_id)
    died = {client_id for client_id, day in deaths.items() if start <= day <= end}
    if died:
        died -= set(session.scalars(_assessed_in(start, end).where(Assessment.client_id.in_(died))))
        clients |= died
        flagged.setdefault(death_indicator, set()).update(died)
    return len(clients), {name: len(ids) for name, ids in flagged.items()}


def event_totals(session: Session, start: dt.date, end: dt.date) -> dict[str, int]:
    """Events dated in the range, each counted `count` times, by event code; death
    events are not among them (a death is a client's, counted once: see
    `death_dates_with_contacts`)."""
    rows = session.execute(
        select(Event.event, func.sum(Event.count))
        .where(
            Event.voided_at.is_(None), Event.occurred_on.between(start, end), Event.event != DEATH
        )
        .group_by(Event.event)
    )
    return {event: int(total) for event, total in rows}


def followup_inputs(
    session: Session,
    intakes_from: dt.date,
    end: dt.date,
    not_assessed_from: dt.date,
    *,
    intakes_in: Sequence[tuple[dt.date, dt.date]] = (),
) -> Iterator[tuple[int, dt.date, str, str]]:
    """(client_id, assessed_on, kind, contact_status) of the assessments from
    `intakes_from` to `end` of the clients with a completed intake in that range
    (or, given `intakes_in`, in one of those ranges of days) and no completed
    assessment from `not_assessed_from` (the report walks the others' whole
    histories anyway), by client and date. Earlier assessments cannot fall in the
    windows of these intakes, so they are not read.

    Only these four columns: follow-up windows need nothing else, and a tuple
    costs far less than a full history.
    """
    ranges = intakes_in or ((intakes_from, end),)
    recent = select(Assessment.client_id).where(
        Assessment.voided_at.is_(None),
        Assessment.contact_status == COMPLETED,
        Assessment.assessed_on.between(not_assessed_from, end),
    )
    with_intake = (
        select(Assessment.client_id)
        .where(
            Assessment.voided_at.is_(None),
            Assessment.kind == "intake",
            Assessment.contact_status == COMPLETED,
            or_(*(Assessment.assessed_on.between(first, last) for first, last in ranges)),
            Assessment.client_id.not_in(recent),
        )
        .distinct()
        .subquery()
    )
    query = (
        select(
            Assessment.client_id, Assessment.assessed_on, Assessment.kind, Assessment.contact_status
        )
        .join(with_intake, with_intake.c[0] == Assessment.client_id)
        .where(Assessment.voided_at.is_(None), Assessment.assessed_on.between(intakes_from, end))
        .order_by(Assessment.client_id, Assessment.assessed_on)
    )
    for row in session.execute(query, execution_options={"yield_per": 20000}):
        yield int(row[0]), row[1], row[2], row[3]


def death_dates(
    session: Session, end: dt.date, client_ids: list[int] | None = None
) -> dict[int, dt.date]:
    """The first death event of each client who has one on or before `end`."""
    query = (
        select(Event.client_id, func.min(Event.occurred_on))
        .where(Event.voided_at.is_(None), Event.event == DEATH, Event.occurred_on <= end)
        .group_by(Event.client_id)
    )
    if client_ids is not None:
        query = query.where(Event.client_id.in_(client_ids))
    return {int(cid): day for cid, day in session.execute(query)}


def clients_with_events_or_deaths(session: Session, start: dt.date, end: dt.date) -> set[int]:
    """Clients with an event in the range other than a death record, or who died in it
    (dated by the first record of the death): counted in harm without an assessment."""
    events = select(Event.client_id).where(
        Event.voided_at.is_(None), Event.occurred_on.between(start, end), Event.event != DEATH
    )
    streamed = session.scalars(events.distinct(), execution_options={"yield_per": 20_000})
    found = {int(cid) for cid in streamed}
    deaths = death_dates_with_contacts(session, end)
    return found | {cid for cid, day in deaths.items() if day >= start}


def served_ids(session: Session, start: dt.date, end: dt.date) -> set[int]:
    """Every client served in the range (one statement)."""
    rows: Iterable[Any] = session.execute(_served_ids(start, end))
    return {int(row[0]) for row in rows}


_DAYS_CHUNK = 512  # (client, day) pairs per statement on SQLite (a power of two)
_DAYS_CHUNK_SERVER = 4096  # per statement on PostgreSQL, as two arrays


def substances_on(
    session: Session, client_days: Sequence[tuple[int, dt.date]]
) -> dict[tuple[int, dt.date], list[tuple[str, bool, int | None]]]:
    """(substance_class, primary, use_days_28) of the records of each assessment named
    by (client id, date), a client having at most one assessment a day, in the order a
    client's history lists them. For a few assessments of many clients, this reads far
    fewer rows than their histories' substance records."""
    found: dict[tuple[int, dt.date], list[tuple[str, bool, int | None]]] = {}
    wanted = sorted(set(client_days))
    conn = session.connection()
    on_server = conn.dialect.name == "postgresql"
    size = _DAYS_CHUNK_SERVER if on_server else _DAYS_CHUNK
    for start in range(0, len(wanted), size):
        chunk = wanted[start : start + size]
        if on_server:
            rows = _records_on_days_server().rows(conn, _arrays(chunk))
        else:
            slots = slot_count(range(len(chunk)))
            rows = _records_on_days(slots).rows(conn, _pair_values(chunk, slots))
        for client_id, day, substance_class, primary, use_days in rows:
            record = (substance_class, bool(primary), use_days)
            found.setdefault((client_id, day), []).append(record)
    return found


def _substance_columns() -> Select[int, dt.date, str, bool, int | None]:
    return select(
        Assessment.client_id,
        Assessment.assessed_on,
        SubstanceRecord.substance_class,
        SubstanceRecord.primary,
        SubstanceRecord.use_days_28,
    )


_RECORD_ORDER = (Assessment.client_id, Assessment.assessed_on, SubstanceRecord.id)


@functools.lru_cache(maxsize=16)  # slot counts are powers of two up to _DAYS_CHUNK
def _records_on_days(slots: int) -> ManyRows:
    # The pairs bound one per slot, compiled once: an IN list of pairs is compiled again
    # at every execution, which cost as much as the reading.
    clients = [bindparam(f"c_{k}", type_=Integer) for k in range(slots)]
    days = [bindparam(f"d_{k}", type_=Assessment.assessed_on.type) for k in range(slots)]
    return ManyRows(
        _substance_columns()
        .join(Assessment, Assessment.id == SubstanceRecord.assessment_id)
        .where(
            Assessment.voided_at.is_(None),
            # The clients alone let SQLite search its (client, day) index; the pairs
            # alone would have it scan every assessment.
            Assessment.client_id.in_(clients),
            tuple_(Assessment.client_id, Assessment.assessed_on).in_(
                [tuple_(c, d) for c, d in zip(clients, days, strict=True)]
            ),
        )
        .order_by(*_RECORD_ORDER)
    )


def _pair_values(pairs: Sequence[tuple[int, dt.date]], slots: int) -> dict[str, Any]:
    """The values of `_records_on_days`'s slots; the last pair fills those left over."""
    values: dict[str, Any] = {}
    for k in range(slots):
        client_id, day = pairs[min(k, len(pairs) - 1)]
        values[f"c_{k}"], values[f"d_{k}"] = client_id, day
    return values


@functools.cache
def _records_on_days_server() -> ManyRows:
    # PostgreSQL joins the pairs sent as two arrays: four times quicker there than the
    # list of pairs, which it plans anew each time and searches with parallel workers.
    wanted = (
        func.unnest(
            bindparam("clients", type_=postgresql.ARRAY(Integer)),
            bindparam("days", type_=postgresql.ARRAY(Date)),
        )
        .table_valued("client_id", "day")
        .render_derived(name="wanted")
    )
    same_day = (Assessment.client_id == wanted.c.client_id) & (
        Assessment.assessed_on == wanted.c.day
    )
    return ManyRows(
        _substance_columns()
        .select_from(wanted)
        .join(Assessment, same_day & Assessment.voided_at.is_(None))
        .join(SubstanceRecord, SubstanceRecord.assessment_id == Assessment.id)
        .order_by(*_RECORD_ORDER)
    )


def _arrays(pairs: Sequence[tuple[int, dt.date]]) -> dict[str, Any]:
    return {"clients": [c for c, _ in pairs], "days": [d for _, d in pairs]}
