"""What a demo client answers at each visit: a small state machine per client.

The primary class moves between `active` (2+ criteria), `partial` (the one
lingering criterion of the episode), `remission` (nothing, or craving only)
and `lapse` (use without criteria), so the classifier of DOMAIN.md §4 finds
every status: no diagnosis, active, early and sustained remission, full and
partial, recurrences and serial remission episodes. A client in a controlled
environment does not use. Methadone or buprenorphine taken as prescribed
keeps tolerance and withdrawal off the opioid record, as the forms require.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from db import codes

DAY = dt.timedelta(days=1)
# What a partial remission keeps: one criterion, never craving (which alone
# is full remission) nor a physiological one (refused under medication).
_LINGERING = tuple(
    c for c in codes.CRITERIA if c != "craving" and c not in codes.PHYSIOLOGICAL_CRITERIA
)
# (state now, cumulative weights for: active, partial, remission, lapse)
_TRANSITIONS = {
    "partial": (0.2, 0.75, 1.0, 1.0),
    "remission": (0.13, 0.18, 0.9, 1.0),
    "lapse": (0.3, 0.3, 0.9, 1.0),
}
_STATES = ("active", "partial", "remission", "lapse")
# From active use the client's own recovery propensity decides; this much more
# goes down to the one lingering criterion of a partial remission.
_ACTIVE_TO_PARTIAL = 0.14
_GOALS = ("abstinence", "reduction", "safer_use", "medication", "undecided", "other")
_GOAL_CUM = (35, 55, 70, 82, 95, 100)
_MEDICATION = {
    "opioid": (("methadone", 35), ("buprenorphine", 25), ("naltrexone", 7)),
    "alcohol": (("naltrexone", 15), ("other", 5)),
    "tobacco": (("other", 60),),
}
_RATING_BONUS = {"active": 0, "partial": 2, "lapse": 1, "remission": 4, "no_dx": 3}
_BARC_CENTRE = {"active": 2.8, "partial": 3.9, "lapse": 3.7, "remission": 4.7, "no_dx": 4.2}
_USE_LIMIT_SECONDARY = {"active": 28, "partial": 8, "lapse": 4, "remission": 2, "no_dx": 6}


@dataclass(frozen=True)
class Profile:
    """What stays true of a client across the years."""

    primary: str
    others: tuple[str, ...]
    diagnosed: bool
    injects: bool
    recovery: float  # chance per follow-up of leaving active use
    barc: bool  # the agency uses BARC-10 with this client
    children: bool
    risk: float  # multiplies the yearly rate of harm events
    outreach: bool  # also seen at the harm-reduction counter


@dataclass
class Course:
    """What changes: the state of the primary class and the current episode's plan."""

    state: str = "active"
    linger: str = "hazardous_use"
    craver: bool = False
    intake_criteria: int = 0
    intake_use: int = 0
    last_use: dt.date | None = None
    medication: str = "none"
    medication_from: int = 0  # follow-up number at which the medication starts
    goal: str = "undecided"
    attempts: int = 0
    remissions: int = 0
    base: tuple[int, int, int] = (8, 8, 8)
    previous: dt.date | None = None
    follow_up: int = 0


def start_course(rng: random.Random, profile: Profile) -> Course:
    base = (rng.randint(3, 13), rng.randint(4, 14), rng.randint(3, 12))
    return Course(attempts=min(12, int(rng.expovariate(0.7))), base=base)


def open_episode(rng: random.Random, profile: Profile, course: Course, first: bool) -> None:
    """An intake: criteria in the past 12 months, a fresh plan for the episode."""
    if not first:
        course.attempts += 1 + course.remissions
        course.remissions = 0
    course.state = "active" if profile.diagnosed else "no_dx"
    course.linger = rng.choice(_LINGERING)
    course.craver = rng.random() < 0.3
    course.medication, course.medication_from = "none", 0
    for name, percent in _MEDICATION.get(profile.primary, (("other", 4),)):
        if rng.random() * 100 < percent:
            course.medication, course.medication_from = name, 0 if rng.random() < 0.7 else 1
            break
    medicated = course.medication != "none"
    course.goal = "medication" if medicated and rng.random() < 0.5 else _goal(rng)
    course.follow_up = 0
    course.intake_criteria = intake_size(rng, profile)
    course.intake_use = rng.randint(6, 28) if profile.diagnosed else rng.randint(0, 10)


def _goal(rng: random.Random) -> str:
    return rng.choices(_GOALS, cum_weights=_GOAL_CUM)[0]


def advance(rng: random.Random, profile: Profile, course: Course, setting: str) -> None:
    """Move the primary class on at a completed follow-up."""
    course.follow_up += 1
    if rng.random() < 0.08:
        course.goal = _goal(rng)
    if course.state == "no_dx":
        return
    if course.state == "active":
        leave = profile.recovery
        weights = (1 - leave - _ACTIVE_TO_PARTIAL, 1 - leave, 1.0, 1.0)
    else:
        weights = _TRANSITIONS[course.state]
    roll = rng.random()
    new = next(s for s, w in zip(_STATES, weights, strict=True) if roll < w)
    if setting != "none" and new in ("active", "lapse"):
        new = "remission"  # no access to substances, so no new criteria or use
    if new == "partial" and course.craver:
        # Craving plus the lingering criterion would make two: a recurrence, not partial.
        new = "remission"
    if new == "remission" and course.state in ("active", "partial", "lapse"):
        course.remissions += course.state == "active"
    course.state = new


