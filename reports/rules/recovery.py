"""Recovery status of a client at an as-of date (DOMAIN.md §2-§6).

`classify` answers for one date; `classify_series` answers for many dates in
one walk through the history. Both return one `ClassStatus` per substance
class the client recorded on a completed assessment on or before the date,
the primary class first. DSM status, sobriety and recovery are reported side
by side and never merged into one another.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from db.codes import MAINTENANCE_MEDICATION
from db.dates import add_months, months_between
from reports.rules.facts import AssessmentFacts, ClientHistory, death_date
from reports.rules.recovery_text import describe, label
from reports.rules.remission import (
    ACTIVE,
    COMPLETED,
    DECEASED,
    EARLY_REMISSION,
    FULL,
    NO_DIAGNOSIS,
    SEVERITY_RANK,
    SUSTAINED_REMISSION,
    UNKNOWN,
    ClassWalk,
    ClientWalk,
)
from reports.rules.words import Sentence

__all__ = [
    "ACTIVE",
    "DECEASED",
    "EARLY_REMISSION",
    "NO_DIAGNOSIS",
    "SUSTAINED_REMISSION",
    "UNKNOWN",
    "ClassStatus",
    "citizenship_ok",
    "classify",
    "classify_all",
    "classify_series",
    "death_date",
    "headline",
    "health_ok",
    "primary_status",
    "sobriety_at",
]

UNKNOWN_AFTER_DAYS = 183
SOBRIETY_EARLY_MONTHS = 1
SOBRIETY_SUSTAINED_MONTHS = 12
SOBRIETY_STABLE_MONTHS = 60
RECOVERY_STABLE_MONTHS = 60
BARC10_HEALTH_MIN = 47
USE_REDUCTION_PERCENT = 50
ARREST_LOOKBACK_DAYS = 28

FULL_RECOVERY = "full"
PARTIAL_RECOVERY = "partial"
NO_IMPROVEMENT = "no_improvement"
NOT_APPLICABLE = "not_applicable"
EARLY = "early"
SUSTAINED = "sustained"
STABLE = "stable"
NO_SOBRIETY = "none"

_ARREST = "arrest"
_NOT_CONTROLLED = (None, "none")
_ARREST_LOOKBACK = timedelta(days=ARREST_LOOKBACK_DAYS)


@dataclass(slots=True)
class ClassStatus:
    """The status of one substance class at an as-of date.

    `A`, `B` and `d_last` are the dates of DOMAIN.md §4 the status was read
    from, so a reader can check it by hand; `reason` says it in one sentence.

    Read-only by contract: `classify_series` hands the same object to every
    date that shares it. Not declared frozen because a frozen dataclass's
    __init__ measured 20 % of the whole classification of an agency.
    """

    substance_class: str | None
    primary: bool
    dsm_status: str
    remission_type: str | None = None
    severity: str | None = None
    controlled_environment: bool = False
    maintenance_therapy: bool = False
    sobriety: str = UNKNOWN
    recovery_status: str = UNKNOWN
    recovery_timeframe: str | None = None
    remission_episodes: int = 0
    recurrences: int = 0
    recovery_attempts: int = 0
    d_last: date | None = None
    A: date | None = None
    B: date | None = None
    last_use_on: date | None = None
    deceased_on: date | None = None
    goal: str | None = None
    self_identified_recovery: str | None = None

    @property
    def label(self) -> Sentence:
        """Severity and status as a clinician says them: "severe, in early remission"."""
        return label(self)

    @property
    def reason(self) -> Sentence:
        """One sentence a manager can check against the record."""
        return describe(self, UNKNOWN_AFTER_DAYS)


def sobriety_at(last_use_on: date | None, d: date) -> str:
    """Betty Ford sobriety from the last use to `d` (DOMAIN.md §5)."""
    if last_use_on is None:
        return UNKNOWN
    months = months_between(last_use_on, d)
    if months >= SOBRIETY_STABLE_MONTHS:
        return STABLE
    if months >= SOBRIETY_SUSTAINED_MONTHS:
        return SUSTAINED
    if months >= SOBRIETY_EARLY_MONTHS:
        return EARLY
    return NO_SOBRIETY


class _Context:
    """Client-level facts at d_last shared by every class; costly ones on demand."""

    __slots__ = (
        "_citizenship",
        "_health",
        "controlled",
        "d",
        "history",
        "last",
        "sobriety",
        "walk",
    )

    def __init__(self, walk: ClientWalk, history: ClientHistory) -> None:
        last = walk.last
        assert last is not None
        self.walk = walk
        self.history = history
        self.last = last
        self.d = last.assessed_on
        self.controlled = last.controlled_environment not in _NOT_CONTROLLED
        self.sobriety = sobriety_at(last.last_use_on, self.d)
        self._health: bool | None = None
        self._citizenship: bool | None = None

    def health_ok(self) -> bool:
        if self._health is None:
            self._health = _health_ok(self.walk)
        return self._health

    def citizenship_ok(self) -> bool:
        if self._citizenship is None:
            self._citizenship = citizenship_ok(self.history, self.last.offending_days_28, self.d)
        return self._citizenship


def _health_ok(walk: ClientWalk) -> bool:
    assert walk.last is not None
    return health_ok(walk.last, walk.intake)


def health_ok(last: AssessmentFacts, intake: AssessmentFacts | None) -> bool:
    """§5 `health_ok` at `last`: quality of life back to the episode's intake, or BARC-10
    total at least 47 (the milestones read it too, to say what full recovery still needs)."""
    qol = last.quality_of_life
    before = intake.quality_of_life if intake is not None else None
    if qol is not None and before is not None and qol >= before:
        return True
    return last.barc10 is not None and sum(last.barc10) >= BARC10_HEALTH_MIN


def citizenship_ok(history: ClientHistory, offending_days: int | None, d: date) -> bool:
    """§5 `citizenship_ok` at `d`: no offending days and no arrest in the 28 days up to `d`."""
    if offending_days != 0:
        return False
    after = d - _ARREST_LOOKBACK
    return not any(e.event == _ARREST and after < e.occurred_on <= d for e in history.events)


def _recovery(walk: ClassWalk, ctx: _Context) -> tuple[str, str | None]:
    """Recovery status and time frame of DOMAIN.md §5, first rule that holds."""
    if walk.status == NO_DIAGNOSIS:
        return NOT_APPLICABLE, None
    kind = walk.remission_type
    if kind == FULL and not ctx.controlled and ctx.health_ok() and ctx.citizenship_ok():
        return FULL_RECOVERY, _full_timeframe(walk, ctx.d)
    if kind is not None:
        return PARTIAL_RECOVERY, EARLY if walk.status == EARLY_REMISSION else SUSTAINED
    if _severity_fell(walk) or _use_halved(walk):
        return PARTIAL_RECOVERY, None
    return NO_IMPROVEMENT, None


def _full_timeframe(walk: ClassWalk, d: date) -> str:
    assert walk.b is not None
    if d >= add_months(walk.b, RECOVERY_STABLE_MONTHS):
        return STABLE
    return SUSTAINED if d >= walk.b_sustained else EARLY


def _severity_fell(walk: ClassWalk) -> bool:
    now = walk.band
    before = walk.intake_band
    return now is not None and before is not None and SEVERITY_RANK[now] < SEVERITY_RANK[before]


def _use_halved(walk: ClassWalk) -> bool:
    before, now = walk.intake_use_days, walk.use_days
    if before is None or now is None or before <= 0:
        return False
    return now * 100 <= before * (100 - USE_REDUCTION_PERCENT)


def _maintenance(name: str, ctx: _Context) -> bool:
    medications = MAINTENANCE_MEDICATION.get(name)
    last = ctx.last
    return (
        medications is not None
        and last.medication in medications
        and last.medication_as_prescribed is True
    )


def _known(walk: ClassWalk, client: ClientWalk, ctx: _Context) -> ClassStatus:
    kind = walk.remission_type
    recovery, timeframe = _recovery(walk, ctx)
    last = ctx.last
    return ClassStatus(
        walk.name,
        walk.name == client.primary,
        walk.status,
        kind,
        walk.band,
        kind is not None and ctx.controlled,
        kind == FULL and _maintenance(walk.name, ctx),
        ctx.sobriety,
        recovery,
        timeframe,
        walk.episodes,
        walk.recurrences,
        (client.prior_attempts or 0) + walk.episodes,
        ctx.d,
        walk.a,
        walk.b,
        last.last_use_on,
        None,
        last.goal,
        last.self_identified_recovery,
    )


def _not_evaluated(walk: ClassWalk, client: ClientWalk, dead_on: date | None) -> ClassStatus:
    """Unknown (no recent assessment) or deceased: history counts kept, no status."""
    last = client.last
    # Positional: this runs for most clients of a long-lived agency at any date.
    return ClassStatus(
        walk.name,
        walk.name == client.primary,
        UNKNOWN if dead_on is None else DECEASED,
        None,
        None,
        False,
        False,
        UNKNOWN,
        UNKNOWN if dead_on is None else NOT_APPLICABLE,
        None,
        walk.episodes,
        walk.recurrences,
        (client.prior_attempts or 0) + walk.episodes,
        last.assessed_on if last is not None else None,
        walk.a,
        walk.b,
        None,
        dead_on,
    )


def _statuses(
    client: ClientWalk, history: ClientHistory, dead_on: date | None, unknown: bool
) -> list[ClassStatus]:
    walks = client.ordered()
    if dead_on is not None or unknown:
        return [_not_evaluated(w, client, dead_on) for w in walks]
    ctx = _Context(client, history)
    return [_known(w, client, ctx) for w in walks]


def _is_unknown(client: ClientWalk, as_of: date) -> bool:
    last = client.last
    return last is None or (as_of - last.assessed_on).days > UNKNOWN_AFTER_DAYS


def classify(history: ClientHistory, as_of: date) -> list[ClassStatus]:
    """One status per class recorded on or before `as_of`, primary first."""
    client = ClientWalk()
    for a in history.assessments:
        if a.assessed_on > as_of:
            break
        if a.contact_status == COMPLETED:
            client.step(a)
    dead_on = death_date(history)
    if dead_on is not None and dead_on > as_of:
        dead_on = None
    return _statuses(client, history, dead_on, _is_unknown(client, as_of))


def classify_series(history: ClientHistory, as_of_dates: Sequence[date]) -> list[list[ClassStatus]]:
    """`classify` at each date, in the order given, from one walk through the history."""
    results: list[list[ClassStatus]] = [[] for _ in as_of_dates]
    assessments = history.assessments
    n = len(assessments)
    i = 0
    client = ClientWalk()
    death = death_date(history)
    cached_key: tuple[int, bool, bool] | None = None
    cached: list[ClassStatus] = []
    for pos in sorted(range(len(as_of_dates)), key=as_of_dates.__getitem__):
        as_of = as_of_dates[pos]
        while i < n and assessments[i].assessed_on <= as_of:
            if assessments[i].contact_status == COMPLETED:
                client.step(assessments[i])
            i += 1
        dead = death is not None and death <= as_of
        unknown = _is_unknown(client, as_of)
        # The status depends on the date only through d_last, death and the
        # 183-day rule, so dates sharing those share one computation.
        key = (client.count, dead, unknown)
        if key != cached_key:
            cached = _statuses(client, history, death if dead else None, unknown)
            cached_key = key
        results[pos] = list(cached)
    return results


def headline(history: ClientHistory, statuses: list[ClassStatus], as_of: date) -> ClassStatus:
    """The headline among `classify(history, as_of)`: see `primary_status`."""
    if statuses:
        return statuses[0]
    dead_on = death_date(history)
    if dead_on is not None and dead_on <= as_of:
        return ClassStatus(
            None, False, DECEASED, recovery_status=NOT_APPLICABLE, deceased_on=dead_on
        )
    return ClassStatus(None, False, UNKNOWN)


def primary_status(history: ClientHistory, as_of: date) -> ClassStatus:
    """The headline status: the primary class, else the first class recorded.

    A client with no substance record on or before `as_of` gets an `unknown`
    (or `deceased`) status with no class, so denominators still see them.
    """
    return headline(history, classify(history, as_of), as_of)


def classify_all(
    histories: Iterable[ClientHistory], as_of: date
) -> Iterator[tuple[ClientHistory, list[ClassStatus]]]:
    """Classify many clients at one date, lazily, for streaming reports."""
    for history in histories:
        yield history, classify(history, as_of)
