"""The dataset of the monthly report and of the funder workbook's summary.

`build_report_data` reads a period in one read transaction: the caseload,
community and population counts from SQL aggregates (db.report_queries),
follow-up windows from a narrow four-column stream, and recovery and harm
from the histories of the clients active in the last two years, streamed
chunk by chunk and walked once each for all twelve trend dates. Every count
goes into one ledger, which suppresses small numbers across all tables at
once (unless the report is internal); the result holds only printed values.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from db import report_queries as queries
from db import settings as agency_settings
from db.access import Actor, Permission
from db.engine import Database
from reports import followup as followup_rules
from reports import recovery as rules
from reports.dates import Period
from reports.definitions import definitions
from reports.deidentify import UNKNOWN_ROW_READS, RowCollector
from reports.facts import ClientHistory
from reports.harm import DEATH_INDICATOR, EVENT_INDICATOR
from reports.harm_summary import HarmSummary, summarise_harm
from reports.histories import collector_paused, load_histories
from reports.ledger import Ledger
from reports.monthly_community import (
    caseload_spec,
    community_specs,
    pool_areas,
    register_areas,
    spelled_apart,
)
from reports.monthly_followup import FollowupTally, followup_spec, intakes_from, minimal_histories
from reports.monthly_harm import Unassessed, assessed_in, harm_specs
from reports.monthly_recovery import RecoveryTally, recovery_specs
from reports.monthly_trends import TrendTally, trend_dates, trend_months, trend_specs
from reports.report_tables import Disclosure, Table, TableSpec, render
from reports.xlsx import Cancelled

log = logging.getLogger(__name__)

TREND_MONTHS = 12
CHECK_EVERY = 500
Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    intro: str
    tables: tuple[Table, ...]


@dataclass(frozen=True)
class ReportData:
    agency: str
    period: Period
    harm_period: Period
    generated_at: dt.datetime
    disclosure: Disclosure
    paper_size: str
    state: str
    followup_months: tuple[int, ...]
    sections: tuple[Section, ...]
    trend_dates: tuple[dt.date, ...]
    trends: tuple[Table, ...]
    community: Table  # every area with every column, for the workbook
    definitions: tuple[tuple[str, str], ...]
    # Every count and printed equation behind the tables, for checking them.
    ledger: Ledger = field(repr=False, compare=False, default_factory=Ledger)

    def table(self, key: str) -> Table:
        for table in (*(t for s in self.sections for t in s.tables), *self.trends):
            if table.key == key:
                return table
        raise KeyError(key)


@dataclass
class _Tallies:
    followups: FollowupTally
    trend: TrendTally
    recovery: RecoveryTally
    harm: HarmSummary | None = None
    # Recently assessed, alive, yet no substance recorded: no status to count.
    unlisted: int = 0
    rows: RowCollector | None = None


def build_report_data(
    database: Database,
    actor: Actor,
    period: Period,
    *,
    internal: bool = False,
    generated_at: dt.datetime | None = None,
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    rows: RowCollector | None = None,
) -> ReportData:
    """Everything the report prints for `period`; status and harm are read at its last day.

    `rows`, when given, also receives every client the tables count as the walk
    passes (the funder workbook's de-identified rows).
    """
    actor.require(Permission.REPORTS)
    if period.end < period.start:
        raise ValueError("the period ends before it starts")
    dates = trend_dates(period.end, TREND_MONTHS)
    with database.reading() as session:
        settings = agency_settings.load(session)
        disclosure = Disclosure(settings.suppression_threshold, internal)
        followups = FollowupTally(period, settings.followup_months, trend_months(dates))
        tallies = _Tallies(followups, TrendTally(dates), RecoveryTally(), rows=rows)
        with collector_paused():
            _count_followups(session, tallies.followups, cancelled)
            _walk_histories(session, tallies, progress, cancelled)
        ledger = Ledger()
        deaths = queries.death_dates_with_contacts(session, period.end)
        pool = None if internal else settings.suppression_threshold
        specs = _sql_sections(session, period, ledger, deaths, pool)
        sections = _sections(specs, tallies, ledger, session, period, deaths)
    trend = trend_specs(tallies.trend, tallies.followups, ledger)
    ledger.suppress(disclosure.effective_threshold)
    printed = _Printed(ledger, disclosure)
    return ReportData(
        agency=settings.agency_name,
        period=period,
        harm_period=Period.twelve_months_ending(period.end),
        generated_at=generated_at or dt.datetime.now(dt.UTC),
        disclosure=disclosure,
        paper_size=settings.paper_size,
        state=settings.state,
        followup_months=tuple(settings.followup_months),
        sections=tuple(Section(k, title, intro, printed(ss)) for k, title, intro, ss in sections),
        trend_dates=dates,
        trends=printed(trend),
        community=printed([specs[1][2]])[0],
        definitions=tuple(
            definitions(
                suppression_threshold=settings.suppression_threshold,
                followup_months=settings.followup_months,
            )
        ),
        ledger=ledger,
    )


@dataclass(frozen=True)
class _Printed:
    """Renders table specs once the ledger has suppressed."""

    ledger: Ledger
    disclosure: Disclosure

    def __call__(self, specs: list[TableSpec]) -> tuple[Table, ...]:
        return tuple(render(s, self.ledger, self.disclosure) for s in specs)


def _count_followups(session: Session, tally: FollowupTally, cancelled: IsCancelled | None) -> None:
    """The follow-ups of clients the walk does not reach: an intake in reach of the
    report, but no completed assessment since `population_start`."""
    start = intakes_from(_reach(tally), tally.months)
    end = tally.period.end
    deaths = queries.death_dates(session, end)
    rows = queries.followup_inputs(session, start, end, population_start(tally.trend_ends))
    for history in minimal_histories(rows, deaths):
        tally.add(history)
    if cancelled is not None and cancelled():
        raise Cancelled()


def _reach(tally: FollowupTally) -> Period:
    return Period(min(tally.period.start, tally.trend[0].start), tally.period.end)


def _intake_since(history: ClientHistory, day: dt.date) -> bool:
    return any(
        a.kind == "intake" and a.contact_status == "completed" and a.assessed_on >= day
        for a in history.assessments
    )


def population_start(dates: tuple[dt.date, ...]) -> dt.date:
    """The earliest completed assessment that can give a client a known status, or
    assessed harm, at one of the trend dates (183 days, or 12 months, before the first)."""
    unknown = dates[0] - dt.timedelta(days=rules.UNKNOWN_AFTER_DAYS)
    return min(unknown, Period.twelve_months_ending(dates[0]).start)


def _walk_histories(
    session: Session, tallies: _Tallies, progress: Progress | None, cancelled: IsCancelled | None
) -> None:
    """Every client assessed since `population_start`, walked once for all trend dates, in
    id order; with de-identified rows, first the clients served but not assessed lately
    (read before the walk, their rows cost measurably less than after it)."""
    dates = tallies.trend.dates
    as_of = dates[-1]
    ids = queries.assessed_client_ids(session, population_start(dates), as_of)
    rows = tallies.rows
    closed = tallies.followups.closed_by_client
    only_rows = [] if rows is None else rows.prepare(session, closed).without(ids)
    followups_from = intakes_from(_reach(tallies.followups), tallies.followups.months)
    harm_period = Period.twelve_months_ending(as_of)
    total = len(ids) + len(only_rows)

    def tick(done: int) -> None:
        if done % CHECK_EVERY == 0 or done == total:
            _tick(done, total, progress, cancelled)

    def walked() -> Iterator[ClientHistory]:
        histories = load_histories(session, ids, until=as_of)
        for done, history in enumerate(histories, start=len(only_rows) + 1):
            tick(done)
            if _intake_since(history, followups_from):
                tallies.followups.add(history)
            series = _statuses(history, dates)
            harm = tallies.trend.add(history, series)
            if series[-1]:
                tallies.recovery.add(series[-1][0])
            elif _alive_and_recent(history, as_of):
                tallies.unlisted += 1
            if rows is not None:
                rows.offer(
                    history,
                    series[-1][0] if series[-1] else None,
                    harm[-1],
                    closed.get(history.client_id, (0, 0)),
                )
            if assessed_in(history, harm_period):
                yield history

    if rows is not None:
        _rows_only(session, rows, only_rows, harm_period, closed, tick)
    tallies.harm = summarise_harm(walked(), harm_period)
    if rows is not None:
        rows.flush()
    _tick(total, total, progress, cancelled)


def _rows_only(
    session: Session,
    rows: RowCollector,
    ids: list[int],
    harm_period: Period,
    closed: dict[int, tuple[int, int]],
    tick: Callable[[int], None],
) -> None:
    """The clients served but not assessed since the population's start (their follow-ups
    were counted before the walk): unknown or deceased at every trend date and outside
    every harm window, they add nothing to the tallies, only their rows. So they are
    read with only what a row reads: the fields of UNKNOWN_ROW_READS, and the events
    of the harm period and a death."""
    histories = load_histories(
        session, ids, until=harm_period.end, reads=UNKNOWN_ROW_READS, events_from=harm_period.start
    )
    for done, history in enumerate(histories, start=1):
        tick(done)
        rows.offer(history, None, None, closed.get(history.client_id, (0, 0)))


def _statuses(history: ClientHistory, dates: tuple[dt.date, ...]) -> list[list[rules.ClassStatus]]:
    """`classify_series`, skipped for a client whose latest completed assessment is too
    old for any trend date: unknown throughout, in the population only for harm."""
    last = max(
        (a.assessed_on for a in history.assessments if a.contact_status == "completed"),
        default=None,
    )
    if last is None or (dates[0] - last).days > rules.UNKNOWN_AFTER_DAYS:
        return [[] for _ in dates]
    return rules.classify_series(history, dates)


def _alive_and_recent(history: ClientHistory, as_of: dt.date) -> bool:
    died = rules.death_date(history)
    recent = as_of - dt.timedelta(days=rules.UNKNOWN_AFTER_DAYS)
    return (died is None or died > as_of) and any(
        a.contact_status == "completed" and recent <= a.assessed_on <= as_of
        for a in history.assessments
    )


def _tick(done: int, total: int, progress: Progress | None, cancelled: IsCancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(done, total)


SectionSpecs = tuple[str, str, str, list[TableSpec]]


@dataclass
class _Unknown:
    followed: int = 0  # a follow-up is due
    not_followed: int = 0  # discharged, or past the last window


def _unknown(session: Session, as_of: dt.date, dead: set[int], months: tuple[int, ...]) -> _Unknown:
    """The alive clients assessed once but not in the 183 days up to `as_of`, split by
    whether the agency still follows them (reports.followup.still_followed)."""
    stale = set(
        queries.last_completed_before(
            session, as_of, as_of - dt.timedelta(days=rules.UNKNOWN_AFTER_DAYS)
        )
    )
    stale -= dead
    episodes = queries.latest_episodes(session, as_of)
    found = _Unknown()
    for client_id in stale:
        episode = episodes.get(client_id)
        if episode is not None and followup_rules.still_followed(*episode, as_of, months):
            found.followed += 1
        else:
            found.not_followed += 1
    return found


def _sql_sections(
    session: Session,
    period: Period,
    ledger: Ledger,
    deaths: dict[int, dt.date],
    pool_below: int | None,
) -> tuple[TableSpec, list[TableSpec]]:
    """Caseload and community: straight from the aggregate queries. Areas with fewer
    people than `pool_below` are pooled (None: every area prints, for internal use)."""
    start, end = period.start, period.end
    people = queries.encounter_people(session, start, end)
    shared = {
        key: queries.distinct_clients_in(session, start, end, spellings)
        for key, spellings in spelled_apart(people).items()
    }
    areas = pool_areas(
        queries.programme_tallies(session, start, end),
        people,
        queries.known_deaths_by_area(session, start, end, deaths),
        pool_below,
        shared,
    )
    register_areas(areas, ledger)
    caseload = caseload_spec(queries.caseload(session, start, end), ledger)
    return caseload, community_specs(areas, ledger)


def _sections(
    specs: tuple[TableSpec, list[TableSpec]],
    tallies: _Tallies,
    ledger: Ledger,
    session: Session,
    period: Period,
    deaths: dict[int, dt.date],
) -> list[SectionSpecs]:
    as_of = period.end
    dead = set(deaths)
    unknown = _unknown(session, as_of, dead, tallies.followups.months)
    unknown.followed += tallies.unlisted
    assert tallies.harm is not None
    harm_period = tallies.harm.period
    clients, flagged = queries.unassessed_with_events(
        session, harm_period.start, harm_period.end, EVENT_INDICATOR, deaths, DEATH_INDICATOR
    )
    others = Unassessed(
        clients,
        flagged,
        queries.event_totals(session, harm_period.start, harm_period.end),
        sum(1 for day in deaths.values() if day in harm_period),
    )
    caseload, community = specs
    return [
        ("caseload", "1. Caseload", "Clients and contacts in the period.", [caseload]),
        (
            "followups",
            "2. Follow-ups",
            "Follow-up points of every intake, and the windows that closed in the period.",
            [followup_spec(tallies.followups, ledger)],
        ),
        (
            "recovery",
            "3. Recovery",
            f"Status of the primary substance on {as_of.isoformat()}, "
            "for clients with a known status.",
            recovery_specs(
                tallies.recovery, ledger, as_of, unknown.followed, unknown.not_followed, len(dead)
            ),
        ),
        (
            "harm",
            "4. Harm",
            f"The 12 months ending on {as_of.isoformat()}: flags at three "
            "levels, raw counts beside every mean.",
            harm_specs(tallies.harm, others, tallies.trend.harm[-1], ledger),
        ),
        (
            "community",
            "5. Community",
            "Programme tallies of the encounters in the period, by area.",
            community[:2],
        ),
    ]
