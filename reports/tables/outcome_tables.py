"""Outcome change from intake to the latest follow-up, laid out from
`reports.datasets.outcome_change`: per measure the clients with both answers, the mean at
each, the change and the shares improved, unchanged and worse; then the same clients by
their own goal. Every count is a ledger cell, tied by printed sums, so it is suppressed
with the rest of the report.
"""

from __future__ import annotations

from collections.abc import Hashable

from reports.datasets.outcome_change import IMPROVED, MEASURES, UNCHANGED, WORSE, OutcomeChange
from reports.rules.words import N_
from reports.tables.ledger import CellId, Ledger
from reports.tables.monthly_recovery import GOALS
from reports.tables.report_tables import Given, Kind, Mean, Pct, SpecRow, TableSpec

ALL = "all"
MOVES = (IMPROVED, UNCHANGED, WORSE)


def out_id(measure: str, what: str, goal: Hashable = ALL) -> CellId:
    return ("outcome", measure, what, goal)


def outcome_specs(change: OutcomeChange, ledger: Ledger) -> list[TableSpec]:
    _register(change, ledger)
    return [_change_table(change, ledger), _goal_counts(), _goal_shares()]


def _register(change: OutcomeChange, ledger: Ledger) -> None:
    for m in MEASURES:
        for what in ("n", *MOVES):
            parts = []
            for goal in GOALS:
                pairs = change.get(m.key, str(goal))
                count = pairs.n if what == "n" else pairs.moved[what]
                parts.append(ledger.put(out_id(m.key, what, goal), count))
            total = ledger.put(out_id(m.key, what), sum(ledger.value(p) for p in parts))
            ledger.line(parts, total)
        ledger.line([out_id(m.key, w) for w in MOVES], out_id(m.key, "n"))


def _change_table(change: OutcomeChange, ledger: Ledger) -> TableSpec:
    rows = []
    for m in MEASURES:
        n = out_id(m.key, "n")
        first = sum(change.get(m.key, str(g)).intake_total for g in GOALS)
        last = sum(change.get(m.key, str(g)).latest_total for g in GOALS)
        count = ledger.value(n)
        moved = (last - first) / count if count else None
        shares = tuple(Pct(out_id(m.key, w), n) for w in MOVES)
        rows.append(
            SpecRow(
                m.label,
                (n, Mean(first, n), Mean(last, n), Given(_round(moved), (n,)), *shares),
            )
        )
    return TableSpec(
        "outcome_change",
        N_("Change from intake to the latest follow-up"),
        N_("Measure"),
        (
            N_("Clients with both"),
            N_("Mean at intake"),
            N_("Mean at latest"),
            N_("Change"),
            N_("Improved"),
            N_("Unchanged"),
            N_("Worse"),
        ),
        tuple(rows),
        kinds=(
            Kind.COUNT,
            Kind.MEAN,
            Kind.MEAN,
            Kind.MEAN,
            Kind.PERCENT,
            Kind.PERCENT,
            Kind.PERCENT,
        ),
        note=N_(
            "Improved: fewer days of use, injecting or offending, no housing problem where"
            " there was one, or a higher rating, recovery capital or days worked."
        ),
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _goal_columns() -> tuple[str, ...]:
    return (*(str(label) for label in GOALS.values()), N_("All goals"))


def _goal_counts() -> TableSpec:
    rows = tuple(
        SpecRow(m.label, (*(out_id(m.key, "n", g) for g in GOALS), out_id(m.key, "n")))
        for m in MEASURES
    )
    return TableSpec(
        "outcome_goal_clients",
        N_("Clients with both answers, by their own goal"),
        N_("Measure"),
        _goal_columns(),
        rows,
    )


def _goal_shares() -> TableSpec:
    rows = tuple(
        SpecRow(
            m.label,
            (
                *(Pct(out_id(m.key, IMPROVED, g), out_id(m.key, "n", g)) for g in GOALS),
                Pct(out_id(m.key, IMPROVED), out_id(m.key, "n")),
            ),
        )
        for m in MEASURES
    )
    return TableSpec(
        "outcome_goal_improved",
        N_("Share improved, by the client's own goal"),
        N_("Measure"),
        _goal_columns(),
        rows,
        kinds=tuple(Kind.PERCENT for _ in _goal_columns()),
        note=N_("A reduction goal met is progress: less use counts as improved whatever the goal."),
    )
