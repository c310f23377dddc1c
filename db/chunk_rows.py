"""Many rows of a chunk of clients, read at the driver's speed.

A report at 100,000 clients reads about a million rows of histories and stored
statuses. SQLAlchemy's result layer (and `Prepared.rows`) sends every value of
every row through its column type's converter in Python, which cost as much CPU
as running the statements. `ManyRows` is a `db.driver.Prepared` statement (SQL
compiled once per dialect, the same listeners and errors) whose rows are
converted a column at a time: only the columns whose type converts on this
dialect (on SQLite a date stored as text, a boolean stored as 0 or 1; nothing on
PostgreSQL, whose driver gives dates and booleans), each through a memo of the
values already seen. Those columns hold few distinct values (the days of a few
years, two truth values), so each is converted once and the rest is a lookup in C.

A chunk's ids are bound one per slot (`id_slots`), not as an expanding IN list,
which SQLAlchemy compiles again at every execution; a chunk shorter than its
slots repeats its last id, which selects nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, bindparam

from db.driver import Prepared

# A memo this large has met a column with many distinct values: start it again.
_MEMO_LIMIT = 100_000


def slot_count(ids: Sequence[int]) -> int:
    """The slots a chunk of `ids` is bound to: a power of two, so that few statements
    are ever compiled however the chunks fall."""
    return 1 << max(len(ids) - 1, 0).bit_length()


def id_slots(column: Any, slots: int) -> ColumnElement[bool]:
    """`column IN (...)` with `slots` bound ids named id_0, id_1, ..."""
    condition: ColumnElement[bool] = column.in_([bindparam(f"id_{k}") for k in range(slots)])
    return condition


def id_values(ids: Sequence[int], slots: int) -> dict[str, int]:
    """The values of `id_slots` for `ids` (at most `slots` of them, at least one)."""
    last = ids[-1]
    return {f"id_{k}": ids[k] if k < len(ids) else last for k in range(slots)}


class _Memo(dict[Any, Any]):
    """One column's values, each converted once (None stays None)."""

    def __init__(self, convert: Callable[[Any], Any]) -> None:
        super().__init__({None: None})
        self._convert = convert

    def __missing__(self, value: Any) -> Any:
        if len(self) > _MEMO_LIMIT:
            self.clear()
            self[None] = None
        converted = self[value] = self._convert(value)
        return converted


class ManyRows(Prepared):
    """A SELECT compiled once per dialect; its rows as tuples converted column-wise."""

    def __init__(self, statement: Any) -> None:
        super().__init__(statement)
        self._memos: dict[tuple[str, str], tuple[tuple[int, _Memo], ...]] = {}

    def rows(self, conn: Connection, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        found, memos = self._found(conn, params)
        if not found or not memos:
            return found
        return list(zip(*self._converted(found, memos), strict=True))

    def columns(self, conn: Connection, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """The result a column at a time (one tuple per selected column, in their order):
        what a caller building objects with `map` wants, without turning it back to rows."""
        found, memos = self._found(conn, params)
        if not found:
            return [() for _ in self._statement.exported_columns]
        return self._converted(found, memos)

    def _found(
        self, conn: Connection, params: Mapping[str, Any]
    ) -> tuple[list[Any], tuple[tuple[int, _Memo], ...]]:
        compiled, found = self._fetched(conn, params)
        return found, self._memos_for(conn, compiled.results)

    @staticmethod
    def _converted(found: list[Any], memos: tuple[tuple[int, _Memo], ...]) -> list[tuple[Any, ...]]:
        columns = list(zip(*found, strict=True))
        for index, memo in memos:
            columns[index] = tuple(map(memo.__getitem__, columns[index]))
        return columns

    def _memos_for(
        self, conn: Connection, processors: Sequence[Callable[[Any], Any] | None]
    ) -> tuple[tuple[int, _Memo], ...]:
        key = (conn.dialect.name, conn.dialect.paramstyle)
        memos = self._memos.get(key)
        if memos is None:
            memos = self._memos[key] = tuple(
                (index, _Memo(p)) for index, p in enumerate(processors) if p is not None
            )
        return memos
