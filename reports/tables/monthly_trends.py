"""Section 6 of the report: the last twelve months, one point per month-end.

Laid out from `reports.datasets.trend_tally` (status and harm at each
month-end) and the follow-up windows that closed in each month. The last point
is the report date itself, so its counts are the same ledger cells as sections 2-4.
"""

from __future__ import annotations

import datetime as dt
import logging

from reports.datasets.followup_tally import CLOSED, COMPLETED, MISSED, FollowupTally
from reports.datasets.trend_tally import TrendTally
from reports.rules.words import N_, Sentence
from reports.tables.language import short_month
from reports.tables.ledger import Ledger
from reports.tables.monthly_followup import month_ids, month_rate
from reports.tables.monthly_harm import LEVELS, harm_id, mean_index, register_point
from reports.tables.monthly_recovery import GROUPS, group_id, known_id
from reports.tables.report_tables import Kind, Pct, SpecRow, TableSpec

log = logging.getLogger(__name__)

RECOVERY_COLUMNS = (N_("Known status"), *GROUPS.values())
FOLLOWUP_COLUMNS = (N_("Windows closed"), N_("Completed"), N_("Missed"), N_("Follow-up rate"))
ANY_LEVEL = {
    "self": N_("Any harm to self"),
    "others": N_("Any harm to others"),
    "community": N_("Any harm to the community"),
}
HARM_COLUMNS = (
    N_("Clients assessed"),
    *(ANY_LEVEL[level] for level in LEVELS),
    N_("Mean harm index"),
)
# The funder workbook's Trends sheet: the three tables side by side.
TREND_COLUMNS = (*RECOVERY_COLUMNS, *FOLLOWUP_COLUMNS, *HARM_COLUMNS)


def month_label(d: dt.date) -> Sentence:
    return short_month(d)


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
        N_("Recovery status at each month-end"),
        N_("Month"),
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
        N_("Follow-up windows that closed in each month"),
        N_("Month"),
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
        N_("Harm in the 12 months ending at each month-end"),
        N_("Month"),
        HARM_COLUMNS,
        tuple(rows),
        kinds=(Kind.COUNT, Kind.PERCENT, Kind.PERCENT, Kind.PERCENT, Kind.INDEX),
        note=N_("Percentages: assessed clients with at least one flag at the level."),
    )
