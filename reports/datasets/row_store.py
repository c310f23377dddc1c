"""Rows held until a sheet is written in the order of their random record ids.

The de-identified sheet lists its rows sorted by a record id drawn from
`secrets`, so their order is random; the rows come from a walk in the
agency's own order, so they must wait until the walk ends. They wait packed
(marshal) and compressed a block at a time, in 32 buckets by the first bits
of their id: taking the buckets in turn and sorting each gives every row in
id order, with one bucket unpacked at a time. At 100,000 clients the store
holds a few megabytes.
"""

from __future__ import annotations

import bisect
import functools
import marshal
import secrets
import zlib
from collections.abc import Callable, Iterator

ID_BYTES = 5  # 40 bits: a repeat among 100,000 ids happens in about one export in 200
_BUCKET_BITS = 5
_BUCKETS = 1 << _BUCKET_BITS
_SHIFT = 8 - _BUCKET_BITS  # a bucket is the top bits of the id's first byte
_LOW = (1 << _SHIFT) - 1
_LENGTH_BYTES = 3
_BLOCK = 16 * 1024  # packed bytes of one bucket compressed together
_DRAW = 4096  # ids drawn from the system's source at a time

Row = tuple[str | int | float | None, ...]


class RecordIds:
    """Random record ids for one export. They are not remembered as they are drawn
    (that would cost memory per row); `make_unique` finds the rare repeat once the
    rows are sorted."""

    def __init__(self) -> None:
        self._pool = b""
        self._at = 0

    def next(self) -> bytes:
        if self._at >= len(self._pool):
            self._pool, self._at = secrets.token_bytes(ID_BYTES * _DRAW), 0
        value = self._pool[self._at : self._at + ID_BYTES]
        self._at += ID_BYTES
        return value

    @staticmethod
    def text(value: bytes) -> str:
        return value.hex().upper()


def make_unique(packed: list[bytes], draw: Callable[[], bytes]) -> None:
    """Give a fresh id from `draw` to every item of `packed` (sorted, each headed by its
    id) whose id an earlier item has, keeping the list sorted."""
    i = 1
    while i < len(packed):
        if packed[i][:ID_BYTES] != packed[i - 1][:ID_BYTES]:
            i += 1
            continue
        body = packed.pop(i)[ID_BYTES:]
        fresh = draw()
        while _holds(packed, fresh):
            fresh = draw()
        # A fresh id makes no new neighbour equal: position i is checked again.
        bisect.insort(packed, fresh + body)


def _holds(packed: list[bytes], record_id: bytes) -> bool:
    at = bisect.bisect_left(packed, record_id)
    return at < len(packed) and packed[at].startswith(record_id)


class RowStore:
    """Rows kept behind random record ids, handed back sorted by id."""

    def __init__(self) -> None:
        self.ids = RecordIds()
        self._blocks: list[list[bytes]] = [[] for _ in range(_BUCKETS)]
        self._pending = [bytearray() for _ in range(_BUCKETS)]

    def add(self, row: Row) -> None:
        record_id = self.ids.next()
        body = marshal.dumps(row)
        bucket = record_id[0] >> _SHIFT
        pending = self._pending[bucket]
        pending += record_id
        pending += len(body).to_bytes(_LENGTH_BYTES, "little")
        pending += body
        if len(pending) >= _BLOCK:
            self._blocks[bucket].append(zlib.compress(pending, 1))
            self._pending[bucket] = bytearray()

    def merge(self, other: RowStore) -> None:
        """Take every row of `other` (a walk worker's store), which empties. Ids drawn in
        two stores may repeat: `sorted_rows` gives a repeat a fresh id, as within one."""
        for bucket in range(_BUCKETS):
            self._blocks[bucket].extend(other._blocks[bucket])
            if other._pending[bucket]:
                self._blocks[bucket].append(zlib.compress(other._pending[bucket], 1))
            other._blocks[bucket], other._pending[bucket] = [], bytearray()

    def sorted_rows(self) -> Iterator[tuple[str, Row]]:
        """(record id as text, row) for every row, in id order; the store empties as it goes."""
        for bucket in range(_BUCKETS):
            items = self._unpack(bucket)
            items.sort()
            make_unique(items, functools.partial(self._draw_in, bucket))
            for item in items:
                yield RecordIds.text(item[:ID_BYTES]), marshal.loads(item[ID_BYTES:])

    def _unpack(self, bucket: int) -> list[bytes]:
        data = b"".join(zlib.decompress(block) for block in self._blocks[bucket])
        data += self._pending[bucket]
        self._blocks[bucket], self._pending[bucket] = [], bytearray()
        items, at, head = [], 0, ID_BYTES + _LENGTH_BYTES
        while at < len(data):
            size = int.from_bytes(data[at + ID_BYTES : at + head], "little")
            items.append(data[at : at + ID_BYTES] + data[at + head : at + head + size])
            at += head + size
        return items

    def _draw_in(self, bucket: int) -> bytes:
        """A fresh id that still sorts into `bucket`."""
        value = self.ids.next()
        return bytes([bucket << _SHIFT | value[0] & _LOW]) + value[1:]
