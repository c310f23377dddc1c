"""Client histories for the rules, built from the rows of `db.histories`.

A generator, one database chunk at a time, so a report over 100,000 clients
holds one chunk of histories in memory unless it keeps them itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import fields
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


class _Criteria:
    """Parses stored ';'-joined criteria once per distinct text (few distinct sets)."""

    def __init__(self) -> None:
        self._seen: dict[str, frozenset[str]] = {"": frozenset()}

    def __call__(self, text: str | None) -> frozenset[str]:
        key = text or ""
        found = self._seen.get(key)
        if found is None:
            # Only codes the rules know count; the database's CHECK-free text
            # column must not let a typo add a criterion.
            found = frozenset(c for c in key.split(";") if c in _KNOWN)
            self._seen[key] = found
        return found


def _substances(
    rows: Sequence[Sequence[Any]], parse: _Criteria
) -> dict[int, tuple[SubstanceFacts, ...]]:
    grouped: dict[int, list[SubstanceFacts]] = {}
    for assessment_id, cls, primary, criteria, last_met, use_days in rows:
        facts = SubstanceFacts(cls, bool(primary), parse(criteria), last_met, use_days)
        grouped.setdefault(assessment_id, []).append(facts)
    return {key: tuple(value) for key, value in grouped.items()}


def _assessment(row: Sequence[Any], substances: tuple[SubstanceFacts, ...]) -> AssessmentFacts:
    barc = tuple(row[_BARC])
    return _make_assessment(
        *row[_HEAD],
        None if None in barc else barc,
        *row[_TAIL],
        substances,
    )


def histories_from_rows(rows: HistoryRows, parse: _Criteria | None = None) -> list[ClientHistory]:
    """One ClientHistory per client row, in the order of the client rows."""
    parse = parse or _Criteria()
    substances = _substances(rows.substances, parse)
    assessments: dict[int, list[AssessmentFacts]] = {}
    for row in rows.assessments:
        facts = _assessment(row, substances.get(row[1], ()))
        assessments.setdefault(row[0], []).append(facts)
    events: dict[int, list[EventFacts]] = {}
    for client_id, occurred_on, event, count in rows.events:
        events.setdefault(client_id, []).append(EventFacts(occurred_on, event, count or 1))
    return [
        ClientHistory(
            client_id,
            code,
            birth_date,
            tuple(assessments.get(client_id, ())),
            tuple(events.get(client_id, ())),
            postal_code,
            *person,
        )
        for client_id, code, birth_date, postal_code, *person in rows.clients
    ]


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
        session,
        client_ids,
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
            chunk = histories_from_rows(rows, parse)
        del rows
        yield from chunk
        # Let this chunk go before the next one is read: only one is ever held.
        del chunk
