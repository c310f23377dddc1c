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

from reports.datasets.board_summary import SUPPLIES, BoardComparison, KeptFigures, MonthFigures
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


COUNTED = ("served", "remission/full", "remission/partial", rules.FULL_RECOVERY, *SUPPLIES)
Cells = dict[str, CellId]


def summary_spec(
    comparison: BoardComparison,
    trend: TrendTally,
    followups: FollowupTally,
    ledger: Ledger,
    target: int,
) -> TableSpec:
    """Registered after every other table: it reuses their cells. A compared month that
    is closed prints its kept figures, under cells of their own."""
    now, before = trend.dates[-1], trend.dates[-2]
    year = comparison.year_before.period.end
    kept_before, kept_year = comparison.kept_before, comparison.kept_year
    columns = (
        _now_cells(ledger, now, trend),
        _before_cells(ledger, before, trend, comparison)
        if kept_before is None
        else _kept_cells(ledger, kept_before),
        _year_cells(ledger, year, comparison)
        if kept_year is None
        else _kept_cells(ledger, kept_year),
    )
    now_at, before_at, year_at = columns
    rows = [_row(k, ledger, (now_at[k], before_at[k], year_at[k])) for k in COUNTED]
    rates = (
        _rate_now(),
        month_rate(followups, len(followups.trend) - 2)
        if kept_before is None
        else _kept_rate(ledger, kept_before),
        _year_rate(ledger, comparison.year_before_followups)
        if kept_year is None
        else _kept_rate(ledger, kept_year),
    )
    rows.append(_rate_row(ledger, *rates))
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


def _now_cells(ledger: Ledger, now: dt.date, trend: TrendTally) -> Cells:
    cells: Cells = {
        "served": CLIENTS_SERVED,
        rules.FULL_RECOVERY: group_id(now, rules.FULL_RECOVERY),
    }
    for kind in ("full", "partial"):
        cells[f"remission/{kind}"] = _remission_now(ledger, now, trend.status[-1], kind)
    cells.update({what: com_id(ALL_AREAS, what) for what in SUPPLIES})
    return cells


def _before_cells(ledger: Ledger, before: dt.date, trend: TrendTally, c: BoardComparison) -> Cells:
    """The month before as today's records give it: the trend's last-but-one point."""
    cells: Cells = {
        "served": ledger.put(board_id(before, "served"), c.month_before.served),
        rules.FULL_RECOVERY: group_id(before, rules.FULL_RECOVERY),
    }
    for kind in ("full", "partial"):
        count = trend.status[-2].remission[kind]
        cells[f"remission/{kind}"] = ledger.put(board_id(before, "remission", kind), count)
    cells.update({what: _month_tally(ledger, c.month_before, what) for what in SUPPLIES})
    return cells


def _year_cells(ledger: Ledger, year: dt.date, c: BoardComparison) -> Cells:
    """The same month a year before as today's records give it."""
    status = c.year_before_status
    full = rules.FULL_RECOVERY
    cells: Cells = {
        "served": ledger.put(board_id(year, "served"), c.year_before.served),
        full: ledger.put(group_id(year, full), status.groups[full]),
    }
    for kind in ("full", "partial"):
        cells[f"remission/{kind}"] = ledger.put(
            board_id(year, "remission", kind), status.remission[kind]
        )
    cells.update({what: _month_tally(ledger, c.year_before, what) for what in SUPPLIES})
    return cells


def _kept_cells(ledger: Ledger, kept: KeptFigures) -> Cells:
    """A closed month's figures as kept: cells of their own, never today's recount."""
    day = kept.period.end
    return {key: ledger.put(board_id(day, "kept", key), kept.figures[key]) for key in COUNTED}


def _row(key: str, ledger: Ledger, cells: tuple[CellId, CellId, CellId]) -> SpecRow:
    now, before, year = cells
    return SpecRow(
        LABELS[key],
        (now, before, _change(ledger, now, before), year, _change(ledger, now, year)),
    )


def _change(ledger: Ledger, now: CellId, then: CellId) -> Given:
    return Given(ledger.value(now) - ledger.value(then), (now, then))


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


def _rate_now() -> Pct:
    return Pct(
        fu_id("period", COMPLETED, "all"),
        fu_id("period", CLOSED, "all"),
        (fu_id("period", MISSED, "all"),),
    )


def _year_rate(ledger: Ledger, year: FollowupTally) -> Pct:
    where = year.period.end.isoformat()
    done = sum(year.grid.get(COMPLETED, m) for m in year.months)
    missed = sum(year.grid.get(MISSED, m) for m in year.months)
    return _windows(ledger, where, done, missed)


def _kept_rate(ledger: Ledger, kept: KeptFigures) -> Pct:
    return _windows(ledger, f"kept {kept.period.end.isoformat()}", kept.completed, kept.missed)


def _windows(ledger: Ledger, where: str, completed: int, missed: int) -> Pct:
    done = ledger.put(fu_id(where, COMPLETED, "all"), completed)
    lost = ledger.put(fu_id(where, MISSED, "all"), missed)
    closed = ledger.put(fu_id(where, CLOSED, "all"), completed + missed)
    ledger.line([done, lost], closed)
    return Pct(done, closed, (lost,))


def _rate_row(ledger: Ledger, now: Pct, before: Pct, then: Pct) -> SpecRow:
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
