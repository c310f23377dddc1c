"""Client histories for the rules, built from the rows of `db.histories`.

A generator, one database chunk at a time, so a report over 100,000 clients
holds one chunk of histories in memory unless it keeps them itself.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import fields
from itertools import repeat
from typing import Any

from db.codes import CRITERIA
from db.engine import Session
from db.histories import (
    ASSESSMENT_COLUMNS,
    BARC10_COLUMNS,
    DEFAULT_CHUNK,
    HistoryRows,
    history_rows,
)
from db.jobs import collector_paused
from reports.rules.facts import AssessmentFacts, ClientHistory, EventFacts, SubstanceFacts

_KNOWN = frozenset(CRITERIA)
_A = {name: i for i, name in enumerate(ASSESSMENT_COLUMNS)}
_BARC = slice(_A[BARC10_COLUMNS[0]], _A[BARC10_COLUMNS[-1]] + 1)
# The columns after client_id and id map positionally onto AssessmentFacts
# (the ten BARC items folded into one tuple): the fastest way to build half a
# million of them. Checked at import, so a reordered column list fails loudly.
_HEAD = slice(_A["assessed_on"], _BARC.start)
_TAIL = slice(_BARC.stop, len(ASSESSMENT_COLUMNS))
_LAYOUT = (*ASSESSMENT_COLUMNS[_HEAD], "barc10", *ASSESSMENT_COLUMNS[_TAIL], "substances")
if tuple(f.name for f in fields(AssessmentFacts)) != _LAYOUT:
    raise ImportError("db.histories.ASSESSMENT_COLUMNS no longer matches AssessmentFacts")
_make_assessment: Callable[..., AssessmentFacts] = AssessmentFacts
Columns = Sequence[Sequence[Any]]  # a chunk's rows a column at a time


class _Criteria(dict[str | None, frozenset[str]]):
    """Stored ';'-joined criteria parsed once per distinct text (few distinct sets);
    looked up with `map(parse.__getitem__, ...)`, a dictionary lookup in C."""

    def __init__(self) -> None:
        super().__init__({None: frozenset(), "": frozenset()})

    def __missing__(self, text: str) -> frozenset[str]:
        # Only codes the rules know count; the database's CHECK-free text
        # column must not let a typo add a criterion.
        found = self[text] = frozenset(c for c in text.split(";") if c in _KNOWN)
        return found

    def __call__(self, text: str | None) -> frozenset[str]:
        return self[text]


def _runs(keys: Sequence[Any], values: Sequence[Any]) -> dict[Any, tuple[Any, ...]]:
    """`values` grouped by `keys`, in their order; equal keys stand together (the rows
    come in key order), and a key met again later is added to, not lost."""
    grouped: dict[Any, tuple[Any, ...]] = {}
    start = 0
    for end in range(1, len(keys) + 1):
        if end == len(keys) or keys[end] != keys[start]:
            key = keys[start]
            grouped[key] = grouped.get(key, ()) + tuple(values[start:end])
            start = end
    return grouped


def _substances(columns: Columns, parse: _Criteria) -> dict[int, tuple[SubstanceFacts, ...]]:
    assessment_ids, classes, primary, criteria, last_met, use_days = columns
    facts = list(
        map(
            SubstanceFacts,
            classes,
            map(bool, primary),
            map(parse.__getitem__, criteria),
            last_met,
            use_days,
        )
    )
    return _runs(assessment_ids, facts)


def _barc10(*items: int | None) -> tuple[int | None, ...] | None:
    return None if None in items else items


def _assessments(columns: Columns, substances: dict[int, tuple[SubstanceFacts, ...]]) -> list[Any]:
    """AssessmentFacts of every row, in row order, built a column at a time."""
    return list(
        map(
            _make_assessment,
            *columns[_HEAD],
            _barc10_of(columns[_BARC]),
            *columns[_TAIL],
            map(substances.get, columns[1], repeat(())),
        )
    )


def _barc10_of(items: Columns) -> Iterator[tuple[int | None, ...] | None]:
    """The BARC-10 tuples of the rows; None throughout when no row has a first item (the
    block was not read, or never answered), without looking at each row."""
    first = items[0]
    if first.count(None) == len(first):
        return repeat(None)
    return map(_barc10, *items)


def _by_client(
    client_ids: Sequence[int], owners: Sequence[int], items: list[Any]
) -> Iterator[tuple[Any, ...]]:
    """For each of `client_ids` (ascending), its `items`: those whose owner, in the
    ascending column `owners`, is that client."""
    at = 0
    for client_id in client_ids:
        at = bisect_left(owners, client_id, at)
        end = bisect_right(owners, client_id, at)
        yield tuple(items[at:end])
        at = end


def _count(count: int | None) -> int:
    return count or 1


def histories_from_columns(
    rows: HistoryRows, parse: _Criteria | None = None
) -> list[ClientHistory]:
    """One ClientHistory per client, in the order of the clients, from the chunk's
    columns (`history_rows(by_column=True)`)."""
    parse = _Criteria() if parse is None else parse
    assessments = _assessments(rows.assessments, _substances(rows.substances, parse))
    client_of_event, occurred_on, event, count = rows.events
    events = list(map(EventFacts, occurred_on, event, map(_count, count)))
    ids, codes, births, postal_codes, *person = rows.clients
    return list(
        map(
            ClientHistory,
            ids,
            codes,
            births,
            _by_client(ids, rows.assessments[0], assessments),
            _by_client(ids, client_of_event, events),
            postal_codes,
            *person,
        )
    )


def _stored(reads: Collection[str]) -> set[str]:
    """The stored columns behind AssessmentFacts fields (the BARC-10 block is ten)."""
    columns = set(reads)
    if "barc10" in columns:
        columns.update(BARC10_COLUMNS)
    return columns


def load_histories(
    session: Session,
    client_ids: Sequence[int] | None = None,
    *,
    until: dt.date | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    reads: Collection[str] | None = None,
    events_from: dt.date | None = None,
) -> Iterator[ClientHistory]:
    """Every client's history (or those of `client_ids`), streamed chunk by chunk.

    `reads` names the AssessmentFacts fields the caller's rules read (None: all);
    the others are left empty, and without "substances" no substance record is
    read, which halves the rows. `reports.rules.harm.READS` is one such set.
    `events_from` leaves out earlier events, except a death.
    """
    parse = _Criteria()
    rows_of_chunks = history_rows(
        by_column=True,
        session=session,
        client_ids=client_ids,
        until=until,
        chunk_size=chunk_size,
        substances=reads is None or "substances" in reads,
        assessment_columns=None if reads is None else _stored(reads),
        events_from=events_from,
    )
    while True:
        with collector_paused():
            rows = next(rows_of_chunks, None)
            if rows is None:
                return
            chunk = histories_from_columns(rows, parse)
        del rows
        yield from chunk
        # Let this chunk go before the next one is read: only one is ever held.
        del chunk
