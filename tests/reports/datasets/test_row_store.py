"""Rows wait for the sheet compressed, and come back sorted by unique random ids."""

from __future__ import annotations

import marshal
import re

import pytest

from reports.datasets import row_store
from reports.datasets.row_store import RecordIds, RowStore


def test_every_row_comes_back_once_in_the_order_of_its_id() -> None:
    store = RowStore()
    rows = [(n, f"code-{n % 7}", None, 1.5 * n) for n in range(20_000)]
    for row in rows:
        store.add(row)
    back = list(store.sorted_rows())
    ids = [record_id for record_id, _ in back]
    assert ids == sorted(ids) and len(set(ids)) == len(rows)
    assert all(re.fullmatch(r"[0-9A-F]{10}", i) for i in ids)
    assert sorted(row for _, row in back) == rows
    assert [row for _, row in back] != rows  # not the order they came in


def test_waiting_rows_are_compressed() -> None:
    store = RowStore()
    row = (89, "not_hispanic_latino", "early_remission", "sustained", None, 2025)
    for _ in range(20_000):
        store.add(row)
    held = sum(len(b) for blocks in store._blocks for b in blocks)
    held += sum(len(p) for p in store._pending)
    packed = 20_000 * (row_store.ID_BYTES + 3 + len(marshal.dumps(row)))
    assert held < packed / 2


def test_an_id_drawn_twice_is_drawn_again_within_its_bucket(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Rows 0..3 draw B, A, B, B; the first repeat then draws C, the second A (taken), D.
    draws = iter([b"BBBBB", b"AAAAA", b"BBBBB", b"BBBBB", b"CCCCC", b"AAAAA", b"DDDDD"])
    monkeypatch.setattr(RecordIds, "next", lambda self: next(draws))
    store = RowStore()
    for n in range(4):
        store.add((n,))
    back = list(store.sorted_rows())
    ids = [bytes.fromhex(record_id) for record_id, _ in back]
    assert len(set(ids)) == 4 and ids == sorted(ids)
    assert sorted(row for _, row in back) == [(0,), (1,), (2,), (3,)]
    # A redrawn id keeps the bucket bits of the one it replaces, so order holds.
    shift = 8 - row_store._BUCKET_BITS
    assert {i[0] >> shift for i in ids} == {ord("A") >> shift}


def test_a_workers_rows_merged_in_come_back_with_the_others_in_id_order() -> None:
    mine, theirs = RowStore(), RowStore()
    for n in range(3000):
        (mine if n % 3 else theirs).add((n, f"code-{n}"))
    mine.merge(theirs)
    back = list(mine.sorted_rows())
    ids = [record_id for record_id, _ in back]
    assert ids == sorted(ids) and len(set(ids)) == 3000
    assert sorted(row for _, row in back) == [(n, f"code-{n}") for n in range(3000)]
    assert list(theirs.sorted_rows()) == []  # taken, not copied


def test_an_id_drawn_in_two_stores_is_made_unique_when_they_merge(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    draws = iter([b"AAAAA", b"BBBBB", b"AAAAA", b"CCCCC"])
    monkeypatch.setattr(RecordIds, "next", lambda self: next(draws))
    mine, theirs = RowStore(), RowStore()
    mine.add(("mine",))
    mine.add(("also mine",))
    theirs.add(("theirs",))
    mine.merge(theirs)
    back = list(mine.sorted_rows())
    assert [bytes.fromhex(i) for i, _ in back] == [b"AAAAA", b"BBBBB", b"CCCCC"]
    assert sorted(row for _, row in back) == [("also mine",), ("mine",), ("theirs",)]
