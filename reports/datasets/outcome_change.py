"""Outcome change from intake to the latest follow-up, TOP / NOMs style.

A `WalkObserver` of the monthly walk. A client counts when a completed follow-up or
discharge is dated in the 12 months ending on the report date: its latest such assessment
is paired with the latest completed intake before it (the intake of that episode). For each
measure both answers must be given; the pair is then improved, unchanged or worse by the
measure's direction, and counted under the client's own goal at the latest assessment (a
reduction goal met is progress, DOMAIN.md §5). Every client this needs is assessed in the
harm period, so the walk already reads it, all but its substance records: the days of use
of the primary substance are read after the walk for the two assessments of each pair
only (a walk reading every substance record of every client read four times as many).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from db import report_queries as queries
from db.dates import Period
from db.engine import Session
from reports.datasets.id_set import IdSet
from reports.datasets.recovery_tally import NOT_RECORDED
from reports.rules import recovery as rules
from reports.rules.facts import AssessmentFacts, ClientHistory, SubstanceFacts
from reports.rules.harm_trend import Levels
from reports.rules.words import N_

IMPROVED, UNCHANGED, WORSE = "improved", "unchanged", "worse"
Reading = Callable[[AssessmentFacts], float | None]


def _answer(name: str) -> Reading:
    def read(a: AssessmentFacts) -> float | None:
        value = getattr(a, name)
        return None if value is None else float(value)

    return read


def _use_days_in(substances: Sequence[SubstanceFacts], primary: str | None) -> float | None:
    for s in substances:
        if s.substance_class == primary:
            return None if s.use_days_28 is None else float(s.use_days_28)
    return None


def _barc10(a: AssessmentFacts) -> float | None:
    return None if a.barc10 is None else float(sum(a.barc10))


def _housing(a: AssessmentFacts) -> float | None:
    return None if a.housing_problem is None else float(a.housing_problem)


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    read: Reading | None  # None: not one answer of each assessment (the days of use)
    higher_is_better: bool


MEASURES = (
    # Read from the intake's primary class, after the walk (`OutcomeChange.flush`).
    Measure("use_days", N_("Days used the primary substance (of 28)"), None, False),
    Measure("injecting_days_28", N_("Injecting days (of 28)"), _answer("injecting_days_28"), False),
    Measure("psych_health", N_("Psychological health (0-20)"), _answer("psych_health"), True),
    Measure("physical_health", N_("Physical health (0-20)"), _answer("physical_health"), True),
    Measure("quality_of_life", N_("Quality of life (0-20)"), _answer("quality_of_life"), True),
    Measure("barc10", N_("Recovery capital, BARC-10 total (10-60)"), _barc10, True),
    Measure("work_days_28", N_("Days worked (of 28)"), _answer("work_days_28"), True),
    Measure("housing_problem", N_("Housing problem (share of clients)"), _housing, False),
    Measure("offending_days_28", N_("Offending days (of 28)"), _answer("offending_days_28"), False),
)


USE_DAYS = MEASURES[0]
# The measures read from the two assessments' own answers, as the walk offers them.
ANSWERED = tuple((m, m.read) for m in MEASURES if m.read is not None)
# What it reads of a walked client (the walk reads nothing more than its tallies need
# and this): the answers of the measures and the goal; the substance records of its
# pairs it reads itself (`OutcomeChange.flush`).
WALK_READS = frozenset(
    {
        "assessed_on",
        "kind",
        "contact_status",
        "goal",
        *(m.key for m, _read in ANSWERED),
    }
)
# A pair whose days of use are read after the walk: (client id, intake date, latest
# date, goal); a client has at most one assessment a day.
UseDaysPair = tuple[int, dt.date, dt.date, str]


@dataclass
class Pairs:
    """The pairs of one measure and one goal."""

    n: int = 0
    intake_total: float = 0.0
    latest_total: float = 0.0
    moved: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys((IMPROVED, UNCHANGED, WORSE), 0)
    )

    def add(self, first: float, last: float, higher_is_better: bool) -> None:
        self.n += 1
        self.intake_total += first
        self.latest_total += last
        gain = (last - first) if higher_is_better else (first - last)
        self.moved[IMPROVED if gain > 0 else WORSE if gain < 0 else UNCHANGED] += 1

    def merge(self, other: Pairs) -> None:
        # The answers are whole numbers: their float sums are exact in any order.
        self.n += other.n
        self.intake_total += other.intake_total
        self.latest_total += other.latest_total
        for way, n in other.moved.items():
            self.moved[way] += n


@dataclass
class OutcomeChange:
    """A WalkObserver: the pairs of every measure, by goal, over `period`."""

    period: Period
    pairs: dict[tuple[str, str], Pairs] = field(default_factory=dict)
    reads: Collection[str] = frozenset()
    walk_reads: ClassVar[frozenset[str]] = WALK_READS
    # The pairs offered whose days of use `flush` reads, in walk order.
    use_days_wanted: list[UseDaysPair] = field(default_factory=list, repr=False)
    _session: Session | None = field(default=None, repr=False)

    def get(self, measure: str, goal: str) -> Pairs:
        return self.pairs.get((measure, goal)) or Pairs()

    def prepare(self, session: Session, followups_closed: Iterable[int]) -> IdSet:
        self._session = session  # `flush` reads the substance records of the pairs
        return IdSet()  # every client it counts was assessed in the period: walked

    def offer(
        self,
        history: ClientHistory,
        status: rules.ClassStatus | None,
        harm: Levels | None,
        followups: tuple[int, int],
    ) -> None:
        found = pair_of(history, self.period)
        if found is None:
            return
        intake, latest = found
        goal = latest.goal or NOT_RECORDED
        self.use_days_wanted.append(
            (history.client_id, intake.assessed_on, latest.assessed_on, goal)
        )
        for m, read in ANSWERED:
            first, last = read(intake), read(latest)
            if first is not None and last is not None:
                self._pairs(m.key, goal).add(first, last, m.higher_is_better)

    def _pairs(self, measure: str, goal: str) -> Pairs:
        # Not setdefault: it would build a Pairs for every pair counted.
        pairs = self.pairs.get((measure, goal))
        if pairs is None:
            pairs = self.pairs[measure, goal] = Pairs()
        return pairs

    def flush(self) -> None:
        """After the walk: the days of use of every pair offered, from the substance
        records of its two assessments (the intake's primary class, as `_primary_class_in`
        finds it, at both)."""
        if not self.use_days_wanted:
            self._session = None
            return
        if self._session is None:
            raise RuntimeError("the walk flushes an observer only after prepare()")
        days = [
            (c, on)
            for c, intake_on, latest_on, _ in self.use_days_wanted
            for on in (intake_on, latest_on)
        ]
        records = queries.substances_on(self._session, days)
        for client_id, intake_on, latest_on, goal in self.use_days_wanted:
            at_intake = _facts(records.get((client_id, intake_on), ()))
            primary = _primary_class_in(at_intake)
            first = _use_days_in(at_intake, primary)
            last = _use_days_in(_facts(records.get((client_id, latest_on), ())), primary)
            if first is not None and last is not None:
                self._pairs(USE_DAYS.key, goal).add(first, last, USE_DAYS.higher_is_better)
        self.use_days_wanted = []
        self._session = None  # the report's transaction ends with it

    # A walk worker's share (reports.datasets.walk_split).
    def part(self, first: int, last: int) -> OutcomeChange:
        return OutcomeChange(self.period)

    def attach(self, session: Session) -> None:
        self._session = session

    def settle(self) -> None:
        """A part's days of use, read where it was walked (in parallel with the other
        parts) rather than all of them by the report after the walk."""
        self.flush()

    def merge(self, other: OutcomeChange) -> None:
        for key, pairs in other.pairs.items():
            self.pairs.setdefault(key, Pairs()).merge(pairs)
        self.use_days_wanted.extend(other.use_days_wanted)

    def __getstate__(self) -> dict[str, object]:
        # A session is its process's own: never sent to or from a worker.
        return {**self.__dict__, "_session": None}


def _facts(records: Iterable[tuple[str, bool, int | None]]) -> tuple[SubstanceFacts, ...]:
    return tuple(SubstanceFacts(c, primary, use_days_28=days) for c, primary, days in records)


def pair_of(
    history: ClientHistory, period: Period
) -> tuple[AssessmentFacts, AssessmentFacts] | None:
    """(intake, latest follow-up or discharge in `period`), both completed; None without.

    Read from the end of the history, which is sorted by date: the walk asks this of
    every client, most of whom have nothing in the period (tests/reports/datasets/
    test_outcome_change_properties.py holds it to the pairing read literally)."""
    assessments = history.assessments
    start, end = period.start, period.end
    at = len(assessments)
    while at:
        at -= 1
        latest = assessments[at]
        if latest.assessed_on < start:
            return None
        completed = latest.contact_status == "completed"
        if completed and latest.kind != "intake" and latest.assessed_on <= end:
            break
    else:
        return None
    for intake in reversed(assessments[:at]):
        completed = intake.contact_status == "completed"
        if completed and intake.kind == "intake" and intake.assessed_on < latest.assessed_on:
            return intake, latest
    return None


def _primary_class_in(substances: Sequence[SubstanceFacts]) -> str | None:
    """The intake's primary class: the one marked primary, else the first recorded."""
    for s in substances:
        if s.primary:
            return s.substance_class
    return substances[0].substance_class if substances else None
