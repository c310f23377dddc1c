"""The summary page: the figures a board reads first, each beside the month before and
the same month a year before, with the change from each.

Every figure is a ledger cell, and the same cell as the table that prints it in full
(clients served in section 1, full recovery in the trend, the all-areas tallies of
section 5, the follow-up counts of section 2 and the trend), so the summary hides exactly
what they hide. A change is printed only when both its figures are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable

from reports.datasets.board_summary import SUPPLIES, BoardComparison, MonthFigures
from reports.datasets.followup_tally import CLOSED, COMPLETED, MISSED, FollowupTally
from reports.datasets.recovery_tally import StatusCounts
from reports.datasets.trend_tally import TrendTally
from reports.rules import recovery as rules
from reports.rules.words import N_, Sentence
from reports.tables.ledger import CellId, Ledger
from reports.tables.monthly_community import ALL_AREAS, CLIENTS_SERVED, com_id
from reports.tables.monthly_followup import fu_id, month_rate
from reports.tables.monthly_recovery import group_id, rec_id
from reports.tables.monthly_trends import month_label
from reports.tables.report_tables import Given, Kind, Pct, SpecRow, TableSpec

SUMMARY_KEY = "summary"
# Row labels: what the agency hopes for, named as progress.
LABELS = {
    "served": N_("People served"),
    "remission/full": N_("In full remission: no criterion but craving for 3 months or more"),
    "remission/partial": N_("In partial remission: fewer criteria, never the disorder again"),
    rules.FULL_RECOVERY: N_("In full recovery: remission, health and citizenship"),
    "reversals_reported": N_("Overdoses reversed with naloxone"),
    "naloxone_kits": N_("Naloxone kits handed out"),
    "syringes_out": N_("Sterile syringes handed out"),
    "test_strips": N_("Drug-checking test strips handed out"),
    "rate": N_("Follow-up rate"),
}


def board_id(day: dt.date, *parts: Hashable) -> CellId:
    return ("board", day.isoformat(), *parts)


def summary_spec(
    comparison: BoardComparison,
    trend: TrendTally,
    followups: FollowupTally,
    ledger: Ledger,
    target: int,
) -> TableSpec:
    """Registered after every other table: it reuses their cells."""
    now, before = trend.dates[-1], trend.dates[-2]
    year = comparison.year_before.period.end
    rows = [_row("served", ledger, _served(ledger, now, before, comparison))]
    for kind in ("full", "partial"):
        cells = (
            _remission_now(ledger, now, trend.status[-1], kind),
            ledger.put(board_id(before, "remission", kind), trend.status[-2].remission[kind]),
            ledger.put(
                board_id(year, "remission", kind), comparison.year_before_status.remission[kind]
            ),
        )
        rows.append(_row(f"remission/{kind}", ledger, cells))
    full = rules.FULL_RECOVERY
    year_full = comparison.year_before_status.groups[full]
    rows.append(
        _row(
            full,
            ledger,
            (
                group_id(now, full),
                group_id(before, full),
                ledger.put(group_id(year, full), year_full),
            ),
        )
    )
    for what in SUPPLIES:
        cells = (
            com_id(ALL_AREAS, what),
            _month_tally(ledger, comparison.month_before, what),
            _month_tally(ledger, comparison.year_before, what),
        )
        rows.append(_row(what, ledger, cells))
    rows.append(_rate_row(ledger, followups, comparison.year_before_followups))
    return TableSpec(
        SUMMARY_KEY,
        N_("At a glance"),
        "",
        (N_("This month"), month_label(before), N_("Change"), month_label(year), N_("Change")),
        tuple(rows),
        note=Sentence(
            N_(
                "Follow-up rate: windows that closed in the month and were met, against the"
                " {target} % target. Changes in the rate are percentage points."
            ),
            target=target,
        ),
    )


def _row(key: str, ledger: Ledger, cells: tuple[CellId, CellId, CellId]) -> SpecRow:
    now, before, year = cells
    return SpecRow(
        LABELS[key],
        (now, before, _change(ledger, now, before), year, _change(ledger, now, year)),
    )


def _change(ledger: Ledger, now: CellId, then: CellId) -> Given:
    return Given(ledger.value(now) - ledger.value(then), (now, then))


def _served(
    ledger: Ledger, now: dt.date, before: dt.date, c: BoardComparison
) -> tuple[CellId, CellId, CellId]:
    return (
        CLIENTS_SERVED,
        ledger.put(board_id(before, "served"), c.month_before.served),
        ledger.put(board_id(c.year_before.period.end, "served"), c.year_before.served),
    )


def _remission_now(ledger: Ledger, now: dt.date, counts: StatusCounts, kind: str) -> CellId:
    """Today's remission is the sum of two rows of section 3's DSM table: one cell."""
    cell = ledger.put(board_id(now, "remission", kind), counts.remission[kind])
    parts = [
        rec_id(now, "dsm_total", f"{stage}/{kind}")
        for stage in ("early_remission", "sustained_remission")
    ]
    ledger.line(parts, cell)
    return cell


def _month_tally(ledger: Ledger, month: MonthFigures, what: str) -> CellId:
    return ledger.put(board_id(month.period.end, what), month.tallies[what])


def _rate_row(ledger: Ledger, followups: FollowupTally, year: FollowupTally) -> SpecRow:
    now = Pct(
        fu_id("period", COMPLETED, "all"),
        fu_id("period", CLOSED, "all"),
        (fu_id("period", MISSED, "all"),),
    )
    before = month_rate(followups, len(followups.trend) - 2)
    where = year.period.end.isoformat()
    done = ledger.put(
        fu_id(where, COMPLETED, "all"), sum(year.grid.get(COMPLETED, m) for m in year.months)
    )
    missed = ledger.put(
        fu_id(where, MISSED, "all"), sum(year.grid.get(MISSED, m) for m in year.months)
    )
    closed = ledger.put(fu_id(where, CLOSED, "all"), ledger.value(done) + ledger.value(missed))
    ledger.line([done, missed], closed)
    then = Pct(done, closed, (missed,))
    cells = (now, before, _rate_change(ledger, now, before), then, _rate_change(ledger, now, then))
    return SpecRow(LABELS["rate"], cells, kind=Kind.PERCENT)


def _rate_change(ledger: Ledger, now: Pct, then: Pct) -> Given:
    """In percentage points; none when either month had no window closing."""
    rates = [_rate(ledger, p) for p in (now, then)]
    value = None if None in rates else round(rates[0] - rates[1], 1)  # type: ignore[operator]
    return Given(value, (now.num, now.den, *now.extra, then.num, then.den, *then.extra))


def _rate(ledger: Ledger, p: Pct) -> float | None:
    den = ledger.value(p.den)
    return None if den == 0 else 100 * ledger.value(p.num) / den