def medication_now(rng: random.Random, course: Course) -> tuple[str, bool | None]:
    if course.medication == "none" or course.follow_up < course.medication_from:
        return "none", None
    return course.medication, rng.random() < 0.9


def criteria_for(
    rng: random.Random, course: Course, cls: str, primary: bool, blocked: tuple[str, ...]
) -> tuple[str, ...]:
    """Criteria of one class at a completed visit (an intake when follow_up == 0)."""
    pool = [c for c in codes.CRITERIA if c not in blocked]
    state = course.state if primary else _secondary_state(rng, course)
    if not primary and state == "active":
        count = rng.randint(0, 6)
    elif course.follow_up == 0 and state == "active":
        count = course.intake_criteria
    elif state == "active":
        count = max(2, course.intake_criteria + rng.randint(-4, 1))
    elif state == "partial":
        return (course.linger,)
    elif state in ("remission", "lapse"):
        return ("craving",) if course.craver and primary else ()
    else:  # no diagnosis: at most the one criterion, never two in a year
        return (course.linger,) if rng.random() < 0.4 else ()
    chosen = set(rng.sample(pool, min(count, len(pool))))
    return tuple(c for c in codes.CRITERIA if c in chosen)


def _secondary_state(rng: random.Random, course: Course) -> str:
    if course.state == "active" or course.follow_up == 0:
        return "active"
    return "remission" if rng.random() < 0.8 else "lapse"


def intake_size(rng: random.Random, profile: Profile) -> int:
    """Number of criteria for the primary class at an intake: mostly moderate to severe."""
    if not profile.diagnosed:
        return 0
    return rng.choices(range(2, 12), cum_weights=(6, 14, 24, 36, 50, 63, 76, 87, 95, 100))[0]


def use_days(rng: random.Random, course: Course, cls: str, primary: bool, setting: str) -> int:
    if setting != "none":
        return 0
    state = course.state if primary else _secondary_state(rng, course)
    if cls == "tobacco":
        quit_smoking = state == "remission" and rng.random() < (0.85 if primary else 0.25)
        return 0 if quit_smoking else rng.randint(15, 28)
    if not primary:
        return rng.randint(0, _USE_LIMIT_SECONDARY[state])
    if state == "active":
        if course.follow_up == 0:
            return course.intake_use
        if course.goal in ("reduction", "safer_use", "medication") and rng.random() < 0.6:
            return course.intake_use // 3
        return min(28, max(1, course.intake_use + rng.randint(-8, 4)))
    return {
        "partial": rng.randint(0, 6),
        "lapse": rng.randint(1, 4),
        "no_dx": rng.randint(0, 10),
    }.get(state, 1 if rng.random() < 0.05 else 0)


def ratings(rng: random.Random, course: Course) -> tuple[int, int, int]:
    """Psychological health, physical health, quality of life: 0-20, better in remission."""
    bonus = _RATING_BONUS[course.state] + min(course.follow_up, 4) * (course.state == "remission")
    psych, physical, life = (max(0, min(20, b + bonus + rng.randint(-2, 2))) for b in course.base)
    return psych, physical, life


def barc10(rng: random.Random, profile: Profile, course: Course) -> list[int] | None:
    if not profile.barc or rng.random() < 0.2:
        return None
    centre = _BARC_CENTRE[course.state]
    return [max(1, min(6, round(rng.gauss(centre, 0.9)))) for _ in range(10)]


def self_identified(rng: random.Random, course: Course) -> str | None:
    roll = rng.random()
    if roll < 0.1:
        return None
    yes = 0.6 if course.state == "remission" else 0.3 if course.state == "partial" else 0.1
    return "yes" if roll < 0.1 + yes * 0.85 else "declined" if roll > 0.88 else "no"


def last_use(rng: random.Random, course: Course, on: dt.date, days_used: int) -> dt.date | None:
    """Date of last use of alcohol or a non-prescribed drug; None when the client declines."""
    if days_used > 0:
        course.last_use = on - DAY * rng.randint(0, 28 - days_used)
    elif course.last_use is None or course.last_use > on - DAY * 28:
        course.last_use = on - DAY * rng.randint(29, 150)
    return None if rng.random() < 0.06 else course.last_use


def last_met(
    rng: random.Random, course: Course, on: dt.date, criteria: tuple[str, ...], setting: str
) -> dt.date | None:
    """When a criterion other than craving was last present (after the previous visit)."""
    if not any(c != "craving" for c in criteria):
        return None
    if course.follow_up > 0 and rng.random() < 0.08:
        return None  # left empty on the form; the rules then use assessed_on
    room = (on - course.previous).days - 1 if course.previous else 365
    back = rng.randint(30, 150) if setting != "none" else rng.randint(0, 45)
    return on - DAY * max(0, min(back, room))
