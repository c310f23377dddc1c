"""The tables a funder profile asks for (`reports.outputs.profiles`), picked from the
report's data by their keys, with the profile's breakdowns.

`reports.tables.profile_spec.MEASURES` is the catalogue a profile chooses from: every
table the monthly report lays out, under the key it has there. A breakdown widens what
is printed:
- `area`: the community tables keep one row per area (without it, only "All areas");
- `month`: the trend tables keep one row per month-end (without it, only the period's end);
- `goal`: the outcome change table is followed by the same table for each goal.
Rows left out hide nothing: every printed figure comes from the one suppressed ledger.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from reports.datasets.outcome_change import MEASURES as OUTCOME_MEASURES
from reports.datasets.outcome_change import OutcomeChange
from reports.rules.suppression import PROTECTED_MARK
from reports.tables.ledger import Ledger
from reports.tables.monthly_recovery import GOALS
from reports.tables.outcome_tables import IMPROVED, MOVES, UNCHANGED, WORSE, out_id
from reports.tables.profile_spec import AREA, BY_GOAL, COMMUNITY, GOAL, MONTH, TRENDS
from reports.tables.report_data import ReportData, SectionSpecs
from reports.tables.report_tables import Given, Kind, Mean, Pct, SpecRow, Table, TableSpec


@dataclass(frozen=True)
class Selected:
    """A table as a profile prints it, under the measure that asked for it. `dates`: the
    month-end of each row (trend tables); None when every row is the whole period."""

    measure: str
    table: Table
    dates: tuple[dt.date, ...] | None = None


def selected(
    data: ReportData, measures: tuple[str, ...], breakdowns: frozenset[str]
) -> list[Selected]:
    """The tables of `measures`, in that order, with the rows `breakdowns` ask for."""
    found: list[Selected] = []
    for measure in measures:
        table = data.community if measure == "community_by_area" else data.table(measure)
        if measure in COMMUNITY and AREA not in breakdowns:
            table = _rows(table, [r.total for r in table.rows])
        if measure in TRENDS:
            found.append(_trend(measure, table, data, MONTH in breakdowns))
            continue
        found.append(Selected(measure, table))
        if measure == "outcome_change" and GOAL in breakdowns:
            by_goal = next(s for s in data.board_sections if s.key == BY_GOAL)
            found += [Selected(measure, t) for t in by_goal.tables]
    return found


@dataclass(frozen=True)
class Figure:
    """One printed figure as a flat row: a number (None when hidden or not computable),
    or hidden by the small-numbers rule."""

    period: str  # the period, or a trend row's month-end
    key: str  # the table's key, the same in every language
    measure: str  # the table's title
    breakdown: str  # its row
    category: str  # its column
    value: int | float | None
    kind: Kind
    suppressed: bool


def records(data: ReportData, tables: Iterable[Selected]) -> Iterator[Figure]:
    """Every figure of `tables`, row by row; words (yes, no) are not figures."""
    whole = f"{data.period.start.isoformat()} to {data.period.end.isoformat()}"
    markers = (data.disclosure.marker, PROTECTED_MARK)
    for chosen in tables:
        t = chosen.table
        dates = chosen.dates or (None,) * len(t.rows)
        for day, row in zip(dates, t.rows, strict=True):
            period = whole if day is None else day.isoformat()
            for i, column in enumerate(t.columns):
                value, kind = row.values[i], t.kind_of(row, i)
                hidden = value in markers
                if kind is Kind.TEXT or (isinstance(value, str) and not hidden):
                    continue
                number = None if hidden or isinstance(value, str) else value
                yield Figure(period, t.key, t.title, row.label, column, number, kind, hidden)


def _rows(table: Table, keep: list[bool]) -> Table:
    rows = tuple(r for r, k in zip(table.rows, keep, strict=True) if k)
    return Table(
        table.key, table.title, table.row_header, table.columns, rows, table.kinds, table.note
    )


def _trend(measure: str, table: Table, data: ReportData, every: bool) -> Selected:
    dates = data.trend_dates
    if every:
        return Selected(measure, table, dates)
    last = [i == len(table.rows) - 1 for i in range(len(table.rows))]
    return Selected(measure, _rows(table, last), dates[-1:])


def outcomes_by_goal(change: OutcomeChange) -> Callable[[Ledger], SectionSpecs]:
    """The change table once per goal, for `reports.tables.report_data`'s `more`. The
    moves of each goal add up to its clients: that sum is printed (as shares), so it is
    a ledger line and a hidden share cannot be worked out from the other two."""

    def make(ledger: Ledger) -> SectionSpecs:
        for m in OUTCOME_MEASURES:
            for goal in GOALS:
                ledger.line([out_id(m.key, w, goal) for w in MOVES], out_id(m.key, "n", goal))
        tables = [_goal_table(change, goal, str(label)) for goal, label in GOALS.items()]
        return (
            BY_GOAL,
            "Outcome change by the client's own goal",
            "The same clients and measures, by their goal at the latest follow-up.",
            tables,
        )

    return make


def _goal_table(change: OutcomeChange, goal: object, label: str) -> TableSpec:
    rows = []
    for m in OUTCOME_MEASURES:
        pairs = change.get(m.key, str(goal))
        n = out_id(m.key, "n", goal)
        moved = (pairs.latest_total - pairs.intake_total) / pairs.n if pairs.n else None
        shares = tuple(Pct(out_id(m.key, w, goal), n) for w in (IMPROVED, UNCHANGED, WORSE))
        rows.append(
            SpecRow(
                m.label,
                (
                    n,
                    Mean(pairs.intake_total, n),
                    Mean(pairs.latest_total, n),
                    Given(None if moved is None else round(moved, 2), (n,)),
                    *shares,
                ),
            )
        )
    return TableSpec(
        f"outcome_change_{goal}",
        f"Change from intake to the latest follow-up: goal {label}",
        "Measure",
        CHANGE_COLUMNS,
        tuple(rows),
        kinds=CHANGE_KINDS,
    )


CHANGE_COLUMNS = (
    "Clients with both",
    "Mean at intake",
    "Mean at latest",
    "Change",
    "Improved",
    "Unchanged",
    "Worse",
)
CHANGE_KINDS = (Kind.COUNT, Kind.MEAN, Kind.MEAN, Kind.MEAN, *(Kind.PERCENT for _ in MOVES))
