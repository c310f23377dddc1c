"""Random client histories built from a tape of bytes: hypothesis draws the tape in one
call (fast, and it shrinks towards zeros), this module reads it into plain facts.

Dates cross the rules' turning points often: gaps of 20-400 days, criteria last met
up to 150 days before, several classes, primary classes that change, refused and
deceased contacts, arrests and deaths.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from db.codes import (
    CONTROLLED_ENVIRONMENT,
    CRITERIA,
    GOAL,
    MEDICATION,
    SELF_IDENTIFIED_RECOVERY,
)
from reports.rules.facts import AssessmentFacts, ClientHistory, EventFacts, SubstanceFacts

CLASSES = ("opioid", "alcohol", "tobacco")
TAPES = st.binary(min_size=40, max_size=600)


class Tape:
    """Bytes read one number at a time; zeros once it runs out."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def byte(self) -> int:
        value = self.data[self.at] if self.at < len(self.data) else 0
        self.at += 1
        return value

    def below(self, n: int) -> int:
        return ((self.byte() << 8) | self.byte()) % n

    def pick(self, options: tuple[object, ...] | list[object]) -> object:
        return options[self.byte() % len(options)]

    def maybe(self, one_in: int) -> bool:
        return self.byte() % one_in == 0


def history_of(data: bytes, client_id: int = 1, code: str = "RD-1") -> ClientHistory:
    tape = Tape(data)
    on = date(2016, 1, 1) + timedelta(days=tape.below(2000))
    visits = []
    for i in range(1 + tape.byte() % 9):
        if i:
            on += timedelta(days=20 + tape.below(381))
        visits.append(_assessment(tape, on, i == 0))
    events = [
        EventFacts(
            visits[0].assessed_on + timedelta(days=tape.below(1500)),
            str(tape.pick(("arrest", "arrest", "death", "dui"))),
        )
        for _ in range(tape.byte() % 4)
    ]
    events.sort(key=lambda e: e.occurred_on)
    return ClientHistory(client_id, code, date(1980, 1, 1), tuple(visits), tuple(events))


def _assessment(tape: Tape, on: date, first: bool) -> AssessmentFacts:
    contact = "completed"
    if not first:
        contact = str(tape.pick(("completed",) * 8 + ("refused", "deceased")))
    if contact != "completed":
        return AssessmentFacts(on, "follow_up", contact)
    return AssessmentFacts(
        on,
        "intake" if first or tape.maybe(8) else str(tape.pick(("follow_up", "discharge"))),
        last_use_on=None if tape.maybe(3) else on - timedelta(days=tape.below(2001)),
        offending_days_28=tape.pick((0, 0, 3, None)),  # type: ignore[arg-type]
        quality_of_life=tape.byte() % 21,
        medication=str(tape.pick(MEDICATION)),
        medication_as_prescribed=tape.pick((True, False, None)),  # type: ignore[arg-type]
        controlled_environment=tape.pick((*CONTROLLED_ENVIRONMENT, "none", None)),  # type: ignore[arg-type]
        barc10=None if tape.maybe(2) else tuple(1 + tape.byte() % 6 for _ in range(10)),
        goal=tape.pick((*GOAL, None)),  # type: ignore[arg-type]
        self_identified_recovery=tape.pick((*SELF_IDENTIFIED_RECOVERY, None)),  # type: ignore[arg-type]
        prior_recovery_attempts=None if tape.maybe(2) else tape.byte() % 4,
        substances=_substances(tape, on),
    )


def _substances(tape: Tape, on: date) -> tuple[SubstanceFacts, ...]:
    count = tape.byte() % 4  # 0 to 3 classes recorded
    chosen = [CLASSES[(tape.byte() + k) % len(CLASSES)] for k in range(count)]
    names = list(dict.fromkeys(chosen))
    primary = tape.byte() % (len(names) + 1)  # sometimes none is primary
    records = []
    for k, name in enumerate(names):
        criteria = frozenset(CRITERIA[tape.byte() % len(CRITERIA)] for _ in range(tape.byte() % 5))
        last_met = None
        if criteria and tape.maybe(2):
            last_met = on - timedelta(days=tape.below(151))
        use_days = None if tape.maybe(3) else tape.byte() % 29
        records.append(SubstanceFacts(name, k == primary, criteria, last_met, use_days))
    return tuple(records)
