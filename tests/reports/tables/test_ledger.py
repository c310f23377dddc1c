"""Suppression across tables that share totals: no hidden count can be worked out."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reports.datasets.grid import Grid
from reports.tables.ledger import Ledger, LedgerError
from reports.tables.report_tables import CrossIds, Disclosure, TableSpec, cross_rows, render

small_or_large = st.one_of(st.integers(0, 12), st.integers(0, 400))
grids = st.lists(st.lists(small_or_large, min_size=2, max_size=5), min_size=2, max_size=5)


def _grid(rows: list[list[int]]) -> Grid:
    grid = Grid()
    for r, row in enumerate(rows):
        for c, n in enumerate(row):
            grid.add(r, c, n)
    return grid


def _register(ledger: Ledger, name: str, rows: list[list[int]], shared_rows: bool) -> TableSpec:
    """A cross table; with `shared_rows` its row totals are one cell with the other's."""
    width = len(rows[0])
    ids = CrossIds(
        lambda r, c: (name, r, c),
        lambda r: ("rows", r) if shared_rows else (name, "row", r),
        lambda c: (name, "col", c),
        ("grand",) if shared_rows else (name, "grand"),
    )
    specs = cross_rows(
        ledger,
        _grid(rows),
        {r: str(r) for r in range(len(rows))},
        {c: str(c) for c in range(width)},
        ids,
    )
    return TableSpec(name, name, "", tuple(str(c) for c in range(width + 1)), specs)


def _split(data: st.DataObject, total: int, parts: int) -> list[int]:
    cuts = sorted(
        data.draw(st.lists(st.integers(0, total), min_size=parts - 1, max_size=parts - 1))
    )
    edges = [0, *cuts, total]
    return [b - a for a, b in pairwise(edges)]


@given(grids, st.integers(2, 4), st.data())
def test_no_line_of_two_linked_tables_keeps_exactly_one_hidden_count(
    first: list[list[int]], columns: int, data: st.DataObject
) -> None:
    # The second table splits the same row totals another way, as the severity
    # table splits the DSM statuses that the goal table also splits.
    width = min(len(r) for r in first)
    first = [r[:width] for r in first]
    second = [_split(data, sum(r), columns) for r in first]
    ledger = Ledger()
    tables = [_register(ledger, "a", first, True), _register(ledger, "b", second, True)]
    ledger.suppress(11)
    for line in ledger.lines():
        assert sum(ledger.is_hidden(c) for c in line) != 1
    disclosure = Disclosure(11)
    for spec in tables:
        for spec_row, row in zip(spec.rows, render(spec, ledger, disclosure).rows, strict=True):
            for cell, value in zip(spec_row.cells, row.values, strict=True):
                # "<11" only ever stands for 1 to 10, "*" for a larger count hidden with it.
                if value == "<11":
                    assert 1 <= ledger.value(cell) <= 10
                elif value == "*":
                    assert ledger.value(cell) >= 11
                else:
                    assert value == 0 or value >= 11


def test_a_total_that_is_not_the_sum_of_its_parts_is_a_bug() -> None:
    ledger = Ledger()
    ledger.put(("a",), 3)
    ledger.put(("b",), 4)
    ledger.put(("total",), 8)
    with pytest.raises(LedgerError):
        ledger.line([("a",), ("b",)], ("total",))
    with pytest.raises(LedgerError):
        ledger.put(("a",), 5)


def test_a_hidden_cell_takes_its_smallest_neighbour_with_it() -> None:
    ledger = Ledger()
    for name, n in (("a", 5), ("b", 30), ("c", 12), ("t", 47)):
        ledger.put((name,), n)
    ledger.line([("a",), ("b",), ("c",)], ("t",))
    ledger.suppress(11)
    assert [ledger.is_hidden((n,)) for n in "abct"] == [True, False, True, False]


def test_internal_reports_hide_nothing() -> None:
    ledger = Ledger()
    ledger.put(("a",), 1)
    ledger.suppress(Disclosure(11, internal=True).effective_threshold)
    assert not ledger.is_hidden(("a",))
