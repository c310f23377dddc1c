"""The dataset of the monthly report and of the funder workbook's summary.

`monthly_dataset` reads a period in the caller's read transaction: the
caseload, community and population counts from SQL aggregates
(db.report_queries), follow-up windows from a narrow four-column stream, and
recovery and harm from the histories of the clients active in the last two
years, streamed chunk by chunk, with their statuses at the report date read from
the stored status (reports.datasets.status_store) beside them; the trend's status
counts at the twelve month-ends are the database's (reports.datasets.trend_status).
It returns counts, not tables: `reports.tables.report_data` lays them out.

Whatever else wants the clients the walk passes (the funder workbook's
de-identified rows) watches it as a `WalkObserver`, so it is read once.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from db import report_queries as queries
from db.dates import Period
from db.engine import Session
from db.jobs import Cancelled, IsCancelled, Progress, collector_paused, let_others_run
from db.report_queries import Caseload
from reports.datasets.alongside import Once
from reports.datasets.areas import AreaRow, pool_areas, spelled_apart
from reports.datasets.followup_tally import FollowupTally, intakes_from, minimal_histories
from reports.datasets.harm_summary import HarmSummary, summarise_harm
from reports.datasets.harm_tally import Unassessed, assessed_in
from reports.datasets.histories import load_histories
from reports.datasets.id_set import IdSet
from reports.datasets.recovery_tally import RecoveryTally, StatusCounts
from reports.datasets.status_store import StoredSeries
from reports.datasets.trend_status import trend_status
from reports.datasets.trend_tally import TrendTally, trend_dates, trend_months
from reports.rules import followup as followup_rules
from reports.rules import recovery as rules
from reports.rules.facts import ClientHistory
from reports.rules.harm import DEATH_INDICATOR, EVENT_INDICATOR
from reports.rules.harm import READS as HARM_READS
from reports.rules.harm_trend import Levels

log = logging.getLogger(__name__)
_T = TypeVar("_T")

TREND_MONTHS = 12
CHECK_EVERY = 500
# The AssessmentFacts fields the walk's own tallies read: harm's 28-day items (§7), and
# dates, kinds and contacts (follow-up windows, recency, death). The status comes
# stored, so no substance record is read unless an observer names them.
WALK_READS = HARM_READS
Followups = dict[int, tuple[int, int]]  # per client: windows closed in the period, met


class WalkObserver(Protocol):
    """Also sees every client the walk passes, with what the walk worked out for it."""

    @property
    def reads(self) -> Collection[str]:
        """The AssessmentFacts fields it reads of a client that only it needs."""
        ...

    # An observer may also name, as `walk_reads`, the AssessmentFacts fields it reads of
    # the walked clients beyond WALK_READS; one that does not is given every field.

    def prepare(self, session: Session, followups_closed: Iterable[int]) -> IdSet:
        """Before the walk: the clients it needs, walked or not."""
        ...

    def offer(
        self,
        history: ClientHistory,
        status: rules.ClassStatus | None,
        harm: Levels | None,
        followups: tuple[int, int],
    ) -> None:
        """One client: its headline status at the period's end (None: not worked out),
        its harm levels (None: not assessed in the harm period), its follow-ups."""
        ...

    def flush(self) -> None:
        """After the walk."""
        ...


@dataclass
class UnknownStatus:
    """The alive clients of unknown status at the report date."""

    followed: int = 0  # a follow-up is due
    not_followed: int = 0  # discharged, or past the last window


@dataclass(frozen=True)
class MonthlyDataset:
    """Every count the monthly report prints for `period`, before it is laid out."""

    period: Period
    followups: FollowupTally
    trend: TrendTally
    recovery: RecoveryTally
    harm: HarmSummary
    unknown: UnknownStatus
    deceased: int  # clients dead by the report date
    unassessed: Unassessed  # harm of the clients with events but no assessment
    caseload: Caseload
    areas: list[AreaRow]  # in print order, pooled below `pool_below`


@dataclass
class _Tallies:
    followups: FollowupTally
    trend: TrendTally
    recovery: RecoveryTally
    harm: HarmSummary | None = None
    # Recently assessed, alive, yet no substance recorded: no status to count.
    unlisted: int = 0


def monthly_dataset(
    session: Session,
    period: Period,
    followup_months: Sequence[int],
    *,
    pool_below: int | None,
    observers: Sequence[WalkObserver] = (),
    progress: Progress | None = None,
    cancelled: IsCancelled | None = None,
    also: Callable[[], object] | None = None,
) -> MonthlyDataset:
    """Every count of `period`; status and harm are read at its last day. Areas with fewer
    people than `pool_below` are pooled (None: every area, for internal use). `also` is
    the caller's own reading in `session` that needs nothing the walk finds: done with the
    dataset's SQL counts, while walk workers walk (reports.datasets.alongside)."""
    if period.end < period.start:
        raise ValueError("the period ends before it starts")
    dates = trend_dates(period.end, TREND_MONTHS)
    followups = FollowupTally(period, tuple(followup_months), trend_months(dates))
    tallies = _Tallies(followups, TrendTally(dates), RecoveryTally())
    from reports.datasets import walk_split  # it walks with this module's _walked

    ids = queries.assessed_client_ids(session, population_start(dates), dates[-1])
    harm_period = Period.twelve_months_ending(dates[-1])

    def meanwhile() -> _Counted:
        found = _counted_in_sql(session, (period, harm_period), followups, pool_below, cancelled)
        if also is not None:
            _stop_if_cancelled(cancelled)
            also()
        return found

    counted = Once(meanwhile)
    with collector_paused(), walk_split.starting(session, len(ids), observers) as workers:
        _count_followups(session, tallies.followups, cancelled)
        job = (progress, cancelled)
        _walk_histories(session, tallies, ids, observers, job, workers, counted)
    assert tallies.harm is not None
    sql = counted()  # read meanwhile by the walk's workers' parent, or now
    tallies.trend.status = sql.trend
    unknown = UnknownStatus(sql.unknown.followed + tallies.unlisted, sql.unknown.not_followed)
    return MonthlyDataset(
        period,
        tallies.followups,
        tallies.trend,
        tallies.recovery,
        tallies.harm,
        unknown,
        sql.deceased,
        sql.unassessed,
        sql.caseload,
        sql.areas,
    )


