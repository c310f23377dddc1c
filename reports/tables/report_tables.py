"""The tables of the monthly report and the funder workbook.

A table is first laid out as a `TableSpec` whose cells name counts in a
`Ledger` (or derive a percentage, mean or ratio from them); once the ledger
has applied suppression, `render` turns it into a `Table` that holds only
what is printed. The PDF and the workbook print the same `Table`s, so they
can never disagree about a number or about what is hidden.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from reports.datasets.grid import Grid
from reports.rules import suppression
from reports.rules.words import N_
from reports.tables.ledger import CellId, Ledger

log = logging.getLogger(__name__)

# A printed value: a number, the suppression marker, text, or None for "not
# applicable" (no denominator, nothing to average), which prints as a dash.
Value = int | float | str | None


class Kind(StrEnum):
    COUNT = "count"
    PERCENT = "percent"  # 0-100, one decimal
    MEAN = "mean"
    INDEX = "index"  # the harm index, 0-100, one decimal
    RATIO = "ratio"
    TEXT = "text"
    MONEY = "money"  # whole cents of the agency's currency (an int: exact)


@dataclass(frozen=True, slots=True)
class Pct:
    """100 * num / den, withheld when it rests on a hidden count (`extra`: the
    numerator's complement, which the rate would give away as well)."""

    num: CellId
    den: CellId
    extra: tuple[CellId, ...] = ()


@dataclass(frozen=True, slots=True)
class Mean:
    """`total` / count `n`; withheld with `n` or with any count in `depends`,
    which the mean times `n` would give away."""

    total: float
    n: CellId
    depends: tuple[CellId, ...] = ()
    digits: int = 2


@dataclass(frozen=True, slots=True)
class Ratio:
    num: CellId
    den: CellId


@dataclass(frozen=True, slots=True)
class Given:
    """A value computed elsewhere (a mean change), withheld with any count in `depends`."""

    value: Value
    depends: tuple[CellId, ...] = ()


@dataclass(frozen=True, slots=True)
class Fixed:
    value: Value


Spec = CellId | Pct | Mean | Ratio | Given | Fixed


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    values: tuple[Value, ...]
    total: bool = False
    # Overrides the columns' kind for every cell of the row (a rate row in a count table).
    kind: Kind | None = None


@dataclass(frozen=True, slots=True)
class Table:
    key: str
    title: str
    row_header: str
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    kinds: tuple[Kind, ...] = ()
    note: str = ""

    def kind_of(self, row: Row, column: int) -> Kind:
        if row.kind is not None:
            return row.kind
        return self.kinds[column] if self.kinds else Kind.COUNT

    def row(self, label: str) -> Row:
        for row in self.rows:
            if row.label == label:
                return row
        raise KeyError(label)


@dataclass(frozen=True, slots=True)
class SpecRow:
    label: str
    cells: tuple[Spec, ...]
    total: bool = False
    kind: Kind | None = None


@dataclass(frozen=True, slots=True)
class TableSpec:
    key: str
    title: str
    row_header: str
    columns: tuple[str, ...]
    rows: tuple[SpecRow, ...]
    kinds: tuple[Kind, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class Disclosure:
    """How small numbers print: suppressed below `threshold`, or exact for internal use."""

    threshold: int = suppression.DEFAULT_THRESHOLD
    internal: bool = False

    @property
    def marker(self) -> str:
        return suppression.marker(self.threshold)

    @property
    def effective_threshold(self) -> int:
        return 1 if self.internal else self.threshold  # 0 < n < 1 never holds


def _value(spec: Spec, ledger: Ledger, disclosure: Disclosure) -> Value:
    protected = suppression.PROTECTED_MARK
    if isinstance(spec, Fixed):
        return spec.value
    if isinstance(spec, Given):
        return protected if any(ledger.is_hidden(c) for c in spec.depends) else spec.value
    if isinstance(spec, Pct | Mean | Ratio):
        return _derived(spec, ledger, protected)
    if not ledger.is_hidden(spec):
        return ledger.value(spec)
    # A small count prints as "<11"; a larger one hidden only to protect it, as "*".
    small = ledger.is_small(spec, disclosure.effective_threshold)
    return disclosure.marker if small else protected


def _derived(spec: Pct | Mean | Ratio, ledger: Ledger, marker: str) -> Value:
    if isinstance(spec, Mean):
        basis: tuple[CellId, ...] = (spec.n, *spec.depends)
    elif isinstance(spec, Pct):
        basis = (spec.num, spec.den, *spec.extra)
    else:
        basis = (spec.num, spec.den)
    if any(ledger.is_hidden(c) for c in basis):
        return marker
    if isinstance(spec, Mean):
        n = ledger.value(spec.n)
        return round(spec.total / n, spec.digits) if n else None
    den = ledger.value(spec.den)
    if den == 0:
        return None
    if isinstance(spec, Pct):
        return round(100 * ledger.value(spec.num) / den, 1)
    return round(ledger.value(spec.num) / den, 2)


def render(spec: TableSpec, ledger: Ledger, disclosure: Disclosure) -> Table:
    rows = tuple(
        Row(r.label, tuple(_value(c, ledger, disclosure) for c in r.cells), r.total, r.kind)
        for r in spec.rows
    )
    return Table(spec.key, spec.title, spec.row_header, spec.columns, rows, spec.kinds, spec.note)


@dataclass(frozen=True)
class CrossIds:
    """Where a cross table's counts live in the ledger: totals shared with other
    tables get the same ids there, so they are one cell."""

    cell: Callable[[Hashable, Hashable], CellId]
    row_total: Callable[[Hashable], CellId]
    column_total: Callable[[Hashable], CellId]
    grand: CellId


def cross_rows(
    ledger: Ledger,
    grid: Grid,
    rows: Mapping[Hashable, str],
    columns: Mapping[Hashable, str],
    ids: CrossIds,
    *,
    total_label: str = N_("Total"),
) -> tuple[SpecRow, ...]:
    """Register a table with a total column and a total row; its spec rows, total last."""
    for r in rows:
        for c in columns:
            ledger.put(ids.cell(r, c), grid.get(r, c))
    for r in rows:
        ledger.put(ids.row_total(r), sum(grid.get(r, c) for c in columns))
        ledger.line([ids.cell(r, c) for c in columns], ids.row_total(r))
    for c in columns:
        ledger.put(ids.column_total(c), sum(grid.get(r, c) for r in rows))
        ledger.line([ids.cell(r, c) for r in rows], ids.column_total(c))
    ledger.put(ids.grand, sum(grid.get(r, c) for r in rows for c in columns))
    ledger.line([ids.row_total(r) for r in rows], ids.grand)
    ledger.line([ids.column_total(c) for c in columns], ids.grand)
    spec = [
        SpecRow(label, (*(ids.cell(r, c) for c in columns), ids.row_total(r)))
        for r, label in rows.items()
    ]
    spec.append(
        SpecRow(total_label, (*(ids.column_total(c) for c in columns), ids.grand), total=True)
    )
    return tuple(spec)


def single_counts(ledger: Ledger, items: Sequence[tuple[str, CellId, int]]) -> tuple[SpecRow, ...]:
    """One count per row with no total: each is suppressed on its own."""
    return tuple(SpecRow(label, (ledger.put(cell, n),)) for label, cell, n in items)
