"""Three-level aggregate harm (DOMAIN.md §7), per client and across clients.

A product choice, not a validated scale: reports print the raw flag counts
beside the index so a reader never has to trust the index alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from db.dates import Period
from reports.rules.facts import DEATH_EVENT, AssessmentFacts, ClientHistory, death_date

SELF = "self"
OTHERS = "others"
COMMUNITY = "community"
# Each level's indicators, in report order; the tuple length is the level's denominator.
LEVELS: dict[str, tuple[str, ...]] = {
    SELF: (
        "overdose_nonfatal",
        "death",
        "ed_visit_or_hospitalisation",
        "shared_equipment",
        "hiv_or_hcv_positive_new",
        "housing_problem",
    ),
    OTHERS: ("child_welfare_report", "child_removal", "family_violence", "family_reported_harm"),
    COMMUNITY: (
        "arrest",
        "incarceration",
        "dui",
        "offending",
        "public_order_citation",
    ),
}
INDICATOR_LEVEL = {key: level for level, keys in LEVELS.items() for key in keys}
DEATH_INDICATOR = "death"
# Which event sets which indicator; incarceration_end sets none. A death is not read
# from its events alone: it is `facts.death_date`, the one definition (DOMAIN.md §8).
EVENT_INDICATOR = {
    "overdose_nonfatal": "overdose_nonfatal",
    "ed_visit": "ed_visit_or_hospitalisation",
    "hospitalisation": "ed_visit_or_hospitalisation",
    "hiv_positive_new": "hiv_or_hcv_positive_new",
    "hcv_positive_new": "hiv_or_hcv_positive_new",
    "child_welfare_report": "child_welfare_report",
    "child_removal": "child_removal",
    "family_violence": "family_violence",
    "family_reported_harm": "family_reported_harm",
    "arrest": "arrest",
    "incarceration_start": "incarceration",
    "dui": "dui",
    "public_order_citation": "public_order_citation",
}
# The AssessmentFacts fields these rules read: a history loaded with only these
# (reports.datasets.histories.load_histories(reads=READS)) gives the same harm.
READS = frozenset(
    {
        "assessed_on",
        "kind",
        "contact_status",
        "shared_equipment",
        "housing_problem",
        "controlled_environment",
        "offending_days_28",
    }
)
_COMPLETED = "completed"
_INTAKE = "intake"
_JAIL = "jail_prison"


# Cached: an agency has a few dozen distinct level counts and asks for them millions of times.
@cache
def ahi(harm_self: int, harm_others: int, harm_community: int) -> float:
    """The aggregate harm index, 0-100: each level's share of flags, averaged."""
    s, o, c = (len(LEVELS[level]) for level in (SELF, OTHERS, COMMUNITY))
    return round(100 * (harm_self / s + harm_others / o + harm_community / c) / 3, 1)


@dataclass(frozen=True, slots=True)
class ClientHarm:
    """One client's harm in a period.

    `assessed_on` is the completed assessment inside the period whose 28-day
    items were read, or None: then only events counted.
    """

    flags: frozenset[str]
    harm_self: int
    harm_others: int
    harm_community: int
    ahi: float
    assessed_on: date | None
    event_counts: Mapping[str, int] = field(default_factory=dict, compare=False)

    @property
    def assessed(self) -> bool:
        return self.assessed_on is not None


def assessment_flags(a: AssessmentFacts) -> set[str]:
    """The flags an assessment's 28-day items set by themselves."""
    flags = set()
    if a.shared_equipment:
        flags.add("shared_equipment")
    if a.housing_problem:
        flags.add("housing_problem")
    if a.controlled_environment == _JAIL:
        flags.add("incarceration")
    if a.offending_days_28:
        flags.add("offending")
    return flags


def latest_completed(history: ClientHistory, period: Period) -> AssessmentFacts | None:
    """The latest completed assessment dated inside `period`."""
    for a in reversed(history.assessments):
        if a.assessed_on < period.start:
            return None
        if a.assessed_on <= period.end and a.contact_status == _COMPLETED:
            return a
    return None