@dataclass(frozen=True)
class _Counted:
    """What SQL counts of the period, needing nothing the walk finds."""

    deceased: int
    unassessed: Unassessed
    caseload: Caseload
    areas: list[AreaRow]
    unknown: UnknownStatus  # but the recently assessed with no substance recorded
    trend: list[StatusCounts]  # the known statuses at each trend date


def _counted_in_sql(
    session: Session,
    periods: tuple[Period, Period],
    followups: FollowupTally,
    pool_below: int | None,
    cancelled: IsCancelled | None,
) -> _Counted:
    """The counts, with a look at the cancel flag between them: read beside a walk, they
    would otherwise hold up a cancelled report until the last."""

    def then(value: _T) -> _T:
        _stop_if_cancelled(cancelled)
        return value

    period, harm_period = periods  # the report's, and the twelve months ending with it
    deaths = then(queries.death_dates_with_contacts(session, period.end))
    return _Counted(
        len(deaths),
        then(_unassessed(session, harm_period, deaths)),
        then(queries.caseload(session, period.start, period.end)),
        then(_areas(session, period, deaths, pool_below)),
        then(_unknown(session, period.end, set(deaths), followups.months)),
        then(trend_status(session, followups.trend_ends, deaths)),
    )


def _count_followups(session: Session, tally: FollowupTally, cancelled: IsCancelled | None) -> None:
    """The follow-ups of clients the walk does not reach: an intake in reach of the
    report, but no completed assessment since `population_start`."""
    start = intakes_from(_reach(tally), tally.months)
    end = tally.period.end
    deaths = queries.death_dates(session, end)
    rows = queries.followup_inputs(session, start, end, population_start(tally.trend_ends))
    for history in minimal_histories(rows, deaths):
        tally.add(history)
    _stop_if_cancelled(cancelled)


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
    session: Session,
    tallies: _Tallies,
    ids: list[int],
    observers: Sequence[WalkObserver],
    job: tuple[Progress | None, IsCancelled | None],
    workers: object,
    meanwhile: Callable[[], object] | None = None,
) -> None:
    """Every client of `ids` (assessed since `population_start`), walked once for all trend
    dates, in id order, by `workers` when there are some (reports.datasets.walk_split); with
    observers, first the clients each needs that the walk does not reach (`_not_walked`).
    `meanwhile` runs while workers walk (reports.datasets.alongside)."""
    progress, cancelled = job
    closed = tallies.followups.closed_by_client
    extra = [o.prepare(session, closed).without(ids) for o in observers]
    tick = _Ticker(len(ids) + sum(len(e) for e in extra), progress, cancelled)
    tallies.harm = _walked_harm(session, workers, tallies, ids, (observers, extra), tick, meanwhile)
    for observer in observers:
        observer.flush()
    tick.end()


