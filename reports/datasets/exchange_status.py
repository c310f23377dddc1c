"""The RecoveryStatus sheet: each client's status at the as-of date, and their harm.

The export already holds a page of clients' rows (by exchange-workbook key)
to write the record sheets; the same rows become `ClientHistory` facts here.
The statuses are read from the status stored after each assessment
(`status_store.StoredSeries`, one statement per page of clients), which is what
the walk (`recovery.classify`) gives at that date; the harm of the year is
counted from the page's events.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import fields
from typing import Any

from forms.exchange import ASSESSMENTS, EVENTS, RECOVERY_STATUS, SUBSTANCES
from reports.rules.facts import AssessmentFacts, ClientHistory, EventFacts, SubstanceFacts
from reports.rules.harm import harm_for_year_ending
from reports.rules.recovery import ClassStatus, headline

log = logging.getLogger(__name__)

Row = tuple[Any, ...]
_BARC10 = tuple(f"barc10_{i}" for i in range(1, 11))
_ASSESSMENT_FACTS = tuple(
    f.name for f in fields(AssessmentFacts) if f.name not in ("barc10", "substances")
)


def _index(keys: Sequence[str]) -> dict[str, int]:
    # Rows carry the client id first, then the sheet's columns.
    return {key: i + 1 for i, key in enumerate(keys)}


_A = _index(ASSESSMENTS.keys)
_STATUS_KEYS = RECOVERY_STATUS.keys  # a property that builds the tuple: read it once
_S = _index(SUBSTANCES.keys)
_E = _index(EVENTS.keys)


def _substance(row: Row) -> SubstanceFacts:
    criteria = row[_S["criteria"]]
    return SubstanceFacts(
        row[_S["substance_class"]],
        bool(row[_S["primary"]]),
        frozenset(criteria.split(";")) if criteria else frozenset(),
        row[_S["criteria_last_met_on"]],
        row[_S["use_days_28"]],
    )


def _assessment(row: Row, substances: tuple[SubstanceFacts, ...]) -> AssessmentFacts:
    barc = tuple(row[_A[k]] for k in _BARC10)
    return AssessmentFacts(
        **{k: row[_A[k]] for k in _ASSESSMENT_FACTS},
        barc10=None if None in barc else barc,
        substances=substances,
    )


def histories(
    clients: Sequence[tuple[int, str, dt.date]],
    assessments: Sequence[Row],
    substances: Sequence[Row],
    events: Sequence[Row],
) -> Iterator[ClientHistory]:
    """One history per (id, code, birth date); the rows are grouped by client id, in date order."""
    by_visit: dict[tuple[int, dt.date], list[SubstanceFacts]] = defaultdict(list)
    for row in substances:
        by_visit[(row[0], row[_S["assessed_on"]])].append(_substance(row))
    visits: dict[int, list[AssessmentFacts]] = defaultdict(list)
    for row in assessments:
        key = (row[0], row[_A["assessed_on"]])
        visits[row[0]].append(_assessment(row, tuple(by_visit.get(key, ()))))
    happened: dict[int, list[EventFacts]] = defaultdict(list)
    for row in events:
        happened[row[0]].append(
            EventFacts(row[_E["occurred_on"]], row[_E["event"]], row[_E["count"]])
        )
    for client_id, code, born in clients:
        yield ClientHistory(
            client_id,
            code,
            born,
            tuple(visits.get(client_id, ())),
            tuple(happened.get(client_id, ())),
        )


def status_rows(history: ClientHistory, as_of: dt.date, classified: list[ClassStatus]) -> list[Row]:
    """One row per substance class at `as_of` (one row without a class when none is recorded),
    in stored form: booleans stay booleans, the sheet writes them as yes/no. `classified`
    is `classify(history, as_of)`."""
    statuses = classified or [headline(history, [], as_of)]
    harm = harm_for_year_ending(history, as_of)
    rows = []
    for s in statuses:
        values = {
            "client_code": history.client_code,
            "as_of": as_of,
            "substance_class": s.substance_class,
            "primary": s.primary,
            "dsm_status": s.dsm_status,
            "remission_type": s.remission_type,
            "severity": s.severity,
            "controlled_environment": s.controlled_environment,
            "maintenance_therapy": s.maintenance_therapy,
            "sobriety": s.sobriety,
            "recovery_status": s.recovery_status,
            "recovery_timeframe": s.recovery_timeframe,
            "remission_episodes": s.remission_episodes,
            "recurrences": s.recurrences,
            "recovery_attempts": s.recovery_attempts,
            "harm_self": harm.harm_self,
            "harm_others": harm.harm_others,
            "harm_community": harm.harm_community,
            "ahi": harm.ahi,
        }
        rows.append(tuple(values[key] for key in _STATUS_KEYS))
    return rows
