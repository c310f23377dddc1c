"""Section 6 of the report: the last twelve months, one point per month-end.

Status comes from `classify_series` (one walk per client for all the
month-ends), harm from the 12 months ending on each month-end, follow-ups
from the windows that closed in each month. The last point is the report
date itself, so its counts are the same ledger cells as sections 2-4.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from db.dates import Period, add_months, month_end
from reports.ledger import Ledger
from reports.monthly_followup import CLOSED, COMPLETED, MISSED, FollowupTally, month_ids, month_rate
from reports.monthly_harm import LEVELS, HarmPoint, harm_id, mean_index, register_point
from reports.monthly_recovery import GROUPS, StatusCounts, group_id, known_id
from reports.report_tables import Kind, Pct, SpecRow, TableSpec
from reports.rules import recovery as rules
from reports.rules.facts import ClientHistory
from reports.rules.harm_trend import Levels, harm_series

log = logging.getLogger(__name__)

RECOVERY_COLUMNS = ("Known status", *(str(v) for v in GROUPS.values()))
FOLLOWUP_COLUMNS = ("Windows closed", "Completed", "Missed", "Follow-up rate")
HARM_COLUMNS = (
    "Clients assessed",
    *(f"Any {label.lower()}" for label in LEVELS.values()),
    "Mean harm index",
)
# The funder workbook's Trends sheet: the three tables side by side.
TREND_COLUMNS = (*RECOVERY_COLUMNS, *FOLLOWUP_COLUMNS, *HARM_COLUMNS)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(d: dt.date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


def trend_dates(as_of: dt.date, count: int) -> tuple[dt.date, ...]:
    """The month-ends of the `count - 1` months before `as_of`'s month, then `as_of`."""
    first = dt.date(as_of.year, as_of.month, 1)
    ends = []
    for back in range(count - 1, 0, -1):
        start = add_months(first, -back)
        ends.append(month_end(start.year, start.month))
    return (*ends, as_of)


def trend_months(dates: Sequence[dt.date]) -> tuple[Period, ...]:
    return tuple(Period(dt.date(d.year, d.month, 1), d) for d in dates)


@dataclass
class TrendTally:
    dates: tuple[dt.date, ...]
    status: list[StatusCounts] = field(default_factory=list)
    harm: list[HarmPoint] = field(default_factory=list)
    windows: tuple[Period, ...] = ()

    def __post_init__(self) -> None:
        self.status = [StatusCounts() for _ in self.dates]
        self.harm = [HarmPoint() for _ in self.dates]
        self.windows = tuple(Period.twelve_months_ending(d) for d in self.dates)

    def add(
        self, history: ClientHistory, series: Sequence[list[rules.ClassStatus]]
    ) -> list[Levels | None]:
        """Count one client at every date; returns its harm at each (None: not assessed)."""
        for counts, statuses in zip(self.status, series, strict=True):
            if statuses:
                counts.add(statuses[0])
        harm = harm_series(history, self.windows)
        for point, levels in zip(self.harm, harm, strict=True):
            if levels is not None:
                point.add(levels)
        return harm


def trend_specs(t: TrendTally, followups: FollowupTally, ledger: Ledger) -> list[TableSpec]:
    return [_recovery(t, ledger), _followups(t, followups), _harm(t, ledger)]


def _recovery(t: TrendTally, ledger: Ledger) -> TableSpec:
    rows = []
    for d, counts in zip(t.dates, t.status, strict=True):
        parts = [ledger.put(group_id(d, g), counts.groups[g]) for g in GROUPS]
        ledger.put(known_id(d), sum(counts.groups.values()))
        ledger.line(parts, known_id(d))
        rows.append(SpecRow(month_label(d), (known_id(d), *parts)))
    return TableSpec(
        "trend_recovery",
        "Recovery status at each month-end",
        "Month",
        RECOVERY_COLUMNS,
        tuple(rows),
    )


def _followups(t: TrendTally, followups: FollowupTally) -> TableSpec:
    rows = []
    for index, d in enumerate(t.dates):
        ids = month_ids(followups, index)
        rows.append(
            SpecRow(
                month_label(d),
                (ids[CLOSED], ids[COMPLETED], ids[MISSED], month_rate(followups, index)),
            )
        )
    return TableSpec(
        "trend_followups",
        "Follow-up windows that closed in each month",
        "Month",
        FOLLOWUP_COLUMNS,
        tuple(rows),
        kinds=(Kind.COUNT, Kind.COUNT, Kind.COUNT, Kind.PERCENT),
    )


def _harm(t: TrendTally, ledger: Ledger) -> TableSpec:
    rows = []
    for d, point in zip(t.dates, t.harm, strict=True):
        register_point(point, d, ledger)
        assessed = harm_id(d, "assessed")
        shares = tuple(Pct(harm_id(d, "any", level), assessed) for level in LEVELS)
        rows.append(SpecRow(month_label(d), (assessed, *shares, mean_index(point, d))))
    return TableSpec(
        "trend_harm",
        "Harm in the 12 months ending at each month-end",
        "Month",
        HARM_COLUMNS,
        tuple(rows),
        kinds=(Kind.COUNT, Kind.PERCENT, Kind.PERCENT, Kind.PERCENT, Kind.INDEX),
        note="Percentages: assessed clients with at least one flag at the level.",
    )