def _walked_harm(
    session: Session,
    workers: object,
    tallies: _Tallies,
    ids: list[int],
    watching: tuple[Sequence[WalkObserver], list[list[int]]],
    tick: _Ticker,
    meanwhile: Callable[[], object] | None,
) -> HarmSummary:
    """Walk `ids`, and pass the clients of `watching` each observer alone needs, with the
    worker processes when there are some, else here; the harm summary of the clients
    assessed in the harm period."""
    from reports.datasets import walk_split  # it walks with this module's _walked

    harm_period = Period.twelve_months_ending(tallies.trend.dates[-1])
    harm = walk_split.walk_apart(
        session, workers, tallies, ids, watching, (tick.progress, tick.cancelled), meanwhile
    )
    if harm is not None:
        return harm.summary(harm_period)
    done = _pass_not_walked(session, tallies, watching, tick)
    return summarise_harm(_walked(session, tallies, ids, watching[0], tick, done), harm_period)


def _walked(
    session: Session,
    tallies: _Tallies,
    ids: list[int],
    observers: Sequence[WalkObserver],
    tick: _Ticker,
    before: int,
) -> Iterator[ClientHistory]:
    """Walk each client of `ids` into the tallies and past the observers; yield those
    assessed in the harm period, for the harm summary."""
    dates = tallies.trend.dates
    as_of = dates[-1]
    closed = tallies.followups.closed_by_client
    followups_from = intakes_from(_reach(tallies.followups), tallies.followups.months)
    harm_period = Period.twelve_months_ending(as_of)
    histories = load_histories(session, ids, until=as_of, reads=walk_reads(observers))
    stored = StoredSeries(session, ids, (as_of,), headlines=True)
    for done, history in enumerate(histories, start=before + 1):
        tick(done)
        if _intake_since(history, followups_from):
            tallies.followups.add(history)
        status = _headline(history, dates, stored)
        harm = tallies.trend.add(history)
        if status is not None:
            tallies.recovery.add(status)
        elif _alive_and_recent(history, as_of):
            tallies.unlisted += 1
        if observers:
            follow = closed.get(history.client_id, (0, 0))
            for o in observers:
                o.offer(history, status, harm[-1], follow)
        if assessed_in(history, harm_period):
            yield history


def walk_reads(observers: Sequence[WalkObserver]) -> frozenset[str] | None:
    """What the walk reads of each client: WALK_READS and every observer's `walk_reads`;
    None (every field and substance record) when an observer does not name its own."""
    reads = set(WALK_READS)
    for observer in observers:
        named: Collection[str] | None = getattr(observer, "walk_reads", None)
        if named is None:
            return None
        reads.update(named)
    return frozenset(reads)


class _Ticker:
    """Progress every CHECK_EVERY clients and at the last, and a look at the cancel flag."""

    def __init__(self, total: int, progress: Progress | None, cancelled: IsCancelled | None):
        self.total, self.progress, self.cancelled = total, progress, cancelled

    def __call__(self, done: int) -> None:
        let_others_run()  # a report made from the screen must not freeze it
        if done % CHECK_EVERY == 0 or done == self.total:
            _tick(done, self.total, self.progress, self.cancelled)

    def end(self) -> None:
        _tick(self.total, self.total, self.progress, self.cancelled)


def _pass_not_walked(
    session: Session,
    tallies: _Tallies,
    watching: tuple[Sequence[WalkObserver], Sequence[list[int]]],
    tick: _Ticker,
) -> int:
    """Each observer's clients the walk does not reach (`_not_walked`), before the walked
    ones: by the report's process, or by a walk worker for its part. How many passed."""
    harm_period = Period.twelve_months_ending(tallies.trend.dates[-1])
    closed = tallies.followups.closed_by_client
    done = 0
    for observer, ids in zip(*watching, strict=True):
        done = _not_walked(session, observer, ids, harm_period, closed, tick, done)
    return done


