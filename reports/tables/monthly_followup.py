"""Section 2 of the report, and the follow-up line of the trend: DOMAIN.md §8.

Laid out from the counts of `reports.datasets.followup_tally`; the report's month
and each month of the trend are separate cells, tied by printed sums.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable

from reports.datasets.followup_tally import (
    ALL,
    CLOSED,
    COMPLETED,
    DUE,
    MISSED,
    OVERDUE,
    FollowupTally,
)
from reports.rules import followup as rules
from reports.rules.words import N_, Sentence
from reports.tables.ledger import CellId, Ledger
from reports.tables.report_tables import Given, Kind, Pct, SpecRow, TableSpec

log = logging.getLogger(__name__)


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
            (N_("Due in the period (due date in it)"), DUE),
            (N_("Windows closed in the period"), CLOSED),
            (N_("Completed in the window"), COMPLETED),
            (N_("Missed"), MISSED),
        )
    ]
    rows.append(
        SpecRow(N_("Follow-up rate"), tuple(_rate("period", m) for m in columns), kind=Kind.PERCENT)
    )
    rows.append(
        SpecRow(
            Sentence(N_("Target of {target} % met"), target=rules.FOLLOWUP_TARGET_PERCENT),
            tuple(_target(t, m) for m in columns),
            kind=Kind.TEXT,
        )
    )
    rows.append(
        SpecRow(
            N_("Overdue at the end of the period (window open, not yet done)"),
            tuple(fu_id("period", OVERDUE, m) for m in columns),
        )
    )
    return TableSpec(
        "followups",
        Sentence(N_("Follow-ups and the {target} % target"), target=rules.FOLLOWUP_TARGET_PERCENT),
        N_("Follow-up point"),
        (*(Sentence(N_("{n} months"), n=m) for m in t.months), N_("All points")),
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
        else (N_("yes") if 100 * done >= rules.FOLLOWUP_TARGET_PERCENT * closed else N_("no"))
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
