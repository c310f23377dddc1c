"""DOMAIN.md §9: small cells hidden, and never recoverable from a printed total."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reports.rules.suppression import (
    PROTECTED_MARK,
    SuppressedTable,
    percent,
    suppress_count,
    suppress_table,
)

M = "<11"
P = PROTECTED_MARK  # a larger count hidden to protect a small one


def test_small_cell_and_its_complements_cascade_until_stable() -> None:
    table = suppress_table([[20, 5], [30, 40]])
    # 5 hides 20 (its row), which hides 30 (its column); 5 also hides 40 (its column).
    assert table.cells == ((P, M), (P, P))
    assert table.row_totals == (25, 70)
    assert table.column_totals == (50, 45)
    assert table.grand_total == 95


def test_zero_prints_and_is_not_a_complement() -> None:
    table = suppress_table([[0, 3, 40], [12, 0, 15]])
    # 3 hides 40 (row), 40 hides 15 (column), 15 hides 12 (row); the first column
    # then has only a 0 left beside 12, so its total is hidden instead.
    assert table.cells == ((0, M, P), (P, 0, P))
    assert table.row_totals == (43, 27)
    assert table.column_totals == (P, M, 55)
    assert table.grand_total == 70


def test_a_small_row_total_is_hidden_and_so_is_another_total() -> None:
    table = suppress_table([[4, 4], [50, 60], [30, 30]])
    assert table.cells[0] == (M, M)
    assert table.row_totals == (M, 110, P)  # else 8 = grand - 110 - 60
    assert table.grand_total == 178


def test_threshold_is_configurable() -> None:
    table = suppress_table([[4, 5], [6, 50]], threshold=5)
    assert table.marker == "<5"
    assert table.cells == (("<5", P), (P, P))
    assert suppress_count(5, threshold=5) == 5
    assert suppress_count(4, threshold=5) == "<5"
    assert suppress_count(0) == 0
    assert suppress_count(11) == 11


def test_no_totals_means_only_primary_suppression() -> None:
    table = suppress_table([[20, 5], [30, 40]], row_totals=False, column_totals=False)
    assert table.cells == ((20, M), (30, 40))
    assert (table.row_totals, table.column_totals, table.grand_total) == (None, None, None)


def test_percentages_on_a_suppressed_count_are_suppressed() -> None:
    assert percent(M, 40) == M
    assert percent(12, M) == M
    assert percent(12, 48) == 25.0
    assert percent(0, 0) is None


def _equations(t: SuppressedTable) -> list[list[int | str]]:
    lines: list[list[int | str]] = []
    if t.row_totals is not None:
        lines += [[*row, total] for row, total in zip(t.cells, t.row_totals, strict=True)]
        if t.column_totals is not None and t.grand_total is not None:
            lines.append([*t.row_totals, t.grand_total])
    if t.column_totals is not None:
        columns = list(zip(*t.cells, strict=True)) if t.cells else []
        lines += [[*col, total] for col, total in zip(columns, t.column_totals, strict=True)]
        if t.row_totals is not None and t.grand_total is not None:
            lines.append([*t.column_totals, t.grand_total])
    return lines


counts = st.integers(0, 60) | st.integers(0, 12)
tables = st.integers(1, 5).flatmap(
    lambda width: st.lists(st.lists(counts, min_size=width, max_size=width), min_size=1, max_size=5)
)


@settings(max_examples=200, deadline=None)
@given(tables, st.booleans(), st.booleans(), st.integers(2, 15))
def test_no_hidden_cell_recoverable_and_no_small_count_printed(
    rows: list[list[int]], row_totals: bool, column_totals: bool, threshold: int
) -> None:
    t = suppress_table(
        rows, row_totals=row_totals, column_totals=column_totals, threshold=threshold
    )
    printed = [v for line in _equations(t) for v in line] + [v for row in t.cells for v in row]
    assert not [v for v in printed if isinstance(v, int) and 0 < v < threshold]
    for line in _equations(t):
        assert sum(isinstance(v, str) for v in line) != 1, line
    for r, row in enumerate(rows):
        for c, true_value in enumerate(row):
            shown = t.cells[r][c]
            assert (
                shown == true_value
                or (shown == t.marker and 0 < true_value < threshold)
                or (shown == P and true_value >= threshold)
            )
            if true_value == 0:
                assert t.cells[r][c] == 0