def _not_walked(
    session: Session,
    observer: WalkObserver,
    ids: list[int],
    harm_period: Period,
    closed: Followups,
    tick: _Ticker,
    done: int,
) -> int:
    """The clients an observer needs that were not assessed since the population's start
    (their follow-ups were counted before the walk): unknown or deceased at every trend
    date and outside every harm window, they add nothing to the tallies. So they are read
    with only what the observer reads, and the events of the harm period and a death.
    Passed before the walked clients, here or in a walk worker (its part's share).
    Returns how many clients have been passed so far."""
    if not ids:
        return done
    histories = load_histories(
        session, ids, until=harm_period.end, reads=observer.reads, events_from=harm_period.start
    )
    passed = done
    for passed, history in enumerate(histories, start=done + 1):
        tick(passed)
        observer.offer(history, None, None, closed.get(history.client_id, (0, 0)))
    return passed


def _headline(
    history: ClientHistory, dates: tuple[dt.date, ...], stored: StoredSeries
) -> rules.ClassStatus | None:
    """The headline status at the last of `dates` from the stored status (None: no
    substance recorded), not read for a client whose latest completed assessment is too
    old for any of them: unknown throughout, in the population only for harm."""
    # The history is sorted by date: its last completed assessment is the latest.
    for a in reversed(history.assessments):
        if a.contact_status == "completed":
            if (dates[0] - a.assessed_on).days > rules.UNKNOWN_AFTER_DAYS:
                break
            (statuses,) = stored.of(history)
            return statuses[0] if statuses else None
    return None


def _alive_and_recent(history: ClientHistory, as_of: dt.date) -> bool:
    died = rules.death_date(history)
    recent = as_of - dt.timedelta(days=rules.UNKNOWN_AFTER_DAYS)
    return (died is None or died > as_of) and any(
        a.contact_status == "completed" and recent <= a.assessed_on <= as_of
        for a in history.assessments
    )


def _tick(done: int, total: int, progress: Progress | None, cancelled: IsCancelled | None) -> None:
    _stop_if_cancelled(cancelled)
    if progress is not None:
        progress(done, total)


def _stop_if_cancelled(cancelled: IsCancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled()


def _unknown(
    session: Session, as_of: dt.date, dead: set[int], months: tuple[int, ...]
) -> UnknownStatus:
    """The alive clients assessed once but not in the 183 days up to `as_of`, split by
    whether the agency still follows them (reports.rules.followup.still_followed)."""
    stale = set(
        queries.last_completed_before(
            session, as_of, as_of - dt.timedelta(days=rules.UNKNOWN_AFTER_DAYS)
        )
    )
    stale -= dead
    # An episode opened before `followed_since` is not followed whichever it is: not read.
    episodes = queries.latest_episodes(session, as_of, followup_rules.followed_since(as_of, months))
    found = UnknownStatus()
    for client_id in stale:
        episode = episodes.get(client_id)
        if episode is not None and followup_rules.still_followed(*episode, as_of, months):
            found.followed += 1
        else:
            found.not_followed += 1
    return found


def _areas(
    session: Session, period: Period, deaths: dict[int, dt.date], pool_below: int | None
) -> list[AreaRow]:
    start, end = period.start, period.end
    people = queries.encounter_people(session, start, end)
    shared = {
        key: queries.distinct_clients_in(session, start, end, spellings)
        for key, spellings in spelled_apart(people).items()
    }
    return pool_areas(
        queries.programme_tallies(session, start, end),
        people,
        queries.known_deaths_by_area(session, start, end, deaths),
        pool_below,
        shared,
    )


def _unassessed(session: Session, harm_period: Period, deaths: dict[int, dt.date]) -> Unassessed:
    """Harm of the clients with events in the harm period but no completed assessment,
    counted in SQL."""
    start, end = harm_period.start, harm_period.end
    clients, flagged = queries.unassessed_with_events(
        session, start, end, EVENT_INDICATOR, deaths, DEATH_INDICATOR
    )
    return Unassessed(
        clients,
        flagged,
        queries.event_totals(session, start, end),
        sum(1 for day in deaths.values() if day in harm_period),
    )