def harm_from(
    history: ClientHistory, events_in: Period, assessment: AssessmentFacts | None
) -> ClientHarm:
    """Flags from events dated in `events_in` and the 28-day items of `assessment`."""
    return _harm_from(history, events_in, assessment, death_date(history))


def _harm_from(
    history: ClientHistory, events_in: Period, assessment: AssessmentFacts | None, died: date | None
) -> ClientHarm:
    """`harm_from` once the client's `death_date` is known."""
    flags = assessment_flags(assessment) if assessment is not None else set()
    counts: dict[str, int] = {}
    start, end = events_in.start, events_in.end
    if died is not None and start <= died <= end:
        flags.add(DEATH_INDICATOR)
    for e in history.events:
        when = e.occurred_on
        if when > end:
            break
        if when >= start:
            if e.event == DEATH_EVENT:
                continue  # a death counts once, by death_date, above
            counts[e.event] = counts.get(e.event, 0) + e.count
            indicator = EVENT_INDICATOR.get(e.event)
            if indicator is not None:
                flags.add(indicator)
    levels = {SELF: 0, OTHERS: 0, COMMUNITY: 0}
    for flag in flags:
        levels[INDICATOR_LEVEL[flag]] += 1
    s, o, c = levels[SELF], levels[OTHERS], levels[COMMUNITY]
    return ClientHarm(
        frozenset(flags),
        s,
        o,
        c,
        ahi(s, o, c),
        assessment.assessed_on if assessment is not None else None,
        counts,
    )


def client_harm(history: ClientHistory, period: Period) -> ClientHarm:
    """DOMAIN.md §7 for one client: events in `period`, 28-day items from d_last.

    d_last is the latest completed assessment inside the period; an older one
    describes another time and is not read (its items would repeat in every
    later report).
    """
    return harm_from(history, period, latest_completed(history, period))


def harm_for_year_ending(history: ClientHistory, end: date) -> ClientHarm:
    """Harm of the 12 months ending on `end`, as the RecoveryStatus sheet prints it."""
    return client_harm(history, Period.twelve_months_ending(end))


def paired_harm(history: ClientHistory, period: Period) -> tuple[ClientHarm, ClientHarm] | None:
    """Harm at the episode's intake and at the latest completed assessment in `period`,
    like with like: each side reads its own interview's 28-day items, and the events of
    equally long look-backs ending on its interview.

    The look-back runs only as far back as the agency's records of the client go
    before the intake (nothing earlier could be recorded; for a client first met at
    the intake it is that day alone), at most 12 months, and never so long that the
    latest side reaches back to the intake, so no event counts on both sides.
    None when there is no such pair.
    """
    latest = latest_completed(history, period)
    return None if latest is None else paired_harm_at(history, latest)


def paired_harm_at(
    history: ClientHistory, latest: AssessmentFacts
) -> tuple[ClientHarm, ClientHarm] | None:
    """`paired_harm` once the latest completed assessment of the period is known."""
    if latest.kind == _INTAKE:
        return None
    intake = None
    for a in history.assessments:
        if a.assessed_on >= latest.assessed_on:
            break
        if a.kind == _INTAKE and a.contact_status == _COMPLETED:
            intake = a
    if intake is None:
        return None
    days = _look_back_days(history, intake.assessed_on, latest.assessed_on)
    died = death_date(history)
    before = _harm_from(history, _days_ending(intake.assessed_on, days), intake, died)
    after = _harm_from(history, _days_ending(latest.assessed_on, days), latest, died)
    return before, after


def first_record(history: ClientHistory) -> date | None:
    """The date of the client's earliest assessment (of any contact) or event."""
    dates = [x.assessed_on for x in history.assessments[:1]]
    dates += [e.occurred_on for e in history.events[:1]]
    return min(dates, default=None)


def _look_back_days(history: ClientHistory, intake_on: date, latest_on: date) -> int:
    first = first_record(history) or intake_on
    year = (intake_on - Period.twelve_months_ending(intake_on).start).days
    return max(0, min((intake_on - first).days, (latest_on - intake_on).days - 1, year))


def _days_ending(end: date, days_back: int) -> Period:
    """`end` and the `days_back` days before it."""
    return Period(end - timedelta(days=days_back), end)
