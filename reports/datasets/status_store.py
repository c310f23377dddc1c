"""The rules' walk written down per completed assessment, and read back at any date.

`db.status_rows` stores, for every client, the statuses `status_state` computes
after each completed assessment; this module computes those rows from client
histories with the rules' own walk (never a second implementation of the
rules), rebuilds them for the clients a save touched, finds where the stored
rows and a fresh walk differ, and turns stored rows back into `ClassStatus`.
Importing it hands `rebuild` to `db.status_rows`, which every save calls.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from db import status_rows
from db.engine import Database, Session
from db.jobs import collector_paused
from reports.datasets.histories import load_histories
from reports.rules.facts import ClientHistory, death_date
from reports.rules.recovery import ClassStatus
from reports.rules.status_state import (
    StoredState,
    series_from_states,
    states_after_assessments,
    status_from_state,
)

_FIELDS = status_rows.STATUS_COLUMNS
# The status columns stored (deceased_on is read from the record at the as-of date).
_STORED = tuple(name for name in _FIELDS if name != "deceased_on")
_BATCH = 20_000
_CHUNK = 2000  # clients per statement of StoredSeries, as db.histories reads them


def state_rows(history: ClientHistory) -> list[dict[str, Any]]:
    """The rows of one client: one per class after each completed assessment."""
    states = list(states_after_assessments(history))
    rows: list[dict[str, Any]] = []
    for i, (_d, statuses) in enumerate(states):
        next_on = states[i + 1][0] if i + 1 < len(states) else None
        for position, status in enumerate(statuses):
            values = dict(zip(_FIELDS, _values(status), strict=True))
            del values["deceased_on"]
            values.update(client_id=history.client_id, position=position, next_on=next_on)
            rows.append(values)
    return rows


def _values(status: ClassStatus) -> tuple[Any, ...]:
    # ClassStatus's fields in their order, which STATUS_COLUMNS follows.
    return (
        status.substance_class,
        status.primary,
        status.dsm_status,
        status.remission_type,
        status.severity,
        status.controlled_environment,
        status.maintenance_therapy,
        status.sobriety,
        status.recovery_status,
        status.recovery_timeframe,
        status.remission_episodes,
        status.recurrences,
        status.recovery_attempts,
        status.d_last,
        status.A,
        status.B,
        status.last_use_on,
        status.deceased_on,
        status.goal,
        status.self_identified_recovery,
    )


def status_of_row(row: Sequence[Any]) -> ClassStatus:
    """A stored row (STATUS_COLUMNS) as the ClassStatus it was written from."""
    return ClassStatus(*row)


def statuses_of_columns(columns: Sequence[Sequence[Any]]) -> Iterator[ClassStatus]:
    """Stored rows given a column at a time (STATUS_COLUMNS), as their ClassStatus."""
    return map(ClassStatus, *columns)


def client_statuses(session: Session, client_id: int, as_of: dt.date) -> list[ClassStatus]:
    """`classify` of one client at `as_of`, from the stored status (the client page)."""
    state = [status_of_row(row) for row in status_rows.client_state_at(session, client_id, as_of)]
    d_last = state[0].d_last if state else None
    return status_from_state(state, d_last, status_rows.death_of(session, client_id), as_of)


class StoredSeries:
    """`classify_series` of clients asked for in ascending id order, from the stored status:
    the rows of a chunk of clients read in one statement when the first of them is asked.
    With `headlines`, each date's list holds the headline status alone (its first), which
    is all the monthly walk counts: the other classes' rows are not read."""

    def __init__(
        self,
        session: Session,
        client_ids: Sequence[int],
        dates: Sequence[dt.date],
        *,
        headlines: bool = False,
    ) -> None:
        self._session = session
        self._headlines = headlines
        self._ids = sorted(set(client_ids))
        self._dates = dates
        self._at = 0  # where the next chunk starts in _ids
        self._states: dict[int, list[StoredState]] = {}

    def of(self, history: ClientHistory) -> list[list[ClassStatus]]:
        """The client's statuses at each date, in the order of the dates."""
        states = self.states_of(history.client_id)
        return series_from_states(states, death_date(history), self._dates)

    def states_of(self, client_id: int) -> list[StoredState]:
        """The client's stored states that hold at some of the dates, oldest first; each
        client is asked for once."""
        while client_id not in self._states and self._at < len(self._ids):
            self._read_chunk()
        return self._states.pop(client_id, [])

    def _read_chunk(self) -> None:
        chunk = self._ids[self._at : self._at + _CHUNK]
        self._at += len(chunk)
        self._states = {client_id: [] for client_id in chunk}
        found = status_rows.rows_between(
            self._session, chunk, min(self._dates), max(self._dates), headlines=self._headlines
        )
        # By client, date and position: one state per client and date, headline first.
        for client_id, next_on, *values in found:
            status = ClassStatus(*values)
            states = self._states[client_id]
            if states and states[-1][0] == status.d_last:
                states[-1][2].append(status)  # type: ignore[attr-defined]
            else:
                states.append((status.d_last, next_on, [status]))  # type: ignore[arg-type]


