"""Small-cell suppression of aggregate tables (DOMAIN.md §9, after the CMS policy).

Counts from 1 to threshold-1 print as "<threshold"; 0 prints. Then, while
some row or column that prints a total has exactly one suppressed cell (the
total itself included, as it could be recovered by adding), its smallest
other non-zero cell is suppressed too, until nothing changes. Totals take
part as cells: a total column with one suppressed total would give it away
through the grand total.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_THRESHOLD = 11

Cell = int | str
Pos = tuple[int, int]


# What prints for a value hidden only to protect a small count: a larger count (a
# complement) or a percentage or mean resting on a hidden count. "<11" there would
# claim a value under 11 that may be far larger.
PROTECTED_MARK = "*"


def marker(threshold: int = DEFAULT_THRESHOLD) -> str:
    return f"<{threshold}"


def is_small(count: int, threshold: int = DEFAULT_THRESHOLD) -> bool:
    """Whether a count must not print: 1 to threshold-1 (0 is not small)."""
    return 0 < count < threshold


def suppress_count(count: int, threshold: int = DEFAULT_THRESHOLD) -> Cell:
    """A lone count with no total beside it."""
    return marker(threshold) if is_small(count, threshold) else count


def percent(
    numerator: Cell, denominator: Cell, *, digits: int = 1, mark: str | None = None
) -> Cell | float | None:
    """A percentage; suppressed when either count is, None when the denominator is 0."""
    if isinstance(numerator, str) or isinstance(denominator, str):
        return (
            mark if mark is not None else (numerator if isinstance(numerator, str) else denominator)
        )
    if denominator == 0:
        return None
    return round(100 * numerator / denominator, digits)


@dataclass(frozen=True, slots=True)
class SuppressedTable:
    """A table ready to print: every value is a count, the marker string (a small
    count) or PROTECTED_MARK (a larger count hidden to protect a small one).

    `suppressed` holds positions in the grid extended by the totals: row
    len(cells) is the column-totals row, column len(cells[0]) the row-totals
    column.
    """

    cells: tuple[tuple[Cell, ...], ...]
    row_totals: tuple[Cell, ...] | None
    column_totals: tuple[Cell, ...] | None
    grand_total: Cell | None
    suppressed: frozenset[Pos]
    marker: str


def _grid(counts: Sequence[Sequence[int]]) -> list[list[int]]:
    grid = [[*row, sum(row)] for row in counts]
    width = len(grid[0]) if grid else 1
    grid.append([sum(row[c] for row in grid) for c in range(width)])
    return grid


def _lines(n_rows: int, n_cols: int, rows: bool, cols: bool, grand: bool) -> list[list[Pos]]:
    """Each printed equation as its cells, the total last."""
    lines = []
    if rows:
        lines += [[(r, c) for c in range(n_cols + 1)] for r in range(n_rows)]
        if grand:
            lines.append([(r, n_cols) for r in range(n_rows + 1)])
    if cols:
        lines += [[(r, c) for r in range(n_rows + 1)] for c in range(n_cols)]
        if grand:
            lines.append([(n_rows, c) for c in range(n_cols + 1)])
    return lines


def _complement(line: list[Pos], grid: list[list[int]], hidden: set[Pos]) -> Pos:
    """The smallest other non-zero cell of the line; its total only when none is left."""
    inner = [p for p in line[:-1] if p not in hidden and grid[p[0]][p[1]] != 0]
    if not inner:
        return line[-1]
    return min(inner, key=lambda p: (grid[p[0]][p[1]], p))


def _spread(lines: list[list[Pos]], grid: list[list[int]], hidden: set[Pos]) -> None:
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(p in hidden for p in line) == 1:
                hidden.add(_complement(line, grid, hidden))
                changed = True


def suppress_table(
    counts: Sequence[Sequence[int]],
    *,
    row_totals: bool = True,
    column_totals: bool = True,
    grand_total: bool | None = None,
    threshold: int = DEFAULT_THRESHOLD,
) -> SuppressedTable:
    """Suppress a table of counts whose printed totals are computed here."""
    n_rows = len(counts)
    n_cols = len(counts[0]) if counts else 0
    grand = (row_totals and column_totals) if grand_total is None else grand_total
    grid = _grid(counts)
    printed = {(r, c) for r in range(n_rows) for c in range(n_cols)}
    printed |= {(r, n_cols) for r in range(n_rows)} if row_totals else set()
    printed |= {(n_rows, c) for c in range(n_cols)} if column_totals else set()
    printed |= {(n_rows, n_cols)} if grand else set()
    hidden = {p for p in printed if is_small(grid[p[0]][p[1]], threshold)}
    _spread(_lines(n_rows, n_cols, row_totals, column_totals, grand), grid, hidden)
    mark = marker(threshold)

    def show(r: int, c: int) -> Cell:
        if (r, c) not in hidden:
            return grid[r][c]
        return mark if is_small(grid[r][c], threshold) else PROTECTED_MARK

    return SuppressedTable(
        tuple(tuple(show(r, c) for c in range(n_cols)) for r in range(n_rows)),
        tuple(show(r, n_cols) for r in range(n_rows)) if row_totals else None,
        tuple(show(n_rows, c) for c in range(n_cols)) if column_totals else None,
        show(n_rows, n_cols) if grand else None,
        frozenset(hidden),
        mark,
    )
