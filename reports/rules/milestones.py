"""Where a client stands in plain words, what they have reached, and what comes next.

For each substance class's `ClassStatus` (reports/rules/recovery.py) one plain sentence
("In early remission from opioids since 2026-05-10: no criteria but craving for 4
months"); for the client, the milestones reached and the milestones ahead with the day
each is reached if nothing changes, read from the status's own dates (`A`, `B`,
`last_use_on`, `d_last`) and the rules' own thresholds: remission at 3 and 12 months
(§4), sobriety at 1, 12 and 60 months, full recovery's time frame and what full recovery
still needs (§5), and the next interview before the status turns unknown (§2). A
milestone "ahead" is what the rules will say at an interview on or after that day, if no
new criterion or use is recorded: nothing here is a prediction of anything else. After
a discharge no interview is planned, so nothing is ahead (docs/rules.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from db.dates import add_months, months_between
from reports.rules import milestone_words as w
from reports.rules.facts import AssessmentFacts, ClientHistory
from reports.rules.recovery import (
    ARREST_LOOKBACK_DAYS,
    BARC10_HEALTH_MIN,
    EARLY,
    FULL_RECOVERY,
    PARTIAL_RECOVERY,
    RECOVERY_STABLE_MONTHS,
    SOBRIETY_EARLY_MONTHS,
    SOBRIETY_STABLE_MONTHS,
    SOBRIETY_SUSTAINED_MONTHS,
    STABLE,
    SUSTAINED,
    UNKNOWN_AFTER_DAYS,
    ClassStatus,
    citizenship_ok,
    health_ok,
)
from reports.rules.remission import (
    ACTIVE,
    COMPLETED,
    DECEASED,
    EARLY_REMISSION,
    EARLY_REMISSION_MONTHS,
    FULL,
    INTAKE,
    NO_DIAGNOSIS,
    PARTIAL,
    SUSTAINED_REMISSION,
    SUSTAINED_REMISSION_MONTHS,
    UNKNOWN,
)
from reports.rules.words import Sentence

YEARS_FROM_MONTHS = 24  # a duration of two years or more is said in years
_DISCHARGE = "discharge"
# The sobriety thresholds, in order: (level reached, months since the last use).
_SOBRIETY_STEPS = (
    (EARLY, SOBRIETY_EARLY_MONTHS),
    (SUSTAINED, SOBRIETY_SUSTAINED_MONTHS),
    (STABLE, SOBRIETY_STABLE_MONTHS),
)

# Full recovery's time frame (§5): the next level and the months since B that reach it.
_RECOVERY_STEPS = {
    EARLY: (SUSTAINED, SUSTAINED_REMISSION_MONTHS),
    SUSTAINED: (STABLE, RECOVERY_STABLE_MONTHS),
}


@dataclass(frozen=True, slots=True)
class Milestone:
    """A step on the way; `on` is the day it was (or, ahead, will be) reached, or None
    for one that waits on something other than time (full recovery's conditions)."""

    sentence: Sentence
    on: date | None


@dataclass(frozen=True, slots=True)
class ClassOutlook:
    substance_class: str | None
    primary: bool
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class Outlook:
    """The plain sentences (primary class first) and the client's milestones: `reached`
    oldest first, `ahead` soonest first with the ones that wait on a condition last, and
    the next step for the worker (an interview due), if any."""

    classes: tuple[ClassOutlook, ...]
    reached: tuple[Milestone, ...]
    ahead: tuple[Milestone, ...]
    next_step: Milestone | None

    @property
    def next(self) -> Milestone | None:
        return self.ahead[0] if self.ahead else None


def _duration(start: date, end: date) -> Sentence:
    months = months_between(start, end)
    if months >= YEARS_FROM_MONTHS:
        return Sentence(w.YEARS, years=months // 12)
    return Sentence(w.ONE_MONTH) if months == 1 else Sentence(w.MONTHS, months=months)


def plain_sentence(s: ClassStatus) -> Sentence:
    """Where the client stands with one substance class, in plain words (a class with a
    completed interview, or a death)."""
    noun = w.substance_noun(s.substance_class)
    if s.dsm_status == DECEASED:
        return Sentence(w.DIED, date=s.deceased_on)
    if s.dsm_status == UNKNOWN:
        return Sentence(w.NOT_ASSESSED, since=s.d_last, substance=noun)
    if s.dsm_status == NO_DIAGNOSIS:
        return Sentence(w.NO_DISORDER, substance=noun, assessed=s.d_last)
    if s.dsm_status == ACTIVE:
        return Sentence(w.WORKING_TOWARDS, substance=noun, last=s.B)
    specifiers = Sentence(
        w.PLAIN_SPECIFIERS[bool(s.controlled_environment), bool(s.maintenance_therapy)]
    )
    assert s.B is not None and s.d_last is not None
    if s.remission_type == FULL:
        return Sentence(
            w.FULL_REMISSION[s.dsm_status], substance=noun, since=s.B,
            duration=_duration(s.B, s.d_last), specifiers=specifiers,
        )  # fmt: skip
    return Sentence(
        w.PARTIAL_REMISSION[s.dsm_status], substance=noun, since=s.A, last=s.B,
        specifiers=specifiers,
    )  # fmt: skip


def _remission_steps(s: ClassStatus) -> list[tuple[str, str, date]]:
    """(status, kind, day) of the §4 rows this class's dates reach, without a new criterion."""
    if s.dsm_status not in (ACTIVE, EARLY_REMISSION, SUSTAINED_REMISSION):
        return []
    a, b = s.A, s.B
    assert a is not None and b is not None
    steps = [
        (EARLY_REMISSION, FULL, add_months(b, EARLY_REMISSION_MONTHS)),
        (SUSTAINED_REMISSION, FULL, add_months(b, SUSTAINED_REMISSION_MONTHS)),
    ]
    if b > a:  # criteria below the threshold since A: partial remission counts from A
        steps += [
            (EARLY_REMISSION, PARTIAL, add_months(a, EARLY_REMISSION_MONTHS)),
            (SUSTAINED_REMISSION, PARTIAL, add_months(a, SUSTAINED_REMISSION_MONTHS)),
        ]
    return steps


_REMISSIONS = (EARLY_REMISSION, SUSTAINED_REMISSION)
# How far a remission goes: a step is ahead only while nothing further is reached first.
_RANK = {
    (EARLY_REMISSION, PARTIAL): 1,
    (SUSTAINED_REMISSION, PARTIAL): 2,
    (EARLY_REMISSION, FULL): 3,
    (SUSTAINED_REMISSION, FULL): 4,
}


def _remission_milestones(s: ClassStatus) -> tuple[list[Milestone], list[Milestone]]:
    """Reached: the steps of the current remission's kind on or before d_last. Ahead: the
    steps after d_last that go further than the status held and than any step before them
    (sustained partial remission is no milestone once full remission comes first)."""
    reached, ahead = [], []
    noun = w.substance_noun(s.substance_class)
    held = _RANK.get((s.dsm_status, s.remission_type or ""), 0)
    for status, kind, day in sorted(_remission_steps(s), key=lambda step: step[2]):
        assert s.d_last is not None
        rank = _RANK[status, kind]
        if day <= s.d_last:
            if kind == s.remission_type:
                words = Sentence(w.REACHED[status, kind], substance=noun, date=day)
                reached.append(Milestone(words, day))
        elif rank > held:
            held = rank
            months = (
                SUSTAINED_REMISSION_MONTHS
                if status == SUSTAINED_REMISSION
                else EARLY_REMISSION_MONTHS
            )
            words = Sentence(w.AHEAD[status, kind], substance=noun, date=day, months=months)
            ahead.append(Milestone(words, day))
    return reached, ahead


def _sobriety_milestones(s: ClassStatus) -> tuple[list[Milestone], list[Milestone]]:
    reached: list[Milestone] = []
    ahead: list[Milestone] = []
    last_use, d_last = s.last_use_on, s.d_last
    if last_use is None or d_last is None or s.sobriety in (UNKNOWN, ""):
        return reached, ahead
    for level, months in _SOBRIETY_STEPS:
        day = add_months(last_use, months)
        if day <= d_last:
            reached.append(Milestone(Sentence(w.REACHED["sobriety", level], date=day), day))
        else:
            words = w.AHEAD["sobriety", level]
            ahead.append(Milestone(Sentence(words, date=day, months=months), day))
    return reached, ahead


def _at(history: ClientHistory, d_last: date) -> tuple[AssessmentFacts, AssessmentFacts | None]:
    """The completed interview of d_last and the episode's completed intake before it."""
    last: AssessmentFacts | None = None
    intake: AssessmentFacts | None = None
    for a in history.assessments:
        if a.assessed_on > d_last:
            break
        if a.contact_status == COMPLETED:
            last = a
            if a.kind == INTAKE:
                intake = a
    assert last is not None
    return last, intake


def _still_needed(s: ClassStatus, history: ClientHistory) -> list[Sentence]:
    """What §5's full recovery needs beyond what the interview of d_last shows."""
    assert s.d_last is not None
    last, intake = _at(history, s.d_last)
    needs = []
    if s.remission_type != FULL:
        needs.append(Sentence(w.NEEDS_NO_CRITERIA))
    if not health_ok(last, intake):
        level = intake.quality_of_life if intake is not None else None
        if level is None:
            needs.append(Sentence(w.NEEDS_BARC10, barc=BARC10_HEALTH_MIN))
        else:
            needs.append(Sentence(w.NEEDS_QUALITY_OF_LIFE, level=level, barc=BARC10_HEALTH_MIN))
    if not citizenship_ok(history, last.offending_days_28, s.d_last):
        needs.append(Sentence(w.NEEDS_CITIZENSHIP, days=ARREST_LOOKBACK_DAYS))
    if s.controlled_environment or last.controlled_environment not in (None, "none"):
        needs.append(Sentence(w.NEEDS_OUTSIDE))
    return needs


def _recovery_milestones(
    s: ClassStatus, history: ClientHistory
) -> tuple[list[Milestone], list[Milestone]]:
    if s.dsm_status not in (ACTIVE, *_REMISSIONS) or s.d_last is None or s.B is None:
        return [], []
    reached = []
    if s.recovery_status in (FULL_RECOVERY, PARTIAL_RECOVERY):
        words = w.REACHED["recovery", s.recovery_status]
        reached.append(Milestone(Sentence(words, date=s.d_last), s.d_last))
    if s.recovery_status == FULL_RECOVERY:
        if s.recovery_timeframe not in _RECOVERY_STEPS:
            return reached, []
        level, months = _RECOVERY_STEPS[s.recovery_timeframe]
        day = add_months(s.B, months)
        return reached, [Milestone(Sentence(w.AHEAD["recovery", level], date=day), day)]
    needs = _still_needed(s, history)
    if s.remission_type != FULL:
        day = add_months(s.B, EARLY_REMISSION_MONTHS)
        words = Sentence(w.FULL_RECOVERY_ON, date=day, conditions=w.joined(needs))
        return reached, [Milestone(words, day)]
    return reached, [Milestone(Sentence(w.FULL_RECOVERY_WHEN, conditions=w.joined(needs)), None)]


def _discharged_on(history: ClientHistory, as_of: date) -> date | None:
    """The day of the discharge that closed the last episode by `as_of` (any contact
    status); None while an intake has no discharge after it, or before any intake."""
    edges = [
        a for a in history.assessments if a.assessed_on <= as_of and a.kind in (INTAKE, _DISCHARGE)
    ]
    return edges[-1].assessed_on if edges and edges[-1].kind == _DISCHARGE else None


def _next_step(s: ClassStatus | None, discharged_on: date | None) -> Milestone | None:
    """The interview the status needs next: the intake, a follow-up that is due, or the
    next interview before 183 days have passed (§2); after a discharge, none is planned
    and the step says that a re-entry intake starts the path again."""
    if s is not None and s.dsm_status == DECEASED:
        return None
    if s is None or s.d_last is None:
        return Milestone(Sentence(w.FIRST_INTAKE), None)
    if discharged_on is not None:
        return Milestone(Sentence(w.AFTER_DISCHARGE, date=discharged_on), None)
    if s.dsm_status == UNKNOWN:
        return Milestone(Sentence(w.FOLLOW_UP_DUE), None)
    day = s.d_last + timedelta(days=UNKNOWN_AFTER_DAYS)
    return Milestone(Sentence(w.NEXT_INTERVIEW, date=day), day)


def _soonest_first(milestones: Sequence[Milestone]) -> tuple[Milestone, ...]:
    return tuple(sorted(milestones, key=lambda m: (m.on is None, m.on or date.max)))


def _class_sentences(statuses: Sequence[ClassStatus]) -> tuple[ClassOutlook, ...]:
    """A sentence per class with a completed interview (the next step asks for the first
    one); the classes not assessed since the same day share one sentence, in the place
    of the first of them, so "Not assessed since" is said once for them."""
    unknown: dict[date, list[Sentence]] = {}
    for s in statuses:
        if s.dsm_status == UNKNOWN and s.d_last is not None:
            unknown.setdefault(s.d_last, []).append(w.substance_noun(s.substance_class))
    said: list[ClassOutlook] = []
    for s in statuses:
        if s.dsm_status != UNKNOWN:
            said.append(ClassOutlook(s.substance_class, s.primary, plain_sentence(s)))
        elif s.d_last is not None and s.d_last in unknown:
            nouns = w.joined(unknown.pop(s.d_last))
            words = Sentence(w.NOT_ASSESSED, since=s.d_last, substance=nouns)
            said.append(ClassOutlook(s.substance_class, s.primary, words))
    return tuple(said)


def outlook(history: ClientHistory, statuses: Sequence[ClassStatus], as_of: date) -> Outlook:
    """The plain sentences and milestones of `statuses` (`classify(history, as_of)`).
    After a discharge no milestone is ahead: no interview is planned to confirm one."""
    reached: list[Milestone] = []
    ahead: list[Milestone] = []
    for s in statuses:
        got, coming = _remission_milestones(s)
        reached += got
        ahead += coming
    headline = statuses[0] if statuses else None
    if headline is not None and headline.dsm_status not in (UNKNOWN, DECEASED):
        for got, coming in (
            _sobriety_milestones(headline),
            _recovery_milestones(headline, history),
        ):
            reached += got
            ahead += coming
    ordered = tuple(sorted(reached, key=lambda m: m.on or date.min))
    discharged_on = _discharged_on(history, as_of)
    if discharged_on is not None:
        ahead = []
    said_ahead = tuple(_confirmed_next(m, as_of) for m in _soonest_first(ahead))
    step = _next_step(headline, discharged_on)
    return Outlook(_class_sentences(statuses), ordered, said_ahead, step)


def _confirmed_next(milestone: Milestone, as_of: date) -> Milestone:
    """A milestone ahead whose day is already past (the last interview was before it)
    says that the next interview confirms it, so no page lists a bare past date as next."""
    if milestone.on is None or milestone.on > as_of:
        return milestone
    return Milestone(Sentence(w.TO_CONFIRM, milestone=milestone.sentence), milestone.on)
