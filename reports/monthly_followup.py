"""Section 2 of the report, and the follow-up line of the trend: DOMAIN.md §8.

The points come from `reports.rules.followup.client_followups` at the end of the
report, once per client. A window that closed before that date has the same
state at the end of its own month (completed or missed, and a death before
it closed drops it either way), so one call serves every month of the trend.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from db.dates import Period, add_months
from reports.ledger import CellId, Ledger
from reports.report_tables import Given, Grid, Kind, Pct, SpecRow, TableSpec
from reports.rules import followup as rules
from reports.rules.facts import AssessmentFacts, ClientHistory, EventFacts

log = logging.getLogger(__name__)

ALL = "all"
DUE, CLOSED, COMPLETED, MISSED, OVERDUE = "due", "closed", "completed", "missed", "overdue"
_WAITING = (rules.OPEN, rules.CLOSING_SOON)


def minimal_histories(
    rows: Iterable[tuple[int, dt.date, str, str]], deaths: dict[int, dt.date]
) -> Iterator[ClientHistory]:
    """Histories holding only what follow-up windows read: dates, kinds, contacts, death."""
    current: int | None = None
    visits: list[AssessmentFacts] = []
    for client_id, day, kind, contact in rows:
        if client_id != current:
            if current is not None:
                yield _history(current, visits, deaths)
            current, visits = client_id, []
        visits.append(AssessmentFacts(day, kind, contact))
    if current is not None:
        yield _history(current, visits, deaths)


def _history(
    client_id: int, visits: list[AssessmentFacts], deaths: dict[int, dt.date]
) -> ClientHistory:
    died = deaths.get(client_id)
    events = (EventFacts(died, "death"),) if died is not None else ()
    return ClientHistory(client_id, "", assessments=tuple(visits), events=events)


def intakes_from(period: Period, months: Sequence[int]) -> dt.date:
    """The earliest intake whose points can matter to `period` (due, closed or overdue in it)."""
    return add_months(period.start, -(max(months) + rules.WINDOW_CLOSES_MONTHS_AFTER))


@dataclass
class FollowupTally:
    period: Period
    months: tuple[int, ...]
    trend: tuple[Period, ...]
    grid: Grid = field(default_factory=Grid)  # (what, point months or ALL) in the period
    by_month: Grid = field(default_factory=Grid)  # (trend index, closed/completed/missed)
    # Per client with a window closed in the period: (closed, completed), for its row.
    closed_by_client: dict[int, tuple[int, int]] = field(default_factory=dict, repr=False)
    _month_of: dict[tuple[int, int], int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._month_of = {(m.start.year, m.start.month): i for i, m in enumerate(self.trend)}

    @property
    def trend_ends(self) -> tuple[dt.date, ...]:
        return tuple(m.end for m in self.trend)

    def add(self, history: ClientHistory) -> None:
        as_of = self.period.end
        closed = completed = 0
        for st in rules.client_followups(history, as_of, self.months, day_over=True):
            outcome = self._count(st, as_of)
            if outcome is not None:
                closed += 1
                completed += outcome == COMPLETED
        if closed:
            self.closed_by_client[history.client_id] = (closed, completed)

    def _count(self, st: rules.PointState, as_of: dt.date) -> str | None:
        """Count one point; its outcome when its window closed in the period."""
        point, start, end = st.point, self.period.start, self.period.end
        if start <= point.due_on <= end:
            self.grid.add(DUE, point.months)
        state = st.state
        if state in _WAITING and point.due_on < as_of:
            self.grid.add(OVERDUE, point.months)
        if state != rules.COMPLETED and state != rules.MISSED:
            return None
        outcome = COMPLETED if state == rules.COMPLETED else MISSED
        closes = point.closes_on
        index = self._month_of.get((closes.year, closes.month))
        if index is not None and closes <= self.trend[index].end:
            self.by_month.add(index, outcome)
        if start <= closes <= end:
            self.grid.add(outcome, point.months)
            return outcome
        return None


def fu_id(where: str, what: str, point: Hashable) -> CellId:
    return ("fu", where, what, point)


def followup_spec(t: FollowupTally, ledger: Ledger) -> TableSpec:
    columns: list[Hashable] = [*t.months, ALL]
    register_months(t, ledger)
    for what in (DUE, COMPLETED, MISSED, OVERDUE):
        for point in t.months:
            ledger.put(fu_id("period", what, point), t.grid.get(what, point))
        _put_sum(ledger, [fu_id("period", what, p) for p in t.months], fu_id("period", what, ALL))
    for column in columns:
        parts = [fu_id("period", COMPLETED, column), fu_id("period", MISSED, column)]
        _put_sum(ledger, parts, fu_id("period", CLOSED, column))
    ledger.line([fu_id("period", CLOSED, m) for m in t.months], fu_id("period", CLOSED, ALL))
    _period_lines(t, ledger)
    rows = [
        SpecRow(label, tuple(fu_id("period", what, m) for m in columns))
        for label, what in (
            ("Due in the period (due date in it)", DUE),
            ("Windows closed in the period", CLOSED),
            ("Completed in the window", COMPLETED),
            ("Missed", MISSED),
        )
    ]
    rows.append(
        SpecRow("Follow-up rate", tuple(_rate("period", m) for m in columns), kind=Kind.PERCENT)
    )
    rows.append(
        SpecRow(
            f"Target of {rules.FOLLOWUP_TARGET_PERCENT} % met",
            tuple(_target(t, m) for m in columns),
            kind=Kind.TEXT,
        )
    )
    rows.append(
        SpecRow(
            "Overdue at the end of the period (window open, not yet done)",
            tuple(fu_id("period", OVERDUE, m) for m in columns),
        )
    )
    return TableSpec(
        "followups",
        f"Follow-ups and the {rules.FOLLOWUP_TARGET_PERCENT} % target",
        "Follow-up point",
        (*(f"{m} months" for m in t.months), "All points"),
        tuple(rows),
    )


def _put_sum(ledger: Ledger, parts: list[CellId], total: CellId) -> None:
    ledger.put(total, sum(ledger.value(p) for p in parts))
    ledger.line(parts, total)


def _rate(where: str, m: Hashable) -> Pct:
    return Pct(fu_id(where, COMPLETED, m), fu_id(where, CLOSED, m), (fu_id(where, MISSED, m),))


def _target(t: FollowupTally, m: Hashable) -> Given:
    points: tuple[Hashable, ...] = t.months if m == ALL else (m,)
    done = sum(t.grid.get(COMPLETED, p) for p in points)
    closed = done + sum(t.grid.get(MISSED, p) for p in points)
    met = (
        None
        if closed == 0
        else ("yes" if 100 * done >= rules.FOLLOWUP_TARGET_PERCENT * closed else "no")
    )
    rate = _rate("period", m)
    return Given(met, (rate.num, rate.den, *rate.extra))


def month_ids(t: FollowupTally, index: int) -> dict[str, CellId]:
    where = t.trend[index].end.isoformat()
    return {what: fu_id(where, what, ALL) for what in (CLOSED, COMPLETED, MISSED)}


def register_months(t: FollowupTally, ledger: Ledger) -> None:
    """The trend's monthly counts, each month's closed = completed + missed."""
    for index in range(len(t.trend)):
        ids = month_ids(t, index)
        ledger.put(ids[COMPLETED], t.by_month.get(index, COMPLETED))
        ledger.put(ids[MISSED], t.by_month.get(index, MISSED))
        _put_sum(ledger, [ids[COMPLETED], ids[MISSED]], ids[CLOSED])


def month_rate(t: FollowupTally, index: int) -> Pct:
    return _rate(t.trend[index].end.isoformat(), ALL)


def _period_lines(t: FollowupTally, ledger: Ledger) -> None:
    """When the period is made of whole trend months, its counts are their sums."""
    inside = [
        i for i, m in enumerate(t.trend) if m.start >= t.period.start and m.end <= t.period.end
    ]
    if (
        not inside
        or t.trend[inside[0]].start != t.period.start
        or t.trend[inside[-1]].end != t.period.end
    ):
        return
    for what in (CLOSED, COMPLETED, MISSED):
        ledger.line([month_ids(t, i)[what] for i in inside], fu_id("period", what, ALL))