def rebuild(session: Session, client_ids: Sequence[int] | None) -> None:
    """Rewrite the stored rows of `client_ids` (None: every client) from their histories."""
    if client_ids is None:
        status_rows.delete_all(session)
        _write(session, load_histories(session), [])
    else:
        _write(session, load_histories(session, client_ids), sorted(set(client_ids)))


def _write(session: Session, histories: Iterable[ClientHistory], ids: list[int]) -> None:
    # First the old rows of `ids`, merged clients among them (they load no history).
    status_rows.replace(session, ids, [])
    rows: list[dict[str, Any]] = []
    with collector_paused():
        for history in histories:
            rows.extend(state_rows(history))
            if len(rows) >= _BATCH:
                status_rows.replace(session, [], rows)
                rows = []
    status_rows.replace(session, [], rows)


def clients_differing(session: Session, progress: Callable[[int], None] | None = None) -> list[int]:
    """Ids of the clients whose stored rows are not what a fresh walk gives now."""
    differing = []
    done = 0
    for chunk in _chunks(load_histories(session)):
        stored = _stored_by_client(session, [h.client_id for h in chunk])
        for history in chunk:
            if stored.pop(history.client_id, []) != _fresh(history):
                differing.append(history.client_id)
        # Rows left over belong to clients no walk returns (merged since).
        differing.extend(stored)
        done += len(chunk)
        if progress:
            progress(done)
    return sorted(set(differing) | set(_orphans(session)))


def check_and_store_again(database: Database) -> int:
    """`check --rebuild-status`: the number of clients whose stored status differed from
    a fresh walk; every client's status is then stored again, in the same transaction."""
    with database.writing() as session:
        differing = clients_differing(session)
        status_rows.rebuild(session, None)
    return len(differing)


def _chunks(histories: Iterable[ClientHistory], size: int = 2000) -> Iterable[list[ClientHistory]]:
    chunk: list[ClientHistory] = []
    for history in histories:
        chunk.append(history)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _fresh(history: ClientHistory) -> list[tuple[Any, ...]]:
    return [
        (r["assessed_on"], r["position"], r["next_on"], *(r[name] for name in _STORED))
        for r in state_rows(history)
    ]


def _stored_by_client(session: Session, ids: list[int]) -> dict[int, list[tuple[Any, ...]]]:
    found: dict[int, list[tuple[Any, ...]]] = {}
    skip = 4 + _FIELDS.index("deceased_on")
    for row in status_rows.stored_rows(session, ids):
        values = tuple(row[1:skip]) + tuple(row[skip + 1 :])
        found.setdefault(row[0], []).append(values)
    return found


def _orphans(session: Session) -> list[int]:
    """Clients with stored rows that are merged into another (a walk skips them)."""
    return status_rows.merged_with_rows(session)


status_rows.set_rebuilder(rebuild)
